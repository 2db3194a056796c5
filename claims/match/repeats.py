"""Claims repeated inside one document: the later copies that ingestion marked as debris.

Ingestion marks the second copy of a repeated paragraph as debris ("repeated paragraph
(first at S-E)"), so extraction yields the claim once. These copies are still duplicates a
reviewer should see, so they are derived here from the debris spans whenever needed; they
are never stored as claims of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

_REPEATED_RE = re.compile(r"^repeated paragraph \(first at (\d+)-(\d+)\)")


class Copy(BaseModel):
    """A later copy of a claim's text in the same document."""

    model_config = ConfigDict(frozen=True)

    claim_start: int
    start: int
    end: int
    reason: str


def repeated_copies(
    text: str, debris: Sequence[tuple[int, int, str]], claims: Sequence[tuple[int, int]]
) -> list[Copy]:
    """The copies, in repeated-paragraph debris, of the claims at `claims` (start, end) spans."""
    copies: list[Copy] = []
    for copy_start, copy_end, reason in debris:
        found = _REPEATED_RE.match(str(reason))
        if found is None:
            continue
        first_start, first_end = int(found[1]), int(found[2])
        for start, end in claims:
            if not (first_start <= start and end <= first_end):
                continue
            offset = copy_start + (start - first_start)
            if offset + (end - start) > copy_end:
                continue
            if text[offset : offset + end - start] == text[start:end]:
                copies.append(
                    Copy(
                        claim_start=start,
                        start=offset,
                        end=offset + end - start,
                        reason=f"duplicate: repeated in the same document at {offset}",
                    )
                )
    return copies
