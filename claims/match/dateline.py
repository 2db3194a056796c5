"""The dateline that opens wire copy ("MOSCOW, Nov 12 (Wirenews) - "): where and when the
report was filed, not what it reports, so its place is no subject and its date no date of
the claim."""

from __future__ import annotations

import re

DATELINE_RE = re.compile(
    r"\s*[A-Z][A-Z .'&-]{2,40}?(?:\s*\([^)]{1,30}\))?,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*)?"
    r"(?:\([^)]{1,30}\)\s*)?[-–—]+\s*"
)


def dateline_end(text: str) -> int:
    """Where the text after an opening dateline starts (0 when there is none)."""
    found = DATELINE_RE.match(text)
    return found.end() if found else 0
