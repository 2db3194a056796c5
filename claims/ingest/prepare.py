"""Raw input to a prepared document: decode, extract, find cues and debris, merge metadata.

Pure: takes bytes and returns a pydantic model; storing it is `claims.store.documents.records`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from claims.errors import InputError
from claims.ingest.cues import find_cues
from claims.ingest.debris import find_debris, merge_spans
from claims.ingest.decode import DecodeError, character_flags, decode
from claims.ingest.html import HtmlError, declared_charset, extract_article, refuse_unsafe_xml
from claims.ingest.language import guess_language, language_flags
from claims.ingest.limits import limit_analysis
from claims.ingest.lines import Line, iter_lines
from claims.ingest.models import (
    DebrisSpan,
    DocumentMeta,
    Flag,
    MetaOrigin,
    PreparedDocument,
    RawInput,
)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_LOOKS_LIKE_HTML = re.compile(
    rb"^\s*(?:<!doctype\s+html|<html|<\?xml[^>]*>\s*<!doctype html)", re.I
)
MAX_TITLE_WORDS = 20
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,2}\s+(.+?)\s*#*\s*$")


def prepare(raw: RawInput) -> PreparedDocument:
    """Turn one input's bytes into a document ready to store, or raise InputError."""
    if not raw.data.strip():
        raise InputError(raw.origin, "empty input")
    is_html = raw.media_type in HTML_TYPES or (
        raw.media_type is None and bool(_LOOKS_LIKE_HTML.match(raw.data[:512]))
    )
    try:
        if is_html:
            refuse_unsafe_xml(raw.data)
        declared = raw.declared_charset or (declared_charset(raw.data) if is_html else None)
        decoded = decode(raw.data, declared)
        flags, notes = list(decoded.flags), list(decoded.notes)
        text, meta = decoded.text, raw.meta
        if is_html:
            article = extract_article(text)
            text = article.text
            meta = meta.merged(article.meta)
            flags += article.flags + character_flags(text)
            notes += article.notes
    except (DecodeError, HtmlError) as exc:
        raise InputError(raw.origin, str(exc)) from exc
    if not text.strip():
        raise InputError(raw.origin, "no text in the input")
    lines = list(iter_lines(text))
    cues = find_cues(text, [line for line in lines if not line.continues])
    meta = meta.merged(cues.meta).merged(_inferred(text))
    debris = merge_spans(cues.debris + _byline_lines(lines, meta) + find_debris(lines))
    meta = meta.merged(_title(text, lines, debris))
    debris, limit_flags, limit_notes = limit_analysis(text, debris)
    flags += cues.flags
    if meta.get("machine_translation"):
        flags.append(Flag.MACHINE_TRANSLATED)
    language_flag, language_note = language_flags(meta)
    flags, notes = flags + language_flag + limit_flags, notes + language_note + limit_notes
    return PreparedDocument(
        origin=raw.origin,
        locator=raw.locator,
        content_type="text/html" if is_html else (raw.media_type or "text/plain"),
        text=text,
        debris=debris,
        meta=meta,
        flags=list(dict.fromkeys(flags)),
        notes=notes,
        encoding=decoded.encoding,
        encoding_confidence=decoded.confidence,
        raw=raw.data,
        raw_sha256=hashlib.sha256(raw.data).hexdigest(),
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        norm_sha256=hashlib.sha256(normalized_for_hash(text).encode("utf-8")).hexdigest(),
    )


def normalized_for_hash(text: str) -> str:
    """The form two copies of one text share: NFC, LF line ends, no BOM or trailing blanks."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _inferred(text: str) -> DocumentMeta:
    """The language, guessed from the text by a model that ships with the program."""
    return DocumentMeta.of(MetaOrigin.INFERRED, language=guess_language(text))


def _title(text: str, lines: list[Line], debris: list[DebrisSpan]) -> DocumentMeta:
    """The first line that is not debris, when it reads like a headline (or a Markdown heading)."""
    for line in lines:
        start, end = line.trimmed_span()
        if any(span.start <= start and end <= span.end for span in debris):
            continue
        heading = _MARKDOWN_HEADING.match(line.text)
        if heading:
            return DocumentMeta.of(MetaOrigin.TEXT, title=heading.group(1).strip())
        words = line.words
        headline = 3 <= len(words) <= MAX_TITLE_WORDS and line.stripped.count(",") <= 1
        if headline and line.stripped[-1:] not in ".;,:":
            return DocumentMeta.of(MetaOrigin.INFERRED, title=line.stripped)
        return DocumentMeta()
    return DocumentMeta()


def _byline_lines(lines: list[Line], meta: DocumentMeta) -> list[DebrisSpan]:
    """Lines that only repeat the author's name are part of the author box."""
    author = meta.get("author")
    if not author:
        return []
    spans = []
    for line in lines:
        if line.stripped.casefold() == author.strip().casefold():
            start, end = line.trimmed_span()
            spans.append(DebrisSpan(start=start, end=end, reason="byline"))
    return spans
