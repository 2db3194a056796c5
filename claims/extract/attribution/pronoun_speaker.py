"""A "he" or "she" that speaks right after a person's report is that person.

`Leigh told the BBC it was amazing. He said: "..."` and `Bafta's Grant Dean said ... "...,"
he added`: the pronoun goes on with the report before, not with the last name the text wrote
(`Topsy Turvy` in a relative clause, `BBC Sport Interactive` two sentences up). A person
named outside quotations in between, or earlier in the pronoun's own sentence, may be meant
instead: then the pronoun keeps its own reading.
"""

from __future__ import annotations

from claims.extract.attribution.companies import COMPANY_NOUNS
from claims.extract.attribution.doc_frames import Doc
from claims.extract.attribution.frame import Frame
from claims.extract.attribution.mention_kinds import BODY_NOUNS, PERSON_NOUNS
from claims.extract.attribution.names import looks_like_person, names_in
from claims.extract.attribution.outlets import MEDIA_NOUNS
from claims.extract.attribution.tokens import words
from claims.extract.models import ChainLink, Role

_PRONOUNS = words("he she")
_NOT_PEOPLE = BODY_NOUNS | COMPANY_NOUNS | MEDIA_NOUNS
_UNRESOLVED = words("i we you he she it they who which this that")


def salient_speaker(
    doc: Doc,
    index: int,
    frame: Frame,
    links: list[ChainLink],
    earlier: tuple[int, ChainLink] | None,
) -> list[ChainLink]:
    """`links` with the speaker written "he"/"she" in `frame` taken to be `earlier`'s
    speaker (its sentence and link) when that one is a person and no other person comes
    between."""
    if earlier is None or frame.source is None:
        return links
    if doc.text[frame.source.start : frame.source.end].strip().lower() not in _PRONOUNS:
        return links
    at = next(
        (
            k
            for k, link in enumerate(links)
            if link.role is Role.SPEAKER and link.cue_span == frame.cue_span
        ),
        None,
    )
    previous_index, previous = earlier
    if at is None or links[at].mention == previous.mention or not _person(previous):
        return links
    if _later_source(doc, previous_index, previous) or _person_between(
        doc, previous_index, index, frame.source.start, previous
    ):
        return links
    current = links[at]
    replaced = previous.model_copy(
        update={
            "role": current.role,
            "cue": current.cue,
            "cue_span": current.cue_span,
            "stance": current.stance,
            "inherited": False,
        }
    )
    return [*links[:at], replaced, *links[at + 1 :]]


def written_name(text: str, frame: Frame, link: ChainLink) -> bool:
    """The speaker `link` of `frame` is named where it speaks (`Leigh`, `The England coach`),
    not found for a pronoun or a description (`he fears`, `the firm sued`): only a name
    written there is the subject a later "he" goes on with."""
    if frame.source is None or link.cue_span != frame.cue_span:
        return False
    written = text[frame.source.start : frame.source.end].strip()
    first = written.split()[0].lower() if written.split() else ""
    if first in _UNRESOLVED:
        return False
    return first not in _ARTICLES or written.casefold().startswith(link.mention.casefold())


_ARTICLES = words("the a an this that its his her their")


def _person(link: ChainLink) -> bool:
    """A person's name or a description of one (`The England coach`), not a body."""
    parts = link.mention.split()
    if not parts or link.mention.lower() in _UNRESOLVED:
        return False
    head = parts[-1].strip(".,’'").lower()
    if head in _NOT_PEOPLE:
        return False
    return looks_like_person(link) or head in PERSON_NOUNS or head in _MORE_PERSON_NOUNS


_MORE_PERSON_NOUNS = words(
    "coach manager boss captain player striker midfielder defender goalkeeper full-back "
    "winger singer actor actress star director producer presenter host chancellor "
    "spokesman spokeswoman"
)
"""Heads of a description that means a person in sports and arts news (`The England coach`)."""


def _later_source(doc: Doc, index: int, previous: ChainLink) -> bool:
    """Another report with a source of its own after the speaker's in its sentence (`He said:
    "A." Grant Dean said B`)."""
    if previous.cue_span is None:
        return False
    for other in doc.frames[index]:
        if other.source is None or other.cue_span.start <= previous.cue_span.start:
            continue
        if doc.text[other.source.start : other.source.end].strip().lower() not in _UNRESOLVED:
            return True
    return False


def _person_between(doc: Doc, first: int, index: int, before: int, previous: ChainLink) -> bool:
    """A person other than `previous` (`White` for `Kelli White` is the same) named outside
    quotations after sentence `first` and before offset `before`."""
    own = set(previous.mention.lower().split())
    for k in range(first + 1, index + 1):
        unquoted = [t for t in doc.tokens[k] if t.start < before and not t.quoted]
        for mention in names_in(unquoted):
            if mention.person and not set(mention.name.lower().split()) <= own:
                return True
    return False
