"""Frames for a document's claims, read with the document's help, or for one sentence alone.

The document supplies what a claim leaves out: its headline's company and reporting period
for the lines of a table, its lead's first name and its dateline's place for lines that name
nobody, the entity a definite description ("the company") or a pronoun refers to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.extract.models import DocumentContext, ExtractedClaim
from claims.match.build import from_extracted
from claims.match.frames.content import content_of, first_verb
from claims.match.frames.document import DocumentSubjects, document_subjects
from claims.match.frames.milestone import milestone_of
from claims.match.frames.models import Frame, FramePeriod, FrameSubject
from claims.match.frames.period import date_period, reporting_period, section_period
from claims.match.frames.predicate import event_of, modality_of, polarity_of, predicate_of
from claims.match.frames.subject import claim_subject, described_things
from claims.match.frames.values import TABLE_RE, claim_values
from claims.match.frames.vocabulary import MEASURES
from claims.match.models import MatchClaim
from claims.match.normalize.words import tokens

HEADLINE_CHARS = 160
_DATELINE_RE = re.compile(
    r"^\s*([A-Z][A-Z .'&-]{2,40}?)(?:\s*\([^)]{1,20}\))?,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*)?"
    r"(?:\(\w+\)\s*)?[-–—]"
)
"""A wire dateline: "NEW YORK, March 3 -", "LONDON (Reuters) -"."""
ACCOUNTS = frozenset(MEASURES.values())


def frames_of(
    text: str,
    claims: Sequence[ExtractedClaim],
    context: DocumentContext,
    title: str | None = None,
    debris: Sequence[tuple[int, int, str]] = (),
) -> list[Frame]:
    """The frame of each of a document's extracted claims, in order (`title` when the
    metadata gives one, else the first line not in `debris` that reads as a headline)."""
    matched = [_match_claim(index, found, context) for index, found in enumerate(claims)]
    headline = title or headline_of(text, debris)
    return document_frames(text, matched, headline, context.published)


def _match_claim(index: int, found: ExtractedClaim, context: DocumentContext) -> MatchClaim:
    return from_extracted(index, 0, found, DocumentContext(published=context.published))


def document_frames(
    text: str, claims: Sequence[MatchClaim], title: str | None, published: str | None
) -> list[Frame]:
    """Frames of claims of one document (`MatchClaim`s with document offsets)."""
    headline = title or headline_of(text)
    document = document_subjects(text, headline, list(claims), dateline_of(text))
    headline_period = reporting_period(headline, published) if headline else None
    frames: list[Frame] = []
    previous: FrameSubject | None = None
    for claim in claims:
        before = text[: claim.start]
        frame = claim_frame(claim, document, previous, headline_period, before, published)
        frames.append(frame)
        previous = frame.subject or previous
    return frames


def frame_of(claim: MatchClaim) -> Frame:
    """The frame of a claim read alone (a headline, a test sentence): no document to help."""
    document = DocumentSubjects(text=claim.text, entities=list(claim.entities))
    return claim_frame(claim, document, None, None, "", claim.published)


def claim_frame(
    claim: MatchClaim,
    document: DocumentSubjects,
    previous: FrameSubject | None,
    headline_period: FramePeriod | None,
    before: str,
    published: str | None,
) -> Frame:
    """One claim's frame, with what the document offers."""
    table = TABLE_RE.match(claim.text) is not None
    content = content_of(claim.text)
    subject = claim_subject(claim, document, previous, content, table)
    verb = first_verb(claim.text, content.start, content.end)
    words = tokens(claim.text)
    word_set = frozenset(words)
    predicate, target = predicate_of(claim, content, verb, word_set)
    own_period = reporting_period(claim.text, published) or date_period(claim.dates)
    table_period = None
    if table:
        table_period = section_period(before[-400:], published) or headline_period
    values = claim_values(claim, own_period, table_period)
    period = table_period if table else own_period
    if period is None and any(value.measure in ACCOUNTS for value in values):
        period = headline_period
        values = [v if v.period else v.model_copy(update={"period": period}) for v in values]
    about = [
        s for s in described_things(claim, document, content) if not subject or s.key != subject.key
    ]
    return Frame(
        subject=subject,
        predicate=predicate,
        object=target,
        event=event_of(words),
        milestone=milestone_of(claim.text, subject, predicate) if claim.dates else None,
        about=tuple(about),
        measure=values[0].measure if values else None,
        values=tuple(values),
        period=period,
        polarity=polarity_of(claim, content, verb),
        modality=modality_of(claim, content, word_set),
    )


def headline_of(text: str, debris: Sequence[tuple[int, int, str]] = ()) -> str | None:
    """The document's first line outside `debris` when it reads as a headline (short, no
    closing stop)."""
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        stripped = line.strip()
        if not stripped or any(s <= start + line.index(stripped) < e for s, e, _ in debris):
            continue
        if len(stripped) <= HEADLINE_CHARS and not stripped.endswith((".", "!", "?", ":")):
            return stripped
        return None
    return None


def dateline_of(text: str) -> str | None:
    """The place of a wire dateline in the first lines of the body ("NEW YORK, March 3 -")."""
    for line in text.splitlines()[:6]:
        found = _DATELINE_RE.match(line)
        if found:
            return found[1].strip()
    return None
