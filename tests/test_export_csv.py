"""CSV: one row per claim, formulas neutralised, numbers as numbers, RFC 4180 round trip."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.reports.csv_export import COLUMNS, claim_row, defang, render_csv
from claims.reports.schema import Export
from claims.reports.view import build_view
from tests.report_factories import export_story, hostile_file

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
INJECTION_LINES = hostile_file("csv_formula_injection.txt").split("\n")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Export:
    """Every text field starts with a formula (a different one per story, cycling the file)."""
    lines = iter(INJECTION_LINES * 40)
    export, _ = export_story(tmp_path_factory.mktemp("csv"), lambda v: next(lines) + v)
    return export


def read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_every_formula_cell_is_neutralised(hostile: Export) -> None:
    rows = read(render_csv(hostile))
    assert rows[0] == list(COLUMNS)
    text_cells = [cell for row in rows[1:] for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in text_cells)
    for cell in text_cells:
        assert not cell.startswith(TRIGGERS), repr(cell)
        assert not cell.lstrip(" \n").startswith(TRIGGERS), repr(cell)


def test_round_trip_gives_the_values_plus_the_prefix(hostile: Export) -> None:
    rows = read(render_csv(hostile))
    for view, row in zip(build_view(hostile).claims, rows[1:], strict=True):
        expected = [
            "" if value is None else defang(value) if isinstance(value, str) else str(value)
            for value in claim_row(view)
        ]
        assert row == expected
        assert row[COLUMNS.index("text")] == defang(view.claim.text)


def test_numbers_are_unquoted_numbers_and_text_is_quoted(hostile: Export) -> None:
    text = render_csv(hostile)
    reader = csv.reader(io.StringIO(text, newline=""), quoting=csv.QUOTE_NONNUMERIC)
    _header, *rows = list(reader)
    for row in rows:
        assert isinstance(row[COLUMNS.index("claim_id")], float)
        assert isinstance(row[COLUMNS.index("checkworthiness")], float)
        assert isinstance(row[COLUMNS.index("conflicts")], float)
        assert isinstance(row[COLUMNS.index("text")], str)


def test_counts_chain_and_verdict(tmp_path: Path) -> None:
    export, story = export_story(tmp_path)
    rows = {int(r[0]): dict(zip(COLUMNS, r, strict=True)) for r in read(render_csv(export))[1:]}
    reuters = rows[story.claims["wheat_reuters"]]
    assert reuters["chain"] == (
        "speaker: Fuad Hussein [B] → intermediary: RIA Novosti [E] (propaganda, state-affiliated)"
        " → publisher: Reuters [A]"
    )
    assert reuters["flags"] == "propaganda; state-affiliated"
    assert (reuters["corroborations_dependent"], reuters["conflicts"]) == ("1", "1")
    assert (reuters["verdict"], reuters["verdict_label"], reuters["propaganda"]) == (
        "false",
        "False",
        "true",
    )
    assert rows[story.claims["rybar"]]["propaganda"] == "false"  # the reviewer's override wins
    assert rows[story.claims["no_contract"]]["corroborations_independent"] == "1"


def test_the_file_cases_one_by_one() -> None:
    assert defang('=HYPERLINK("http://evil.example")') == '\'=HYPERLINK("http://evil.example")'
    assert defang("\t=1+1") == "'\t=1+1"
    assert defang("\r=1+1") == "'\r=1+1"
    assert defang(" =1+1 (leading space)") == "' =1+1 (leading space)"
    assert defang("＝1+1 (full-width equals)") == "'＝1+1 (full-width equals)"
    assert defang("-1 (a legitimate negative number)") == "'-1 (a legitimate negative number)"
    assert defang("Russia said") == "Russia said"
    assert defang("") == ""


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=1, max_size=5))
def test_any_text_round_trips_and_never_starts_a_formula(values: list[str]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n").writerow(
        [defang(v) for v in values]
    )
    (row,) = read(buffer.getvalue())
    assert len(row) == len(values)
    for cell, value in zip(row, values, strict=True):
        assert cell in (value, "'" + value)
        assert not cell.startswith(TRIGGERS)
