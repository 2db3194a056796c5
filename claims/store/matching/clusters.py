"""Clusters: the claims that say one thing (duplicates and corroborations), with the first.

A cluster grows only from same-claim links (duplicate, corroborates; not `related`, which
would chain whole topics together, nor conflicts). Each claim stores its cluster
(`claims.cluster_id`, the root of a union-find kept in the database); the cluster row holds
its size, its first appearance and the label. New links join clusters: the members of the
smaller one move to the larger, so matching a document costs what its own links cost, not
what the store holds. A link that goes away (a reviewer rejects it, a re-match drops it)
splits: the clusters of its claims are recomputed from their remaining links.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.orm import Session

from claims.match.cluster import Appearance, UnionFind, stories
from claims.match.corroboration import SUPPORTING
from claims.store.chunks import chunks
from claims.store.matching.relations import live_links
from db.models import Claim, Cluster, Document

LABEL_CHARS = 200
SAME_CLAIM = SUPPORTING
"""The kinds of relation that make two claims one cluster."""

Node = tuple[str, int]
"""A cluster ("cluster", id) or a claim in none ("claim", id), for joining."""


def join_clusters(session: Session, links: Iterable[tuple[int, int]]) -> int:
    """Join the clusters of each newly linked pair; returns how many clusters changed.

    Only the claims of the smaller clusters of a join are written, and only the first
    claims of the joined clusters are compared for the first appearance.
    """
    pairs = sorted(set(links))
    if not pairs:
        return 0
    current = _cluster_ids(session, sorted({i for pair in pairs for i in pair}))
    sets: UnionFind[Node] = UnionFind()
    for a, b in pairs:
        sets.union(_node(a, current), _node(b, current))
    changed = 0
    for members in sets.groups():
        clusters = [c for c in _clusters(session, members) if c is not None]
        loose = sorted(claim for kind, claim in members if kind == "claim")
        changed += _join(session, clusters, loose)
    return changed


def _node(claim: int, current: dict[int, int | None]) -> Node:
    cluster = current.get(claim)
    return ("cluster", cluster) if cluster is not None else ("claim", claim)


def _clusters(session: Session, members: Iterable[Node]) -> list[Cluster | None]:
    return [session.get(Cluster, ident) for kind, ident in sorted(members) if kind == "cluster"]


def _join(session: Session, clusters: list[Cluster], loose: list[int]) -> int:
    """Make one cluster of `clusters` and `loose` claims: the largest absorbs the others."""
    clusters.sort(key=lambda cluster: (-cluster.size, cluster.id))
    keeper = clusters[0] if clusters else Cluster(size=0)
    absorbed = clusters[1:]
    firsts = [c.first_claim_id for c in clusters if c.first_claim_id is not None] + loose
    seen = _appearances(session, firsts)
    first = min(firsts, key=lambda claim: (seen[claim].appearance.key(), claim))
    keeper.size = sum(cluster.size for cluster in clusters) + len(loose)
    keeper.first_claim_id, keeper.label = first, seen[first].label
    if keeper.id is None:
        session.add(keeper)
    session.flush()
    moved = loose + _members(session, [cluster.id for cluster in absorbed])
    _assign(session, {claim: keeper.id for claim in moved})
    for chunk in chunks(sorted(cluster.id for cluster in absorbed)):
        session.execute(delete(Cluster).where(Cluster.id.in_(chunk)))
    return 1 + len(absorbed)


def refresh_clusters(session: Session, claim_ids: set[int]) -> int:
    """Recompute the clusters that contain `claim_ids` from their same-claim links.

    Call it after links went away or changed kind (a reviewer rejected one, a re-match
    dropped one); returns how many clusters were touched.
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
    _assign(session, {c: k for c, k in assignments.items() if previous.get(c) != k})
    stale = {k for k in previous.values() if k is not None} - used
    for chunk in chunks(sorted(stale)):
        session.execute(delete(Cluster).where(Cluster.id.in_(chunk)))
    return len(used)


def clear_clusters(session: Session) -> None:
    """Forget every cluster before a rebuild.

    `cluster_id` is derived by matching, not owned by a reviewer, so it is written on the
    table and does not bump `row_version`: a re-clustering must never make a reviewer's
    save of the same claim look stale.
    """
    table = cast(Table, Claim.__table__)
    session.execute(update(table).values(cluster_id=None))
    session.execute(delete(Cluster))
    session.expire_all()


def _assign(session: Session, clusters: dict[int, int | None]) -> None:
    """Write each claim's cluster (a derived column: `row_version` stays)."""
    table = cast(Table, Claim.__table__)
    statement = (
        update(table).where(table.c.id == bindparam("cid")).values(cluster_id=bindparam("cluster"))
    )
    rows = [{"cid": claim, "cluster": cluster} for claim, cluster in sorted(clusters.items())]
    for chunk in chunks(rows, 2000):
        session.execute(statement, chunk)
    _expire_clusters(session, set(clusters))


def _expire_clusters(session: Session, ids: set[int]) -> None:
    """Claims already loaded in the session read their new cluster on next access."""
    for item in list(session.identity_map.values()):
        if isinstance(item, Claim) and item.id in ids:
            session.expire(item, ["cluster_id"])


def _component(session: Session, seeds: set[int]) -> tuple[list[int], list[tuple[int, int]]]:
    """Every claim reachable from `seeds` through live same-claim links, and those links."""
    reached = set(seeds)
    frontier = set(seeds)
    links: set[tuple[int, int]] = set()
    while frontier:
        found = live_links(session, frontier, SAME_CLAIM)
        links |= found
        frontier = {i for pair in found for i in pair} - reached
        reached |= frontier
    return sorted(reached), sorted(links)


class _Seen:
    """Where a claim appeared, and the label its cluster gets if it came first."""

    def __init__(self, published: str | None, document: int, start: int, text: str) -> None:
        self.appearance = Appearance(published, document, start)
        self.label = text[:LABEL_CHARS]


def _appearances(session: Session, ids: Sequence[int]) -> dict[int, _Seen]:
    found: dict[int, _Seen] = {}
    for chunk in chunks(sorted(set(ids))):
        for row in session.execute(
            select(Claim.id, Claim.start, Claim.text, Claim.document_id, Document.published)
            .join(Document, Document.id == Claim.document_id)
            .where(Claim.id.in_(chunk))
        ):
            found[row.id] = _Seen(row.published, row.document_id, row.start, row.text)
    return found


def _members(session: Session, cluster_ids: Sequence[int]) -> list[int]:
    found: list[int] = []
    for chunk in chunks(sorted(cluster_ids)):
        found += session.scalars(select(Claim.id).where(Claim.cluster_id.in_(chunk)))
    return found


def _cluster_ids(session: Session, ids: Sequence[int]) -> dict[int, int | None]:
    found: dict[int, int | None] = {}
    for chunk in chunks(sorted(set(ids))):
        for claim_id, cluster_id in session.execute(
            select(Claim.id, Claim.cluster_id).where(Claim.id.in_(chunk))
        ):
            found[claim_id] = cluster_id
    return found
