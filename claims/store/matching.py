"""Matching claims in the database: keys, candidates, relations, clusters and credibility.

`match_claims` runs inside the ingest transaction for the claims just stored: it writes
their blocking keys to `claim_keys`, reads the postings of their rarest keys back with one
indexed query per chunk (the same SQL on SQLite and PostgreSQL), keeps each claim's
closest candidates within the budget of `claims.match.candidates`, scores and relates
them, and writes relations without touching reviewed ones: a confirmed or rejected pair
keeps its row, and a rejected pair is never proposed again. Clusters and the proposed
credibility of every affected claim are updated in the same transaction. `rebuild`
recomputes everything except reviewed relations.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar, cast

from pydantic import BaseModel, Field
from sqlalchemy import Table, bindparam, delete, func, insert, or_, select, tuple_, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from claims.match.build import from_features
from claims.match.candidates import (
    CANDIDATE_BUDGET,
    KeyIndex,
    probe_keys,
    shared_weights,
    within_budget,
)
from claims.match.cluster import Appearance, stories
from claims.match.engine import Found, Tally, candidate_pairs, judge, keys_of, rarity_of
from claims.match.models import ChainNode, Independence, Kind, MatchClaim
from claims.match.normalize.keys import WORD
from claims.match.relate import side
from claims.match.repeats import repeated_copies
from claims.match.score import pairs_above_cutoff
from claims.store.audit import record
from claims.store.chunks import IN_LIST_SIZE, chunks
from claims.store.corroboration import credibility_affected
from claims.store.sources_links import refresh_claims
from db.models import Attribution, Claim, ClaimKey, Cluster, Document, Relation, Source

PROPOSED, CONFIRMED, REJECTED = "proposed", "confirmed", "rejected"
LABEL_CHARS = 200
MAX_OWNER_DEPTH = 8

T = TypeVar("T")


class MatchReport(BaseModel):
    """What one matching run did (printed by `claims match`)."""

    claims: int = 0
    keys: int = 0
    candidates: int = 0
    """Candidate pairs proposed by the blocking keys."""
    scored: int = 0
    """Candidate pairs above the rapidfuzz cutoff, judged by `relate`."""
    relations: dict[str, int] = Field(default_factory=dict)
    """Relations written, by kind."""
    kept_reviewed: int = 0
    """Pairs found again but left alone because a reviewer confirmed or rejected them."""
    removed: int = 0
    """Proposed relations of re-matched claims that no longer hold."""
    clusters: int = 0
    circular: list[str] = Field(default_factory=list)
    repeated: int = 0
    """Copies of claims repeated inside their own document (see `repeated_claims`)."""
    credibility: str = ""
    seconds: float = 0.0


def match_claims(session: Session, claims: Sequence[Claim], actor: str) -> MatchReport:
    """Match newly stored (or re-extracted) claims against everything stored."""
    started = time.perf_counter()
    ids = sorted({claim.id for claim in claims})
    report = MatchReport(claims=len(ids))
    if not ids:
        return report
    session.flush()
    loaded = load_claims(session, ids)
    keys = {claim.id: keys_of(claim) for claim in loaded}
    report.keys = _write_keys(session, keys)
    frequency = key_frequency(session, (key for found in keys.values() for key in found))
    pairs = _candidates(session, keys, frequency)
    report.candidates = len(pairs)
    texts = {claim.id: claim.text for claim in loaded}
    texts.update(_texts(session, sorted({i for pair in pairs for i in pair} - texts.keys())))
    pairs = pairs_above_cutoff(pairs, texts)
    others = load_claims(session, sorted({i for pair in pairs for i in pair} - set(ids)))
    everything = {claim.id: claim for claim in [*loaded, *others]}
    other_keys = stored_word_keys(session, [claim.id for claim in others])
    frequency.update(key_frequency(session, other_keys - frequency.keys()))
    rarity = rarity_of(frequency, _scalar(session, select(func.count()).select_from(Claim)))
    sides = {claim_id: side(claim) for claim_id, claim in everything.items()}
    tally = Tally()
    found = judge([(sides[a], sides[b]) for a, b in pairs], rarity, tally=tally)
    found = mark_versions(session, found, {c.id: c.document_id for c in everything.values()})
    report.scored = tally.scored
    _store_relations(session, found, ids, report)
    touched = set(ids) | {i for item in found for i in (item.low, item.high)}
    report.clusters = refresh_clusters(session, touched)
    report.repeated = len(repeated_claims(session, ids))
    report.credibility = update_credibility(session, touched)
    _finish(session, actor, "claims.match", report, started)
    return report


def rebuild(session: Session, actor: str, workers: int = 2) -> MatchReport:
    """Recompute keys, relations, clusters and credibility; reviewed relations stay."""
    started = time.perf_counter()
    session.flush()
    session.execute(delete(ClaimKey))
    report = MatchReport(removed=_scalar(session, _count_proposed()))
    session.execute(delete(Relation).where(Relation.status == PROPOSED))
    _clear_clusters(session)
    ids = list(session.scalars(select(Claim.id).order_by(Claim.id)))
    claims = load_claims(session, ids)
    keys = {claim.id: keys_of(claim) for claim in claims}
    _insert_keys(session, keys)
    report.claims, report.keys = len(claims), sum(len(k) for k in keys.values())
    index = KeyIndex()
    for claim_id, claim_keys in keys.items():
        index.add(claim_id, claim_keys)
    pairs = candidate_pairs(index, keys)
    report.candidates = len(pairs)
    sides = {claim.id: side(claim) for claim in claims}
    tally = Tally()
    rarity = rarity_of(index.frequency(), len(claims))
    found = judge([(sides[a], sides[b]) for a, b in pairs], rarity, workers, tally)
    found = mark_versions(session, found, {claim.id: claim.document_id for claim in claims})
    report.scored = tally.scored
    _store_relations(session, found, [], report)
    report.clusters = refresh_clusters(session, set(ids))
    report.repeated = len(repeated_claims(session, ids))
    report.credibility = update_credibility(session, set(ids))
    _finish(session, actor, "claims.rebuild", report, started)
    return report


def _count_proposed() -> Any:
    return select(func.count()).select_from(Relation).where(Relation.status == PROPOSED)


def _scalar(session: Session, query: Any) -> int:
    return int(session.scalar(query) or 0)


def _finish(session: Session, actor: str, action: str, report: MatchReport, started: float) -> None:
    report.seconds = round(time.perf_counter() - started, 3)
    summary = report.model_dump(exclude={"circular", "seconds"})
    record(session, actor, action, "claim", None, after=summary)
    session.flush()


# --- loading ------------------------------------------------------------------------------


def load_claims(session: Session, ids: Sequence[int]) -> list[MatchClaim]:
    """Stored claims as matching sees them: features, chain, owners, document metadata."""
    if not ids:
        return []
    chains = _chains(session, ids)
    loaded = []
    for chunk in chunks(ids):
        rows = session.execute(
            select(
                Claim.id,
                Claim.document_id,
                Claim.text,
                Claim.kind,
                Claim.features,
                Claim.start,
                Document.outlet,
                Document.original_publisher,
                Document.published,
            )
            .join(Document, Document.id == Claim.document_id)
            .where(Claim.id.in_(chunk))
        )
        for row in rows:
            loaded.append(
                from_features(
                    row.id,
                    row.document_id,
                    row.text,
                    row.features if isinstance(row.features, dict) else {},
                    start=row.start,
                    kind=row.kind,
                    chain=chains.get(row.id, ()),
                    outlet=row.outlet,
                    original_publisher=row.original_publisher,
                    published=row.published,
                )
            )
    return sorted(loaded, key=lambda claim: claim.id)


def _chains(session: Session, ids: Sequence[int]) -> dict[int, list[ChainNode]]:
    rows: list[Any] = []
    for chunk in chunks(ids):
        rows += session.execute(
            select(
                Attribution.claim_id,
                Attribution.role,
                Attribution.mention,
                Attribution.source_id,
                Source.name,
            )
            .outerjoin(Source, Source.id == Attribution.source_id)
            .where(Attribution.claim_id.in_(chunk))
            .order_by(Attribution.claim_id, Attribution.position)
        ).all()
    owners = _owners(session, {row.source_id for row in rows if row.source_id is not None})
    chains: dict[int, list[ChainNode]] = defaultdict(list)
    for row in rows:
        chains[row.claim_id].append(
            ChainNode(
                role=row.role,
                mention=row.mention,
                source_id=row.source_id,
                source_name=row.name,
                owners=owners.get(row.source_id, ()) if row.source_id is not None else (),
            )
        )
    return chains


def _owners(session: Session, source_ids: set[int]) -> dict[int, tuple[tuple[int, str], ...]]:
    """Each source's owners, nearest first, following `parent_id` (cycles stop the walk)."""
    known: dict[int, tuple[str, int | None]] = {}
    wanted = set(source_ids)
    for _ in range(MAX_OWNER_DEPTH + 1):
        missing = sorted(wanted - set(known))
        if not missing:
            break
        for chunk in chunks(missing):
            for row in session.execute(
                select(Source.id, Source.name, Source.parent_id).where(Source.id.in_(chunk))
            ):
                known[row.id] = (row.name, row.parent_id)
        wanted = {parent for _, parent in known.values() if parent is not None}
    result: dict[int, tuple[tuple[int, str], ...]] = {}
    for source_id in source_ids:
        chain: list[tuple[int, str]] = []
        parent = known.get(source_id, ("", None))[1]
        while parent is not None and parent in known and parent != source_id:
            if any(owner == parent for owner, _ in chain) or len(chain) >= MAX_OWNER_DEPTH:
                break
            chain.append((parent, known[parent][0]))
            parent = known[parent][1]
        result[source_id] = tuple(chain)
    return result


# --- keys and candidates ------------------------------------------------------------------


def _write_keys(session: Session, keys: Mapping[int, list[str]]) -> int:
    for chunk in chunks(sorted(keys)):
        session.execute(delete(ClaimKey).where(ClaimKey.claim_id.in_(chunk)))
    _insert_keys(session, keys)
    return sum(len(found) for found in keys.values())


def _texts(session: Session, ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for chunk in chunks(ids):
        found.update(session.execute(select(Claim.id, Claim.text).where(Claim.id.in_(chunk))).all())
    return found


def stored_word_keys(session: Session, ids: Sequence[int]) -> set[str]:
    """The word keys already stored for these claims: what word rarity is read from.

    Only `w:` keys weigh words (`claims.match.score.WordFrequency`); counting the others'
    entity, number, date and pair keys would cost time for nothing.
    """
    found: set[str] = set()
    for chunk in chunks(sorted(ids)):
        found.update(
            session.scalars(
                select(ClaimKey.key).where(
                    ClaimKey.claim_id.in_(chunk), ClaimKey.key.startswith(WORD, autoescape=True)
                )
            )
        )
    return found


def _insert_keys(session: Session, keys: Mapping[int, list[str]]) -> None:
    rows = [{"claim_id": claim_id, "key": key} for claim_id, found in keys.items() for key in found]
    for chunk in chunks(rows, 5000):
        session.execute(insert(ClaimKey), list(chunk))


def key_frequency(session: Session, keys: Iterable[str]) -> dict[str, int]:
    """How many claims hold each key (an indexed count per key)."""
    frequency: dict[str, int] = {}
    for chunk in chunks(sorted(set(keys))):
        for key, count in session.execute(
            select(ClaimKey.key, func.count()).where(ClaimKey.key.in_(chunk)).group_by(ClaimKey.key)
        ):
            frequency[key] = int(count)
    return frequency


def _candidates(
    session: Session, keys: Mapping[int, list[str]], frequency: Mapping[str, int]
) -> list[tuple[int, int]]:
    probes = {claim_id: probe_keys(found, frequency) for claim_id, found in keys.items()}
    postings: dict[str, list[int]] = defaultdict(list)
    for chunk in chunks(sorted({key for found in probes.values() for key in found})):
        for key, claim_id in session.execute(
            select(ClaimKey.key, ClaimKey.claim_id).where(ClaimKey.key.in_(chunk))
        ):
            postings[key].append(claim_id)
    shared = {
        claim_id: shared_weights(claim_id, found, postings, frequency)
        for claim_id, found in probes.items()
    }
    crowded = {
        other for found in shared.values() if len(found) > CANDIDATE_BUDGET for other in found
    }
    sizes = {claim_id: len(found) for claim_id, found in keys.items()}
    sizes.update(key_counts(session, sorted(crowded - sizes.keys())))
    pairs: set[tuple[int, int]] = set()
    for claim_id, weights in shared.items():
        for other in within_budget(claim_id, weights, sizes):
            pairs.add((min(claim_id, other), max(claim_id, other)))
    return sorted(pairs)


def key_counts(session: Session, ids: Sequence[int]) -> dict[int, int]:
    """How many keys each of these claims has (what the candidate budget ranks by)."""
    counts: dict[int, int] = {}
    for chunk in chunks(ids):
        for claim_id, count in session.execute(
            select(ClaimKey.claim_id, func.count())
            .where(ClaimKey.claim_id.in_(chunk))
            .group_by(ClaimKey.claim_id)
        ):
            counts[claim_id] = int(count)
    return counts


# --- relations ----------------------------------------------------------------------------


def mark_versions(
    session: Session, found: Sequence[Found], document_of: Mapping[int, int]
) -> list[Found]:
    """Say so when two related claims are in versions of one document.

    A document ingested again with changed text is a new version; its claims meet their
    old selves in matching. They are one origin, never corroboration, and a conflict
    between them means the article was changed (a corrected date or figure).
    """
    lineage = _lineages(session, {document_of[i] for item in found for i in (item.low, item.high)})
    marked: list[Found] = []
    for item in found:
        low, high = document_of[item.low], document_of[item.high]
        if low == high or lineage[low] != lineage[high]:
            marked.append(item)
            continue
        versions = f"versions of one document: #{low} and #{high}"
        changed = "changed in the new version" if item.judgement.kind == Kind.CONFLICTS else None
        reasons = tuple(r for r in (changed, versions) if r) + item.judgement.reasons
        independence = Independence(independent=False, shared=(versions,))
        judgement = item.judgement.model_copy(update={"reasons": reasons})
        marked.append(Found(item.low, item.high, judgement, independence))
    return marked


def _lineages(session: Session, document_ids: set[int]) -> dict[int, int]:
    """Each document's first version: equal for all versions of one document."""
    previous: dict[int, int | None] = {}
    wanted = set(document_ids)
    while wanted:
        rows = session.execute(
            select(Document.id, Document.previous_id).where(Document.id.in_(sorted(wanted)))
        ).all()
        previous.update({row.id: row.previous_id for row in rows})
        wanted = {row.previous_id for row in rows if row.previous_id is not None} - set(previous)
    roots: dict[int, int] = {}
    for document_id in document_ids:
        root, seen = document_id, {document_id}
        while (earlier := previous.get(root)) is not None and earlier not in seen:
            root = earlier
            seen.add(root)
        roots[document_id] = root
    return roots


def _store_relations(
    session: Session, found: Sequence[Found], rematched: Sequence[int], report: MatchReport
) -> None:
    """Insert or update proposed relations; reviewed pairs are kept as the reviewer left them."""
    existing = _existing(session, found, rematched)
    seen: set[tuple[int, int]] = set()
    inserts: list[dict[str, Any]] = []
    kinds: Counter[str] = Counter()
    for item in found:
        pair = (item.low, item.high)
        seen.add(pair)
        values = _values(item)
        row = existing.get(pair)
        if row is not None and row.status != PROPOSED:
            report.kept_reviewed += 1
            continue
        kinds[values["kind"]] += 1
        if item.independence is not None:
            report.circular += list(item.independence.circular)
        if row is None:
            inserts.append({"claim_id": item.low, "other_claim_id": item.high, **values})
        else:
            for name, value in values.items():
                setattr(row, name, value)
    for pair, row in existing.items():
        if pair not in seen and row.status == PROPOSED:
            session.delete(row)
            report.removed += 1
    for chunk in chunks(inserts, 2000):
        session.execute(insert(Relation), [_with_defaults(row) for row in chunk])
    session.flush()
    report.relations = dict(sorted(kinds.items()))
    report.circular = sorted(set(report.circular))


def _with_defaults(values: dict[str, Any]) -> dict[str, Any]:
    return {"status": PROPOSED, "row_version": 1, **values}


def _values(item: Found) -> dict[str, Any]:
    judgement, linked = item.judgement, item.independence
    return {
        "kind": str(judgement.kind),
        "score": judgement.score,
        "reasons": list(judgement.reasons),
        "independent": linked.independent if linked is not None else None,
        "dependency": [*linked.shared, *linked.circular] if linked is not None else [],
    }


def _existing(
    session: Session, found: Sequence[Found], rematched: Sequence[int]
) -> dict[tuple[int, int], Relation]:
    """Stored relations of the found pairs, and every relation of re-matched claims.

    Reads the found pairs themselves (those the re-matched claims' own relations do not
    already cover), not every relation of their claims: a claim of a big story has
    thousands. Locked until the transaction ends: a reviewer's confirm or reject either
    lands before (and is kept) or waits for this run (and then sees its result).
    """
    again = set(rematched)
    wanted = sorted({(i.low, i.high) for i in found if i.low not in again and i.high not in again})
    queries: list[ColumnElement[bool]] = [
        or_(Relation.claim_id.in_(chunk), Relation.other_claim_id.in_(chunk))
        for chunk in chunks(sorted(again))
    ]
    queries += [
        tuple_(Relation.claim_id, Relation.other_claim_id).in_(chunk)
        for chunk in chunks(wanted, IN_LIST_SIZE // 2)
    ]
    rows: dict[tuple[int, int], Relation] = {}
    for where in queries:
        for relation in session.scalars(
            select(Relation)
            .where(where)
            .with_for_update()
            .execution_options(populate_existing=True)
        ):
            rows[(relation.claim_id, relation.other_claim_id)] = relation
    return rows


def live_links(session: Session, ids: Iterable[int]) -> list[tuple[int, int, str, bool | None]]:
    """(claim, other, kind, independent) of every non-rejected relation touching `ids`."""
    links: list[Any] = []
    for chunk in chunks(sorted(set(ids))):
        links += session.execute(
            select(
                Relation.claim_id, Relation.other_claim_id, Relation.kind, Relation.independent
            ).where(
                Relation.status != REJECTED,
                or_(Relation.claim_id.in_(chunk), Relation.other_claim_id.in_(chunk)),
            )
        ).all()
    return list({(a, b, kind, independent) for a, b, kind, independent in links})


# --- clusters -----------------------------------------------------------------------------


def refresh_relations(session: Session, claim_ids: set[int]) -> None:
    """Recompute stories and proposed credibility after relations changed outside matching."""
    if claim_ids:
        refresh_clusters(session, claim_ids)
        update_credibility(session, claim_ids)


def refresh_clusters(session: Session, claim_ids: set[int]) -> int:
    """Recompute the stories that contain `claim_ids`; returns how many clusters were touched.

    Call it after relations change (including a reviewer rejecting one).
    """
    component, links = _component(session, claim_ids)
    if not component:
        return 0
    appearance = _appearances(session, component)
    found = stories(component, links, lambda claim: appearance[claim].appearance)
    previous = _cluster_ids(session, component)
    used: set[int] = set()
    assignments: dict[int, int | None] = dict.fromkeys(component)
    for story in found:
        reusable = sorted({k for m in story.members if (k := previous.get(m))} - used)
        cluster = session.get(Cluster, reusable[0]) if reusable else None
        if cluster is None:
            cluster = Cluster()
            session.add(cluster)
        cluster.first_claim_id = story.first
        cluster.size = len(story.members)
        cluster.label = appearance[story.first].label
        session.flush()
        used.add(cluster.id)
        for member in story.members:
            assignments[member] = cluster.id
    changed = [{"cid": c, "cluster": k} for c, k in assignments.items() if previous.get(c) != k]
    table = cast(Table, Claim.__table__)
    statement = (
        update(table).where(table.c.id == bindparam("cid")).values(cluster_id=bindparam("cluster"))
    )
    for rows in chunks(changed, 2000):
        session.execute(statement, list(rows))
    _expire_clusters(session, {int(row["cid"] or 0) for row in changed})
    stale = {k for k in previous.values() if k is not None} - used
    for chunk in chunks(sorted(stale)):
        session.execute(delete(Cluster).where(Cluster.id.in_(chunk)))
    return len(used)


def _clear_clusters(session: Session) -> None:
    """Forget every story before a rebuild.

    `cluster_id` is derived by matching, not owned by a reviewer, so it is written on the
    table and does not bump `row_version`: a re-clustering must never make a reviewer's
    save of the same claim look stale.
    """
    table = cast(Table, Claim.__table__)
    session.execute(update(table).values(cluster_id=None))
    session.execute(delete(Cluster))
    session.expire_all()


def _expire_clusters(session: Session, ids: set[int]) -> None:
    """Claims already loaded in the session read their new cluster on next access."""
    for item in list(session.identity_map.values()):
        if isinstance(item, Claim) and item.id in ids:
            session.expire(item, ["cluster_id"])


def _component(session: Session, seeds: set[int]) -> tuple[list[int], list[tuple[int, int]]]:
    """Every claim reachable from `seeds` through non-rejected relations, and those links."""
    reached = set(seeds)
    frontier = set(seeds)
    links: set[tuple[int, int]] = set()
    while frontier:
        found = live_links(session, frontier)
        links |= {(a, b) for a, b, _, _ in found}
        frontier = {i for a, b, _, _ in found for i in (a, b)} - reached
        reached |= frontier
    return sorted(reached), sorted(links)


class _Seen:
    """Where a claim appeared, and the label its cluster gets if it came first."""

    def __init__(self, published: str | None, document: int, start: int, text: str) -> None:
        self.appearance = Appearance(published, document, start)
        self.label = text[:LABEL_CHARS]


def _appearances(session: Session, ids: Sequence[int]) -> dict[int, _Seen]:
    found: dict[int, _Seen] = {}
    for chunk in chunks(list(ids)):
        for row in session.execute(
            select(Claim.id, Claim.start, Claim.text, Claim.document_id, Document.published)
            .join(Document, Document.id == Claim.document_id)
            .where(Claim.id.in_(chunk))
        ):
            found[row.id] = _Seen(row.published, row.document_id, row.start, row.text)
    return found


def _cluster_ids(session: Session, ids: Sequence[int]) -> dict[int, int | None]:
    found: dict[int, int | None] = {}
    for chunk in chunks(list(ids)):
        for claim_id, cluster_id in session.execute(
            select(Claim.id, Claim.cluster_id).where(Claim.id.in_(chunk))
        ):
            found[claim_id] = cluster_id
    return found


# --- credibility --------------------------------------------------------------------------


def update_credibility(session: Session, ids: set[int]) -> str:
    """Re-propose the credibility of `ids` and of every claim their relations' changes move."""
    affected = credibility_affected(session, ids)
    refresh_claims(session, sorted(affected))
    return f"updated for {len(affected)} claims"


# --- repeated paragraphs ------------------------------------------------------------------


class RepeatedClaim(BaseModel):
    """A claim whose sentence is repeated later in its own document (a duplicate there)."""

    claim_id: int
    document_id: int
    start: int
    end: int
    reason: str


def repeated_claims(session: Session, claim_ids: Sequence[int]) -> list[RepeatedClaim]:
    """Copies of these claims in their documents' repeated-paragraph debris."""
    by_document: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for chunk in chunks(sorted(set(claim_ids))):
        for claim_id, document_id, start, end in session.execute(
            select(Claim.id, Claim.document_id, Claim.start, Claim.end).where(Claim.id.in_(chunk))
        ):
            by_document[document_id].append((claim_id, start, end))
    found: list[RepeatedClaim] = []
    for document_id, members in sorted(by_document.items()):
        document = session.get(Document, document_id)
        if document is None or not document.debris:
            continue
        debris = [(int(s), int(e), str(r)) for s, e, r in document.debris]
        ids = {(start, end): claim_id for claim_id, start, end in members}
        for copy in repeated_copies(document.text, debris, list(ids)):
            claim_id = ids[(copy.claim_start, copy.claim_start + copy.end - copy.start)]
            found.append(
                RepeatedClaim(
                    claim_id=claim_id,
                    document_id=document_id,
                    start=copy.start,
                    end=copy.end,
                    reason=copy.reason,
                )
            )
    return found
