"""Turning frames into chain links: speaker first, then intermediaries, then the publisher."""

from __future__ import annotations

import re
import unicodedata

from claims.extract.attribution.citing import cites_a_speaker
from claims.extract.attribution.companies import COMPANY_NOUNS, described_company
from claims.extract.attribution.coreference import Mentions
from claims.extract.attribution.frame import Frame, frame_stance
from claims.extract.attribution.lexicon import CueKind
from claims.extract.attribution.mention_kinds import PERSON_NOUNS
from claims.extract.attribution.names import name_word, person_in_link, personal_name
from claims.extract.attribution.outlets import MEDIA_NOUNS
from claims.extract.attribution.source_parts import TITLE_WORDS, SourceParts, split_source
from claims.extract.attribution.source_time import without_time
from claims.extract.attribution.speech_sense import EVIDENCE
from claims.extract.attribution.tokens import GENERIC_AUDIENCES, PREPOSITIONS, words
from claims.extract.models import ChainLink, DocumentContext, Role, Span, Stance

_CONFUSABLES = str.maketrans(
    "АВЕКМНОРСТУХаеорсухіјѕԁɡΑΒΕΖΗΙΚΜΝΟΡΤΥΧαοριν",
    "ABEKMHOPCTYXaeopcyxijsdgABEZHIKMNOPTYXaopiv",
)

_NOT_ALNUM = re.compile(r"[\W_]+")


def skeleton(name: str) -> str:
    """A comparison key that survives case, accents, look-alike letters and punctuation."""
    folded = unicodedata.normalize("NFKD", name).translate(_CONFUSABLES)
    stripped = "".join(c for c in folded if not unicodedata.combining(c))
    return _NOT_ALNUM.sub("", stripped.casefold().removeprefix("the"))


def publisher_name(context: DocumentContext) -> str | None:
    """The publisher of the text: the original publisher of a republished copy, else the outlet."""
    return context.original_publisher or context.outlet


def publisher_link(context: DocumentContext) -> ChainLink | None:
    """The publisher's link, taken from the metadata (no span)."""
    name = publisher_name(context)
    return ChainLink(role=Role.PUBLISHER, mention=name) if name else None


def default_chain(context: DocumentContext) -> list[ChainLink]:
    """The chain of a sentence nobody is said to have said: the publisher's (or author's)."""
    link = publisher_link(context)
    if link is not None:
        return [link]
    if context.author:
        return [ChainLink(role=Role.SPEAKER, mention=context.author)]
    return []


def source_link(
    text: str,
    span: Span,
    role: Role,
    cue: str | None,
    cue_span: Span | None,
    stance: Stance,
    mentions: Mentions | None = None,
) -> ChainLink:
    """A link for the source written at `span`; a pronoun, a description (`the expert`) or a
    surname takes the name of the person or body it points back to; a time phrase next to the
    name (`Sky News on Sunday`) is no part of it."""
    span = without_time(text, span)
    parts = _person_named(text, _company_named(text, split_source(text, span)))
    written = text[span.start : span.end]
    evidence = parts.name.lower() in EVIDENCE
    if evidence:  # `Research has found`: a common noun capitalised by the sentence, no name
        parts = parts._replace(name=parts.name.lower())
    resolved = None
    if mentions is not None and not evidence:
        resolved = mentions.resolve(written, span.start)
        if resolved is None and parts.name != written.strip():
            resolved = mentions.resolve(parts.name, span.start)
    if resolved is not None:
        return resolved.model_copy(
            update={
                "role": role,
                "cue": cue,
                "cue_span": cue_span,
                "stance": stance,
                "inherited": False,
            }
        )
    return ChainLink(
        role=role,
        mention=parts.name,
        mention_span=parts.name_span,
        speaker_role=parts.role,
        affiliation=parts.affiliation,
        cue=cue,
        cue_span=cue_span,
        stance=stance,
    )


def _company_named(text: str, parts: SourceParts) -> SourceParts:
    """`UK advertising giant WPP`, `German airline Lufthansa`: a trade noun before a name
    is the company's role, the name its name (not after a preposition: an employer)."""
    if parts.role is not None:
        return _titled_company(text, parts)
    words_ = parts.name.split()
    first = len(words_)
    while first > 0 and words_[first - 1][:1].isupper():
        first -= 1
    if not 1 < first < len(words_) or len(words_) - first > 4:
        return parts
    if words_[first - 1] not in COMPANY_NOUNS:
        return parts
    clause = parts.name.rsplit(",", 1)[-1].split()
    if any(w.lower() in PREPOSITIONS for w in clause):
        return parts  # `Cara Diemont of IT firm Dimension Data`: her employer
    name = " ".join(words_[first:])
    at = text.rfind(name, parts.name_span.start, parts.name_span.end)
    if at < 0:
        return parts
    role = " ".join(words_[:first])
    return SourceParts(name, Span(start=at, end=at + len(name)), role, None)


def _person_named(text: str, parts: SourceParts) -> SourceParts:
    """`Arsenal boss Arsene Wenger`, `Kenteris' lawyer Gregory Ioannidis`, `Tory frontbencher
    Andrew Tyrie MP`: a role written before a personal name is the person's role, the name
    their name (not a clause or a list: `the inquiry was announced Bob Neill`, `the Tories
    and Lib Dems`, `Chief Secretary to the Treasury Paul Boateng` stay as they are)."""
    if parts.role is not None:
        return parts
    words_ = parts.name.split()
    stop = len(words_)
    while stop > 0 and words_[stop - 1].lower() in _AFTER_NAME:
        stop -= 1
    first = stop
    while first > 0 and name_word(words_[first - 1]):
        first -= 1
    lead, name = words_[:first], words_[first:stop]
    if not lead or len(lead) > _MAX_ROLE or len(name) < 2 or not personal_name(name):
        return parts
    role_words = [w for w in lead if w.lower() not in ("the", "a", "an")]
    if not any(w[:1].islower() or w.endswith(("'", "’", "'s", "’s")) for w in role_words):
        return parts  # `the Daily Courier`: a name with its article
    for word in lead:
        lower = word.lower().strip(",")
        if word.endswith(",") or lower in PREPOSITIONS or lower in _NOT_ROLE:
            return parts
        if word.islower() and lower.endswith(("ed", "ing")) and lower not in TITLE_WORDS:
            return parts
    written = " ".join(name)
    at = text.find(written, parts.name_span.start, parts.name_span.end)
    if at < 0:
        return parts
    return SourceParts(written, Span(start=at, end=at + len(written)), " ".join(lead), None)


_AFTER_NAME = words("mp qc mep msp")
_MAX_ROLE = 6
_NOT_ROLE = words("and or but was were is are has have had said says told any such it's")


def _titled_company(text: str, parts: SourceParts) -> SourceParts:
    """`US behemoth General Electric`, `German defence firm General Dynamics`: after a
    country's description of a trade, a title word opens the company's name rather than a
    person's office (`Russian General Valery Gerasimov`, `retired General Ann Vell`)."""
    role = (parts.role or "").split()
    if len(role) < 3 or not role[-1][:1].isupper() or role[-1].lower() not in TITLE_WORDS:
        return parts
    if not described_company(role[:-1]) or len(parts.name.split()) != 1:
        return parts
    start = text.rfind(role[-1], 0, parts.name_span.start)
    if start < 0 or text[start + len(role[-1]) : parts.name_span.start].strip():
        return parts
    span = Span(start=start, end=parts.name_span.end)
    return SourceParts(text[span.start : span.end], span, " ".join(role[:-1]), parts.affiliation)


def _addressee_link(text: str, frame: Frame) -> ChainLink | None:
    span = frame.addressee
    if span is None:
        return None
    written = text[span.start : span.end]
    if not relays(written):
        return None
    cue = text[frame.cue_span.start : frame.cue_span.end]
    return source_link(text, span, Role.INTERMEDIARY, cue, frame.cue_span, Stance.NEUTRAL)


_AUDIENCE_NAMES = words(
    "mps peers parliament congress senate commons lords assembly court jury police "
    "conference summit committee"
)
"""Capitalised addressees that hear a claim and do not publish it (`told MPs`)."""


def relays(addressee: str) -> bool:
    """An addressee after "told" that publishes what it hears (`told the BBC`, `told
    Izvestia`, `told state television`), not an audience (`told US investors`, `told
    reporters`, `told a conference`, `told President Vell`)."""
    names: list[str] = []
    for word in addressee.split():
        if word.lower() in PREPOSITIONS and word.lower() != "of":
            break  # `a conference in Paris`: the head comes before the place
        if word.lower() not in ("the", "a", "an"):
            names.append(word.strip(".,’'"))
    if not names:
        return False
    head = names[-1].removesuffix("’s").removesuffix("'s")
    if head.lower() in MEDIA_NOUNS:
        return True  # `told the state broadcaster`, `told a local newspaper`
    if names[0].lower() in TITLE_WORDS:
        return False
    if head.lower() in GENERIC_AUDIENCES or head.lower() in _AUDIENCE_NAMES:
        return False
    return head.lower() in MEDIA_NOUNS or head[:1].isupper()


def nesting(frames: list[Frame]) -> list[Frame]:
    """The frames that nest inside the first one (outermost first).

    An object verb inside a report (`the ministry said X attacked Y`) is part of what is
    reported: its subject does not become the speaker, so the nesting stops there.
    """
    chain = [frames[0]]
    for frame in frames[1:]:
        parent = chain[-1]
        if frame.cue.kind is CueKind.OBJECT:
            continue
        if any(c.start <= frame.cue_span.start < c.end for c in parent.content):
            chain.append(frame)
    return chain


def _cited_link(text: str, frame: Frame, mentions: Mentions | None) -> ChainLink | None:
    """The original speaker a relay cites (`The agency, citing security sources, ...`,
    `Interfax quoted Mr Ryabkov as saying ...`, resolved like any speaker)."""
    if frame.cited is None:
        return None
    if frame.relay is None and not cites_a_speaker(text, frame):
        return None
    cited = text[frame.cited.start : frame.cited.end].strip('„“”"«» ')
    offset = frame.cited.start + text[frame.cited.start : frame.cited.end].find(cited)
    span = Span(start=offset, end=offset + len(cited))
    if frame.relay is None:
        return source_link(text, span, Role.SPEAKER, "citing", None, Stance.NEUTRAL)
    cue = text[frame.cue_span.start : frame.cue_span.end]
    stance = frame_stance(frame, text)
    return source_link(text, span, Role.SPEAKER, cue, frame.cue_span, stance, mentions)


def frames_chain(
    text: str, frames: list[Frame], mentions: Mentions | None, passage: ChainLink | None
) -> list[ChainLink]:
    """Links for nested frames (outermost first in `frames`), without the publisher.

    A first-person source inside a quotation (`I think`, `we believe`) is the quotation's
    speaker: inside another report it adds no link (`"I think Y," Ann Vell said`: Ann Vell),
    alone it takes the passage's speaker (none known: no link). Outside quotations "I" is
    the writer and stays as written."""
    quoted = [f for f in frames if _first_person(text, f) and inside_quotation(text, f.cue_span)]
    inner = [f for k, f in enumerate(frames) if not k or f not in quoted]
    if inner[0] in quoted and (passage is None or len(inner) > 1):
        inner = inner[1:]
    frames = inner
    links: list[ChainLink] = []
    for depth, frame in enumerate(reversed(frames)):
        cue_text = text[frame.cue_span.start : frame.cue_span.end]
        stance = frame_stance(frame, text)
        role = Role.SPEAKER if depth == 0 else Role.INTERMEDIARY
        first = frame in quoted
        cited = _cited_link(text, frame, mentions) if depth == 0 else None
        if cited is not None:
            links.append(cited)
            role = Role.INTERMEDIARY
        if cited is not None and frame.relay is not None and frame.source is not None:
            relay_cue = text[frame.relay.start : frame.relay.end]
            links.append(
                source_link(
                    text, frame.source, role, relay_cue, frame.relay, Stance.NEUTRAL, mentions
                )
            )
        elif frame.source is not None and not first:
            position = len(frames) - 1 - depth
            outer = frames[position - 1] if position else None
            same = _same_subject(text, frame, outer, mentions)
            link = (
                same.model_copy(
                    update={
                        "role": role,
                        "cue": cue_text,
                        "cue_span": frame.cue_span,
                        "stance": stance,
                    }
                )
                if same is not None
                else source_link(
                    text, frame.source, role, cue_text, frame.cue_span, stance, mentions
                )
            )
            if not (depth and _repeats(links, link)):
                links.append(link)
        elif passage is not None and depth == 0 and (frame.source is None or first):
            links.append(
                passage.model_copy(
                    update={
                        "cue": cue_text,
                        "cue_span": frame.cue_span,
                        "stance": stance,
                        "inherited": True,
                        "role": role,
                    }
                )
            )
        addressee = _addressee_link(text, frame)
        if addressee is not None:
            links.append(addressee)
    return links


def _repeats(links: list[ChainLink], link: ChainLink) -> bool:
    """`Reed said he believes Y`, `Reed told the BBC she thought Y`: the inner report's
    subject is the outer's, so the outer adds no relay of the speaker's own words."""
    last = links[-1] if links else None
    return (
        last is not None
        and last.mention_span is not None
        and last.mention_span == link.mention_span
        and last.mention == link.mention
    )


_FIRST_PERSON = words("i we me us")


def _first_person(text: str, frame: Frame) -> bool:
    """The frame's source is the speaker speaking of themselves (`I`, `we`)."""
    source = frame.source
    return source is not None and text[source.start : source.end].strip().lower() in _FIRST_PERSON


def inside_quotation(text: str, span: Span) -> bool:
    """`span` follows an opening quotation mark in its paragraph with no closing one between
    (`"As long as I keep up my training I think`); a news paragraph that goes on quoting
    need not close the mark before the next opens."""
    start = text.rfind("\n", 0, span.start) + 1
    for at in range(span.start - 1, start - 1, -1):
        mark = text[at]
        if mark == "“":
            return True
        if mark == "”":
            return False
        if mark == '"':
            before = text[at - 1] if at > start else " "
            return before.isspace() or before in "(["
    return False


def _same_subject(
    text: str, frame: Frame, outer: Frame | None, mentions: Mentions | None
) -> ChainLink | None:
    """`The think tank said it believed Y`, `Ann Vell said she thought Y`: a pronoun right
    after the cue of the report it is inside (or its "that") is that report's subject when
    they agree ("it" for a body, "he"/"she" for a person)."""
    if outer is None or outer.source is None or frame.source is None:
        return None
    pronoun = text[frame.source.start : frame.source.end].strip().lower()
    if pronoun not in ("it", "he", "she"):
        return None
    between = text[outer.cue_span.end : frame.source.start].split()
    if between not in ([], ["that"]):
        return None  # `Mayor Lied When He Said`: another clause's subject
    link = source_link(text, outer.source, Role.SPEAKER, None, None, Stance.NEUTRAL, mentions)
    if link.mention.lower() in ("it", "he", "she", "they", "we", "i", "you"):
        return None
    head = link.mention.split()[-1].lower() if link.mention.split() else ""
    named = person_in_link(link) and (len(link.mention.split()) > 1 or _who_after(text, outer))
    person = head in PERSON_NOUNS or named  # `The athletes' lawyer Jo Roe said he believed`
    return link if person == (pronoun != "it") else None


def _who_after(text: str, outer: Frame) -> bool:
    """`Humphrey, who calls Reed a fraud, said he`: a relative "who" makes a one-word name
    a person's."""
    assert outer.source is not None
    return ", who " in text[outer.source.start : outer.source.end]


def close_chain(links: list[ChainLink], context: DocumentContext) -> list[ChainLink]:
    """Append the publisher, or promote a link that names it in the text."""
    name = publisher_name(context)
    if not name:
        return links
    key = skeleton(name)
    for index, link in enumerate(links):
        if link.role is not Role.SPEAKER and skeleton(link.mention) == key:
            return [*links[:index], link.model_copy(update={"role": Role.PUBLISHER})]
    tail = publisher_link(context)
    return [*links, tail] if tail else links


def inherit(chain: list[ChainLink]) -> list[ChainLink]:
    """The same chain marked as taken from an earlier sentence (the publisher stays as is)."""
    return [
        link if link.role is Role.PUBLISHER else link.model_copy(update={"inherited": True})
        for link in chain
    ]
