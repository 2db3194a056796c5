"""Origins in a report: which claims repeat a claim, and what supports it, from the export.

The support is counted by the rule of the proposed credibility (`claims.match.corroboration`),
fed with the export's relations and each claim's `origin`, so a report says what the
credibility counted. An export written before origins were exported counts without them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from claims.match.cluster import UnionFind
from claims.match.corroboration import COUNTED, Link, Support, Ties, independent_partners, support
from claims.match.origin import ClaimOrigin
from claims.reports.schema import Export, ExportClaim, ExportRelation


class Origins:
    """The same-claim groups and the support of an export's claims."""

    def __init__(self, export: Export, flagged: Collection[int]) -> None:
        self.claims = {c.id: c for c in export.claims}
        self.flagged = flagged
        """Claims that are propaganda-sourced (a reviewer's override deciding)."""
        self.links: dict[int, set[Link]] = defaultdict(set)
        for relation in export.relations:
            if relation.status != "rejected" and relation.kind in COUNTED:
                link = Link(
                    relation.claim_id, relation.other_claim_id, relation.kind, relation.independent
                )
                self.links[relation.claim_id].add(link)
                self.links[relation.other_claim_id].add(link)
        self.groups = self._same_claim_groups(export)

    def repeats(self, claim: ExportClaim) -> list[ExportClaim]:
        """The claims in other documents that repeat `claim`: duplicates, echoes of its origin."""
        group = self.groups.get(claim.id, [])
        return [other for other in group if other.document_id != claim.document_id]

    def support(self, claim_id: int) -> Support:
        """Echoes (how many propaganda-flagged) and independent origins of one claim."""
        links = self._links([claim_id])
        partners = independent_partners(links, [claim_id])
        ties = Ties(
            documents={c: self.claims[c].document_id for c in partners if c in self.claims},
            links=[link for link in self._links(partners) if not link.independent],
            origins={c: key for c in partners if (key := self._origin_key(c)) is not None},
        )
        return support(claim_id, links, ties, self.flagged)

    def _links(self, claim_ids: Iterable[int]) -> list[Link]:
        found = {link for claim_id in claim_ids for link in self.links.get(claim_id, ())}
        return sorted(found, key=Link.ends)

    def _origin_key(self, claim_id: int) -> str | None:
        origin = _origin(self.claims.get(claim_id))
        return origin.key if origin is not None else None

    def _same_claim_groups(self, export: Export) -> dict[int, list[ExportClaim]]:
        """claim -> the claims joined to it by duplicates and echoes of one origin."""
        sets: UnionFind[int] = UnionFind()
        for relation in export.relations:
            first = self.claims.get(relation.claim_id)
            second = self.claims.get(relation.other_claim_id)
            if first and second and _same_claim(relation, first, second):
                sets.union(first.id, second.id)
        groups: dict[int, list[ExportClaim]] = {}
        for group in sets.groups():
            members = [self.claims[member] for member in sorted(group)]
            groups.update(dict.fromkeys(group, members))
        return groups


def _origin(claim: ExportClaim | None) -> ClaimOrigin | None:
    if claim is None or claim.origin is None:
        return None
    return ClaimOrigin(source_id=claim.origin.source_id, name=claim.origin.name)


def _same_claim(relation: ExportRelation, first: ExportClaim, second: ExportClaim) -> bool:
    """In two documents, a duplicate or an echo of one origin: the same claim repeated.

    A corroboration that is dependent for another reason (a propaganda-flagged relay, one
    owner) may still be two origins saying two things alike.
    """
    if relation.status == "rejected" or first.document_id == second.document_id:
        return False
    if relation.kind == "duplicate":
        return True
    if relation.kind != "corroborates" or relation.independent is not False:
        return False
    one, other = _origin(first), _origin(second)
    return one is not None and other is not None and one.same_as(other)
