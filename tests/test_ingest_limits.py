"""A document too long to analyse whole: stored whole, analysed up to a limit, and it says so.

The limit is lowered for the test; scripts/bench_ingest.py --huge measures the real one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.ingest import limits
from tests.conftest import Cli

PARAGRAPHS = [
    f"The port authority said on Monday that berth {n} will reopen after {n + 2} weeks of"
    f" repairs costing {n + 1}.5 million euros."
    for n in range(1, 60)
]


def test_a_long_document_is_stored_whole_and_analysed_up_to_the_limit(
    sqlite_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_ANALYSED_CHARS", 2_000)
    text = "Port berths reopen\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    article = tmp_path / "port.txt"
    article.write_text(text)
    result = sqlite_cli("ingest", str(article))
    assert result.exit_code == 0, result.output
    assert "too long to analyse whole" in result.stderr
    assert "1 too long to analyse whole" in result.stderr
    document = json.loads(sqlite_cli("show", "1", "--json").stdout)
    assert document["text"] == text
    assert "partly_analysed" in document["flags"]
    assert any("claims were looked for in the first" in note for note in document["notes"])
    *_, (cut, end, reason) = document["debris"]
    assert (end, reason) == (len(text), f"not analysed: beyond the first {cut:,} characters")
    assert 1_000 < cut <= 2_000 and text[cut : cut + 2] == "\n\n"
    listed = sqlite_cli("list", "--document", "1", "--json").stdout.splitlines()
    starts = [json.loads(line)["start"] for line in listed]
    assert starts and max(starts) < cut
    assert len(starts) < len(PARAGRAPHS)


def test_a_document_under_the_limit_is_analysed_whole(sqlite_cli: Cli, tmp_path: Path) -> None:
    article = tmp_path / "port.txt"
    article.write_text("Port berths reopen\n\n" + "\n\n".join(PARAGRAPHS[:5]) + "\n")
    result = sqlite_cli("ingest", str(article))
    assert result.exit_code == 0, result.output
    assert "too long" not in result.stderr
    assert len(sqlite_cli("list", "--document", "1", "--json").stdout.splitlines()) >= 5
