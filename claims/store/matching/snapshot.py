"""A document's pairs judged on a read snapshot, before its write transaction takes the lock.

Finding a new document's candidates and judging its pairs is most of its write transaction,
and on SQLite every review save waits for that transaction. Ingest therefore judges them
first, on a read snapshot: the new claims on provisional ids (above every stored id, in the
order they will be written), their keys held in memory beside the stored ones
(`SnapshotIndex`), the sources their chains would create on temporary ids. The write
transaction then stores what was judged only if nothing matching reads has changed since
(`matching_inputs.generation`, which the database bumps, is the same) and the claims it
wrote are the claims that were judged (`bind`); otherwise it matches them itself, as it
always did. Either way it stores the same relations.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.match.engine import arrivals
from claims.match.judge import Found, Tally
from claims.match.models import ChainNode, MatchClaim
from claims.match.pipeline import match_arrival
from claims.match.relate import Side, side
from claims.store.matching.generation import generation
from claims.store.matching.index import SqlIndex
from claims.store.matching.memo import IndexMemo, MemoAddition
from db.engine import storable
from db.models import Claim, Source


class SnapshotIndex(SqlIndex):
    """The claim index as a read snapshot holds it, the arriving batch added in memory.

    Reads what `SqlIndex` reads, plus what the batch's keys would have added had they been
    written (counts, holders, sizes, texts, the claim total), and writes nothing.
    """

    def __init__(self, session: Session, memo: IndexMemo | None = None) -> None:
        super().__init__(session, unkeyed=True)
        self.memo = memo
        """What this writer read before at the snapshot's generation (`memo.at` called)."""
        self.keys: dict[int, list[str]] = {}
        self._own: dict[int, MatchClaim] = {}
        self._own_counts: Counter[str] = Counter()
        self._own_holders: dict[str, list[int]] = defaultdict(list)

    def add_claims(self, claims: Sequence[MatchClaim], keys: Mapping[int, Sequence[str]]) -> None:
        self._own.update({claim.id: claim for claim in claims})
        for claim_id in sorted(keys):
            self.keys[claim_id] = list(keys[claim_id])
            for key in keys[claim_id]:
                self._own_counts[key] += 1
                self._own_holders[key].append(claim_id)
        self._total = None

    def total(self) -> int:
        if self._total is None:
            self._total = self._stored_total() + len(self.keys)
        return self._total

    def _stored_total(self) -> int:
        if self.memo is not None and self.memo.total is not None:
            return self.memo.total
        stored = int(self.session.scalar(select(func.count()).select_from(Claim)) or 0)
        if self.memo is not None:
            self.memo.total = stored
        return stored

    def counts(self, keys: Iterable[str]) -> Mapping[str, int]:
        wanted = set(keys)
        stored = super().counts(wanted)
        return {
            key: stored.get(key, 0) + self._own_counts[key]
            for key in wanted
            if key in stored or key in self._own_counts
        }

    def holders(self, keys: Sequence[str]) -> Mapping[str, Sequence[int]]:
        found = {key: list(ids) for key, ids in super().holders(keys).items()}
        for key in keys:
            if key in self._own_holders:
                found.setdefault(key, []).extend(self._own_holders[key])
        return found

    def key_counts(self, ids: Sequence[int]) -> Mapping[int, int]:
        stored = [i for i in ids if i not in self.keys]
        if self.memo is None:
            sizes = dict(super().key_counts(stored))
        else:
            known = self.memo.sizes
            missing = [i for i in stored if i not in known]
            read = super().key_counts(missing)
            known.update({i: read.get(i, 0) for i in missing})
            sizes = {i: size for i in stored if (size := known[i])}
        sizes.update({i: len(self.keys[i]) for i in ids if i in self.keys})
        return sizes

    def texts(self, ids: Sequence[int]) -> Mapping[int, str]:
        stored = [i for i in ids if i not in self._own]
        if self.memo is None:
            texts = dict(super().texts(stored))
        else:
            known = self.memo.texts
            known.update(super().texts([i for i in stored if i not in known]))
            texts = {i: known[i] for i in stored if i in known}
        texts.update({i: self._own[i].text for i in ids if i in self._own})
        return texts

    def sides(self, ids: Sequence[int]) -> Mapping[int, Side]:
        sides = dict(super().sides([i for i in ids if i not in self._own]))
        sides.update({i: side(self._own[i]) for i in ids if i in self._own})
        return sides


@dataclass(frozen=True)
class Precomputed:
    """A document's matching judged on a snapshot, its new claims on provisional ids."""

    generation: int
    """`generation` as the snapshot read it."""
    planned: frozenset[int]
    """Temporary ids of the sources the claims' chains point to that were not written yet."""
    sources_from: int
    """Every source the snapshot held has a lower id: the planned ones will get higher ids."""
    arriving: list[MatchClaim]
    """The new claims as they were judged, in id order."""
    keys: dict[int, list[str]]
    found: list[Found]
    tally: Tally


def judge_ahead(
    session: Session,
    arriving: Sequence[MatchClaim],
    planned: Iterable[int] = (),
    memo: IndexMemo | None = None,
) -> Precomputed:
    """Match claims about to be stored (on provisional ids) against the snapshot's claims;
    `planned` are the temporary ids of the sources their chains point to, not written yet;
    `memo`, what this writer read and wrote before (used if still current)."""
    stamp = generation(session)
    sources_from = int(session.scalar(select(func.coalesce(func.max(Source.id), 0))) or 0) + 1
    kept = memo.at(stamp) if memo is not None else None
    index, tally = SnapshotIndex(session, kept), Tally()
    found: list[Found] = []
    for batch in arrivals(arriving):
        found += match_arrival(index, batch, tally)
    ordered = sorted(arriving, key=lambda claim: claim.id)
    return Precomputed(stamp, frozenset(planned), sources_from, ordered, index.keys, found, tally)


def bind(precomputed: Precomputed, stored: Sequence[MatchClaim]) -> dict[int, int] | None:
    """Provisional id -> stored id, when the claims stored are exactly those judged.

    The ids must keep their order (a pair's lower id first, ties broken by id), and each
    claim must read the same as when it was judged but for its ids and the ids its planned
    sources got (each a new source, one for one); None otherwise.
    """
    real = sorted(stored, key=lambda claim: claim.id)
    if len(real) != len(precomputed.arriving):
        return None
    sources = _source_ids(precomputed, real)
    if sources is None:
        return None
    ids: dict[int, int] = {}
    for judged, claim in zip(precomputed.arriving, real, strict=True):
        chain = tuple(_renumbered(node, sources) for node in judged.chain)
        update = {"id": claim.id, "document_id": claim.document_id, "chain": chain}
        if judged.model_copy(update=update) != claim:
            return None
        ids[judged.id] = claim.id
    if list(ids.values()) != sorted(ids.values()):
        return None
    return ids


def _source_ids(precomputed: Precomputed, real: Sequence[MatchClaim]) -> dict[int, int] | None:
    """Planned source id -> the id it got: new sources, one for one; None if not so."""
    found: dict[int, int] = {}
    for judged, claim in zip(precomputed.arriving, real, strict=True):
        if len(judged.chain) != len(claim.chain):
            return None
        for planned, stored in zip(judged.chain, claim.chain, strict=True):
            if planned.source_id not in precomputed.planned:
                continue
            if stored.source_id is None or stored.source_id < precomputed.sources_from:
                return None
            if found.setdefault(planned.source_id, stored.source_id) != stored.source_id:
                return None
    if len(set(found.values())) != len(found):
        return None
    return found


def _renumbered(node: ChainNode, sources: Mapping[int, int]) -> ChainNode:
    """A chain link with its planned sources' ids (itself and its owners) as written."""
    if not sources:
        return node
    owners = tuple((sources.get(owner, owner), name) for owner, name in node.owners)
    source_id = sources.get(node.source_id, node.source_id) if node.source_id else None
    return node.model_copy(update={"source_id": source_id, "owners": owners})


def bound(
    precomputed: Precomputed, ids: Mapping[int, int]
) -> tuple[list[Found], dict[int, list[str]]]:
    """The relations found and the keys, on the stored ids."""
    found = [
        replace(item, low=ids.get(item.low, item.low), high=ids.get(item.high, item.high))
        for item in precomputed.found
    ]
    keys = {ids[claim_id]: found_keys for claim_id, found_keys in precomputed.keys.items()}
    return found, keys


def written_index(
    session: Session, precomputed: Precomputed, stored: Sequence[Claim]
) -> MemoAddition:
    """What a transaction that stored `precomputed` as judged wrote of the claim index: its
    claims (`stored`, the rows of the claims judged, in the same order of ids) with their
    texts and keys, and the generation it ends at (read after its last write)."""
    real = sorted(stored, key=lambda claim: claim.id)
    ids = {judged.id: claim.id for judged, claim in zip(precomputed.arriving, real, strict=True)}
    return MemoAddition(
        before=precomputed.generation,
        after=generation(session),
        texts={claim.id: storable(claim.text) for claim in real},
        keys={ids[claim_id]: found for claim_id, found in precomputed.keys.items()},
    )
