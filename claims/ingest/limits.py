"""How much of a document is analysed: all of it up to a size that ingests in seconds.

Claim extraction, attribution and matching within one document grow faster than its length
(a 1 MB text took 50 s and 600 MB, 20 MB did not finish), so only the first
`MAX_ANALYSED_CHARS` characters are analysed, cut at a paragraph or line end. The whole text
is still stored byte for byte; the rest is marked by a debris span past which extraction does
not read at all (`claims.text.analysis`), and the document carries a flag and a note.
"""

from __future__ import annotations

from claims.ingest.models import DebrisSpan, Flag
from claims.text.analysis import NOT_ANALYSED

MAX_ANALYSED_CHARS = 200_000
"""About 30,000 words: several times the longest news feature, and under 15 s to analyse."""
NOT_ANALYSED_REASON = NOT_ANALYSED + ": beyond the first {count:,} characters"


def limit_analysis(
    text: str, debris: list[DebrisSpan], limit: int | None = None
) -> tuple[list[DebrisSpan], list[Flag], list[str]]:
    """The debris with the text past the limit added as one span, and the flag and note."""
    limit = MAX_ANALYSED_CHARS if limit is None else limit
    if len(text) <= limit:
        return debris, [], []
    cut = _cut(text, limit)
    kept = [_clipped(span, cut) for span in debris if span.start < cut]
    rest = DebrisSpan(start=cut, end=len(text), reason=NOT_ANALYSED_REASON.format(count=cut))
    note = (
        f"long document: claims were looked for in the first {cut:,} of {len(text):,}"
        " characters only; the rest is stored but not analysed (ingest it in parts to"
        " analyse it all)"
    )
    return [*kept, rest], [Flag.PARTLY_ANALYSED], [note]


def _cut(text: str, limit: int) -> int:
    """The last paragraph end before the limit, else the last line end, else the limit."""
    for separator in ("\n\n", "\n"):
        found = text.rfind(separator, 0, limit)
        if found > limit // 2:
            return found
    return limit


def _clipped(span: DebrisSpan, cut: int) -> DebrisSpan:
    return span if span.end <= cut else DebrisSpan(start=span.start, end=cut, reason=span.reason)
