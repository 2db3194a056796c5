"""Stories: claims joined by relations (union-find), each with its first appearance.

Every stored relation that a reviewer has not rejected joins its two claims into one story.
The first appearance is the claim from the earliest document: by publication date when
known (documents without a date come after dated ones), then by ingest order, then by
position in the document.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

Node = TypeVar("Node", bound=Hashable)


class UnionFind(Generic[Node]):
    """Disjoint sets with path halving and union by size."""

    def __init__(self) -> None:
        self._parent: dict[Node, Node] = {}
        self._size: dict[Node, int] = {}

    def add(self, node: Node) -> None:
        if node not in self._parent:
            self._parent[node] = node
            self._size[node] = 1

    def find(self, node: Node) -> Node:
        self.add(node)
        parent = self._parent
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(self, first: Node, second: Node) -> None:
        root_a, root_b = self.find(first), self.find(second)
        if root_a == root_b:
            return
        if self._size[root_a] < self._size[root_b]:
            root_a, root_b = root_b, root_a
        self._parent[root_b] = root_a
        self._size[root_a] += self._size[root_b]

    def groups(self) -> list[list[Node]]:
        """Every set with more than one member."""
        found: dict[Node, list[Node]] = {}
        for node in self._parent:
            found.setdefault(self.find(node), []).append(node)
        return [members for members in found.values() if len(members) > 1]


@dataclass(frozen=True)
class Appearance:
    """Where a claim appeared, for ordering: publication date, ingest order, position."""

    published: str | None
    document_order: int
    position: int

    def key(self) -> tuple[bool, str, int, int]:
        return (self.published is None, self.published or "", self.document_order, self.position)


@dataclass(frozen=True)
class Story:
    """One cluster: its members and the claim that appeared first."""

    members: tuple[int, ...]
    first: int


def stories(
    nodes: Iterable[int],
    links: Iterable[tuple[int, int]],
    appearance: Callable[[int], Appearance],
) -> list[Story]:
    """Clusters of `nodes` joined by `links`, each with its first appearance."""
    sets: UnionFind[int] = UnionFind()
    for node in nodes:
        sets.add(node)
    for first, second in links:
        sets.union(first, second)
    found = []
    for members in sets.groups():
        ordered = sorted(members)
        earliest = min(ordered, key=lambda claim: (appearance(claim).key(), claim))
        found.append(Story(tuple(ordered), earliest))
    return sorted(found, key=lambda story: story.members[0])
