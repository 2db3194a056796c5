"""The small numbers written as words, one table for every reader of counts and durations."""

from __future__ import annotations

UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
"""Zero to nineteen, the words a larger number is built from."""


def up_to(highest: int) -> dict[str, int]:
    """The words of one to `highest` (an article's "a" or "an" is added by its reader)."""
    return {word: value for word, value in UNITS.items() if 1 <= value <= highest}
