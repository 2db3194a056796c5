"""Plain-text layout: which line breaks are hard wraps and which indents open a paragraph.

Wire copy, mailing lists and archives wrap their lines at about 60-80 columns and mark a
paragraph by indenting its first line instead of leaving a blank line. Read from the text
alone (ingestion and the sentence splitter both ask), so a sentence runs across the wraps and
a paragraph starts at an indent; the text itself is never changed. A text that does not read
as hard-wrapped gets no layout, and the blank-line paragraphs of web and Markdown text apply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from typing import NamedTuple

from claims.text.normalize import is_invisible, word_set

MIN_WRAP_COLUMNS = 40
MAX_WRAP_COLUMNS = 100
"""Hard-wrapped text is wrapped between these widths; a wider line was never wrapped."""
FULL_SHARE = 0.75
"""A line was wrapped when it and the next line's first word would fill this share of the width."""
MIN_WRAPPED_WORDS = 5
"""A wrapped line of prose holds at least this many words (a URL or a table row does not)."""
MAX_WIDE_SHARE = 0.1
"""A text with more of its lines wider than MAX_WRAP_COLUMNS is not hard-wrapped."""
MIN_EVIDENCE_SHARE = 0.4
"""Share of the wraps that must read as a sentence broken mid-way (see `_reads_as_broken`)."""
TAB_COLUMNS = 8

_OTHER_BREAKS_RE = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""Separators besides CR and LF: a text that uses them keeps the splitter's own reading."""
_LIST_MARKER_RE = re.compile(r"(?:[-*+\u2022\u00b7\u25e6\u25aa]|\(?\d{1,2}[.)]|\(?[a-z]\))\s")
_CLOSED_RE = re.compile(r"#{1,6}(?:\s|$)|>|\||(?:[-=*_]\s*){3,}$")
"""Markdown that is a line of its own: headings, quotes, table rows, rules."""
_FENCE_RE = re.compile(r"(?:```|~~~)")
_TABULAR_RE = re.compile(r"\S(?:\t| {3,}|(?<![.!?:;\"'”’)]) {2})\S")
"""Columns: a tab or a run of spaces inside a line (two spaces after a full stop are prose)."""
_LINE_FINAL = frozenset(".!?\u2026\u203d\u3002\uff01\uff1f:;")
"""Line ends after which a line in lower case still starts a unit of its own."""
_DANGLING_ENDS = frozenset(",;-(/&")
_DANGLING_WORDS = word_set(
    "a an the and or but nor of in on at to for with by from as that than into over after"
    " said says told its their his her our who which"
)
"""Words that rarely end a headline or a list line but often end a wrapped line of prose."""


class Flow(IntEnum):
    """How a line relates to the one before it."""

    BLANK = 0
    """A blank line: ends the paragraph."""
    NEW = 1
    """A line of its own: a headline, a table row, a list item, the first line of the text."""
    WRAPPED = 2
    """Carries on the line before it (hard-wrapped prose)."""
    OPENS = 3
    """An indented first line: starts a paragraph without a blank line."""


class Row(NamedTuple):
    """One line of the text (without its line break) and how it was laid out."""

    start: int
    end: int
    indent: int
    """Columns of leading white space (tabs to the next multiple of TAB_COLUMNS)."""
    width: int
    """Columns up to the end of the last visible character."""
    head: int
    """Length of the first word."""
    words: int
    """Words on the line, counted up to MIN_WRAPPED_WORDS."""
    closed: bool
    """Never wrapped into or out of: Markdown structure, fenced code, table columns."""
    marker: bool
    """Starts with a list marker."""
    lowercase: bool
    """The first visible character is a lower-case letter."""
    dangling: bool
    """Ends the way a wrapped line of prose does (a comma, 'and', 'the')."""
    final: bool
    """Ends with sentence punctuation, a colon or a semicolon."""
    colon: bool
    """Ends with a colon: what follows may be a table or a list rather than more prose."""

    @property
    def blank(self) -> bool:
        return self.width == 0


@dataclass(frozen=True)
class Layout:
    """A hard-wrapped text: each line with its flow, in text order (blank lines included)."""

    rows: tuple[Row, ...]
    flows: tuple[Flow, ...]
    width: int
    """The column the text is wrapped at."""


@lru_cache(maxsize=4)
def text_layout(text: str) -> Layout | None:
    """The layout of a hard-wrapped text, or None when the text does not read as one."""
    if _OTHER_BREAKS_RE.search(text):
        return None
    lines = text.splitlines(keepends=True)
    if not _may_be_wrapped(lines):
        return None
    rows = _rows(lines)
    width = _wrap_width(rows)
    if width is None:
        return None
    full = _full_lines(rows, width)
    if not full:
        return None
    continuation = min(rows[index + 1].indent for index in full)
    flows = _flows(rows, full, continuation)
    if not _reads_as_wrapped(rows, flows, full):
        return None
    return Layout(rows=tuple(rows), flows=tuple(flows), width=width)


def flowing_blocks(text: str) -> list[tuple[int, int, int]] | None:
    """Runs of lines that read as one text, as (start, end, paragraph), or None (no layout).

    A paragraph ends at a blank line and at an indented first line; a run ends there and at
    every line that stands on its own (headlines, table rows, list items).
    """
    layout = text_layout(text)
    if layout is None:
        return None
    blocks: list[tuple[int, int, int]] = []
    paragraph, block = 0, None
    for row, flow in zip(layout.rows, layout.flows, strict=True):
        if flow == Flow.WRAPPED and block is not None:
            block = (block[0], row.end)
            continue
        if block is not None:
            blocks.append((block[0], block[1], paragraph))
            paragraph += int(flow in (Flow.BLANK, Flow.OPENS))
        block = None if flow == Flow.BLANK else (row.start, row.end)
    if block is not None:
        blocks.append((block[0], block[1], paragraph))
    return blocks


def _may_be_wrapped(lines: list[str]) -> bool:
    """A quick look: enough lines with words, and few of them too long to be wrapped."""
    lengths = [len(line) for line in lines if not line.isspace()]
    if len(lengths) < 2:
        return False
    wide = sum(1 for length in lengths if length > MAX_WRAP_COLUMNS + 2)
    return wide <= MAX_WIDE_SHARE * len(lengths)


def _rows(lines: list[str]) -> list[Row]:
    """Each line as a row; `lines` keep their line ends (CR, LF or CR LF, nothing else)."""
    rows: list[Row] = []
    in_fence = False
    start = 0
    for raw in lines:
        line = raw.rstrip("\r\n")
        body = line.strip()
        fence = bool(_FENCE_RE.match(body))
        rows.append(_row(start, line, body, closed=in_fence or fence))
        in_fence = in_fence != fence
        start += len(raw)
    return rows


def _row(start: int, line: str, body: str, *, closed: bool) -> Row:
    visible = body if body.isascii() else "".join(ch for ch in body if not is_invisible(ch))
    if not visible:
        return Row(start, start + len(line), 0, 0, 0, 0, False, False, False, False, False, False)
    lead = line[: len(line) - len(line.lstrip())]
    indent = len(lead.expandtabs(TAB_COLUMNS))
    width = (
        indent + len(body)
        if len(body) > MAX_WRAP_COLUMNS
        else len(line.rstrip().expandtabs(TAB_COLUMNS))
    )
    last_word = body.rsplit(None, 1)[-1].lower()
    return Row(
        start=start,
        end=start + len(line),
        indent=indent,
        width=width,
        head=len(body.split(None, 1)[0]),
        words=len(body.split(None, MIN_WRAPPED_WORDS)[:MIN_WRAPPED_WORDS]),
        closed=closed or bool(_CLOSED_RE.match(body)) or _tabular(body),
        marker=bool(_LIST_MARKER_RE.match(body)),
        lowercase=body[0].islower(),
        dangling=body[-1] in _DANGLING_ENDS or last_word in _DANGLING_WORDS,
        final=body[-1] in _LINE_FINAL,
        colon=body[-1] == ":",
    )


def _tabular(body: str) -> bool:
    return ("\t" in body or "  " in body) and bool(_TABULAR_RE.search(body))


def _wrap_width(rows: list[Row]) -> int | None:
    """The column the text is wrapped at, allowing one stray long line in twenty."""
    widths = sorted((row.width for row in rows if not row.blank and not row.closed), reverse=True)
    if len(widths) < 2:
        return None
    narrow = [width for width in widths if width <= MAX_WRAP_COLUMNS]
    if len(widths) - len(narrow) > MAX_WIDE_SHARE * len(widths) or not narrow:
        return None
    width = narrow[min(len(narrow) - 1, len(narrow) // 20)]
    return width if width >= MIN_WRAP_COLUMNS else None


def _full_lines(rows: list[Row], width: int) -> list[int]:
    """Lines that end where a wrap at `width` would break them, followed by prose."""
    found: list[int] = []
    for index in range(len(rows) - 1):
        row, following = rows[index], rows[index + 1]
        if row.blank or following.blank or row.closed or following.closed:
            continue
        if row.words < MIN_WRAPPED_WORDS:
            continue
        if row.width + 1 + following.head >= FULL_SHARE * width:
            found.append(index)
    return found


def _flows(rows: list[Row], full: list[int], continuation: int) -> list[Flow]:
    """Each line's flow: wrapped after a full line, opening at an indent, else on its own."""
    full_set = set(full)
    flows: list[Flow] = []
    list_indent: int | None = None
    for index, row in enumerate(rows):
        previous = rows[index - 1] if index else None
        if row.blank:
            flows.append(Flow.BLANK)
            list_indent = None
            continue
        hanging = list_indent is not None and row.indent > list_indent
        item = row.marker and not _wrapped_dash(row, index - 1 in full_set, list_indent, previous)
        if item:
            list_indent = row.indent
        elif not hanging:
            list_indent = None
        if previous is None or previous.blank or row.closed or item:
            flows.append(Flow.NEW)
        elif row.indent > continuation and not hanging:
            flows.append(Flow.OPENS)
        elif _carries_on(previous, row, index - 1 in full_set, index in full_set):
            flows.append(Flow.WRAPPED)
        else:
            flows.append(Flow.NEW)
    return flows


def _carries_on(previous: Row, row: Row, previous_full: bool, row_full: bool) -> bool:
    """A wrap after a full line (a short line after a colon starts a table), or lower case."""
    if row.lowercase and not previous.final:
        return True
    return previous_full and (row_full or not previous.colon)


def _wrapped_dash(
    row: Row, after_full: bool, list_indent: int | None, previous: Row | None
) -> bool:
    """A line that starts with "- " or "1. " only because a wrap fell there (not in a list)."""
    return after_full and list_indent is None and previous is not None and not previous.final


def _reads_as_wrapped(rows: list[Row], flows: list[Flow], full: list[int]) -> bool:
    """Enough of the wraps break a sentence mid-way: not a list of headlines that fill a line."""
    wraps = [index for index in full if flows[index + 1] == Flow.WRAPPED]
    broken = sum(1 for index in wraps if _reads_as_broken(rows[index], rows[index + 1]))
    return broken > 0 and broken >= MIN_EVIDENCE_SHARE * len(wraps)


def _reads_as_broken(row: Row, following: Row) -> bool:
    return following.lowercase or row.dangling
