"""Whether two claims are independent: their attribution chains share no origin.

A chain is speaker -> intermediaries -> publisher, plus the document's original publisher
and every owner of every source on it. Two chains depend on each other when they trace back
to one origin (`claims.match.origin`: the first-hand source, else the publisher) or share
any of these: the same speaker, one outlet relaying the other, the same original publisher,
the same owner; copies of one wire text (wording 92%+ alike across outlets) depend too, and
so does anything passed on by a propaganda-flagged relay (an intermediary or publisher): such
an outlet's account of who said what cannot confirm anything. Generic speakers ("official
sources", "the Iraqi media") identify nobody, so they are never shared, but a chain with
nothing identifiable makes the answer unknown (None), which does not count as independent
either. Circular reporting (A cites B citing A) is found in the "cites" graph of the two
chains together.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from claims.extract.entities import same_entity
from claims.match.models import ChainNode, Independence, MatchClaim
from claims.match.origin import ClaimOrigin, claim_origin, identifiable

SYNDICATED_WORDING = 92.0
"""rapidfuzz ratio from which two claims in different documents are one wire copy."""


@dataclass(frozen=True)
class Origin:
    """One identifiable link of a chain: who, in which role, under which name."""

    name: str
    role: str
    source_id: int | None
    owner_of: Origin | None = None
    """For an owner: the link it owns (a ministry for its spokesman, a holding for its outlet)."""

    def same_as(self, other: Origin) -> bool:
        if self.source_id is not None and other.source_id is not None:
            return self.source_id == other.source_id
        return same_entity(self.name, other.name)

    def is_origin(self, origin: ClaimOrigin | None) -> bool:
        """Whether this link is `origin` (which the reasons then name once, as the origin)."""
        return origin is not None and self.same_as(Origin(origin.name, "", origin.source_id))


def origins(claim: MatchClaim) -> list[Origin]:
    """The identifiable links of a claim's chain, its owners and its original publisher."""
    found: list[Origin] = []
    for node in claim.chain:
        link = Origin(node.source_name or node.mention, node.role, node.source_id)
        if identifiable(node):
            found.append(link)
        found += [Origin(name, "owner", owner_id, link) for owner_id, name in node.owners]
    if claim.outlet and not any(node.role == "publisher" for node in claim.chain):
        found.append(Origin(claim.outlet, "publisher", None))
    if claim.original_publisher:
        found.append(Origin(claim.original_publisher, "original publisher", None))
    return found


def common_origin(a: MatchClaim, b: MatchClaim) -> ClaimOrigin | None:
    """The origin both claims trace back to, if it is one."""
    first = claim_origin(a.chain, a.outlet)
    second = claim_origin(b.chain, b.outlet)
    if first is None or second is None or not first.same_as(second):
        return None
    return min(first, second, key=lambda origin: (origin.source_id is None, len(origin.name)))


def independence(a: MatchClaim, b: MatchClaim, wording: float = 0.0) -> Independence:
    """Whether `a` and `b` share an origin, with the shared origins and any circular reporting."""
    shared: list[str] = []
    if a.document_id == b.document_id:
        shared.append("same document")
    elif wording >= SYNDICATED_WORDING:
        shared.append(f"same wire copy (wording {round(wording)}% alike)")
    origin = common_origin(a, b)
    if origin is not None:
        shared.append(f"same origin: {origin.name}")
    shared += [*a.flagged_relays, *b.flagged_relays]
    first, second = origins(a), origins(b)
    shared += _shared(first, second, origin)
    circular = circular_reporting([a.chain, b.chain])
    if shared or circular:
        return Independence(independent=False, shared=_unique(shared), circular=circular)
    if not first or not second:
        return Independence(independent=None, shared=("origin unknown: no identifiable source",))
    return Independence(independent=True)


def _shared(first: list[Origin], second: list[Origin], origin: ClaimOrigin | None) -> list[str]:
    reasons = []
    for one in first:
        for other in second:
            if one.same_as(other) and not _said_as_origin(one, other, origin):
                reasons.append(_describe(one, other))
    return reasons


def _said_as_origin(one: Origin, other: Origin, origin: ClaimOrigin | None) -> bool:
    """Both links are the common origin in one role, or both own it: "same origin" says it.

    In two roles (the speaker of one, the publisher of the other) one outlet relays the
    other, which is worth saying too.
    """
    if one.owner_of is not None and other.owner_of is not None:
        return one.owner_of.is_origin(origin) and other.owner_of.is_origin(origin)
    return one.role == other.role and one.is_origin(origin) and other.is_origin(origin)


def _describe(one: Origin, other: Origin) -> str:
    roles = {one.role, other.role}
    name = min(one.name, other.name, key=len)
    if roles == {"speaker"}:
        return f"same speaker: {name}"
    if roles == {"publisher"}:
        return f"same publisher: {name}"
    if roles == {"original publisher"} or "original publisher" in roles:
        return f"same original publisher: {name}"
    if "owner" in roles:
        return f"same owner: {name}"
    return f"relayed: {name} is {one.role} of one and {other.role} of the other"


def circular_reporting(chains: Iterable[Iterable[ChainNode]]) -> tuple[str, ...]:
    """Cycles in the "cites" graph of the chains: "Izvestia cites Shafaq citing Izvestia"."""
    names: list[tuple[ChainNode, str]] = []
    edges: dict[int, set[int]] = {}
    for chain in chains:
        ordered = [node for node in chain if identifiable(node)]
        ids = [_node_id(node, names) for node in reversed(ordered)]
        for citing, cited in itertools.pairwise(ids):
            if citing != cited:
                edges.setdefault(citing, set()).add(cited)
    found = {_cycle_text(cycle, names) for cycle in _cycles(edges)}
    return tuple(sorted(found))


def _node_id(node: ChainNode, names: list[tuple[ChainNode, str]]) -> int:
    """The index of the first known node that is the same source as `node` (added if new)."""
    label = node.source_name or node.mention
    probe = Origin(label, node.role, node.source_id)
    for index, (known, known_label) in enumerate(names):
        if probe.same_as(Origin(known_label, known.role, known.source_id)):
            return index
    names.append((node, label))
    return len(names) - 1


def _cycles(edges: dict[int, set[int]]) -> list[list[int]]:
    cycles: list[list[int]] = []
    for start in sorted(edges):
        stack: list[tuple[int, list[int]]] = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for cited in sorted(edges.get(node, ())):
                if cited == start:
                    cycles.append(path)
                elif cited not in path and cited > start:
                    stack.append((cited, [*path, cited]))
    return cycles


def _cycle_text(cycle: list[int], names: list[tuple[ChainNode, str]]) -> str:
    labels = [names[index][1] for index in cycle] + [names[cycle[0]][1]]
    head, *rest = labels
    return f"circular reporting: {head} cites " + " citing ".join(rest)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
