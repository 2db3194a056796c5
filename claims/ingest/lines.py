"""Lines and paragraphs of a text with their exact offsets, the unit debris rules work on.

Paragraphs end at blank lines and, in hard-wrapped plain text, at indented first lines
(`claims.ingest.layout`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claims.ingest.layout import Flow, Layout, text_layout

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Line:
    """A line without its line break, with offsets into the text, and its paragraph index."""

    start: int
    end: int
    text: str
    paragraph: int
    continues: bool = False
    """Hard-wrapped prose that starts mid-sentence: it carries on the line before it."""
    continued: bool = False
    """Hard-wrapped prose that ends mid-sentence: the next line carries it on."""

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)

    def trimmed_span(self) -> tuple[int, int]:
        """The span of the line without leading and trailing whitespace."""
        lead = len(self.text) - len(self.text.lstrip())
        trail = len(self.text.rstrip())
        return self.start + lead, self.start + max(trail, lead)


def iter_lines(text: str) -> Iterator[Line]:
    """Every non-blank line; a blank line (or an indent in hard-wrapped text) starts a paragraph."""
    layout = text_layout(text)
    if layout is not None:
        yield from _laid_out_lines(text, layout)
        return
    paragraph = 0
    seen_content = False
    for match in _LINE.finditer(text):
        if match.start() == len(text) and match.end() == match.start():
            break
        raw = match.group()
        body = raw.rstrip("\r\n")
        if not body.strip():
            if seen_content:
                paragraph += 1
                seen_content = False
            continue
        seen_content = True
        yield Line(match.start(), match.start() + len(body), body, paragraph)


def _laid_out_lines(text: str, layout: Layout) -> Iterator[Line]:
    paragraph, seen_content = 0, False
    rows, flows = layout.rows, layout.flows
    for index, (row, flow) in enumerate(zip(rows, flows, strict=True)):
        if flow == Flow.BLANK:
            paragraph += int(seen_content)
            seen_content = False
            continue
        paragraph += int(flow == Flow.OPENS)
        seen_content = True
        continues = flow == Flow.WRAPPED and not rows[index - 1].final
        continued = index + 1 < len(flows) and flows[index + 1] == Flow.WRAPPED
        text_of_row = text[row.start : row.end]
        yield Line(
            row.start, row.end, text_of_row, paragraph, continues, continued and not row.final
        )


@dataclass(frozen=True)
class Paragraph:
    """Consecutive non-blank lines."""

    lines: tuple[Line, ...]

    @property
    def start(self) -> int:
        return self.lines[0].trimmed_span()[0]

    @property
    def end(self) -> int:
        return self.lines[-1].trimmed_span()[1]

    @property
    def text(self) -> str:
        return "\n".join(line.stripped for line in self.lines)


def paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Group lines into paragraphs."""
    groups: dict[int, list[Line]] = {}
    for line in lines:
        groups.setdefault(line.paragraph, []).append(line)
    return [Paragraph(tuple(group)) for group in groups.values()]
