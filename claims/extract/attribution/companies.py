"""Companies a document names, so that "the firm", "the company" or "the airline" finds one.

Pure and document-level. A capitalised name is a company's when the text says so: a company
word ends it (`Continental Airlines`, `Brent Foods plc`), a trade noun stands before it
(`German airline Lufthansa`, `advertising giant WPP`, `operator Eurotunnel`) or in its
apposition (`Umbro, the sportswear firm,`), or its shares or boss are spoken of (`EMI shares`,
`shares in Umbro`, `Qantas boss`). A description is resolved only to the one company named in
its own sentence before it or in the few sentences before that; with two, or none, it stays as
written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from claims.extract.attribution.names import COMPANY_SUFFIXES, LEADING_WORDS, name_runs
from claims.extract.attribution.source_parts import BODY_WORDS, TITLE_WORDS
from claims.extract.attribution.tokens import (
    AUXILIARIES,
    PREPOSITIONS,
    RELATIVES,
    TIME_WORDS,
    Token,
    words,
)
from claims.extract.gazetteer import aliases, demonyms
from claims.extract.models import ChainLink, Role, Span
from claims.text.normalize import norm_key

COMPANY_NOUNS = words(
    "company firm group business corporation conglomerate giant airline carrier insurer "
    "lender retailer carmaker automaker drugmaker chipmaker steelmaker planemaker manufacturer "
    "operator supplier brewer chain bank"
)
"""Trade nouns: the head of a description that means a company (`the firm`, `the airline`),
or a word before a name that makes it one (`airline Lufthansa`)."""
_OWNED = words("shares shareholders")
"""Words after a name, possessive or not, that make it a company (`EMI shares`)."""
_LED = words("boss bosses chief")
"""Words right after a name without a possessive that make it a company (`Qantas boss`)."""
_FORM_SUFFIXES = words("plc inc ltd llc corp co sa ag nv gmbh airlines airways motors foods")
"""Company words that a short name may leave out (`Continental` for `Continental Airlines`),
unlike a division's (`Barclays Capital` is not `Barclays`)."""
_OWNED_BODIES = words("subsidiary unit division arm affiliate")
_ENDS_NOUN_PHRASE = AUXILIARIES | RELATIVES | words("that said says and")
"""Words after the head of a noun phrase (`the investment bank have said`, `firm which`)."""
_HONORIFICS = words("mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady")
_OTHER_COMPANY = words("central rival parent other former sister subsidiary new merged joint")
"""Modifiers that make a description another body than the one named (`the central bank`,
`the rival firm`)."""
_NOT_COMPANY = BODY_WORDS - words("group bank company corporation")
"""Words that make a name a public body's (`Defence Ministry`), never a company's."""
_POSSESSIVES = ("’s", "'s")
_TIMES = TIME_WORDS | words(
    "january february march april may june july august september october november december"
)
_REACH = 3
"""Sentences back (besides the description's own) where a company may be named."""
_APPOSITION = 8


class _Run(NamedTuple):
    span: Span
    text: str
    key: str
    countries: frozenset[str]
    """Countries written just before the name (`India's HCL`, `German airline Lufthansa`)."""
    owner: bool = False
    """The name owns another body here (`Suez's subsidiary`): "the firm" next means that one."""
    owned: bool = False
    """The name is that body's (`Suez's subsidiary Aguas`)."""


def _country(word: str) -> str | None:
    """The country a place name or a demonym means (`UK`, `Australian`), if any; `European`
    places a body in Europe."""
    key = norm_key(word.removesuffix("’s").removesuffix("'s"))
    if key in ("europe", "european"):
        return "europe"
    known = aliases().get(key)
    if known is not None and known[1] == "place":
        return known[0]
    return demonyms().get(key)


def country_word(word: str) -> bool:
    """A country's name or a nationality (`UK`, `German`), which opens a description."""
    return _country(word) is not None


def _run(tokens: list[Token], at: int, stop: int, typed: bool) -> _Run | None:
    """The name a run writes, without an opening word or `The` and without a possessive."""
    lead = at
    while at < stop - 1 and (tokens[at].lower in LEADING_WORDS or tokens[at].lower == "the"):
        at += 1
    owners = [k for k in range(at, stop - 1) if tokens[k].text.endswith(_POSSESSIVES)]
    if owners:
        at = owners[-1] + 1  # `India's HCL Technologies`
    if tokens[at].lower in LEADING_WORDS or tokens[at].lower == "the":
        return None
    last = tokens[stop - 1]
    end = last.end
    text_words = [t.text for t in tokens[at:stop]]
    for mark in _POSSESSIVES:
        if last.text.endswith(mark):
            text_words[-1] = last.text[: -len(mark)]
            end -= len(mark)
    text = " ".join(text_words)
    if not text:
        return None
    countries: frozenset[str] = frozenset()
    if typed:  # only a company's place is ever asked
        around = [*tokens[max(0, lead - 3) : at], *_apposition(tokens, stop)]
        near = [_country(t.text) for t in around if t.text[:1].isupper()]
        countries = frozenset(c for c in near if c is not None)
    owner = (
        last.text.endswith(_POSSESSIVES)
        and stop < len(tokens)
        and tokens[stop].lower in _OWNED_BODIES
    )
    return _Run(Span(start=tokens[at].start, end=end), text, text.lower(), countries, owner)


def _company_runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Runs of capitalised words, joined over `&` (`Marks & Spencer`) and split after a
    company word before `and` (`Acme Corp and Brent Foods`)."""
    runs: list[tuple[int, int]] = []
    for at, stop in name_runs(tokens):
        if runs and at == runs[-1][1] + 1 and tokens[at - 1].text == "&":
            at = runs.pop()[0]
        for k in range(at + 1, stop - 1):
            if tokens[k].lower == "and" and tokens[k - 1].lower in COMPANY_SUFFIXES:
                runs.append((at, k))
                at = k + 1
        runs.append((at, stop))
    return runs


def _typed(tokens: list[Token], at: int, stop: int) -> bool:
    """The text says the run names a company."""
    lowered = [t.lower.removesuffix("’s").removesuffix("'s") for t in tokens[at:stop]]
    if any(w in _NOT_COMPANY for w in lowered) or lowered[-1] in _TIMES:
        return False
    if tokens[at].lower in _HONORIFICS or (at and tokens[at - 1].lower in _HONORIFICS):
        return False  # `Ms Villalba's boss`: a person
    if not _says_company(tokens, at, stop, lowered):
        return False
    known = aliases().get(norm_key(" ".join(t.text for t in tokens[at:stop])))
    return known is None or known[1] != "place"  # `UK shares`: a country


def _says_company(tokens: list[Token], at: int, stop: int, lowered: list[str]) -> bool:
    if lowered[-1] in COMPANY_SUFFIXES and len(lowered) > 1:
        return True
    before = tokens[at - 1] if at else None
    if before is not None and not before.quoted and _trade_noun(before.lower):
        return True
    if stop < len(tokens) and tokens[stop].lower in _OWNED:
        return True
    possessive = tokens[stop - 1].text.endswith(_POSSESSIVES)
    if stop < len(tokens) and tokens[stop].lower in _LED and not possessive:
        return True
    if at >= 2 and tokens[at - 1].lower == "in" and tokens[at - 2].lower in ("shares", "stake"):
        return True
    if tokens[at].lower in PREPOSITIONS or (at and tokens[at - 1].lower in PREPOSITIONS):
        return False  # `At Gatwick, the company has written`: a place, then the clause
    return _apposition_says_company(tokens, stop)


def _trade_noun(lower: str) -> bool:
    return lower in COMPANY_NOUNS


def _apposition(tokens: list[Token], stop: int) -> list[Token]:
    """The words of a description set off after a name (`, the European aerospace firms,`),
    up to a preposition or a possessive (then it names another body)."""
    if stop + 1 >= len(tokens) or tokens[stop].text != ",":
        return []
    if tokens[stop + 1].lower not in ("the", "a", "an"):
        return []
    words: list[Token] = []
    for token in tokens[stop + 2 : stop + 2 + _APPOSITION]:
        if token.text in ",;:.()" or token.quoted or token.lower in PREPOSITIONS:
            break  # `Ann Tower, a spokeswoman for the bank,`: her employer
        if token.text.endswith(_POSSESSIVES) and _country(token.text) is None:
            return []  # `T-Mobile USA, the company's US arm,`: its owner
        words.append(token)
    return words


def _apposition_says_company(tokens: list[Token], stop: int) -> bool:
    """`Umbro, the sportswear firm,` / `Absa, a South African bank,`: a trade noun heads the
    apposition (`Keith Poulton, a business adviser,` is a person)."""
    words = _apposition(tokens, stop)
    for k, token in enumerate(words):
        after = words[k + 1].lower if k + 1 < len(words) else None
        if _trade_noun(token.lower) and (after is None or after in _ENDS_NOUN_PHRASE):
            return True
    return False


def described_company(role: list[str]) -> bool:
    """`US behemoth`, `German defence firm`: a country word, then lower-case words of a trade
    (a company noun last, or none an office, a body, a force or a participle: not `retired`,
    `army`), as written before a company's name."""
    described = role[1:]
    if not described or not country_word(role[0]):
        return False
    if not all(w.isalpha() and w.islower() for w in described):
        return False
    return described[-1] in COMPANY_NOUNS or all(_trade_word_alone(w) for w in described)


def _trade_word_alone(word: str) -> bool:
    return (
        word not in TITLE_WORDS
        and word not in BODY_WORDS
        and word not in _FORCES
        and not word.endswith("ed")
    )


_FORCES = words("army navy military police forces force guard marines militia")


def _describes_one_named(modifiers: list[str]) -> bool:
    """`the UK firm`, `the mining group` may mean a company named before; `the Falic group`
    names its own and `the central bank` is another body."""
    for word in modifiers:
        lower = word.lower()
        if lower in _OTHER_COMPANY:
            return False
        if word[:1].isupper() and not lower.endswith("-based"):
            known = aliases().get(norm_key(word))
            if (known is None or known[1] != "place") and norm_key(word) not in demonyms():
                return False
    return True


class Companies:
    """The companies a document names, typed sentence by sentence as the look-back reaches
    them; each sentence's runs are read once."""

    def __init__(self, sentences: Sequence[list[Token]]) -> None:
        self._sentences = sentences
        self._runs: list[list[_Run]] = []
        self._names: dict[str, _Run] = {}
        """Lower-cased name (and the first word of a suffixed name) -> the name first typed."""
        self._resolved: list[tuple[int, int, _Run]] = []
        """(sentence, offset, company) of each description resolved, in text order: a later
        "the firm" may mean the company an earlier one did."""
        self._since: tuple[int, str] | None = None
        self._checked = 0
        self._other = False
        """How far the text after the last resolved description has been read for another
        company's name, and whether one was found."""

    def named(self, name: str) -> bool:
        """`name` is a company's among those the text has been read for so far (a company
        a description resolved to is one)."""
        return name.lower() in self._names

    def _only_one_since(self, resolved: tuple[int, int, _Run], sentence: int) -> bool:
        """No other company is named between an earlier resolved description and here; the
        sentences read stay read, so a long document costs one pass."""
        at, _, named = resolved
        if self._since != (at, named.key):
            self._since, self._checked, self._other = (at, named.key), at, False
        while not self._other and self._checked <= min(sentence, len(self._runs) - 1):
            for run in self._runs[self._checked]:
                other = self._names.get(run.key)
                self._other = self._other or (other is not None and other.key != named.key)
            self._checked += 1
        return not self._other

    def full_name(self, written: str, sentence: int) -> ChainLink | None:
        """`Continental` after `Continental Airlines`: the company's name as first typed."""
        self._scan(sentence)
        named = self._names.get(written.lower())
        if named is None or named.key == written.lower():
            return None
        return ChainLink(role=Role.SPEAKER, mention=named.text, mention_span=named.span)

    def _scan(self, upto: int) -> None:
        while len(self._runs) <= upto and len(self._runs) < len(self._sentences):
            tokens = self._sentences[len(self._runs)]
            runs: list[_Run] = []
            owned_at = -1
            for at, stop in _company_runs(tokens):
                typed = _typed(tokens, at, stop) or at == owned_at
                run = _run(tokens, at, stop, typed)
                if run is None:
                    continue
                run = run._replace(owned=at == owned_at)
                runs.append(run)
                if typed:
                    self._type(run)
                if run.owner:  # `Suez's subsidiary Aguas`, `Suez's subsidiary, Aguas,`
                    owned_at = (
                        stop + 2
                        if stop + 1 < len(tokens) and tokens[stop + 1].text == ","
                        else stop + 1
                    )
            self._runs.append(runs)

    def _type(self, run: _Run) -> None:
        """Record a company's name, and its short name when a company word ends it."""
        if self._names.get(run.key, run).key != run.key:
            del self._names[run.key]  # typed itself: no longer another's short name
        self._names.setdefault(run.key, run)
        first = run.key.split()[0]
        if run.key.split()[-1] in _FORM_SUFFIXES and first not in LEADING_WORDS:
            self._names.setdefault(first, run)  # `Continental` for `Continental Airlines`

    def resolve(self, description: list[str], sentence: int, before: int) -> ChainLink | None:
        """The one company that `description` (its words after "the") means: named in
        sentence `sentence` before `before` or in the few sentences before it; None when
        there are none or several, or when the description names a body of its own (`the
        Falic group`) or another one (`the central bank`, `the rival firm`)."""
        if not _describes_one_named(description[:-1]):
            return None
        self._scan(sentence)
        said = {c for c in map(_country, description[:-1]) if c is not None}

        def fits(named: _Run) -> bool:
            """`the US company` is none that the text places elsewhere (`India's Tata`)."""
            return not (said and named.countries and not said & named.countries)

        found: dict[str, _Run] = {}
        first = sentence - _REACH
        latest = owned = -1
        subsidiary: _Run | None = None
        for index in range(min(sentence, len(self._runs) - 1), max(-1, first - 1), -1):
            for run in self._runs[index]:
                if run.span.end > before:
                    continue
                if run.owner:
                    owned = max(owned, run.span.start)
                    continue
                named = self._names.get(run.key)
                if named is not None and fits(named):
                    found.setdefault(named.key, run if run.key == named.key else named)
                    if run.span.start > latest:
                        latest, subsidiary = run.span.start, run if run.owned else None
        if owned > latest:
            return None  # `Suez's subsidiary, which ... . The firm said`: which body is unsaid
        for at, offset, named in reversed(self._resolved):
            if at < first:
                break
            if offset < before and fits(named):
                found.setdefault(named.key, named)
        if not found and self._resolved and self._only_one_since(self._resolved[-1], sentence):
            named = self._resolved[-1][2]
            if fits(named):
                found[named.key] = named  # the text has gone on about the same company
        if subsidiary is not None:
            found = {subsidiary.key: subsidiary}  # `Suez's subsidiary Aguas ... The firm`
        if len(found) != 1:
            return None
        run = next(iter(found.values()))
        if not self._resolved or self._resolved[-1][1] < before:
            self._resolved.append((sentence, before, run))
        return ChainLink(role=Role.SPEAKER, mention=run.text, mention_span=run.span)
