"""The Markdown report: data never becomes Markdown syntax (headings, tables, links, HTML)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from claims.reports.markdown import render_markdown
from claims.reports.markdown_escape import md_escape, md_link
from tests.report_factories import export_story, hostile_file

INJECTION = hostile_file("markdown_export_injection.txt")


def parser() -> MarkdownIt:
    """CommonMark plus GitHub's tables, strikethrough and bare-URL links."""
    return MarkdownIt("commonmark", {"linkify": True}).enable(["table", "strikethrough", "linkify"])


def flat(tokens: list[Token]) -> list[Token]:
    found = []
    for token in tokens:
        found.append(token)
        found += flat(token.children or [])
    return found


def block_structure(markdown: str) -> list[tuple[str, str]]:
    return [(t.type, t.tag) for t in parser().parse(markdown) if t.type != "inline"]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    plain, _ = export_story(tmp_path_factory.mktemp("plain"))
    hostile, _ = export_story(tmp_path_factory.mktemp("hostile"), lambda v: f"{INJECTION}{v}")
    return render_markdown(plain), render_markdown(hostile)


def test_structure_comes_only_from_the_template(reports: tuple[str, str]) -> None:
    plain, hostile = reports
    assert block_structure(hostile) == block_structure(plain)
    headings = [t for t in parser().parse(hostile) if t.type == "heading_open"]
    assert len(headings) == len([t for t in parser().parse(plain) if t.type == "heading_open"])


def test_no_html_no_remote_images_no_script_links(reports: tuple[str, str]) -> None:
    _, hostile = reports
    tokens = flat(parser().parse(hostile))
    assert not [t for t in tokens if t.type in ("html_inline", "html_block")]
    assert not [t for t in tokens if t.type == "image"]
    links = list(links_with_text(tokens))
    assert links, "the document and evidence links of the story are there"
    assert all(href.startswith(("http://", "https://")) for href, _ in links), links
    for href, text in links:
        if "evil" in href or "tracker" in href:  # a bare URL in data, auto-linked by linkify
            assert href.endswith(text), (href, text)  # it shows where it goes, no disguise


def links_with_text(tokens: list[Token]) -> Iterator[tuple[str, str]]:
    href: str | None = None
    words: list[str] = []
    for token in tokens:
        if token.type == "link_open":
            href, words = str(token.attrs["href"]), []
        elif token.type == "link_close" and href is not None:
            yield href, "".join(words)
            href = None
        elif href is not None and token.type == "text":
            words.append(token.content)


def test_hostile_text_reads_back_literally(reports: tuple[str, str]) -> None:
    _, hostile = reports
    html = parser().render(hostile)
    rendered_text = " ".join(
        t.content for t in flat(parser().parse(hostile)) if t.type in ("text", "code_inline")
    )
    for line in INJECTION.splitlines():
        assert " ".join(line.split()) in rendered_text, line
    assert "<script>" not in html and "<details" not in html


def test_plain_report_content(reports: tuple[str, str]) -> None:
    plain, _ = reports
    tokens = parser().parse(plain)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[:3] == [
        "Fact Desk: Provenance report",
        "Claims",
        "Claim 1: not reviewed, propaganda-sourced",
    ]
    assert {"Documents", "Sources", "Attribution chain", "Corroborations and conflicts"} <= set(
        headings
    )
    assert "| 2 | intermediary | Ria | RIA Novosti (state-affiliated media) | E |" in plain
    assert "[customs](https://example.org/customs)" in plain


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_escaped_text_is_one_paragraph_of_the_same_text(value: str) -> None:
    tokens = parser().parse(md_escape(value) + "\n")
    if not md_escape(value).strip():
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    inline = flat(tokens)
    assert {t.type for t in inline} <= {
        "paragraph_open",
        "inline",
        "paragraph_close",
        "text",
        "softbreak",
        "link_open",
        "link_close",
    }
    for token in inline:
        if token.type == "link_open":  # only linkify's bare http(s)/www/e-mail links
            assert str(token.attrs["href"]).startswith(("http://", "https://", "mailto:"))


def test_links_only_for_http_urls() -> None:
    assert md_link("x", "javascript:alert(1)") == "x (address not linked: javascript:alert(1))"
    assert md_link("x", " https://a.example") == r"x (address not linked: https\[:\]//a.example)"
    assert md_link("x", "http://10.0.0.1/") == r"x (address not linked: http\[:\]//10.0.0.1/)"
    assert md_link("http://10.0.0.1/", "http://10.0.0.1/") == r"http\[:\]//10.0.0.1/"
    assert md_link("a [b]", "https://a.example/(x)") == r"[a \[b\]](https://a.example/%28x%29)"


def test_written_file_is_utf8(tmp_path: Path, reports: tuple[str, str]) -> None:
    plain, _ = reports
    (tmp_path / "r.md").write_text(plain, encoding="utf-8")
    assert (tmp_path / "r.md").read_text(encoding="utf-8") == plain


@pytest.mark.parametrize(
    "value", ["***", "---", "- - -", "===", "___", "1. item", "2) item", "> quote", "# h", "   "]
)
def test_line_start_markers_stay_text(value: str) -> None:
    for context in ("{}\n", "para\n{}\n", "> {}\n"):
        tokens = parser().parse(context.format(md_escape(value)))
        assert not {t.type for t in tokens} & {
            "hr",
            "heading_open",
            "bullet_list_open",
            "ordered_list_open",
        }, (context, value)
