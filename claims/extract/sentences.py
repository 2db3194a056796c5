"""Split a document's original text into sentence spans, skipping ingestion's debris spans.

A single forward scan with bounded look-around: no recursion and no backtracking regex, so
hostile input (deeply nested quotes, a 45 KB line, 40,000 short lines) stays linear.
Rules, in order of strength: a blank line ends a paragraph; a line break ends a unit unless
the next line starts in lower case (a hard-wrapped line), or, in text that reads as
hard-wrapped throughout, unless the line was full (`claims.ingest.layout`, which also starts a
paragraph at an indented first line); a debris span cuts a unit; a run of
terminators followed by white space ends a sentence unless an abbreviation, an initial or a
continuation in lower case ("." the expert said.) says otherwise.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from pydantic import BaseModel, ConfigDict, Field

from claims.ingest.layout import flowing_blocks
from claims.text.normalize import is_extend, is_invisible, snap_span, word_set

MAX_SENTENCE_CHARS = 1500
"""Units longer than this (a 45 KB line without punctuation) are cut at white space."""

_LINE_BREAK_RE = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_TERMINATORS_RE = re.compile("[.!?\u2026\u203d\u3002\uff01\uff1f]+")
_LIST_MARKER_RE = re.compile(
    r"[ \t]*(?:[-*\u2022\u00b7\u2023\u25e6\u25aa\u25cf\u2043\u2219]"
    r"|\(?\d{1,3}[.)]|\(?[a-z][)]|\(\d{1,3}\)|[ivx]{1,5}\))[ \t]+"
)
_REPORTING_TAIL_RE = re.compile(
    r"[^.!?\"“”«»„]{0,60}?\b(?:said|says|told|added|asked|stated|noted|explained|wrote"
    r"|reported|claimed|insisted|warned|replied|declared|announced|argued|continued|concluded"
    r"|stressed|emphasi[sz]ed|according)\b",
    re.IGNORECASE,
)

_CLOSERS = frozenset("\"'”’»›)]}」』】\u201f")
_OPENERS = frozenset("\"'“‘«‹([{「『【„‚\u2014\u2013-")
_STRONG_TERMINATORS = frozenset("!?\u203d\uff01\uff1f")
_LINE_FINAL = frozenset(".!?\u2026\u203d\u3002\uff01\uff1f:;")

_NEVER_FINAL = word_set(
    "mr mrs ms messrs dr prof gen col lt sgt capt cpt maj adm cmdr sen rep gov rev hon pres"
    " st mt ft fr sr jr no nos vol fig figs pp art ch sec para approx est dept univ vs v cf"
    " eg ie al op seq rs ste sens reps govs del messrs mmes supt insp"
)
"""Abbreviations that (almost) never end a sentence: titles, "No. 5", "e.g.", "vs."."""
_WEAK_FINAL = word_set(
    "inc ltd co corp plc llc bros etc jan feb mar apr jun jul aug sep sept oct nov dec"
    " mon tue tues wed thu thur thurs fri sat sun"
)
"""Abbreviations that end a sentence only when a typical sentence opener follows."""
_NUMBER_PREFIX = word_set("no nos p pp vol art fig figs para ch sec tel page")
_SENTENCE_OPENERS = word_set(
    "a an the he she it they we i you this that these those there here in on at but and or"
    " so yet however meanwhile moreover furthermore still also his her their our its my your"
    " after before when while as if since although though according some many most one two"
    " officials police it's we're they're what why how who where which nor then now today"
    " yesterday later earlier last next"
)


class Sentence(BaseModel):
    """One sentence-like unit: an exact, trimmed span of the original text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    text: str
    """Always equal to `original_text[start:end]`."""
    paragraph: int = Field(ge=0)
    """Index of the blank-line-separated paragraph of the original text it lies in."""
    index: int = Field(ge=0)
    """Position among all units of the document, in document order."""
    terminated: bool
    """Ends with sentence punctuation (possibly followed by closing quotes or brackets)."""
    whole_line: bool
    """The unit is a whole line on its own: a headline, label, byline or list item."""


def split_sentences(text: str, debris: Sequence[tuple[int, int, str]] = ()) -> list[Sentence]:
    """Return the sentence units of `text`, in order, none overlapping a debris span."""
    cuts = _merge_debris(debris, len(text))
    spans: list[tuple[int, int, int, bool]] = []
    for block_start, block_end, paragraph in flowing_blocks(text) or _blocks(text):
        for piece_start, piece_end in _clean_pieces(block_start, block_end, cuts):
            for start, end in _scan_piece(text, piece_start, piece_end):
                whole = start == block_start and end == block_end
                spans.extend((s, e, paragraph, whole) for s, e in _trimmed(text, start, end))
    return [_sentence(text, index, *span) for index, span in enumerate(spans)]


def _sentence(text: str, index: int, start: int, end: int, paragraph: int, whole: bool) -> Sentence:
    body = text[start:end]
    stripped = body.rstrip("".join(_CLOSERS))
    terminated = bool(stripped) and stripped[-1] in ".!?\u2026\u203d\u3002\uff01\uff1f"
    return Sentence(
        start=start,
        end=end,
        text=body,
        paragraph=paragraph,
        index=index,
        terminated=terminated,
        whole_line=whole,
    )


def _merge_debris(debris: Sequence[tuple[int, int, str]], length: int) -> list[tuple[int, int]]:
    """Clamp, sort and merge debris spans into disjoint (start, end) cuts."""
    spans = sorted(
        (max(0, start), min(length, end)) for start, end, _ in debris if min(length, end) > start
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _lines(text: str) -> Iterator[tuple[int, int, bool]]:
    """Yield (start, end, ends_paragraph) for each line; U+2029 ends a paragraph."""
    position = 0
    for match in _LINE_BREAK_RE.finditer(text):
        yield position, match.start(), match.group() == "\u2029"
        position = match.end()
    yield position, len(text), True


def _is_blank(line: str) -> bool:
    if not line or line.isspace():
        return True
    if line.isascii():
        return False
    return all(ch.isspace() or is_invisible(ch) for ch in line)


def _blocks(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield (start, end, paragraph) for runs of lines that belong to one unit of text.

    Consecutive lines are joined only when the next line starts in lower case and the
    previous one does not end with sentence punctuation (text hard-wrapped at a width).
    """
    paragraph = 0
    block: tuple[int, int] | None = None
    previous_line = ""
    for start, end, ends_paragraph in _lines(text):
        line = text[start:end]
        if _is_blank(line):
            if block is not None:
                yield block[0], block[1], paragraph
                block = None
                paragraph += 1
            continue
        if block is not None and _continues(previous_line, line):
            block = (block[0], end)
        else:
            if block is not None:
                yield block[0], block[1], paragraph
            block = (start, end)
        previous_line = line
        if ends_paragraph and block is not None:
            yield block[0], block[1], paragraph
            block = None
            paragraph += 1


def _continues(previous_line: str, line: str) -> bool:
    """True when `line` carries on a sentence hard-wrapped at the end of `previous_line`."""
    head = line.lstrip()
    tail = previous_line.rstrip()
    if not head or not tail or not head[0].islower():
        return False
    return tail[-1] not in _LINE_FINAL


def _clean_pieces(start: int, end: int, cuts: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Yield the parts of [start, end) that no debris cut covers."""
    index = bisect.bisect_right(cuts, start, key=_cut_end)
    position = start
    while index < len(cuts) and cuts[index][0] < end:
        cut_start, cut_end = cuts[index]
        if cut_end > position:
            if cut_start > position:
                yield position, cut_start
            position = max(position, cut_end)
        index += 1
    if position < end:
        yield position, end


def _cut_end(cut: tuple[int, int]) -> int:
    return cut[1]


def _scan_piece(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield raw sentence spans of text[start:end] (not yet trimmed)."""
    sentence_start = start
    search_from = _after_list_marker(text, start, end)
    open_parens = 0
    while True:
        match = _TERMINATORS_RE.search(text, search_from, end)
        if match is None:
            break
        open_parens = max(
            0,
            open_parens
            + text.count("(", search_from, match.start())
            - text.count(")", search_from, match.start()),
        )
        after = match.end()
        while after < end and text[after] in _CLOSERS:
            after += 1
        inside_parens = open_parens > 0 and text.find(")", after, min(end, after + 120)) >= 0
        if not inside_parens and _ends_sentence(text, match.start(), match.end(), after, end):
            yield sentence_start, after
            sentence_start = after
            open_parens = 0
        else:
            open_parens = max(
                0,
                open_parens
                + text.count("(", match.end(), after)
                - text.count(")", match.end(), after),
            )
        search_from = after
    if sentence_start < end:
        yield sentence_start, end


def _ends_sentence(text: str, term_start: int, term_end: int, after: int, end: int) -> bool:
    """Decide whether the terminator run text[term_start:term_end] closes a sentence."""
    if after >= end:
        return True
    if not text[after].isspace():
        return False
    following = _next_visible(text, after, end)
    if following >= end:
        return True
    head = text[following]
    if head.islower():
        return False
    closed_quote = after > term_end
    tail = closed_quote and _REPORTING_TAIL_RE.match(text, following, min(end, following + 80))
    if tail and not _new_report(text, tail.end(), end):
        return False
    terminators = text[term_start:term_end]
    if terminators != ".":
        return True
    return _period_ends_sentence(text, term_start, following, end)


def _new_report(text: str, verb_end: int, end: int) -> bool:
    """`“... ongoing.” He said the FBI has not ...`: the verb after the closed quotation
    opens a report of its own (a clause or a quotation follows it), so the quotation's
    full stop ended its sentence; `“... over.” Reed said.` keeps the two together."""
    at = verb_end
    while at < end and text[at] == " ":
        at += 1
    if at < end and text[at] == ",":
        at += 1
        while at < end and text[at] == " ":
            at += 1
        return at < end and text[at] in '“"«„'
    if at < end and text[at] in '“"«„:':
        return True
    word = re.match(r"[A-Za-z]+", text[at : min(end, at + 20)])
    return word is not None and word.group().lower() not in _TAIL_WORDS


_TAIL_WORDS = word_set(
    "on in at during yesterday today tonight last this after before when while as reporters "
    "journalists of"
)
"""Words after the verb that keep `“...” Reed said on Monday.` one sentence."""


def _next_visible(text: str, position: int, end: int) -> int:
    """Skip white space, opening quotes and dashes (bounded) to the next letter or digit."""
    limit = min(end, position + 64)
    while position < limit and (text[position].isspace() or text[position] in _OPENERS):
        position += 1
    return position


def _period_ends_sentence(text: str, period: int, following: int, end: int) -> bool:
    """A single period: decide between abbreviation, initial and sentence end."""
    word = _word_before(text, period)
    if not word:
        return True
    lowered = word.lower()
    if len(word) == 1 and word.isupper():
        return False
    if text[following].isdigit():
        return lowered not in _NUMBER_PREFIX and lowered not in _WEAK_FINAL
    if lowered in _NEVER_FINAL:
        return False
    if lowered in _WEAK_FINAL or "." in lowered:
        return _next_word(text, following, end).lower() in _SENTENCE_OPENERS
    return True


def _word_before(text: str, position: int) -> str:
    """The letters-and-dots token that ends at `position` (at most 16 characters)."""
    start = position
    limit = max(0, position - 16)
    while start > limit and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:position].strip(".")


def _next_word(text: str, position: int, end: int) -> str:
    stop = position
    limit = min(end, position + 24)
    while stop < limit and (text[stop].isalpha() or text[stop] in "'’"):
        stop += 1
    return text[position:stop]


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Trim white space, invisible characters and a list marker; cut over-long units."""
    lo, hi = start, end
    start, end = _strip_snapped(text, start, end, lo, hi)
    marker = _LIST_MARKER_RE.match(text, start, end)
    if marker is not None and marker.end() < end and _line_start_ignoring_blanks(text, start):
        start, end = _strip_snapped(text, marker.end(), end, lo, hi)
    if end - start <= MAX_SENTENCE_CHARS:
        if start < end:
            yield start, end
        return
    yield from _chunks(text, start, end, hi)


def _strip_snapped(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Trim blank and invisible characters, then keep combining sequences whole."""
    while True:
        before = (start, end)
        while start < end and _is_blank_char(text[start]):
            start += 1
        while end > start and _is_blank_char(text[end - 1]):
            end -= 1
        start, end = snap_span(text, start, end, lo, hi)
        if (start, end) == before:
            return start, end


def _is_blank_char(char: str) -> bool:
    return char.isspace() or (is_invisible(char) and not is_extend(char))


def _after_list_marker(text: str, start: int, end: int) -> int:
    """Where scanning starts: after a list marker ("1. ", "- ") that opens a line."""
    if not _line_start_ignoring_blanks(text, start):
        return start
    marker = _LIST_MARKER_RE.match(text, start, end)
    return marker.end() if marker is not None else start


def _line_start_ignoring_blanks(text: str, position: int) -> bool:
    while position > 0 and text[position - 1] in " \t":
        position -= 1
    return _line_start(text, position)


def _line_start(text: str, position: int) -> bool:
    return position == 0 or text[position - 1] in "\n\r\u2028\u2029\x0b\x0c\x85"


def _chunks(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """Cut an over-long unit at the last white space before each MAX_SENTENCE_CHARS window."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = start + MAX_SENTENCE_CHARS
        space = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, cut)
        cut = space if space > start else cut
        piece_start, piece_end = snap_span(text, start, cut, start, limit)
        if piece_end <= piece_start:
            break
        yield from _stripped(text, piece_start, piece_end)
        start = piece_end
    yield from _stripped(text, start, end)


def _stripped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    start, end = _strip_snapped(text, start, end, start, end)
    if start < end:
        yield start, end
