"""Numbers and amounts: values, units, approximations, vague amounts; years are not amounts."""

from __future__ import annotations

import pytest

from claims.extract.dates import find_dates
from claims.extract.quantities import find_quantities, word_number


def amounts(
    text: str,
) -> list[tuple[str, float | None, float | None, float | None, str | None, bool]]:
    dates = [(d.span.start, d.span.end) for d in find_dates(text, "2025-01-26")]
    found = find_quantities(text, exclude=dates)
    return [(q.text, q.value, q.low, q.high, q.unit, q.approximate) for q in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "There are about 2.5 thousand American troops in Iraq.",
            [("about 2.5 thousand", 2500.0, None, None, "troops", True)],
        ),
        ("About 60,000 ISIS members", [("About 60,000", 60000.0, None, None, "members", True)]),
        ("hundreds of troops", [("hundreds", None, 200.0, 999.0, "troops", True)]),
        ("dozens of people", [("dozens", None, 24.0, 99.0, "people", True)]),
        ("2 min read", [("2", 2.0, None, None, "minute", False)]),
        ("a $5 billion deal", [("$5 billion", 5e9, None, None, "USD", False)]),
        ("two companies develop it", [("two", 2.0, None, None, "companies", False)]),
        ("profits jumped 76%", [("76%", 76.0, None, None, "percent", False)]),
        ("up to 15 per cent", [("up to 15 per cent", 15.0, None, 15.0, "percent", True)]),
        ("more than 1,000 people", [("more than 1,000", 1000.0, 1000.0, None, "people", True)]),
        ("10-15 people", [("10-15", 10.0, 10.0, 15.0, "people", True)]),
        ("£600m in sales", [("£600m", 6e8, None, None, "GBP", False)]),
        ("twenty-five soldiers", [("twenty-five", 25.0, None, None, "soldiers", False)]),
        ("several thousand protesters", [("several thousand", None, 2e3, 9e3, "protesters", True)]),
        ("2000 troops", [("2000", 2000.0, None, None, "troops", False)]),
        ("5 million rubles", [("5 million", 5e6, None, None, "RUB", False)]),
    ],
)
def test_amounts(
    text: str,
    expected: list[tuple[str, float | None, float | None, float | None, str | None, bool]],
) -> None:
    assert amounts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The union collapsed in 1991.",
        "They met on January 25, 2025.",
        "The S-400 and Su-25 and MI-35M helicopters.",
        "one of the biggest",
        "At 10:30 the talks began.",
        "The 2017 contracts are being filled.",
    ],
)
def test_years_dates_and_model_names_are_not_amounts(text: str) -> None:
    assert amounts(text) == []


def test_spans_are_shifted_and_exact() -> None:
    text = "It lost 464,000 subscribers."
    quantity = find_quantities(text, offset=50)[0]
    assert text[quantity.span.start - 50 : quantity.span.end - 50] == quantity.text == "464,000"


def test_word_numbers() -> None:
    assert word_number("twenty-five") == 25
    assert word_number("a dozen") == 12
    assert word_number("Seventeen") == 17
    assert word_number("umpteen") is None
