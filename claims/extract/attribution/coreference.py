"""Coreference for sources: the named person or body a "he", "the expert" or a surname means.

Pure and document-level. Mentions are the named speakers found so far and the names the
text writes (`names.py`). A source is resolved to the last compatible mention before it:
- "he", "she": the last person; "they", "who": the last mention of any kind ("which": the
  body it hangs on, `which_head`); "it": a body
  that spoke lately, else the last name not surely a person's (see `Mentions._it`);
  "I", "we", "you" are never resolved (the writer or the audience, not an earlier name);
- "the expert", "the ministry", "the Russian ministry": the last mention whose name or role
  holds the head noun (and every capitalised modifier), person nouns for people only;
- a surname ("Konashenkov", "de Vries") after the full name ("Igor Konashenkov"): that
  name, so that one person is one source within a document.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from claims.extract.attribution.companies import COMPANY_NOUNS, Companies, described_company
from claims.extract.attribution.mention_kinds import (
    BODY_NOUNS,
    COMPOUNDS,
    DETERMINERS,
    GIVEN_NAME_TITLES,
    OFFICE_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PLAYER_NOUNS,
    RANKS,
    anyone,
    body_like,
    gender_fits,
    group_role,
    in_noun_phrase,
    no_addressee,
    not_surely_person,
    topic_word,
)
from claims.extract.attribution.mention_order import Ordered, surnames
from claims.extract.attribution.names import (
    Mention,
    name_keys,
    name_word,
    names_in,
    person_in_link,
)
from claims.extract.attribution.object_antecedent import object_antecedent
from claims.extract.attribution.source_parts import TITLE_WORDS
from claims.extract.attribution.speech_sense import EVIDENCE
from claims.extract.attribution.subject_rank import MAIN_SUBJECT, subject_rank
from claims.extract.attribution.tokens import (
    CLOSE_QUOTES,
    Token,
    words,
)
from claims.extract.attribution.which_head import which_head
from claims.extract.models import ChainLink, Role, Span

_ANY_PRONOUNS = words("they it who which them")
_UNRESOLVED = words("i we you me us")
"""Pronouns of the writer or the audience: never a name that "he" may mean."""
_DESCRIPTION = re.compile(r"^(?:the|this|that)(?:\s+[\w’'.\-]+){1,4}$", re.IGNORECASE)
_IT_REACH = 3
"""Sentences back (besides the pronoun's own) where "it" looks for a body first."""


class Mentions:
    """The mentions of one document, in text order, that later sources may point back to.

    Besides all mentions, people and each (word, person) pair have their own sorted list,
    so that a pronoun or a description looks back only over mentions that may fit it
    (a long document's unresolved "the minister" costs no scan of every name before it).
    """

    def __init__(self, tokens: Sequence[list[Token]] = ()) -> None:
        self._all = Ordered()
        self._persons = Ordered()
        self._spoken = Ordered()
        """People who spoke, by the offsets of their report's cue."""
        self._by_key: dict[tuple[str, bool], Ordered] = {}
        self._pending = [t for t in tokens if t]
        self._by_surname: dict[tuple[str, ...], Ordered] = {}
        self._by_first_word: dict[str, Ordered] = {}
        self._sentence_starts = [t[0].start for t in self._pending]
        self._scanned = 0
        self._companies = Companies(self._pending)

    def add_link(self, link: ChainLink) -> None:
        """A named speaker or intermediary found in a chain (its role words included)."""
        span = link.mention_span
        if span is None or link.mention.lower() in PERSON_PRONOUNS | _ANY_PRONOUNS | _UNRESOLVED:
            return
        keys = name_keys(link.mention, link.speaker_role)
        person = self.names_person(link)
        mention = Mention(span.start, span.end, link.mention, person, keys, link)
        self._add(mention)
        cue = link.cue_span
        if person and cue is not None and link.role is Role.SPEAKER:
            self._spoken.put(mention._replace(start=cue.start, end=cue.end))

    def names_person(self, link: ChainLink) -> bool:
        """`link` names a person, not a company the text typed as one or a body."""
        head = link.mention.split()[-1].lower() if link.mention.split() else ""
        if group_role(link.speaker_role):
            return False  # `analysts Jupiter Research`: a firm of analysts
        return (person_in_link(link) or head in PERSON_NOUNS) and not self.names_company(link)

    def names_company(self, link: ChainLink) -> bool:
        """`link` names a company: one the text typed (`defence firm General Dynamics`), or
        a name whose title word a trade description explains (`US behemoth General Electric`)."""
        if self._companies.named(link.mention):
            return True
        first = link.mention.split()[0].lower() if link.mention.split() else ""
        return (
            bool(link.speaker_role)
            and first in TITLE_WORDS
            and described_company((link.speaker_role or "").split())
        )

    def _add(self, mention: Mention) -> None:
        at = bisect_left(self._all.starts, mention.start)
        if at < len(self._all.starts) and self._all.starts[at] == mention.start:
            if mention.link is not None:
                old = self._all.items[at]
                self._all.put(mention)  # a speaker's link knows its role
                self._index(mention, replacing=old)
            return
        self._all.put(mention)
        self._index(mention)

    def _pools(self, mention: Mention) -> list[Ordered]:
        pools = [self._by_key.setdefault((key, mention.person), Ordered()) for key in mention.keys]
        return [self._persons, *pools] if mention.person else pools

    def _index(self, mention: Mention, replacing: Mention | None = None) -> None:
        """People and (word, person) pairs for pronouns and descriptions; full personal names
        by each surname they may be written with (`Vries`, `de Vries`) and by first word."""
        for old in [replacing] if replacing is not None else []:
            for pool in self._pools(old):
                pool.drop(old)
            old_words = old.name.lower().split()
            for listed in [
                *(self._by_surname.get(tail) for tail in surnames(old_words)),
                self._by_first_word.get(old_words[0]),
            ]:
                if listed is not None:
                    listed.drop(old)
        for pool in self._pools(mention):
            pool.put(mention)
        words = mention.name.lower().split()
        if mention.person and len(words) > 1:
            for tail in surnames(words):
                self._by_surname.setdefault(tail, Ordered()).put(mention)
            self._by_first_word.setdefault(words[0], Ordered()).put(mention)

    def _scan_until(self, offset: int) -> None:
        while self._scanned < len(self._pending):
            tokens = self._pending[self._scanned]
            if tokens and tokens[0].start >= offset:
                return
            for mention in names_in(tokens):
                self._add(mention)
            self._scanned += 1

    def resolve(self, written: str, before: int) -> ChainLink | None:
        """The mention `written` (a source as the text gives it) points back to, if any."""
        lower = written.lower()
        parts = written.split()
        if lower in PERSON_PRONOUNS:
            self._scan_until(before)
            if self._rival_before(before):
                return None
            found = self._salient_person(lower, before)
            return self._in_full(found.as_link() if found is not None else None, before)
        if lower == "it":
            self._scan_until(before)
            return self._in_full(self._it(before), before)
        if lower == "who":
            self._scan_until(before)
            head = self._who_head(before)
            if head is not None:
                return self._in_full(head.as_link(), before)
            described = self._who_description(before)
            if described is not None:
                return described
        if lower == "which":
            self._scan_until(before)
            return self._which(before)
        if lower in _ANY_PRONOUNS:
            self._scan_until(before)
            return self._in_full(self._last(self._all, before, no_addressee), before)
        if _DESCRIPTION.match(written):
            return self._description(written, before)
        if 1 <= len(parts) <= 3 and all(name_word(w) for w in parts):
            self._scan_until(before)
            given = self._given_name(parts, before)
            person = given or self._full_name(parts, before) or self._headline_name(parts, before)
            return person or self._company_name(written, before)
        return None

    def _salient_person(self, pronoun: str, before: int) -> Mention | None:
        """The person "he" or "she" means: the nearest sentence that names one decides, and in
        it a speaker comes first, then a subject (`Ann Vell met Tom Reed. Y, she said`: Ann
        Vell); a sentence that names people only as objects yields to a speaker of the last
        few sentences (`Ann Vell said X. The firm was founded by Tom Reed. Y, she said`).
        In the pronoun's own sentence only a speaker or a subject before it counts, and none
        when the pronoun follows what it reports (`Reed was absent, he said`)."""
        fits = gender_fits(pronoun)
        here = self._sentence_of(before)
        if here < 0:
            return None
        begin = self._sentence_starts[here]
        reported = _follows_report(self._pending[here], before)
        own = self._spoken_in(begin, before, fits) or self._relative_head(here, before, fits)
        if own is None and not reported:
            own = self._subject_in(here, before, fits, own=True)
        if own is not None:
            return own
        earlier = self._salient_before(here, fits)
        if earlier is None and reported:  # `X has no doubt it is Y who, he claims, is`
            return self._subject_in(here, before, fits, own=True)
        return earlier

    def _salient_before(self, here: int, fits: Callable[[Mention], bool]) -> Mention | None:
        """The person the sentences before sentence `here` make most salient."""
        begin = self._sentence_starts[here]
        reach = self._sentence_starts[max(0, here - _IT_REACH)]
        limit = begin
        while limit > 0:
            named = self._persons.last(limit, fits)
            spoke = self._spoken.last(limit, fits)
            if named is None and spoke is None:
                return None
            sentence = max(self._sentence_of(m.start) for m in (named, spoke) if m is not None)
            start = self._sentence_starts[sentence]
            chosen = self._spoken_in(start, limit, fits) or self._subject_in(sentence, limit, fits)
            if chosen is not None:
                return chosen
            recent = self._spoken.last(start, fits)
            if recent is not None and recent.start >= reach:
                # `Y, she said` after a sentence that names people as objects only
                return self._named_at(recent)
            if named is not None and named.start >= start:
                return named
            limit = start
        return None

    def _topic_person(self, before: int) -> Mention | None:
        """The person a description such as "the 30-year-old" means: the speaker or the main
        subject of the nearest of the two sentences before that names a person; none when
        that sentence names people only otherwise."""
        here = self._sentence_of(before)
        for sentence in range(here - 1, max(-1, here - 3), -1):
            start = self._sentence_starts[sentence]
            end = self._sentence_starts[sentence + 1]
            spoken = self._spoken_in(start, end, anyone)
            if spoken is not None:
                return spoken
            tokens = self._pending[sentence]
            at = bisect_left(self._persons.starts, start)
            named = [m for m in self._persons.items[at:] if m.end <= end]
            for mention in named:
                if subject_rank(tokens, mention.start) == MAIN_SUBJECT:
                    return mention
            if named:
                return None
        return None

    def _relative_head(
        self, sentence: int, before: int, fits: Callable[[Mention], bool]
    ) -> Mention | None:
        """`tycoon Steve Morgan, who got frustrated by what he claimed was Y`: a pronoun in
        a relative clause means the person the clause is about."""
        tokens = self._pending[sentence]
        starts = [t.start for t in tokens]
        at = bisect_left(self._persons.starts, self._sentence_starts[sentence])
        found = None
        for mention in self._persons.items[at:]:
            if mention.end > before:
                break
            k = bisect_left(starts, mention.end)
            k += k < len(tokens) and tokens[k].text == ","
            if k < len(tokens) and tokens[k].lower == "who" and fits(mention):
                found = mention
        return found

    def _who_head(self, before: int) -> Mention | None:
        """The person or body a relative "who" hangs on: a person named before it with only
        their own noun phrase between (`Ann Vell, a lawyer at Brent Foods, who said`: Ann
        Vell), else the name right before it (`Brent Foods, who said`); None when the clause
        hangs on no name (then "who" reads as before)."""
        here = self._sentence_of(before)
        if here < 0:
            return None
        tokens = self._pending[here]
        starts = [t.start for t in tokens]
        at = bisect_left(starts, before)
        begin = self._sentence_starts[here]
        lo = bisect_left(self._all.starts, begin)
        named = [m for m in self._all.items[lo:] if m.end <= before and no_addressee(m)]
        right = None
        for mention in reversed(named):
            k = bisect_left(starts, mention.end)
            between = tokens[k:at]
            if any(not in_noun_phrase(t) for t in between):
                break
            if mention.person:
                return mention
            if right is None and all(t.text == "," for t in between):
                right = mention
        return right

    def _who_description(self, before: int) -> ChainLink | None:
        """`Tom Reed met the council, who said`: a relative "who" right after an unnamed person
        or body hangs on it; the description resolves as it would as a source, else stays as
        written."""
        here = self._sentence_of(before)
        if here < 0:
            return None
        tokens = self._pending[here]
        at = bisect_left([t.start for t in tokens], before)
        end = at - 1 if at and tokens[at - 1].text == "," else at
        first = end
        while first > 0 and first > end - 5 and tokens[first - 1].lower not in DETERMINERS:
            first -= 1
        if first <= 0 or first == end or tokens[first - 1].lower not in DETERMINERS:
            return None
        head = tokens[end - 1].lower
        if (head not in PERSON_NOUNS and head not in BODY_NOUNS) or tokens[end - 1].quoted:
            return None
        span = Span(start=tokens[first - 1].start, end=tokens[end - 1].end)
        written = self._text_of(tokens, first - 1, end)
        found = self._description(written, span.start) if _DESCRIPTION.match(written) else None
        return found or ChainLink(role=Role.SPEAKER, mention=written, mention_span=span)

    def _which(self, before: int) -> ChainLink | None:
        """The body a relative "which" hangs on (see `which_head`), as the text names it;
        None (left as written) when none stands before it."""
        here = self._sentence_of(before)
        if here < 0:
            return None
        tokens = self._pending[here]
        at = bisect_left([t.start for t in tokens], before)
        head = which_head(tokens, at) if at < len(tokens) else None
        if head is None:
            return None
        first, stop = head
        span = Span(start=tokens[first].start, end=tokens[stop - 1].end)
        written = self._text_of(tokens, first, stop)
        if _DESCRIPTION.match(written):
            return self._description(written, span.start) or ChainLink(
                role=Role.SPEAKER, mention=written, mention_span=span
            )
        at = bisect_left(self._all.starts, span.start)
        if at < len(self._all.starts) and self._all.items[at].end == span.end:
            return self._all.items[at].as_link()
        return ChainLink(role=Role.SPEAKER, mention=written, mention_span=span)

    @staticmethod
    def _text_of(tokens: list[Token], first: int, end: int) -> str:
        return " ".join(t.text for t in tokens[first:end])

    def _sentence_of(self, offset: int) -> int:
        return bisect_right(self._sentence_starts, offset) - 1

    def _spoken_in(self, start: int, end: int, fits: Callable[[Mention], bool]) -> Mention | None:
        """The first person whose report has its cue between `start` and `end`."""
        at = bisect_left(self._spoken.starts, start)
        for mention in self._spoken.items[at:]:
            if mention.start >= end:
                break
            if fits(mention):
                return self._named_at(mention)
        return None

    def _subject_in(
        self, sentence: int, end: int, fits: Callable[[Mention], bool], own: bool = False
    ) -> Mention | None:
        """The person named last in subject position in `sentence` before `end` (`Sale
        director of rugby Tom Reed`: the head of the subject comes last)."""
        tokens = self._pending[sentence]
        pool = self._persons
        at = bisect_left(pool.starts, self._sentence_starts[sentence])
        found, best = None, 0
        for mention in pool.items[at:]:
            if mention.end > end:
                break
            rank = subject_rank(tokens, mention.start, own) if fits(mention) else 0
            if rank and rank >= best:
                found, best = mention, rank
        return found

    def _named_at(self, spoken: Mention) -> Mention:
        """The mention (with its link) a speaker recorded at its cue was named by."""
        span = spoken.link.mention_span if spoken.link is not None else None
        if span is None:
            return spoken
        pool = self._persons
        named = spoken.name.split()[-1][:1].isupper()  # not `A Liberal Democrat spokesman`
        for at in range(bisect_left(pool.starts, span.end) - 1 if named else -1, -1, -1):
            inner = pool.items[at]
            if inner.start <= span.start:
                break
            if inner.end <= span.end and inner.link is None:
                return inner  # `England forward Michael Owen`: the name the description ends in
        at = bisect_left(self._all.starts, span.start)
        if at < len(self._all.starts) and self._all.starts[at] == span.start:
            return self._all.items[at]
        return spoken._replace(start=span.start, end=span.end)

    def _it(self, before: int) -> ChainLink | None:
        """A body that spoke in the last few sentences (`Brent Foods said ... Tom Reed, an
        analyst at Dawson Securities ... It said`: Brent Foods), else the last name not surely
        a person's; before an uncued personal-looking name, a body named in reach."""
        at = bisect_right(self._sentence_starts, before) - 1 - _IT_REACH
        near = self._sentence_starts[at] if at >= 0 else 0
        spoke = self._all.last(before, lambda m: m.link is not None and not_surely_person(m))
        if spoke is not None and spoke.start >= near and body_like(spoke):
            return spoke.as_link()
        candidate = self._all.last(before, not_surely_person)
        if candidate is not None and not body_like(candidate):
            body = self._all.last(before, lambda m: not m.person)
            if body is not None and body.start >= near:
                return body.as_link()  # a two-word name with no person's cue may be a firm's
        return candidate.as_link() if candidate is not None else None

    def _in_full(self, link: ChainLink | None, before: int) -> ChainLink | None:
        """`Mr Ebbers` found for "he": the full name written earlier, when there is one."""
        if link is None or len(link.mention.split()) != 1:
            return link
        return self._full_name(link.mention.split(), before) or link

    def _rival_before(self, before: int) -> bool:
        """`Moss: Mayor Lied When He Said`: an unnamed person ("the mayor") earlier in the
        pronoun's sentence is nearer than any name, so the pronoun is left as written."""
        at = bisect_right(self._sentence_starts, before) - 1
        tokens = self._pending[at] if at >= 0 else []
        alpha = [t for t in tokens if t.text[:1].isalpha()]
        title_case = len(alpha) > 3 and sum(t.text[:1].isupper() for t in alpha) > 0.6 * len(alpha)
        for k, token in enumerate(tokens):
            if token.start >= before:
                break
            if token.lower not in PERSON_NOUNS or token.quoted:
                continue
            if k + 1 < len(tokens) and (token.lower, tokens[k + 1].lower) in COMPOUNDS:
                continue  # `the general election`: no person
            lead = tokens[k - 1].lower if k else ""
            named = k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper() and not title_case
            if (lead == "the" or token.text[:1].isupper() or not k) and not named:
                return True
        return False

    def _last(
        self, pool: Ordered, before: int, fits: Callable[[Mention], bool] = lambda _: True
    ) -> ChainLink | None:
        found = pool.last(before, fits)
        return found.as_link() if found is not None else None

    def _description(self, written: str, before: int) -> ChainLink | None:
        parts = [w.strip(".,’'") for w in written.split()[1:]]
        head = parts[-1].lower()
        if len(parts) == 1 and written.split()[0].lower() == "the" and topic_word(parts[0]):
            self._scan_until(before)  # `the 30-year-old`, `the Scot`, `the striker`
            topic = self._topic_person(before)
            return self._in_full(topic.as_link(), before) if topic is not None else None
        person = head in PERSON_NOUNS or head in OFFICE_NOUNS
        if not person and head not in BODY_NOUNS and head not in COMPANY_NOUNS:
            return None
        self._scan_until(before)
        modifiers = {w.lower() for w in parts[:-1] if w[:1].isupper()}
        ranks = RANKS - {w.lower() for w in parts}

        def fits(mention: Mention) -> bool:
            """Every capitalised modifier is the mention's, no rank the description leaves
            out (`the prime minister` is not the deputy prime minister), no data (`the
            government` is not `Government figures`)."""
            data = mention.name.split()[-1].lower() in EVIDENCE
            return modifiers <= mention.keys and not ranks & mention.keys and not data

        pool = self._by_key.get((head, person))
        found = self._last(pool, before, fits) if pool is not None else None
        if found is None and head in _UNIQUE_OFFICES and len(parts) == 1:
            found = self._untitled_topic(head, before)
        if found is None and person:
            found = self._object_of_sentence(before)
        sentence = bisect_right(self._sentence_starts, before) - 1
        if found is None and head in COMPANY_NOUNS:
            return self._companies.resolve(parts, sentence, before) if sentence >= 0 else None
        other = _SAME_BODY.get(head)
        if found is None and other is not None and (other, False) in self._by_key:
            near = self._sentence_starts[max(0, sentence - _IT_REACH)] if sentence >= 0 else 0
            mention = self._by_key[(other, False)].last(before, fits)
            if mention is not None and mention.start >= near:
                return mention.as_link()  # `the department` for `the Ministry of Defence`
        return found

    def _object_of_sentence(self, before: int) -> ChainLink | None:
        """`X met Y after the senator said`: Y (see `object_antecedent`)."""
        here = self._sentence_of(before)
        if here < 0:
            return None
        at = bisect_left(self._persons.starts, self._sentence_starts[here])
        named = [m for m in self._persons.items[at:] if m.end <= before]
        found = object_antecedent(self._pending[here], named, before)
        return self._in_full(found.as_link(), before) if found is not None else None

    def _untitled_topic(self, head: str, before: int) -> ChainLink | None:
        """`Gordon Brown met bankers. The chancellor said Y`: a person the text named without
        a role a sentence or two back is what "the chancellor" (one of `_UNIQUE_OFFICES`)
        means, unless the text gave them another role or wrote the description since."""
        topic = self._topic_person(before)
        if topic is None or topic.keys & (PERSON_NOUNS | OFFICE_NOUNS | PLAYER_NOUNS | RANKS):
            return None
        if topic.link is not None and topic.link.speaker_role:
            return None
        start = self._sentence_starts[self._sentence_of(topic.start)]
        for tokens in self._pending[self._sentence_of(start) : self._sentence_of(before)]:
            if any(t.lower == head and t.start >= topic.end for t in tokens):
                return None  # `Reed met the chancellor. The chancellor said`: not Reed
        return self._in_full(topic.as_link(), before)

    def _company_name(self, written: str, before: int) -> ChainLink | None:
        sentence = bisect_right(self._sentence_starts, before) - 1
        return self._companies.full_name(written, sentence) if sentence >= 0 else None

    def _given_name(self, parts: list[str], before: int) -> ChainLink | None:
        """`Prince Saud` after `Prince Saud al-Faisal`, `Sir Digby` after `Sir Digby Jones`: a
        title used with a given name points back to the full name that starts with it."""
        if len(parts) != 2 or parts[0].lower().rstrip(".") not in GIVEN_NAME_TITLES:
            return None
        pool = self._by_first_word.get(parts[1].lower())
        return self._last(pool, before) if pool is not None else None

    def _headline_name(self, parts: list[str], before: int) -> ChainLink | None:
        """`Ebbers denies fraud` as a headline, `Bernie Ebbers ...` in the text below: a
        headline's surname is the first full name ending in it that the document writes."""
        if len(self._sentence_starts) < 2 or before >= self._sentence_starts[1]:
            return None
        self._scan_until(len(self._pending) and self._pending[-1][-1].end + 1)
        pool = self._by_surname.get(tuple(w.lower() for w in parts))
        if pool is None:
            return None
        at = bisect_right(pool.starts, before)
        return pool.items[at].as_link() if at < len(pool.items) else None

    def _full_name(self, parts: list[str], before: int) -> ChainLink | None:
        pool = self._by_surname.get(tuple(w.lower() for w in parts))
        return self._last(pool, before) if pool is not None else None


_UNIQUE_OFFICES = frozenset({"chancellor", "premier"})
"""Offices one person holds in a report's country, so that "the chancellor" after an
untitled name means that name (not "the lawyer", "the manager": often someone else)."""

_SAME_BODY = {"ministry": "department", "department": "ministry"}
"""Descriptions that may mean a body named with the other word, when it was named lately."""


def _follows_report(tokens: list[Token], before: int) -> bool:
    """The pronoun comes after what it reports (`Reed was absent, he said`, `"...," she
    said`): the names before it are the report's, not its speaker's."""
    at = bisect_left([t.start for t in tokens], before)
    return at > 0 and (
        tokens[at - 1].text in (",", "—", "–") or tokens[at - 1].text in CLOSE_QUOTES
    )
