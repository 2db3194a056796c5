"""A claim's frame read once: blocking keys and `relate` both need it, and reading it costs
about a millisecond."""

from __future__ import annotations

from collections import OrderedDict

from claims.match.frames.build import frame_of
from claims.match.frames.models import Frame
from claims.match.models import MatchClaim

KEPT_FRAMES = 4096
"""Claims whose frame is kept: an arriving batch and its candidates fit many times over."""

_KEPT: OrderedDict[int, tuple[MatchClaim, Frame]] = OrderedDict()
"""id(claim) -> the claim (kept alive, so its id is not reused) and its frame."""


def frame_for(claim: MatchClaim) -> Frame:
    """The claim's frame: as read with its document, else from the sentence alone (once)."""
    if claim.frame is not None:
        return claim.frame
    kept = _KEPT.get(id(claim))
    if kept is not None and kept[0] is claim:
        _KEPT.move_to_end(id(claim))
        return kept[1]
    frame = frame_of(claim)
    _KEPT[id(claim)] = (claim, frame)
    if len(_KEPT) > KEPT_FRAMES:
        _KEPT.popitem(last=False)
    return frame
