"""Re-anchoring a stored claim selector in a new version of the document."""

from __future__ import annotations

from claims.extract.anchoring import AnchorStatus, Selector, reanchor

OLD = (
    "Iraq wants Russian air defence systems. "
    "The last American soldier will leave the Ain al-Asad base on September 15. "
    "Baghdad is diversifying its foreign policy ties."
)
CLAIM = "The last American soldier will leave the Ain al-Asad base on September 15."


def selector(text: str = OLD, exact: str = CLAIM) -> Selector:
    start = text.index(exact)
    end = start + len(exact)
    return Selector(
        exact=exact,
        prefix=text[max(0, start - 32) : start],
        suffix=text[end : end + 32],
        start=start,
        end=end,
    )


def test_unchanged_text_is_anchored_in_place() -> None:
    result = reanchor(selector(), OLD)
    assert result.status == AnchorStatus.ANCHORED
    assert (result.start, result.end, result.score) == (
        OLD.index(CLAIM),
        OLD.index(CLAIM) + len(CLAIM),
        1.0,
    )


def test_text_inserted_before_moves_the_claim() -> None:
    new = "Update: a correction was added at the top.\n\n" + OLD
    result = reanchor(selector(), new)
    assert result.status == AnchorStatus.MOVED
    assert result.start is not None and result.end is not None
    assert new[result.start : result.end] == CLAIM


def test_duplicate_quote_prefers_matching_context() -> None:
    other = "Unrelated opening words. " + CLAIM + " Different words follow here."
    new = other + "\n\n" + "Intro. " + OLD
    result = reanchor(selector(), new)
    assert result.status == AnchorStatus.MOVED
    assert result.start == new.rindex(CLAIM)


def test_duplicate_quote_with_equal_context_prefers_the_nearest() -> None:
    old = f"{CLAIM} {CLAIM}"
    stored = Selector(
        exact=CLAIM, prefix="", suffix="", start=len(CLAIM) + 1, end=2 * len(CLAIM) + 1
    )
    new = "x " + old
    result = reanchor(stored, new)
    assert result.start == new.rindex(CLAIM)


def test_small_edit_is_a_fuzzy_match_on_the_same_sentence() -> None:
    edited = CLAIM.replace("American", "US")
    new = OLD.replace(CLAIM, edited)
    result = reanchor(selector(), new)
    assert result.status == AnchorStatus.FUZZY
    assert result.start is not None and result.end is not None
    assert new[result.start : result.end] == edited
    assert 0.0 < result.score < 1.0


def test_deleted_sentence_is_orphaned() -> None:
    new = OLD.replace(CLAIM + " ", "")
    result = reanchor(selector(), new)
    assert result.status == AnchorStatus.ORPHANED
    assert result.start is None and result.score == 0.0


def test_rewritten_sentence_is_orphaned_rather_than_landing_elsewhere() -> None:
    new = OLD.replace(CLAIM, "Officials gave no date for the departure of the remaining forces.")
    assert reanchor(selector(), new).status == AnchorStatus.ORPHANED


def test_ambiguous_fuzzy_candidates_are_orphaned() -> None:
    first = CLAIM.replace("American", "US")
    second = CLAIM.replace("American", "UK")
    new = f"{first} {second}"
    assert reanchor(selector(), new).status == AnchorStatus.ORPHANED


def test_short_quotes_are_never_matched_fuzzily() -> None:
    stored = Selector(exact="Iraq agreed.", start=0, end=12)
    assert reanchor(stored, "Iran agreed.").status == AnchorStatus.ORPHANED


def test_empty_new_text() -> None:
    assert reanchor(selector(), "").status == AnchorStatus.ORPHANED
