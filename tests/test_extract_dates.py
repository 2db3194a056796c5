"""Date expressions normalised to intervals relative to the document date."""

from __future__ import annotations

import pytest

from claims.extract.dates import find_dates, parse_published

PUBLISHED = "2025-01-26"


def only(
    text: str, published: str | None = PUBLISHED
) -> tuple[str, str | None, str | None, str, str | None]:
    values = find_dates(text, published)
    assert len(values) == 1, values
    value = values[0]
    return value.text, value.earliest, value.latest, value.precision, value.qualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It closes on September 15.", ("September 15", "2025-09-15", "2025-09-15", "day", None)),
        (
            "The mission ends no later than September 2025.",
            ("no later than September 2025", None, "2025-09-30", "month", "no later than"),
        ),
        ("It will be done by 2026.", ("by 2026", None, "2026-12-31", "year", "by")),
        ("It will be done in 2026.", ("2026", "2026-01-01", "2026-12-31", "year", None)),
        (
            "It is planned within the next 12 months.",
            ("within the next 12 months", "2025-01-26", "2026-01-26", "month", "within"),
        ),
        ("Sales fell last year.", ("last year", "2024-01-01", "2024-12-31", "year", None)),
        (
            "They met back in August 2024.",
            ("August 2024", "2024-08-01", "2024-08-31", "month", None),
        ),
        ("The team came on January 25.", ("January 25", "2025-01-25", "2025-01-25", "day", None)),
        ("Posted Oct 5, 2023 online.", ("Oct 5, 2023", "2023-10-05", "2023-10-05", "day", None)),
        ("date 2025-01-26 Iraq", ("2025-01-26", "2025-01-26", "2025-01-26", "day", None)),
        (
            "Threat levels of the mid-2010s returned.",
            ("mid-2010s", "2013-05-02", "2016-08-31", "decade", "mid"),
        ),
        ("It held until 2003.", ("until 2003", None, "2003-12-31", "year", "until")),
        ("Talks resume in February.", ("February", "2025-02-01", "2025-02-28", "month", None)),
        ("It has grown since March.", ("since March", "2025-03-01", None, "month", "since")),
        (
            "A visit on October 10th and 11th.",
            ("October 10th and 11th", "2025-10-10", "2025-10-11", "day", None),
        ),
        ("He left three years ago.", ("three years ago", "2022-01-01", "2022-12-31", "year", None)),
        ("It happened before 2003.", ("before 2003", None, "2002-12-31", "year", "before")),
        ("It grew after 2003.", ("after 2003", "2004-01-01", None, "year", "after")),
        ("In the 1990s it boomed.", ("1990s", "1990-01-01", "1999-12-31", "decade", None)),
        (
            "Output rose between 2014 and 2017.",
            ("between 2014 and 2017", "2014-01-01", "2017-12-31", "year", None),
        ),
        ("He spoke yesterday.", ("yesterday", "2025-01-25", "2025-01-25", "day", None)),
        ("They voted on Friday.", ("Friday", "2025-01-24", "2025-01-24", "day", None)),
        ("Union collapsed in 1991.", ("1991", "1991-01-01", "1991-12-31", "year", None)),
    ],
)
def test_expressions_resolve_against_the_document_date(
    text: str, expected: tuple[str, str | None, str | None, str, str | None]
) -> None:
    assert only(text) == expected


def test_spans_are_offsets_into_the_document() -> None:
    text = "Troops left on September 15."
    value = find_dates(text, PUBLISHED, offset=1000)[0]
    assert (value.span.start - 1000, value.span.end - 1000) == (15, 27)
    assert text[value.span.start - 1000 : value.span.end - 1000] == value.text


def test_relative_dates_without_a_document_date_have_no_bounds() -> None:
    for text in ("It closes on September 15.", "Sales fell last year.", "He spoke yesterday."):
        value = find_dates(text, None)[0]
        assert (value.earliest, value.latest, value.precision) == (None, None, "relative")
    assert only("It held until 2003.", None)[2] == "2003-12-31"


@pytest.mark.parametrize(
    "text",
    [
        "She may go there.",
        "They march and sing.",
        "2000 troops were sent.",
        "About 2000 people came.",
        "The S-2000 system and Su-25 jets.",
        "It costs $2025.",
        "Call 10:30 now.",
    ],
)
def test_non_dates_are_ignored(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


def test_parse_published_accepts_partial_dates() -> None:
    assert str(parse_published("2025")) == "2025-01-01"
    assert str(parse_published("2025-03")) == "2025-03-01"
    assert str(parse_published("2025-03-04T10:00:00Z")) == "2025-03-04"
    assert parse_published("not a date") is None
    assert parse_published("2025-13-40") is None
