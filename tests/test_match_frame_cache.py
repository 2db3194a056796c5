"""A claim's frame is read once and is the frame read afresh."""

from __future__ import annotations

from claims.match.build import from_text
from claims.match.frame_cache import frame_for
from claims.match.frames.build import frame_of
from claims.match.judge import keys_of
from claims.match.relate import side


def test_the_kept_frame_is_the_frame_read_afresh() -> None:
    claim = from_text(1, 1, "Velmor council will spend 40 million pounds on roads in 2026.")
    first = frame_for(claim)
    assert first == frame_of(claim)
    keys_of(claim)
    assert side(claim).frame is first


def test_two_claims_with_one_id_keep_their_own_frames() -> None:
    roads = from_text(7, 1, "Velmor council will spend 40 million pounds on roads in 2026.")
    bread = from_text(7, 1, "Bakeries in Dorlin sold 300 loaves of bread on Tuesday.")
    assert side(roads).frame == frame_of(roads)
    assert side(bread).frame == frame_of(bread)
    assert frame_for(roads) != frame_for(bread)


def test_a_frame_read_with_its_document_is_used_as_it_is() -> None:
    claim = from_text(1, 1, "Bakeries in Dorlin sold 300 loaves of bread on Tuesday.")
    other = from_text(2, 1, "Velmor council will spend 40 million pounds on roads in 2026.")
    given = claim.model_copy(update={"frame": frame_of(other)})
    assert frame_for(given) == frame_of(other)
