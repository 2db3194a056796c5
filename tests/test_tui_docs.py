"""The workbench guide stays honest: every binding id, palette command and verdict is in it."""

from __future__ import annotations

import re
from pathlib import Path

import tui.app  # noqa: F401 - the app imports every screen, which registers its keys
from claims.review_scale import BEST_RATING, VERDICTS, WORST_RATING, verdict
from tui.keys import key_label
from tui.palette import NOT_IN_PALETTE, PALETTE
from tui.screens.help import binding_sections

GUIDE = (Path(__file__).parent.parent / "docs" / "review.md").read_text(encoding="utf-8")
NAVIGATION = ("table.", "dialog.", "conflict.", "help.")
"""Binding ids of moves inside a table or dialog: keys, but not palette commands."""


def binding_ids() -> set[str]:
    return {b.id for _, bindings in binding_sections() for b in bindings if b.id}


def test_every_binding_has_an_id_and_a_tooltip() -> None:
    for title, bindings in binding_sections():
        assert all(b.id for b in bindings), f"a binding of {title} has no id"
        assert all(b.tooltip for b in bindings), f"a binding of {title} has no tooltip"


def test_every_binding_id_is_documented() -> None:
    missing = sorted(i for i in binding_ids() if f"`{i}`" not in GUIDE)
    assert missing == [], f"docs/review.md does not list {missing}"


def test_every_action_is_in_the_palette_and_the_guide() -> None:
    actions = {i for i in binding_ids() if not i.startswith(NAVIGATION)} - NOT_IN_PALETTE
    assert actions - set(PALETTE) == set(), "binding ids without a palette name"
    assert set(PALETTE) - binding_ids() == set(), "palette names for bindings that do not exist"
    for name in PALETTE.values():
        assert name in GUIDE, f"docs/review.md does not name the palette command {name!r}"


def test_verdict_scale_is_documented_with_its_claimreview_rating() -> None:
    assert (BEST_RATING, WORST_RATING) == (5, 1)
    for v in VERDICTS:
        rating = str(v.rating) if v.rating is not None else "none"
        assert f"| `{v.name}` | {v.label} | {rating} |" in GUIDE
        assert verdict(v.name) is v
        assert v.rating is None or WORST_RATING <= v.rating <= BEST_RATING


def key_table() -> list[tuple[list[str], set[str]]]:
    """The rows of the guide's binding table: (binding ids, keys shown)."""
    rows = []
    table = GUIDE.split("| binding id | key | palette name |", 1)[1].split("\n\n", 1)[0]
    for line in table.splitlines()[2:]:
        cells = line.split(" | ")
        ids = re.findall(r"`([^`]+)`", cells[0])
        keys = set(re.findall(r"`([^`]+)`", cells[1]))
        rows.append((ids, keys))
    return rows


def test_the_guide_shows_each_binding_with_its_keys_as_typed() -> None:
    bindings = {b.id: b for _, found in binding_sections() for b in found if b.id}
    for ids, keys in key_table():
        shown = {key for i in ids for key in key_label(bindings[i].key).split(", ")}
        assert keys == shown, f"docs/review.md gives {sorted(keys)} for {ids}, not {sorted(shown)}"
