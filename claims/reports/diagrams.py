"""Layouts for the pictures in the HTML report: attribution chains and relation graphs.

Only geometry and labels are computed here; the template draws them as inline SVG, escaping
every label like any other text. Labels are cut to fit their box; the full text goes into the
SVG `<title>` (shown as a tooltip).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claims.reports.view import ChainLink, ClaimView, RelatedClaim
from claims.text.display import one_line

BOX_W, BOX_H, GAP = 190, 66, 70
MARGIN = 10
LABEL_CHARS = 26
NODE_W, NODE_H, NODE_CHARS = 250, 44, 36
EDGE_W, ROW_GAP = 170, 12


@dataclass(frozen=True)
class Box:
    """A labelled rectangle; coordinates in whole pixels."""

    x: int
    y: int
    w: int
    h: int
    lines: tuple[str, ...]
    title: str
    css: str
    anchor: str | None = None
    """A fragment (`claim-12`) the box links to, when that claim is in the report."""


@dataclass(frozen=True)
class Edge:
    """A line between two boxes, with an optional label near its far end."""

    x1: int
    y1: int
    x2: int
    y2: int
    css: str
    label: str = ""
    arrow: bool = True

    @property
    def label_x(self) -> int:
        return round(self.x1 + (self.x2 - self.x1) * 0.62)

    @property
    def label_y(self) -> int:
        return round(self.y1 + (self.y2 - self.y1) * 0.62 - 5)


@dataclass(frozen=True)
class Diagram:
    width: int
    height: int
    description: str
    boxes: list[Box] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def cut(text: str, width: int = LABEL_CHARS) -> str:
    return one_line(text, width)


def chain_diagram(view: ClaimView) -> Diagram | None:
    """Speaker → intermediaries → publisher, left to right, with grades, flags and cues."""
    if not view.chain:
        return None
    boxes = [_link_box(i, link) for i, link in enumerate(view.chain)]
    edges = [
        Edge(
            x1=left.x + left.w,
            y1=left.y + left.h // 2,
            x2=right.x - 4,
            y2=right.y + right.h // 2,
            css="flow",
            label=cut(link.link.cue or "", 12),
        )
        for left, right, link in zip(boxes, boxes[1:], view.chain[1:], strict=False)
    ]
    width = MARGIN * 2 + len(boxes) * BOX_W + (len(boxes) - 1) * GAP
    names = " → ".join(f"{link.link.role} {link.label}" for link in view.chain)
    return Diagram(width, BOX_H + MARGIN * 2, f"Attribution chain: {names}", boxes, edges)


def _link_box(index: int, link: ChainLink) -> Box:
    grade = f"grade {link.grade}" if link.grade else "not in registry"
    flags = ", ".join(link.flags)
    css = "link propaganda" if link.propaganda else "link" if link.source else "link unresolved"
    title = f"{link.link.role}: {link.label} ({link.link.name}); {grade}"
    return Box(
        x=MARGIN + index * (BOX_W + GAP),
        y=MARGIN,
        w=BOX_W,
        h=BOX_H,
        lines=(link.link.role, cut(link.label), cut(f"{grade}{'; ' + flags if flags else ''}")),
        title=title + (f"; {flags}" if flags else ""),
        css=css,
    )


def relation_diagram(view: ClaimView, in_report: set[int]) -> Diagram | None:
    """The claim on the left, related claims in a column on the right; edges by kind."""
    related = view.relations
    if not related:
        return None
    height = MARGIN * 2 + len(related) * (NODE_H + ROW_GAP) - ROW_GAP
    middle_y = height // 2
    right_x = MARGIN + NODE_W + EDGE_W
    boxes = [_node(MARGIN, middle_y, "node focus", _claim_title(view), None)]
    edges = []
    for index, item in enumerate(related):
        y = MARGIN + NODE_H // 2 + index * (NODE_H + ROW_GAP)
        anchor = f"claim-{item.other_id}" if item.other_id in in_report else None
        boxes.append(_node(right_x, y, "node", _related_title(item), anchor))
        edges.append(
            Edge(MARGIN + NODE_W, middle_y, right_x, y, _edge_css(item), _edge_label(item), False)
        )
    description = f"Claim {view.claim.id} and {len(related)} related claim(s)"
    return Diagram(right_x + NODE_W + MARGIN, height, description, boxes, edges)


def _node(x: int, y: int, css: str, title: str, anchor: str | None) -> Box:
    first, _, rest = title.partition("\n")
    return Box(
        x=x,
        y=y - NODE_H // 2,
        w=NODE_W,
        h=NODE_H,
        lines=(cut(first, NODE_CHARS), cut(rest, NODE_CHARS)),
        title=title,
        css=css,
        anchor=anchor,
    )


def _claim_title(view: ClaimView) -> str:
    outlet = view.document.outlet if view.document and view.document.outlet else "?"
    return f"claim {view.claim.id} · {outlet}\n{view.claim.text}"


def _related_title(item: RelatedClaim) -> str:
    if item.other is None:
        return f"claim {item.other_id} (not in this export)"
    outlet = item.document.outlet if item.document and item.document.outlet else "?"
    return f"claim {item.other.id} · {outlet}\n{item.other.text}"


def _edge_css(item: RelatedClaim) -> str:
    kind = item.relation.kind
    if kind == "corroborates":
        independent = item.relation.independent
        return "edge corroborates" + (
            " independent" if independent else " dependent" if independent is False else ""
        )
    return f"edge {kind}" if kind in ("conflicts", "duplicate") else "edge related"


def _edge_label(item: RelatedClaim) -> str:
    kind = item.relation.kind
    if kind == "corroborates" and item.relation.independent is not None:
        return "independent" if item.relation.independent else "dependent"
    return cut(kind, 14)
