"""HTML to article text with trafilatura, guarded against the ways parsing loses content.

lxml stops at nesting depth 256 and reports it only in the parser's error log; trafilatura
then returns nothing. Both are turned into errors here, never into a silently empty document.
Text hidden from readers (display:none, `hidden`, zero-size, noscript, template) is removed
before extraction and the removal is flagged, since trafilatura would otherwise keep it.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import use_config

from claims.ingest.models import DocumentMeta, Flag, MetaOrigin

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])", re.IGNORECASE
)
_NEVER_CONTENT = ("script", "style", "template", "noscript", "iframe", "object", "embed", "svg")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class HtmlError(ValueError):
    """The HTML cannot be turned into article text without losing or inventing content."""


@dataclass
class HtmlArticle:
    """Article text and metadata extracted from one HTML page."""

    text: str
    meta: DocumentMeta
    flags: list[Flag] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag, if any."""
    found = _CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", "replace") if found else None


def refuse_unsafe_xml(data: bytes) -> None:
    """Entity declarations are how billion-laughs and XXE attacks start: refuse them outright."""
    if _ENTITY_DECLARATION.search(data):
        raise HtmlError("unsafe XML construct: entity declarations (<!ENTITY>) are not accepted")


def extract_article(html: str) -> HtmlArticle:
    """Extract the article text and metadata from a page."""
    tree = _parse(html)
    meta = _metadata(tree)
    flags: list[Flag] = []
    notes: list[str] = []
    hidden = _remove_hidden(tree)
    if hidden:
        flags.append(Flag.HIDDEN_TEXT_REMOVED)
        notes.append(f"{hidden} element(s) hidden from readers removed before extraction")
    text = _article_text(tree)
    if not text.strip():
        raise HtmlError("no article text found in the HTML")
    return HtmlArticle(text=text, meta=meta, flags=flags, notes=notes)


def _parse(html: str) -> lxml.html.HtmlElement:
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, huge_tree=False
    )
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise HtmlError(f"HTML could not be parsed ({exc})") from exc
    fatal = [e for e in parser.error_log if e.level_name == "FATAL"]
    if fatal:
        message = fatal[0].message.strip()
        if "depth" in message.lower():
            raise HtmlError("document too deeply nested (over 256 levels); nothing stored")
        raise HtmlError(f"document exceeds parser limits ({message}); nothing stored")
    return tree


def _remove_hidden(tree: lxml.html.HtmlElement) -> int:
    removed = 0
    for element in list(tree.iter()):
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        hidden = (
            tag in _NEVER_CONTENT
            or element.get("hidden") is not None
            or element.get("aria-hidden", "").lower() == "true"
            or bool(_HIDDEN_STYLE.search(element.get("style", "")))
        )
        if hidden and element.getparent() is not None:
            if tag not in ("script", "style") and (element.text_content() or "").strip():
                removed += 1
            element.drop_tree()
    return removed


def _article_text(tree: lxml.html.HtmlElement) -> str:
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    text = trafilatura.extract(
        copy.deepcopy(tree),
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        deduplicate=False,
        config=config,
    )
    if not text:
        text = "\n\n".join(
            " ".join(p.text_content().split())
            for p in tree.iter("p", "h1", "h2", "h3", "li", "blockquote")
            if p.text_content().strip()
        )
    return str(text or "")


def _metadata(tree: lxml.html.HtmlElement) -> DocumentMeta:
    found = trafilatura.extract_metadata(copy.deepcopy(tree))
    language = (tree.get("lang") or "").split("-")[0].lower() or None
    return DocumentMeta.of(
        MetaOrigin.HTML,
        title=found.title,
        author=found.author,
        outlet=found.sitename,
        published=found.date,
        url=safe_url(found.url),
        language=language,
    )


def safe_url(url: str | None) -> str | None:
    """Keep a metadata URL only when it is http(s); it is stored, never fetched automatically."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None
