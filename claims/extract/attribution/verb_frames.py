"""Frames of verb cues, chosen from what stands around the verb.

- pre-posed: `X said (on Tuesday) (that) Y`, `X told Izvestia that Y`, `X said: “Y”`;
- inverted, after the content: `“...,” said X` / `Y, said X, the ambassador`;
- post-posed: `“...,” X said.` / `Y, X said on Tuesday.` (no clause follows the verb);
- parenthetical: `“A,” X said, “B.”` (the content is both parts);
- `As X noted, Y`; a participle after a comma (`..., saying Y`) takes the sentence's subject;
- object verbs: `X criticized the plan` (the object is the content).
"""

from __future__ import annotations

from claims.extract.attribution.clause import Clause, span_of, words_in
from claims.extract.attribution.contents import (
    before_according,
    content_after,
    content_before,
    object_end,
)
from claims.extract.attribution.cues import Cue
from claims.extract.attribution.frame import Frame, span_of_cue
from claims.extract.attribution.lexicon import CueKind
from claims.extract.attribution.mention_kinds import BODY_NOUNS, PERSON_NOUNS
from claims.extract.attribution.questions import question_frame, short_answer
from claims.extract.attribution.report_side import (
    closed_quote_before,
    subject_follows_quote,
    subject_with_apposition,
)
from claims.extract.attribution.sentence_subject import sentence_subject
from claims.extract.attribution.source_after import relative_report, right_source
from claims.extract.attribution.source_before import left_source
from claims.extract.attribution.source_parts import TITLE_WORDS
from claims.extract.attribution.subject_verb import subject_before_verb
from claims.extract.attribution.tokens import (
    AUXILIARIES,
    CLOSE_QUOTES,
    OPEN_QUOTES,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    RELATIVES,
    TIME_LEADS,
    TIME_WORDS,
    Token,
    words,
)
from claims.extract.attribution.verb_tail import Tail, read_tail
from claims.extract.models import Span


def _after_comma_or_quote(clause: Clause, cue: Cue) -> bool:
    if cue.first <= clause.lo:
        return False
    before = clause.tokens[cue.first - 1]
    return before.text == "," or before.text in CLOSE_QUOTES or before.quoted


_PARTICIPLE_LEADS = frozenset(
    {",", "by", "while", "after", "before", "when", "in", "upon", "—", "–"}
)


def after_participle_lead(clause: Clause, cue: Cue) -> bool:
    """`..., saying Y` / `by saying Y`: an -ing cue whose subject is the sentence's."""
    tokens = clause.tokens
    if not tokens[cue.first].lower.endswith("ing") or cue.first <= clause.lo:
        return False
    if tokens[cue.first - 1].lower in _PARTICIPLE_LEADS:
        return True
    if _comma_in_quote(tokens, cue.first - 1):
        return True  # `calling himself the “king of debt,” noting that Y`
    at = cue.first  # `released a statement (on) Wednesday saying Y`: past the time phrase
    while at - 2 > clause.lo and (
        tokens[at - 1].lower in TIME_WORDS or tokens[at - 1].lower == "on"
    ):
        at -= 1
    return _after_a_thing(tokens, at, clause.lo) or after_a_mute_object(tokens, at, clause.lo)


def _comma_in_quote(tokens: list[Token], at: int) -> bool:
    """A closing quotation mark with the comma before it (`“king of debt,”`)."""
    return at >= 1 and tokens[at].text in CLOSE_QUOTES and tokens[at - 1].text == ","


_THING_NOUNS = words(
    "statement statements sign signs message messages letter letters email emails petition "
    "cover ad ads video videos post posts tweet tweets release report photo photos memo "
    "banner banners poster posters note notes flier fliers flyer flyers text"
)


def _after_a_thing(tokens: list[Token], at: int, lo: int) -> bool:
    """`X put out a statement saying Y`: the thing does not speak, the sentence subject does."""
    before = tokens[at - 1]
    return at - 2 > lo and before.lower in _THING_NOUNS and not before.quoted


_OBJECT_DETERMINERS = words("the a an this that these those its their his her our")
_SPEAKING_NOUNS = PERSON_NOUNS | BODY_NOUNS | words("people residents critics officials")


def after_a_mute_object(tokens: list[Token], at: int, lo: int) -> bool:
    """`Airlines have attacked the legislation saying Y`: after a verb's object that cannot
    speak (a plain noun, not a person, a body or a name), the -ing cue is the subject's."""
    before = tokens[at - 1]
    if before.quoted or not before.text.isalpha() or not before.text.islower():
        return False
    if before.lower in _SPEAKING_NOUNS or before.lower in PERSONAL_PRONOUNS:
        return False
    return object_verb(tokens, at, lo) is not None


def object_verb(tokens: list[Token], at: int, lo: int) -> int | None:
    """The verb before the object that ends at `at` (`sent` in `sent a letter to staff`)."""
    for k in range(at - 2, max(lo, at - 4) - 1, -1):
        if tokens[k].lower in _OBJECT_DETERMINERS or tokens[k].lower == "another":
            verb = tokens[k - 1] if k else None  # the previous cue may end the clause's left
            good = (
                verb is not None
                and verb.text.isalpha()
                and verb.text.islower()
                and (verb.lower not in PREPOSITIONS)
            )
            if good and k >= 2 and verb is not None and verb.lower in _PARTICLES:
                return k - 2  # `put out a statement`: the verb before its particle
            return k - 1 if good else None
        if not tokens[k].text.isalpha() or not tokens[k].text.islower():
            return None
    return None


_PARTICLES = words("out up off down")


def verb_frame(clause: Clause, cue: Cue) -> Frame | None:
    """The frame of a verb cue, by the pattern its surroundings show (see the module)."""
    tokens = clause.tokens
    cue_span = span_of_cue(tokens, cue)
    if cue.lemma == "ask":
        question = question_frame(clause, cue)
        if question is not None:
            return question
    answer = short_answer(clause, cue)
    if answer is not None:
        return answer
    tail = read_tail(clause, cue)
    if after_participle_lead(clause, cue):
        return _participle_frame(clause, cue, cue_span, tail)
    if _apposition_after_quote(clause, cue, tail):
        return _postposed_frame(clause, cue, cue_span, tail)
    if _after_comma_or_quote(clause, cue):
        comma = tokens[cue.first - 1].text == ","
        if comma and tail.clause_like and subject_with_apposition(clause, cue):
            return _preposed_frame(clause, cue, cue_span, tail)
        if comma and _source_closes_sentence(clause, cue):
            return _inverted_frame(clause, cue, cue_span)
        if comma and (tail.clause_like or cue.kind is CueKind.TELL):
            return _preposed_frame(clause, cue, cue_span, tail)
        if comma and tail.nothing_named:
            return _postposed_frame(clause, cue, cue_span, tail)
        return _inverted_frame(clause, cue, cue_span)
    if not tail.clause_like or (
        subject_follows_quote(clause, cue) and not closed_quote_before(clause, cue)
    ):
        return _postposed_frame(clause, cue, cue_span, tail)
    return _preposed_frame(clause, cue, cue_span, tail)


def _apposition_after_quote(clause: Clause, cue: Cue, tail: Tail) -> bool:
    """`“Y,” Ramos, 58, told AFP on Monday.`: the comma before the verb closes an apposition
    of a subject that follows a quotation; with no new quotation or "that" after the verb,
    the quotation is the content."""
    tokens = clause.tokens
    if cue.first <= clause.lo or tokens[cue.first - 1].text != ",":
        return False
    at = tail.at
    if at < clause.hi and (tokens[at].quoted or tokens[at - 1].lower == "that"):
        return False
    return subject_follows_quote(clause, cue)


_SOURCE_OPENERS = words("a an the one his her their its")

_NOT_IN_SOURCE = AUXILIARIES | words("that this these those")


_ADVERBIAL_OPENERS = words("after before during since while")
"""`Y, said X, a Republican who founded two firms after serving in the Army`: the source
ends before an adverbial, and nothing of the report follows it."""


_GROUP_SOURCES = words(
    "people sources officials analysts experts economists diplomats insiders aides observers "
    "witnesses residents critics executives investors traders lawmakers"
)
"""Bare plural heads of a source written after its verb (`Y, said people close to the
talks`): the group speaks, though it has no determiner or capital."""


_GROUP_MODIFIERS = words("close familiar involved briefed with at in from of inside near on who")


def _group_source(tokens: list[Token], first: int, stop: int) -> bool:
    """`people close to the talks`, `sources familiar with the plan`, `officials`: a bare
    group and what it is close to, with no verb of its own."""
    if tokens[first].lower not in _GROUP_SOURCES:
        return False
    return stop == first + 1 or tokens[first + 1].lower in _GROUP_MODIFIERS


def _time_phrase(rest: list[Token]) -> bool:
    """`on Monday`, `last week`: what may follow a source that closes its sentence."""
    return len(rest) <= 3 and all(
        t.lower in TIME_WORDS or t.lower in TIME_LEADS or t.lower in ("on", "the") for t in rest
    )


def _titled(tokens: list[Token], first: int, stop: int) -> bool:
    """`energy analyst Orin Middleton`: lower-case words with a title, then a name."""
    head = next(
        (k for k in range(first, min(stop, first + 3)) if tokens[k].text[:1].isupper()), None
    )
    return head is not None and any(t.lower in TITLE_WORDS for t in tokens[first:head])


def _source_closes_sentence(clause: Clause, cue: Cue) -> bool:
    """`Y, said Jane Doe, a senior adviser.`: a name with no verb of its own ends the clause."""
    tokens = clause.tokens
    if cue.kind is CueKind.TELL or words_in(tokens, clause.lo, cue.first) < 4:
        return False
    source = right_source(tokens, cue.last + 1, clause.hi)
    if source is None or words_in(tokens, *source) > 30:
        return False
    first, stop = source
    if not (
        tokens[first].text[:1].isupper()
        or tokens[first].lower in _SOURCE_OPENERS
        or tokens[first].lower in _GROUP_SOURCES
        or _titled(tokens, first, stop)
    ):
        return False
    rest = [t for t in tokens[stop : clause.hi] if t.text[:1].isalnum()]
    if rest and rest[0].lower not in _ADVERBIAL_OPENERS and not _time_phrase(rest):
        return False
    if _group_source(tokens, first, stop):
        return True
    head = first
    while head < stop and tokens[head].text != "," and tokens[head].lower not in RELATIVES:
        lower = tokens[head].lower
        modifier = head + 1 < stop and tokens[head + 1].lower in TITLE_WORDS  # `shipping analyst`
        if lower in _NOT_IN_SOURCE or (
            lower.endswith(("ed", "ing")) and lower == tokens[head].text and not modifier
        ):
            return False
        head += 1
    return head - first <= 4 or any(t.text[:1].isupper() for t in tokens[first:head])


def _preposed_frame(clause: Clause, cue: Cue, cue_span: Span, tail: Tail) -> Frame | None:
    tokens = clause.tokens
    source = left_source(tokens, cue.first, clause.lo)
    if source is None:
        return None
    if not tail.clause_like:
        return _postposed_frame(clause, cue, cue_span, tail)
    content = content_after(clause, tail.at, stop_at_clause=True)
    if not content and tail.at > clause.lo and tokens[tail.at - 1].lower == "that":
        content = _noun_object(clause, cue, tail.at - 1)  # `has denied that possibility`
    if not content:
        return None
    return Frame(cue, cue_span, span_of(tokens, *source), content, tail.addressee)


_MAX_NOUN_OBJECT = 4


_NOUN_OBJECT_LEMMAS = words(
    "deny confirm announce acknowledge admit reveal disclose dispute report repeat reiterate "
    "predict concede claim"
)
"""Speech verbs whose content may be a noun phrase (`denied the report`)."""


def _noun_object(clause: Clause, cue: Cue, at: int) -> tuple[Span, ...]:
    """`X denied the report.`, `X denied that possibility`: a short noun phrase that ends the
    clause is the content of a speech verb (not of a base form: `to secure and maintain Y`)."""
    verb = clause.tokens[cue.last].lower
    if cue.lemma not in _NOUN_OBJECT_LEMMAS or verb == cue.lemma:
        return ()
    hi = object_end(clause.tokens, at, clause.hi)
    if not 1 <= words_in(clause.tokens, at, hi) <= _MAX_NOUN_OBJECT:
        return ()
    return content_after(clause._replace(hi=hi), at, stop_at_clause=True, least=1)


def _participle_frame(clause: Clause, cue: Cue, cue_span: Span, tail: Tail) -> Frame | None:
    """`X endorsed Cruz, saying Y`: the subject of the sentence is the source."""
    subject = sentence_subject(clause.tokens, clause.lo, cue.first)
    subject = subject_before_verb(
        clause.tokens, subject, object_verb(clause.tokens, cue.first, clause.lo)
    )
    hi = before_according(clause.tokens, tail.at, clause.hi)
    content = content_after(clause._replace(hi=hi), tail.at)
    if not content:
        return None
    source = span_of(clause.tokens, *subject) if subject else None
    return Frame(cue, cue_span, source, content, tail.addressee)


def _postposed_frame(clause: Clause, cue: Cue, cue_span: Span, tail: Tail) -> Frame | None:
    tokens = clause.tokens
    source = left_source(tokens, cue.first, clause.lo)
    if source is None:
        return None
    src = span_of(tokens, *source)
    first = source[0]
    if first > clause.lo and tokens[first - 1].lower == "as":
        content = content_after(clause, tail.at)
        return Frame(cue, cue_span, src, content, tail.addressee) if content else None
    boundary = first > clause.lo and (tokens[first - 1].text in ",—–" or tokens[first - 1].quoted)
    if not boundary or _colon_closes(clause, cue):
        obj = () if boundary or tail.nothing_named else _noun_object(clause, cue, tail.at)
        return Frame(cue, cue_span, src, obj, tail.addressee)
    content = content_before(clause, clause.lo, first)
    after = cue.last + 1
    if parenthetical_goes_on(clause, after):
        content = content + content_after(clause, after + 1)
    return Frame(cue, cue_span, src, content, tail.addressee) if content else None


def _colon_closes(clause: Clause, cue: Cue) -> bool:
    """`In a speech, he said:` and nothing more: the content is what follows the sentence."""
    after = cue.last + 1
    return (
        after < clause.hi
        and clause.tokens[after].text == ":"
        and words_in(clause.tokens, after, clause.hi) == 0
    )


def parenthetical_goes_on(clause: Clause, after: int) -> bool:
    """`Y, X said, Z`: the claim resumes after the comma (not `said, sitting at...`)."""
    tokens = clause.tokens
    if after + 1 >= clause.hi or tokens[after].text != ",":
        return False
    nxt = tokens[after + 1]
    if nxt.quoted:
        return True
    adverbial = nxt.lower in PREPOSITIONS or nxt.lower in TIME_WORDS or nxt.lower.endswith("ing")
    return not adverbial and words_in(tokens, after + 1, clause.hi) >= 3


def _inverted_frame(clause: Clause, cue: Cue, cue_span: Span) -> Frame | None:
    tokens = clause.tokens
    source = right_source(tokens, cue.last + 1, clause.hi)
    if source is None or words_in(tokens, *source) > 30:
        return None
    content = content_before(clause, clause.lo, cue.first)
    stop = source[1]
    if parenthetical_goes_on(clause, stop) and not relative_report(tokens, stop + 1, clause.hi):
        content = content + content_after(clause, stop + 1)
    if not content:
        return None
    return Frame(cue, cue_span, span_of(tokens, *source), content)


def object_frame(clause: Clause, cue: Cue) -> Frame | None:
    """`X criticized the plan`: the subject is the source, the rest of the clause the content."""
    tokens = clause.tokens
    if cue.lemma in _NAMING_LEMMAS and naming_participle(tokens, cue.first, clause.lo):
        return None
    cue_span = span_of_cue(tokens, cue)
    at = cue.last + 1
    if at < clause.hi and tokens[at].lower == "that":
        at += 1
    tail = Tail(at, None, True, False)
    if after_participle_lead(clause, cue):
        return _participle_frame(clause, cue, cue_span, tail)
    source = left_source(tokens, cue.first, clause.lo)
    if source is None:
        return None
    hi = clause.hi if at > cue.last + 1 else object_end(tokens, at, clause.hi)
    content = content_after(clause._replace(hi=hi), at, stop_at_clause=True, least=1)
    if not content and _findings_close(clause, cue):
        return _postposed_frame(clause, cue, cue_span, read_tail(clause, cue))
    if not content and at < clause.hi and tokens[at].text == ":":
        return Frame(cue, cue_span, span_of(tokens, *source), ())
    return Frame(cue, cue_span, span_of(tokens, *source), content) if content else None


_NAMING_LEMMAS = words("call name dub")

_MAX_NAMED_PHRASE = 4


def naming_participle(tokens: list[Token], first: int, lo: int) -> bool:
    """`launched a website called X`, `uses a tool called X`, `the services of a company called
    X`: "called" right after an object or a prepositional object names it; nobody speaks
    (not `The minister called it X`, whose noun phrase opens the clause)."""
    if first - 2 < lo or first + 1 >= len(tokens):
        return False
    name = tokens[first + 1]
    if not (name.text[:1].isupper() or name.quoted or name.text in OPEN_QUOTES or "." in name.text):
        return False  # `called the plan a disgrace`, `called for talks`: a report
    noun = tokens[first - 1]
    if noun.quoted or not noun.text.isalpha() or not noun.text.islower():
        return False
    if noun.lower in AUXILIARIES or noun.lower in PERSONAL_PRONOUNS or noun.lower in _LINKS:
        return False
    for k in range(first - 2, max(lo, first - 2 - _MAX_NAMED_PHRASE) - 1, -1):
        if tokens[k].lower in _OBJECT_DETERMINERS or tokens[k].lower == "another":
            if k == lo:
                return False
            before = tokens[k - 1]
            return before.lower in PREPOSITIONS or (
                before.text.isalpha() and before.text.islower() and before.lower not in _LINKS
            )
        if not tokens[k].text[:1].isalpha() or tokens[k].quoted:
            return False
    return False


_LINKS = words("and or but")


def _findings_close(clause: Clause, cue: Cue) -> bool:
    """`Y, new fundraising reports show.`: records that show close the sentence after a
    comma; what they show is the clause before."""
    tokens = clause.tokens
    if cue.lemma != "show" or words_in(tokens, cue.last + 1, clause.hi):
        return False
    source = left_source(tokens, cue.first, clause.lo)
    return source is not None and source[0] > clause.lo and tokens[source[0] - 1].text == ","
