"""The HTML report: hostile text stays text, links stay http(s), and a real browser agrees."""

from __future__ import annotations

import json
import os
import re
import struct
import subprocess
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import html5lib
import pytest

from claims.reports.claimreview import claim_reviews
from claims.reports.html import render_html
from claims.reports.schema import Export
from claims.reports.templating import html_environment
from claims.reports.urls import safe_url
from tests.report_factories import export_story, hostile_file

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"}
XSS = hostile_file("html_report_xss_payloads.txt")
JS_TRAP = (
    "<script>document.title='pwned'</script>"
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
    "<svg onload=\"document.body.setAttribute('data-pwned','2')\"></svg>"
)


def xss_dress(value: str) -> str:
    return f"{XSS}{value}"


@pytest.fixture(scope="module")
def plain_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    export, _ = export_story(tmp_path_factory.mktemp("plain"))
    return render_html(export)


@pytest.fixture(scope="module")
def hostile_export(tmp_path_factory: pytest.TempPathFactory) -> Export:
    export, _ = export_story(tmp_path_factory.mktemp("hostile"), xss_dress)
    return export


@pytest.fixture(scope="module")
def hostile_report(hostile_export: Export) -> str:
    return render_html(hostile_export)


def parse(html: str) -> Element:
    root: Element = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    return root


def local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def tags_and_attributes(html: str) -> tuple[set[str], set[str]]:
    tags, attributes = set(), set()
    for element in parse(html).iter():
        if isinstance(element.tag, str):
            tags.add(local(element.tag))
            attributes |= {local(name) for name in element.attrib}
    return tags, attributes


def test_hostile_text_adds_no_element_or_attribute(plain_report: str, hostile_report: str) -> None:
    plain_tags, plain_attributes = tags_and_attributes(plain_report)
    hostile_tags, hostile_attributes = tags_and_attributes(hostile_report)
    assert hostile_tags <= plain_tags
    assert hostile_attributes <= plain_attributes
    assert not {"iframe", "base", "img", "textarea", "object", "embed"} & hostile_tags
    assert [t for t in hostile_tags if t == "script"] == ["script"]  # only JSON-LD blocks


def test_no_event_handlers_and_only_http_links(hostile_report: str) -> None:
    for element in parse(hostile_report).iter():
        for name, value in element.attrib.items():
            assert not local(name).lower().startswith("on"), name
            if local(name) in URL_ATTRIBUTES:
                assert value.startswith("#") or safe_url(value) == value, value
    links = [e.get("href") for e in parse(hostile_report).iter("a")]
    assert "https://example.org/mofa-denial" not in links  # dressed, so no longer a URL
    assert all(not str(link).lower().lstrip().startswith(("javascript", "data")) for link in links)


def test_only_scripts_are_json_ld(hostile_report: str) -> None:
    scripts = [e for e in parse(hostile_report).iter() if local(str(e.tag)) == "script"]
    assert scripts, "reviewed claims and a configured organisation give ClaimReview blocks"
    assert {s.get("type") for s in scripts} == {"application/ld+json"}


def test_csp_meta_comes_first_in_head(hostile_report: str) -> None:
    head = parse(hostile_report).find("head")
    assert head is not None
    metas = [e for e in head if e.tag == "meta"]
    assert metas[0].get("charset") == "utf-8"
    assert metas[1].get("http-equiv") == "Content-Security-Policy"
    assert metas[1].get("content") == CSP


def test_hostile_text_is_shown_literally(hostile_report: str) -> None:
    text = " ".join("".join(parse(hostile_report).itertext()).split())
    for line in XSS.splitlines():
        assert " ".join(line.split()) in text
    assert "{{7*7}}" in text
    # Clock times, dates and digests vary from run to run and may contain "49" by chance.
    steady = re.sub(r"\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}(:\d{2})?|[0-9a-f]{12,}", "", text)
    assert "49" not in steady, "template syntax in the data was evaluated"


def test_template_syntax_in_data_is_not_evaluated(tmp_path: Path) -> None:
    export, _ = export_story(tmp_path, lambda v: "{{7*7}}{% if true %}X{% endif %}" + v)
    report = render_html(export)
    assert "{{7*7}}{% if true %}X{% endif %}" in "".join(parse(report).itertext())
    assert ">49" not in report


def script_blocks(html: str) -> list[str]:
    return re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S | re.I)


def test_json_ld_block_cannot_break_out(hostile_export: Export, hostile_report: str) -> None:
    blocks = script_blocks(hostile_report)
    expected = claim_reviews(hostile_export)
    assert [json.loads(block) for block in blocks] == expected
    for block in blocks:
        assert "</script" not in block.lower() and "<!--" not in block


def test_hostile_json_ld_object_round_trips_through_the_template() -> None:
    data: dict[str, Any] = json.loads(hostile_file("jsonld_script_breakout.json"))
    template = html_environment().from_string(
        '<script type="application/ld+json">{{ data|tojson }}</script>'
    )
    html = template.render(data=data)
    (block,) = script_blocks(html)
    assert "</script" not in block.lower() and "<!--" not in block
    assert json.loads(block) == data


def test_relations_and_chains_are_drawn(plain_report: str) -> None:
    root = parse(plain_report)
    svgs = [e for e in root.iter() if local(str(e.tag)) == "svg"]
    assert len(svgs) >= 8  # a chain and a relation graph for most of the 5 claims
    titles = ["".join(t.itertext()) for s in svgs for t in s if local(str(t.tag)) == "title"]
    assert any("speaker Fuad Hussein → intermediary RIA Novosti" in t for t in titles)
    assert 'class="edge conflicts"' in plain_report
    assert 'class="edge corroborates dependent"' in plain_report
    assert 'class="link propaganda"' in plain_report


def test_report_sections(plain_report: str) -> None:
    root = parse(plain_report)
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    assert {"claims", "documents", "sources", "claim-1", "claim-2", "document-1"} <= ids
    text = " ".join("".join(root.itertext()).split())
    assert "Dependent corroborations (shared origin) (1)" in text
    assert "Shared origin: RIA Novosti" in text
    assert "Conflicts (1)" in text
    assert "Customs data show no grain imports from Russia." in text
    assert "not propaganda-sourced: Reported critically, not relayed." in text
    assert "@media print" in plain_report


# -- a real browser -----------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    if os.environ.get("CLAIMS_REQUIRE_BROWSER") == "1":
        pytest.fail("CLAIMS_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing")
    pytest.skip("chromium is not installed")


def run_chromium(chromium: Path, page: Path, profile: Path, *extra: str) -> str:
    command = [
        str(chromium),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1200,2000",
        *extra,
        page.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_browser_renders_report_and_takes_screenshot(
    chromium: Path, hostile_report: str, tmp_path: Path
) -> None:
    page = tmp_path / "report.html"
    page.write_text(hostile_report, encoding="utf-8")
    shot = tmp_path / "report.png"
    run_chromium(chromium, page, tmp_path / "profile", f"--screenshot={shot}")
    data = shot.read_bytes()
    assert png_size(data) == (1200, 2000)
    assert len(data) > 50_000  # text, tables and diagrams, not a blank page


def test_browser_runs_no_script_from_content_even_without_csp(
    chromium: Path, tmp_path: Path
) -> None:
    export, _ = export_story(tmp_path, lambda v: f"{JS_TRAP}{v}")
    report = render_html(export)
    unprotected = report.replace(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">', "")
    assert "Content-Security-Policy" not in unprotected
    page = tmp_path / "trap.html"
    page.write_text(unprotected, encoding="utf-8")
    dom = run_chromium(chromium, page, tmp_path / "profile", "--dump-dom")
    root = parse(dom)
    title = root.find("head/title")
    assert (
        title is not None and "".join(title.itertext()) == f"{JS_TRAP}Fact Desk: Provenance report"
    )
    body = root.find("body")
    assert body is not None and body.get("data-pwned") is None
    assert not [e for e in root.iter() if local(str(e.tag)) == "img"]
