"""The language of a document comes from its text, and the English-only rules stay on English.

Made-up sentences in each language; the script alone cannot tell these apart.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claims.ingest.models import Flag, RawInput
from claims.ingest.prepare import prepare
from tests.conftest import Cli

SAMPLES = {
    "uk": "Міська рада заявила в понеділок, що міст знову відкриють у травні після ремонту,"
    " який коштуватиме два мільйони гривень.",
    "bg": "Общинският съвет заяви в понеделник, че мостът ще бъде отворен отново през май след"
    " ремонт, който ще струва два милиона лева.",
    "sr": "Градско веће саопштило је у понедељак да ће мост поново бити отворен у мају после"
    " поправке која ће коштати два милиона динара.",
    "ru": "Городской совет заявил в понедельник, что мост снова откроют в мае после ремонта,"
    " который обойдётся в два миллиона рублей.",
    "fa": "شورای شهر روز دوشنبه اعلام کرد که پل پس از تعمیراتی که دو میلیون دلار هزینه دارد"
    " در ماه مه دوباره باز می‌شود.",
    "ur": "سٹی کونسل نے پیر کے روز کہا کہ پل مرمت کے بعد مئی میں دوبارہ کھول دیا جائے گا جس پر"
    " دو ملین روپے لاگت آئے گی۔",
    "ja": "市議会は月曜日、二百万円の修理の後、橋が五月に再開されると発表した。市長は安全点検も"
    "行うと述べた。",
    "de": "Der Stadtrat teilte am Montag mit, dass die Brücke nach einer Reparatur für zwei"
    " Millionen Euro im Mai wieder geöffnet wird.",
    "fr": "Le conseil municipal a annoncé lundi que le pont rouvrira en mai après des travaux"
    " qui coûteront deux millions d'euros.",
    "en": "The city council said on Monday that the bridge will reopen in May after repairs"
    " costing two million euros.",
}


def prepared_language(text: str) -> str | None:
    raw = RawInput(origin="a.txt", locator=None, data=text.encode("utf-8"))
    return prepare(raw).meta.get("language")


@pytest.mark.parametrize(("expected", "text"), SAMPLES.items(), ids=list(SAMPLES))
def test_the_language_is_told_by_the_text_not_the_script(expected: str, text: str) -> None:
    assert prepared_language(text) == expected


def test_too_little_text_leaves_the_language_open() -> None:
    assert prepared_language("Brücke 2025") is None


GERMAN_ARTICLE = (
    "Brücke öffnet im Mai\n\n"
    "Anna Keller: Die Brücke wird im Mai geöffnet und die Reparatur kostet drei Millionen Euro.\n\n"
    "Der Stadtrat teilte am Montag mit, dass zwölf Arbeiter die Reparatur ausführen werden.\n"
)


def attributions(cli: Cli, document_id: int) -> list[list[tuple[str, str]]]:
    listed = cli("list", "--document", str(document_id), "--json")
    assert listed.exit_code == 0, listed.output
    claims = [json.loads(line) for line in listed.stdout.splitlines()]
    assert claims
    return [[(link["role"], link["name"]) for link in claim["attribution"]] for claim in claims]


def test_a_document_not_in_english_says_so_and_gets_no_english_attribution(
    sqlite_cli: Cli, tmp_path: Path
) -> None:
    article = tmp_path / "bruecke.txt"
    article.write_text(GERMAN_ARTICLE)
    result = sqlite_cli("ingest", "--outlet", "Stadtanzeiger", str(article))
    assert result.exit_code == 0, result.output
    assert "document 1 (in de, not English" in result.stderr
    assert "1 not in English" in result.stderr
    shown = sqlite_cli("show", "1")
    assert "language: de  [inferred]" in shown.stdout
    assert f"flags: {Flag.NOT_ENGLISH}" in shown.stdout
    assert "note: written in de, not English" in shown.stdout
    assert all(chain == [("publisher", "Stadtanzeiger")] for chain in attributions(sqlite_cli, 1))


def test_an_english_document_keeps_its_speakers(sqlite_cli: Cli, tmp_path: Path) -> None:
    article = tmp_path / "bridge.txt"
    article.write_text(
        "Bridge reopens in May\n\n"
        "Anna Keller: The bridge will reopen in May and the repairs cost three million euros.\n"
    )
    result = sqlite_cli("ingest", "--outlet", "City Gazette", str(article))
    assert result.exit_code == 0, result.output
    assert "not in English" not in result.stderr
    assert any(("speaker", "Anna Keller") in chain for chain in attributions(sqlite_cli, 1))
    assert "not_english" not in sqlite_cli("show", "1").stdout


def test_guessing_a_language_writes_no_file() -> None:
    """On a full disk (no file may grow) the language is still told: nothing is unpacked."""
    code = (
        "import resource, signal\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))\n"
        "from claims.ingest.language import guess_language\n"
        f"print(guess_language({SAMPLES['de']!r}))\n"
    )
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "de"
