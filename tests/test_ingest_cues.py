"""Publication dates stated in the text, in English and other languages (regexes first, then
dateparser), and never a download to read one."""

from __future__ import annotations

import subprocess
import sys

import pytest

from claims.ingest.models import MetaOrigin, RawInput
from claims.ingest.prepare import prepare

BODY = "The city council said on Monday that the bridge will reopen after repairs.\n"


def published(head: str) -> tuple[str | None, list[str]]:
    text = f"Bridge reopens after repairs\n\n{head}\n\n{BODY}"
    document = prepare(RawInput(origin="a.txt", locator=None, data=text.encode("utf-8")))
    found = document.meta.fields.get("published")
    if found is not None:
        assert found.origin == MetaOrigin.TEXT
    debris = [text[span.start : span.end] for span in document.debris]
    return document.meta.get("published"), debris


@pytest.mark.parametrize(
    ("head", "date"),
    [
        ("Published: October 5, 2023", "2023-10-05"),
        ("Updated 5 Oct 2023, 14:35 BST", "2023-10-05"),
        ("5 октября 2023", "2023-10-05"),
        ("Опубликовано: 5 октября 2023, 14:35", "2023-10-05"),
        ("5. Oktober 2023", "2023-10-05"),
        ("Publié le 5 octobre 2023", "2023-10-05"),
        ("date 2025-01-26", "2025-01-26"),
    ],
)
def test_a_date_line_at_the_top_gives_the_publication_date(head: str, date: str) -> None:
    found, debris = published(head)
    assert found == date
    assert any(head.strip() in span or span in head for span in debris)


@pytest.mark.parametrize(
    "head",
    ["Elections 2024: five things to know", "Published by the city council", "May 2024"],
)
def test_lines_that_are_not_a_full_date_give_none(head: str) -> None:
    assert published(head)[0] is None


def test_reading_dates_opens_no_network_connection() -> None:
    code = (
        "import socket\n"
        "def refuse(*args, **kwargs):\n"
        "    raise SystemExit('network used')\n"
        "socket.socket = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from claims.ingest.cues import parse_date\n"
        "print(parse_date('5 октября 2023'), parse_date('5. Oktober 2023'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2023-10-05", "2023-10-05"]
