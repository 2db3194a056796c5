"""Carry-over: which sentences without a cue of their own inherit an earlier chain."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from claims.extract.attribution.chains import default_chain, inherit, publisher_name
from claims.extract.attribution.doc_frames import Doc
from claims.extract.attribution.mention_kinds import BODY_NOUNS, PERSON_NOUNS
from claims.extract.attribution.names import looks_like_person
from claims.extract.attribution.tokens import words
from claims.extract.models import ChainLink, DocumentContext, Span

_CONTINUATION = re.compile(
    r"^\W*(?:in addition|additionally|also|moreover|furthermore|besides|at the same time|"
    r"likewise|similarly|he|she|they|his|her|their|during (?:the|this|that|his|her|their) "
    r"(?:visit|meeting|talks|trip|conversation|interview|call|briefing|speech)|"
    r"(?:the|this) (?:minister|ambassador|expert|official|spokesman|spokeswoman|diplomat|"
    r"analyst|source|president|adviser|advisor)\b.{0,40}\balso)\b",
    re.IGNORECASE,
)


def content_owners(doc: Doc) -> dict[int, int]:
    """Sentence index -> the sentence whose attribution's content covers it whole."""
    starts = [s.start for s in doc.sentences]
    owners: dict[int, int] = {}
    for index, frames in enumerate(doc.frames):
        for span in frames[0].content if frames else ():
            first = bisect_left(starts, span.start)
            for other in range(first, bisect_right(starts, span.end)):
                sentence = doc.sentences[other]
                if other != index and not doc.frames[other] and sentence.end <= span.end + 1:
                    owners.setdefault(other, index)
    return owners


class Passage(NamedTuple):
    """An attributed passage that following sentences may continue."""

    chain: list[ChainLink]
    sentence: int
    """Where the passage's own attribution is."""
    quoted: bool
    """Its content is a direct quotation (then unquoted narration follows, not more of it)."""


_OUTLET_WORDS = re.compile(
    r"\b(?:could not|couldn[’']t|cannot|can[’']t|was unable to|were unable to|has not been able to)"
    r"(?: be)? (?:independently )?(?:verif|confirm|corroborat)|"
    r"\b(?:did not|didn[’']t) (?:immediately )?(?:respond|reply|return|comment)|"
    r"\bnot immediately (?:available|clear|known|possible)|"
    r"\b(?:it is|it was|it remains|it was not|it is not) (?:still )?(?:unclear|not clear)|"
    r"\b(?:provided|offered|gave) no evidence\b",
    re.IGNORECASE,
)
"""The writer speaking of the report itself: verification, requests for comment, doubt."""
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)


def outlet_words(doc: Doc, index: int, context: DocumentContext) -> bool:
    """The sentence is the outlet's own: a question, a remark on verification, "we", or the
    outlet named outside quotations."""
    sentence = doc.sentences[index]
    unquoted = _unquoted(doc, sentence)
    if unquoted.rstrip(" ”\"'’»)").endswith("?") or _OUTLET_WORDS.search(unquoted):
        return True
    if _FIRST_PERSON.search(unquoted):
        return True
    name = publisher_name(context)
    return name is not None and name.casefold() in unquoted.casefold()


def _unquoted(doc: Doc, sentence: Span) -> str:
    """The sentence's text with its quotations blanked."""
    text = doc.text[sentence.start : sentence.end]
    for quote in _quotes_in(doc, sentence):
        a, b = max(quote.start, sentence.start), min(quote.end, sentence.end)
        text = text[: a - sentence.start] + " " * (b - a) + text[b - sentence.start :]
    return text


def _quotes_in(doc: Doc, sentence: Span) -> tuple[Span, ...]:
    """The quotations overlapping a sentence (quotations are in text order, never nested)."""
    return doc.quote_index.overlapping(sentence)


def _quoted(doc: Doc, sentence: Span) -> bool:
    return bool(_quotes_in(doc, sentence))


_REPORTED_SPEECH = re.compile(
    r"\b(?:would|could|may|might|should|must|had (?:been|already|not|\w+ed)|"
    r"(?:was|were) (?:going to|due to|set to|expected to|to be))\b",
    re.IGNORECASE,
)
"""Backshift and modals of reported speech (`It would close two plants`)."""
_ELLIPSIS = re.compile(
    r"^\W*(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|"
    r"another|a further|a few)\s+(?:more|others?|further)\b|"
    r"^\W*(?:[^,]{1,40},\s*)?(?:its?|he|she|they)\s+(?!(?:is|was|'s|’s)\b(?!\s+to\b)|"
    r"(?:has been|had been|seems|seemed|appears|appeared|remains|remained)\b)",
    re.IGNORECASE,
)
"""Openings that lean on the report before (`Three more were damaged`, `By May, it will`)."""
_NARRATION = re.compile(
    r"\b(?:shares?|stocks?|index|indices|euro|dollar|pound|sterling|yen|yuan|rouble|"
    r"oil|gold|bonds?|prices?|futures|currency|markets?)\b[^.;]{0,60}?\b(?:rose|fell|"
    r"climbed|dropped|slipped|gained|lost|jumped|slumped|surged|tumbled|eased|edged|closed|"
    r"ended|traded|were (?:up|down)|was (?:up|down)|hit a)\b|"
    r"\b(?:was|were) (?:founded|established|set up|created|formed|born)\b|"
    r"\b(?:is|are) (?:based|headquartered)\b|"
    r"\bcomes? (?:as|amid|after|against|at a time)\b",
    re.IGNORECASE,
)
"""The outlet's own narration: market figures, background, the setting of a report."""
_DATELINE = re.compile(r"^\W*[A-Z][A-Z .,]{2,}(?:\([^)]*\))?\s*[-–—]")


def continues(doc: Doc, index: int, passage: Passage, context: DocumentContext) -> bool:
    """The sentence goes on with the passage's report (rules 2-4 of carry-over)."""
    if index == 0 or doc.unclosed[index] or outlet_words(doc, index, context):
        return False
    sentence = doc.sentences[index]
    text = doc.text[sentence.start : sentence.end]
    unquoted = _unquoted(doc, sentence)
    if _DATELINE.match(text) or _NARRATION.search(unquoted):
        return False
    marker = bool(_CONTINUATION.match(text))
    if doc.paragraphs[index] != doc.paragraphs[index - 1]:
        return marker or _quote_goes_on(doc, index, passage)
    if passage.quoted:
        return marker or _quoted(doc, sentence)
    if _quoted(doc, sentence):
        return True  # `X said that A. “B.”` / `A poor summer "hit" sales`: X's words
    if marker or _in_scope(doc, passage) or _speaker_again(text, passage):
        return True
    return _reported_speech(doc, index, passage, unquoted)


def _quote_goes_on(doc: Doc, index: int, passage: Passage) -> bool:
    """`“A,” said Chris Clark.` then a paragraph that is one quotation, `“B.”`: the speaker
    of the quoted passage that the last sentence quoted goes on (the news convention of a
    quotation running over paragraphs)."""
    if not passage.quoted or not _quoted(doc, doc.sentences[index - 1]):
        return False
    sentence = doc.sentences[index]
    quotes = _quotes_in(doc, sentence)
    return (
        len(quotes) == 1
        and quotes[0].start <= sentence.start + 1
        and (quotes[0].end >= sentence.end - 1)
    )


def _speaker_again(text: str, passage: Passage) -> bool:
    """`Hyundai said A. Hyundai expects B.` / `BMW said A. The German company is to B.`: the
    speaker is again the sentence's subject, by name or, for a body, as "the company", and
    goes on with a view, a plan or a forecast; a fact about it (`Umbro supplies 150 teams`,
    `Reuters beat forecasts`) is the outlet's."""
    if not passage.chain or not text.strip():
        return False
    speaker = passage.chain[0]
    first = text.split(maxsplit=1)[0]
    if first.lower() == "the":
        description = _BODY_DESCRIPTION.match(text)
        return description is not None and not _person_speaker(speaker)
    if not first[:1].isupper() or first.lower() in ("a", "an") or "’" in first:
        return False
    name = speaker.mention.split()
    if first.strip(",'") not in name:
        return False
    rest = text.split()[1:]
    while rest and rest[0][:1].isupper() and rest[0].strip(",'") in name:
        rest = rest[1:]  # the rest of the name
    return _goes_on(rest)


_VIEW_VERBS = words(
    "expects expected believes believed hopes hoped plans planned intends intended wants "
    "wanted aims aimed predicts predicted forecasts sees thinks thought anticipates "
    "anticipated estimates estimated fears feared warns warned insists insisted "
    "will would could may might must should can cannot shall won't wouldn't couldn't "
    "can't shouldn't mustn't"
)
"""Verbs and modals after a subject that carry a view, a plan or a forecast on."""
_LINKS = words("is are was were")
_ON_THE_WAY = words("also still now further again however")


def _goes_on(rest: list[str]) -> bool:
    """The words after the subject go on with a view or a plan (`also expects`, `is to`)."""
    words = [w.lower().strip(",") for w in rest[:4]]
    while words and (words[0] in _ON_THE_WAY or words[0].endswith("ly")):
        words = words[1:]
    if not words:
        return False
    if words[0].replace("’", "'") in _VIEW_VERBS:
        return True
    return words[0] in _LINKS and len(words) > 1 and words[1] in ("to", "expected", "due", "set")


_BODY_DESCRIPTION = re.compile(
    r"^the(?:\s+[a-z][\w-]*){0,2}?\s+(?:"
    + "|".join(sorted(BODY_NOUNS))
    + r")\s+(?!(?:has been|had been|was|were|owns|employs|operates|makes|(?:has|have) "
    r"(?:a|an|the|no|some|about|more|over|\d\S*|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|several|many))\b)",
    re.IGNORECASE,
)
"""`The German company is to ...` (not background: `The company was founded`, `has two
sites`, `employs 300`)."""


def _person_speaker(link: ChainLink) -> bool:
    """A speaker the text names or describes as a person (`Rod Eddington, BA's chief`)."""
    words = f"{link.mention} {link.speaker_role or ''}".lower().replace("’s", "").split()
    return (looks_like_person(link) and len(link.mention.split()) > 1) or any(
        w.strip(".,'") in PERSON_NOUNS for w in words
    )


_ACCORDING_OPENS = re.compile(r"^\W*according to\b", re.IGNORECASE)
_DATA_NOUNS = frozenset(
    [
        "figures",
        "data",
        "statistics",
        "numbers",
        "survey",
        "poll",
        "polls",
        "estimates",
        "results",
        "census",
        "index",
    ]
)


def _in_scope(doc: Doc, passage: Passage) -> bool:
    """`According to the institute, A. B.`: an opening "according to" a voice (not to figures)
    scopes its paragraph."""
    opener = doc.sentences[passage.sentence]
    if not _ACCORDING_OPENS.match(doc.text[opener.start : opener.end]):
        return False
    voices = [
        link.mention.split() for link in passage.chain if _ACCORDING_OPENS.match(link.cue or "")
    ]
    return any(voice and voice[-1].lower() not in _DATA_NOUNS for voice in voices)


def _reported_speech(doc: Doc, index: int, passage: Passage, unquoted: str) -> bool:
    """An unattributed sentence in the paragraph of an indirect report still reports it only
    with a sign of reported speech: backshift or a modal, an opening that leans on the
    report (`Three more ...`, `It ...`), or a list the report opened with a colon."""
    for opener in {index - 1, passage.sentence}:
        sentence = doc.sentences[opener]
        if doc.text[sentence.start : sentence.end].rstrip().endswith(":"):
            return True
    return bool(_REPORTED_SPEECH.search(unquoted) or _ELLIPSIS.match(unquoted))


def carried(
    doc: Doc, index: int, passage: Passage | None, context: DocumentContext
) -> list[ChainLink]:
    """The chain of a sentence with no cue of its own: the passage's, or the publisher's."""
    if passage is None or not continues(doc, index, passage, context):
        return default_chain(context)
    return inherit(passage.chain)
