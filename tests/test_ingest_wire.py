"""Plain-text wire copy: hard-wrapped lines, indent-marked paragraphs, sign-off lines."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from claims.extract.anchoring import AnchorStatus, Selector, reanchor
from claims.extract.models import DocumentContext, ExtractedClaim
from claims.extract.pipeline import extract_claims, neutral_score, publisher_chains
from claims.extract.sentences import Sentence, split_sentences
from claims.ingest.layout import flowing_blocks, text_layout
from claims.ingest.lines import iter_lines
from claims.ingest.models import PreparedDocument, RawInput
from claims.ingest.prepare import prepare
from tests.conftest import HOSTILE, Cli

WIRE = (
    "Harbor Mills Sells Stake In Example Shipping\n"
    "\n"
    "    PORTVILLE, March 3 - Harbor Mills Inc said it sold its entire\n"
    "stake in Example Shipping Corp to a group of Canadian investors\n"
    "for about 42 mln dlrs.\n"
    "    In a statement issued after the close of trading, Harbor Mills\n"
    "said the 1,250,000 shares were sold at 33.60 dlrs each, and that\n"
    "Example Shipping had agreed to buy back the remaining warrants.\n"
    "    The company said it would use the proceeds to cut its debt.\n"
)
WIRE_UNITS = [
    "Harbor Mills Sells Stake In Example Shipping",
    "PORTVILLE, March 3 - Harbor Mills Inc said it sold its entire\n"
    "stake in Example Shipping Corp to a group of Canadian investors\n"
    "for about 42 mln dlrs.",
    "In a statement issued after the close of trading, Harbor Mills\n"
    "said the 1,250,000 shares were sold at 33.60 dlrs each, and that\n"
    "Example Shipping had agreed to buy back the remaining warrants.",
    "The company said it would use the proceeds to cut its debt.",
]
TABLE = (
    "Example Foods Corp 1st Qtr Net\n"
    "\n"
    "    DALTON, April 2 - Example Foods Corp said first quarter\n"
    "earnings fell on lower prices for its canned goods, and it\n"
    "expects the second quarter to be about the same as the first.\n"
    "    Shr 25 cts vs 1.21 dlrs\n"
    "    Net 1,234,000 vs 5,678,000\n"
    "    Revs 41.2 mln vs 38.9 mln\n"
)
FIGURES = ["Shr 25 cts vs 1.21 dlrs", "Net 1,234,000 vs 5,678,000", "Revs 41.2 mln vs 38.9 mln"]


def prepared(text: str) -> PreparedDocument:
    raw = RawInput(origin="wire.txt", locator=None, data=text.encode(), media_type="text/plain")
    return prepare(raw)


def units(text: str) -> list[Sentence]:
    """Sentence units of a text, cut by the debris ingestion finds in it."""
    document = prepared(text)
    sentences = split_sentences(text, [(s.start, s.end, s.reason) for s in document.debris])
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    return sentences


def claims_of(text: str) -> list[ExtractedClaim]:
    document = prepared(text)
    debris = [(span.start, span.end, span.reason) for span in document.debris]
    return extract_claims(
        text, debris, DocumentContext(), score=neutral_score, attribute=publisher_chains
    )


def flat(text: str) -> str:
    return " ".join(text.split())


def test_sentences_run_across_wraps_and_paragraphs_start_at_indents() -> None:
    sentences = units(WIRE)
    assert [s.text for s in sentences] == WIRE_UNITS
    assert [s.paragraph for s in sentences] == [0, 1, 2, 3]


def test_lines_know_their_indented_paragraphs() -> None:
    lines = list(iter_lines(WIRE))
    assert [line.paragraph for line in lines] == [0, 1, 1, 1, 2, 2, 2, 3]
    continuations = [number for number, line in enumerate(lines) if line.continues]
    assert continuations == [2, 3, 5, 6]


def test_the_issue_example_keeps_attribution_and_figures_in_one_claim() -> None:
    text = (
        "Group Cuts Stake In Example Corp\n\n"
        "An investor group led by a New York investment firm said it cut\n"
        "its stake in Example Corp to less than five pct.\n"
        "    In a filing with the Securities and Exchange Commission,\n"
        "the group said it sold 19,500 common shares between Feb 11 and\n"
        "19, leaving it with 239,500 shares, or 4.7 pct.\n"
    )
    texts = [flat(claim.text) for claim in claims_of(text)]
    assert (
        "In a filing with the Securities and Exchange Commission, the group said it sold "
        "19,500 common shares between Feb 11 and 19, leaving it with 239,500 shares, or 4.7 pct."
    ) in texts
    assert not [t for t in texts if t.endswith(",") or t[0].islower() or len(t.split()) < 5]


def test_a_figure_table_under_a_wrapped_lead_keeps_its_lines() -> None:
    sentences = [s.text for s in units(TABLE)]
    assert sentences[1] == (
        "DALTON, April 2 - Example Foods Corp said first quarter\n"
        "earnings fell on lower prices for its canned goods, and it\n"
        "expects the second quarter to be about the same as the first."
    )
    assert sentences[2:] == FIGURES


def test_a_flush_table_after_a_colon_is_not_wrapped_into_the_lead() -> None:
    text = (
        "    Example Foods Corp said first quarter earnings fell on lower\n"
        "prices for its canned goods, and gave these figures for the year:\n"
        "Shr 25 cts vs 1.21 dlrs\n"
        "Net 1,234,000 vs 5,678,000\n"
    )
    assert [s.text for s in units(text)][-2:] == FIGURES[:2]


def test_crlf_line_ends_split_like_lf() -> None:
    crlf = WIRE.replace("\n", "\r\n")
    sentences = units(crlf)
    assert [s.text.replace("\r\n", "\n") for s in sentences] == WIRE_UNITS
    assert [s.paragraph for s in sentences] == [0, 1, 2, 3]


def test_tabs_mark_paragraphs() -> None:
    tabbed = WIRE.replace("\n    ", "\n\t")
    sentences = units(tabbed)
    assert [flat(s.text) for s in sentences] == [flat(u) for u in WIRE_UNITS]
    assert [s.paragraph for s in sentences] == [0, 1, 2, 3]


def test_paragraphs_wrapped_a_little_narrower_still_flow() -> None:
    paragraphs = [flat(unit) for unit in WIRE_UNITS[1:]]
    body = "\n".join(
        textwrap.fill(paragraph, width=width, initial_indent="    ")
        for paragraph, width in zip(paragraphs, (72, 56, 64), strict=True)
    )
    text = f"{WIRE_UNITS[0]}\n\n{body}\n"
    assert [flat(s.text) for s in units(text)] == [flat(unit) for unit in WIRE_UNITS]


@pytest.mark.parametrize(
    "sign_off",
    [
        " Reuter",
        "REUTER",
        "AP",
        "-- Staff",
        "(Reporting by Jane Roe; Editing by John Doe)",
        "PORTVILLE, March 3",
    ],
)
def test_a_trailing_sign_off_is_debris(sign_off: str) -> None:
    text = f"{WIRE}{sign_off}\n"
    spans = [(s.reason, text[s.start : s.end]) for s in prepared(text).debris]
    assert ("sign-off", sign_off.strip()) in spans
    assert [s.text for s in units(text)] == WIRE_UNITS
    assert [flat(claim.text) for claim in claims_of(text)][-1] == WIRE_UNITS[-1]


def test_sign_offs_below_other_debris_are_found() -> None:
    text = f"{WIRE} Reuter\n***\n"
    reasons = [s.reason for s in prepared(text).debris]
    assert reasons == ["sign-off", "interface residue"]


def test_the_last_sentence_is_never_taken_for_a_sign_off() -> None:
    text = WIRE + "AP reported the sale first.\n"
    assert not [s for s in prepared(text).debris if s.reason == "sign-off"]


def test_a_wrapped_line_that_reads_like_a_button_is_prose() -> None:
    text = (
        "    The Example Steel Co said on Tuesday that it would shut its oldest\n"
        "blast furnace at the Portville works next month and switch it\n"
        "off.\n"
        "    The furnace has been in use since the company was founded.\n"
    )
    assert prepared(text).debris == []
    assert flat(units(text)[0].text).endswith("and switch it off.")


def test_a_wrapped_line_is_no_byline_or_notice() -> None:
    text = (
        "    Example Motors said its engine plant would close next year, as\n"
        "reported by the regional news agency on Tuesday afternoon, and\n"
        "that 800 jobs would go when production moves to the new site.\n"
    )
    document = prepared(text)
    assert document.debris == []
    assert document.meta.get("author") is None


def test_a_repeated_indented_paragraph_is_found() -> None:
    paragraph = (
        "    The company said it would use the proceeds of the sale to cut\n"
        "its debt and to pay for the new terminal at the port of Dalton.\n"
    )
    text = WIRE + paragraph + paragraph
    reasons = [s.reason for s in prepared(text).debris]
    assert any(reason.startswith("repeated paragraph") for reason in reasons)


def test_wrapped_markdown_keeps_headings_and_list_items() -> None:
    text = (
        "# Example council budget\n"
        "\n"
        "The council approved a budget of 12 million pounds on Tuesday after\n"
        "a debate that lasted more than four hours, Example officials said.\n"
        "\n"
        "- Spending on roads rises by 3% to pay for repairs across the whole\n"
        "  district, the finance officer said.\n"
        "- Library opening hours stay the same.\n"
        "\n"
        "```\n"
        "budget = approve(total=12_000_000, roads=0.03, libraries=unchanged)\n"
        "print(budget.summary(), budget.roads, budget.libraries, budget.total)\n"
        "```\n"
    )
    assert text_layout(text) is not None
    assert [flat(s.text) for s in units(text)] == [
        "# Example council budget",
        "The council approved a budget of 12 million pounds on Tuesday after a debate that "
        "lasted more than four hours, Example officials said.",
        "Spending on roads rises by 3% to pay for repairs across the whole district, the "
        "finance officer said.",
        "Library opening hours stay the same.",
        "budget = approve(total=12_000_000, roads=0.03, libraries=unchanged)",
        "print(budget.summary(), budget.roads, budget.libraries, budget.total)",
    ]


POEM = (
    "The rain came down on Harbor Street\n"
    "And no one saw the morning light\n"
    "The boats stayed in, the nets stayed dry\n"
    "And gulls were silent in the night\n"
)
HEADLINES = (
    "Example Shipping Agrees Sale Of Its Northern Ferry Routes Today\n"
    "Dalton Council Approves Budget After Four Hour Debate On Roads\n"
    "Harbor Mills Chairman Steps Down After Twenty Years In Office\n"
    "Portville Airport Expansion Delayed By Planning Appeal Again\n"
)
LONG_LINES = (
    "The council approved a budget of 12 million pounds on Tuesday after a debate that lasted "
    "more than four hours, officials said, and the vote was close.\n\n"
    "Spending on roads rises by 3% to pay for repairs across the whole district, the finance "
    "officer said, while library hours stay the same as last year.\n"
)


@pytest.mark.parametrize("text", [POEM, HEADLINES, LONG_LINES])
def test_text_that_is_not_wrapped_prose_keeps_its_lines(text: str) -> None:
    assert text_layout(text) is None
    assert flowing_blocks(text) is None
    expected = [line for line in text.split("\n") if line]
    assert [s.text for s in units(text)] == expected


@pytest.mark.parametrize("name", ["long_single_line_45kb.txt", "many_short_lines.txt"])
@pytest.mark.timeout(30)  # a hang guard; speed is benchmarked
def test_hostile_files_get_no_layout(name: str) -> None:
    assert text_layout((HOSTILE / name).read_text(encoding="utf-8")) is None


def test_claims_are_exact_and_their_quotes_anchor_across_a_rewrap() -> None:
    text = WIRE.replace("\n", "\r\n")
    found = claims_of(text)
    assert [flat(c.text) for c in found] == [flat(u) for u in WIRE_UNITS]
    rewrapped_body = "\n".join(
        textwrap.fill(flat(unit), width=58, initial_indent="    ") for unit in WIRE_UNITS[1:]
    )
    rewrapped = f"{WIRE_UNITS[0]}\n\n{rewrapped_body}\n"
    for claim in found:
        assert text[claim.start : claim.end] == claim.text
        selector = Selector(
            exact=claim.text,
            prefix=claim.quote_prefix,
            suffix=claim.quote_suffix,
            start=claim.start,
            end=claim.end,
        )
        assert reanchor(selector, text).status == AnchorStatus.ANCHORED
        moved = reanchor(selector, rewrapped)
        assert moved.start is not None and moved.end is not None
        assert flat(rewrapped[moved.start : moved.end]) == flat(claim.text)


def test_wire_copy_is_stored_exactly_with_claims_as_exact_quotes(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_bytes(f"{TABLE} Reuter\n".replace("\n", "\r\n").encode())
    assert cli("ingest", str(path)).exit_code == 0
    result = cli("export", "--format", "json")
    data = json.loads(result.stdout)
    text = data["documents"][0]["text"]
    assert text == f"{TABLE} Reuter\n".replace("\n", "\r\n")
    claims = data["claims"]
    for claim in claims:
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert claim["selector"]["quote"]["exact"] == claim["text"]
    assert flat(claims[1]["text"]).startswith("DALTON, April 2 - Example Foods Corp said first")
    assert "Reuter" not in [claim["text"] for claim in claims]
    assert [span for span in data["documents"][0]["debris"] if span[2] == "sign-off"]
