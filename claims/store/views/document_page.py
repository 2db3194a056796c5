"""Read models of the document reader: a document's metadata, its claims, and bounded pages."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.errors import NotFound
from claims.store.rows import DOCUMENTS
from claims.store.views.claim_detail import Frozen, describe
from claims.store.views.claim_list import effective_propaganda
from db.models import (
    Claim,
    Document,
)

PAGE_CHARS = 20_000
"""Characters of document text on one reader page."""


PAGE_LINES = 200
"""Most lines on one reader page (a text of 40,000 short lines stays quick to draw)."""


class DocumentMeta(BaseModel):
    """A document's metadata and size, without its text."""

    model_config = Frozen

    id: int
    origin: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    original_publisher: str | None = None
    machine_translation: str | None = None
    metadata_provenance: dict[str, Any] = {}
    flags: list[str] = []
    notes: list[str] = []
    version_no: int = 1
    length: int
    debris: list[tuple[int, int, str]] = []


class ClaimSpan(BaseModel):
    """Where a claim sits in its document, and what colours it."""

    model_config = Frozen

    id: int
    start: int
    end: int
    kind: str
    propaganda: bool
    verdict: str | None = None


class DocumentPage(BaseModel):
    """A window of a document's text, cut at a line break where one is near."""

    model_config = Frozen

    start: int
    end: int
    text: str
    length: int

    @property
    def has_previous(self) -> bool:
        return self.start > 0

    @property
    def has_next(self) -> bool:
        return self.end < self.length


def document_meta(session: Session, document_id: int) -> DocumentMeta:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"no document with id {document_id}")
    length = session.scalar(select(func.length(Document.text)).where(Document.id == document_id))
    return DOCUMENTS.model(
        DocumentMeta,
        document,
        flags=[describe(f) for f in document.flags],
        notes=[describe(n) for n in document.notes],
        length=length or 0,
    )


def document_claims(session: Session, document_id: int) -> list[ClaimSpan]:
    query = (
        select(
            Claim.id,
            Claim.start,
            Claim.end,
            Claim.kind,
            effective_propaganda(),
            Claim.verdict,
        )
        .where(Claim.document_id == document_id)
        .order_by(Claim.start, Claim.id)
    )
    return [
        ClaimSpan(id=i, start=s, end=e, kind=k, propaganda=bool(p), verdict=v)
        for i, s, e, k, p, v in session.execute(query)
    ]


def document_page(session: Session, document_id: int, start: int, length: int) -> DocumentPage:
    """The page beginning at `start` (a character offset into the document text)."""
    start = max(0, min(start, max(length - 1, 0)))
    chunk = (
        session.scalar(
            select(func.substr(Document.text, start + 1, PAGE_CHARS)).where(
                Document.id == document_id
            )
        )
        or ""
    )
    cut = page_cut(chunk, complete=start + len(chunk) >= length)
    return DocumentPage(start=start, end=start + cut, text=chunk[:cut], length=length)


def page_cut(chunk: str, *, complete: bool) -> int:
    """Where a page of `chunk` ends: after PAGE_LINES lines, else at the last line break in
    its second half, else (one very long line) at the chunk's end."""
    position = -1
    for _ in range(PAGE_LINES):
        position = chunk.find("\n", position + 1)
        if position < 0:
            break
    else:
        return position + 1
    if complete:
        return len(chunk)
    last = chunk.rfind("\n", len(chunk) // 2)
    return last + 1 if last >= 0 else len(chunk)


def document_page_before(session: Session, document_id: int, end: int, length: int) -> DocumentPage:
    """The page that ends at `end`, so paging back shows every character once."""
    low = max(end - PAGE_CHARS, 0)
    chunk = (
        session.scalar(
            select(func.substr(Document.text, low + 1, end - low)).where(Document.id == document_id)
        )
        or ""
    )
    skip = 0
    if low > 0:
        first = chunk.find("\n", 0, len(chunk) // 2)
        skip = first + 1 if first >= 0 else 0
    lines = chunk.count("\n", skip)
    while lines > PAGE_LINES:
        skip = chunk.index("\n", skip) + 1
        lines -= 1
    return DocumentPage(start=low + skip, end=end, text=chunk[skip:], length=length)


def page_start_for(session: Session, document_id: int, offset: int) -> int:
    """A page start that shows `offset` with some text before it: the document start when
    the offset is on the first page, else a line break about a quarter page earlier."""
    if offset < PAGE_CHARS * 3 // 4:
        return 0
    target = offset - PAGE_CHARS // 4
    low = max(target - 2000, 0)
    window = (
        session.scalar(
            select(func.substr(Document.text, low + 1, target - low)).where(
                Document.id == document_id
            )
        )
        or ""
    )
    cut = window.rfind("\n")
    return low + cut + 1 if cut >= 0 else target
