"""Documents that copy another: every claim they share with it is an echo, not a confirmation.

A document that repeats several sentences of an earlier one nearly word for word (wire copy
run by another outlet, a rewrite of a rival's story) relays that document. The sentences
copied are already dependent (`same wire copy`); the others the two documents share, which
the copy reworded, come from the same place too, so every relation between the two documents
that independence is judged for becomes dependent, with the copy named as the reason.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, TypeVar, cast

from claims.match.independence import SYNDICATED_WORDING
from claims.match.models import Independence, Judgement

COPIED_SENTENCES = 3
"""Sentences alike (wording >= SYNDICATED_WORDING) from which one document copies another."""
UNKNOWN = "origin unknown: no identifiable source"
VERSIONS = "versions of one document"


class Linked(Protocol):
    """A relation found by matching (`claims.match.engine.Found`), as copies reads it."""

    @property
    def low(self) -> int: ...
    @property
    def high(self) -> int: ...
    @property
    def judgement(self) -> Judgement: ...
    @property
    def independence(self) -> Independence | None: ...


class Placed(Protocol):
    """Where a claim appeared (a `MatchClaim`, or the placement the store reads for one)."""

    @property
    def document_id(self) -> int: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...


Item = TypeVar("Item", bound=Linked)


def mark_copies(found: Sequence[Item], claims: Mapping[int, Placed]) -> list[Item]:
    """`found` with the relations between a copying document and its original made dependent.

    Versions of one document are left as `mark_versions` said: a new version is no copy.
    """
    copied = _copied_pairs(found, claims)
    if not copied:
        return list(found)
    marked: list[Item] = []
    for item in found:
        low, high = claims[item.low], claims[item.high]
        pair = _pair(low.document_id, high.document_id)
        linked = item.independence
        if pair not in copied or linked is None or _versions(linked):
            marked.append(item)
            continue
        reason = _reason(low, high, copied[pair])
        earlier = tuple(r for r in linked.shared if r != UNKNOWN)
        independence = Independence(
            independent=False, shared=(reason, *earlier), circular=linked.circular
        )
        marked.append(cast(Item, dataclasses.replace(cast(Any, item), independence=independence)))
    return marked


def _versions(linked: Independence) -> bool:
    return any(reason.startswith(VERSIONS) for reason in linked.shared)


def _copied_pairs(
    found: Sequence[Linked], claims: Mapping[int, Placed]
) -> dict[tuple[int, int], int]:
    """Document pairs with at least COPIED_SENTENCES sentences alike, and how many."""
    alike: Counter[tuple[int, int]] = Counter()
    for item in found:
        low, high = claims[item.low], claims[item.high]
        if low.document_id == high.document_id:
            continue
        if item.judgement.signals.wording >= SYNDICATED_WORDING:
            alike[_pair(low.document_id, high.document_id)] += 1
    return {pair: count for pair, count in alike.items() if count >= COPIED_SENTENCES}


def _pair(first: int, second: int) -> tuple[int, int]:
    return (first, second) if first < second else (second, first)


def _reason(first: Placed, second: Placed, count: int) -> str:
    """The reason in words (copied from Wire Agency (document 1): 4 sentences alike)."""
    original = min(first, second, key=_appearance)
    name = original.outlet or f"document {original.document_id}"
    return f"copied from {name} (document {original.document_id}): {count} sentences alike"


def _appearance(claim: Placed) -> tuple[bool, str, int]:
    """Earliest published first (undated last), then earliest stored."""
    return (claim.published is None, claim.published or "", claim.document_id)
