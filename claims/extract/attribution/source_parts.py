"""Splitting a source phrase into the name, the role the text gives it, and its affiliation.

"Maxim Maximov, Russia's ambassador in Iraq" -> name "Maxim Maximov", role "Russia's
ambassador in Iraq", affiliation "Russia"; "Iraqi military expert Safaa al-Assam" -> name
"Safaa al-Assam", role "Iraqi military expert", affiliation "Iraqi". Phrases with no
personal name ("security sources", "the Foreign Ministry") stay whole as the mention.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from claims.extract.attribution.tokens import words
from claims.extract.models import Span

_WORD = re.compile(r"[\w’'.\-]+")

TITLE_WORDS = words(
    "president vice prime minister deputy foreign defense defence interior finance secretary "
    "spokesman spokeswoman spokesperson ambassador envoy adviser advisor senator sen rep "
    "representative governor gov mayor general gen lt col colonel major sgt captain capt "
    "chief head director chairman chairwoman chair ceo founder leader commander officer "
    "official expert analyst professor prof dr mr mrs ms miss sir lord king queen prince "
    "sheikh ayatollah speaker member mp judge justice attorney state press first lady "
    "candidate nominee former acting military political security senior assistant executive "
    "managing general-secretary secretary-general deputy-minister economist researcher "
    "correspondent editor host pollster strategist aide manager coordinator campaign "
    "republican democratic democrat gop party national white house department ministry "
    "council committee mep msp mla cfo coo cto champion coach striker "
    "midfielder goalkeeper chancellor"
)
"""Lower-cased words of offices and titles that may precede a personal name."""

NAME_PARTICLES = words(
    "al al- el bin ibn abu de da del della der den ter ten van von la le di du dos das"
)

_POSSESSIVE = re.compile(r"^(?P<owner>.+?)[’']s\s+(?P<rest>.+)$")

_OF_ORG = re.compile(
    r"\b(?:of|at|for|from|to|with|in)\s+(?P<org>(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)?[A-Z][\w’'.\-]*)*)"
)

_PARENTHESIS = re.compile(r"\s*\([^()]{1,20}\)")
"""A short parenthesis after a name: party and state (`(D-N.Y.)`), an age."""

_DANGLING = tuple(f" {w}" for w in words("in of at from for the to near with and or &"))
"""A role cannot end with these ("security sources in Basra", "the head of the Federation of
England and Wales" are one phrase, not a role and a name)."""


BODY_WORDS = words(
    "office ministry department agency council committee house court service services "
    "commission bureau administration government embassy trust group bank association union "
    "company corporation fund foundation institute university federation authority board "
    "chamber society academy party league organisation organization"
)
"""Words that make a name a body's, not a person's: a lone one after title words ends the
body's name (`the Foreign Office`)."""


_EMPLOYER = re.compile(
    r"^(?P<who>.+?)(?P<tail>\s+(?:of|at|from)\s+(?P<org>(?:the\s+)?[A-Z][\w’'.&\-]*"
    r"(?:\s+(?:of\s+|for\s+|and\s+|&\s+|the\s+)?[A-Z][\w’'.&\-]*)*))$"
)
"""`energy analyst Orin Middleton of Barclays Capital`: a titled person, then the employer."""

_EMPLOYER_DESCRIBED = re.compile(
    r"^(?P<who>.+?)(?P<tail>\s+(?:of|at|from)\s+(?P<org>the\s+[a-zA-Z][\w’'.&\-]*(?:\s+[\w’'.&\-]+)*?"
    r"\s+[A-Z][\w’'.&\-]*))$"
)
"""`Professor Ann Vell of the Swiss research group MiraLab`: the employer described before
its name."""

_OWNER_NAME = re.compile(r"^(?P<owner>[A-Z][\w.&\-]*)[’']s\s+(?P<name>[A-Z][\w’'.\- ]+?)\s*$")
"""`Bafta's Grant Dean`: a body's possessive before a person's name is their employer."""

_HOMETOWN = re.compile(r"^(?P<name>.+?)\s+of\s+[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)?$")
"""`Ada Moss of Lakeside` before `, Ohio`: a person and the town they are from."""

_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which|whose)\b")
"""A relative clause after a source describes it; it is no part of the name or the role."""

_ACRONYM_END = re.compile(r"\([A-Z]{2,8}\)$")
"""`the Office for National Statistics (ONS)`: an organisation's name with its acronym."""


class SourceParts(NamedTuple):
    """A source phrase split into its parts, with the span of the name."""

    name: str
    name_span: Span
    role: str | None
    affiliation: str | None


def _is_name_word(word: str) -> bool:
    core = word.strip(".,")
    if not core:
        return False
    if core.lower() in NAME_PARTICLES or core.lower().startswith(("al-", "el-")):
        return True
    return core[:1].isupper() and core.lower() not in TITLE_WORDS


def _trailing_name(words: list[re.Match[str]]) -> int:
    """Index of the first word of a personal name at the end of `words` (len if none)."""
    first = len(words)
    while first > 0 and _is_name_word(words[first - 1].group()):
        first -= 1
    if first < len(words) and words[first].group().lower() in NAME_PARTICLES:
        first += 1
    return first


def _affiliation(role: str) -> str | None:
    if found := _POSSESSIVE.match(role):
        owner = found.group("owner").strip()
        if owner[:1].isupper() or owner.lower().startswith("the "):
            return owner
    if found := _OF_ORG.search(role):
        return found.group("org").strip()
    first = role.split()[0] if role.split() else ""
    if first[:1].isupper() and first.lower() not in TITLE_WORDS:
        return first
    return None


def _personal_name(words: list[str]) -> bool:
    """Two or three name words, none of them a body's (`Isabelle Kronawitter`, not `Royal
    Bank`)."""
    return (
        2 <= len(words) <= 3
        and _looks_like_name(words)
        and not any(w.lower() in BODY_WORDS for w in words)
    )


def _looks_like_name(words: list[str]) -> bool:
    return 1 <= len(words) <= 5 and all(_is_name_word(w) for w in words)


def split_source(text: str, span: Span) -> SourceParts:
    """Split the source written at `span` of `text` into name, role and affiliation."""
    phrase = text[span.start : span.end]
    relative = _RELATIVE_CLAUSE.search(phrase)
    if relative is not None and relative.start() > 0:  # `The Tory leader, who argues Y,`
        return split_source(text, Span(start=span.start, end=span.start + relative.start()))
    head, sep, tail = phrase.partition(",")
    bare = _PARENTHESIS.sub("", head).rstrip()
    if bare != head.rstrip() and _looks_like_name(bare.split()):
        name_span = Span(start=span.start, end=span.start + len(bare))
        role = tail.strip(" ,") if sep else ""
        return SourceParts(bare, name_span, role or None, _affiliation(role) if role else None)
    if sep or bare != head.rstrip():
        head_words = bare.split()
        if not _looks_like_name(head_words) and _titled_name(head_words):
            inner = split_source(text, Span(start=span.start, end=span.start + len(bare)))
            role = tail.strip(" ,") or inner.role or ""
            affiliation = _affiliation(role) if role else None
            return SourceParts(inner.name, inner.name_span, role or None, affiliation)
        if (owned := _owned(text, span, phrase)) is not None:
            return owned
        if _looks_like_name(head_words):
            role = tail.strip(" ,")
            name_span = Span(start=span.start, end=span.start + len(head.rstrip()))
            return SourceParts(
                head.strip(), name_span, role or None, _affiliation(role) if role else None
            )
        tail_words = tail.strip(" ,").split()
        home = _HOMETOWN.match(bare)
        if home and 1 <= len(tail_words) <= 2 and _looks_like_name(home.group("name").split()):
            name = home.group("name")  # `Ada Moss of Lakeside, Ohio`: a town and its state
            role = phrase[len(name) :].strip(" ,")
            return SourceParts(name, Span(start=span.start, end=span.start + len(name)), role, None)
        if _looks_like_name(tail_words):
            name = tail.strip(" ,")
            offset = span.start + phrase.index(name, len(head))
            role = head.strip()
            return SourceParts(
                name, Span(start=offset, end=offset + len(name)), role, _affiliation(role)
            )
    employed = _EMPLOYER.match(phrase)
    if employed and not sep:
        who = employed.group("who")
        inner = split_source(text, Span(start=span.start, end=span.start + employed.end("who")))
        if inner.role is not None and len(inner.name.split()) >= 2:  # `Union` of `The ...`
            role = phrase[: inner.name_span.start - span.start].strip() + employed.group("tail")
            return SourceParts(inner.name, inner.name_span, role, employed.group("org"))
        if _personal_name(who.split()):  # `Isabelle Kronawitter at Hypovereinsbank`
            name_span = Span(start=span.start, end=span.start + len(who))
            role = employed.group("tail").strip()
            return SourceParts(who, name_span, role, employed.group("org"))
    employed = _EMPLOYER_DESCRIBED.match(phrase)
    if employed and not sep:
        inner = split_source(text, Span(start=span.start, end=span.start + employed.end("who")))
        if _personal_name(inner.name.split()) and inner.name != phrase:
            role = phrase[: inner.name_span.start - span.start].strip() + employed.group("tail")
            return SourceParts(inner.name, inner.name_span, role.strip(), employed.group("org"))
    if (owned := _owned(text, span, phrase)) is not None:
        return owned
    if _ACRONYM_END.search(phrase):
        return SourceParts(phrase.strip(), span, None, None)  # `the Office for ... (ONS)`
    words = list(_WORD.finditer(phrase))
    first = _trailing_name(words)
    if 0 < first < len(words) and len(words) - first <= 5 and len(words) - first >= 1:
        name_start = words[first].start()
        role = phrase[:name_start].strip(" ,")
        name = phrase[name_start:].strip(" ,")
        body = name.lower() in BODY_WORDS  # `the Foreign Office` is one body, not "Office"
        if _has_title(role) and not role.lower().endswith(_DANGLING) and not body:
            begin = span.start + name_start
            name_span = Span(start=begin, end=begin + len(name))
            return SourceParts(name, name_span, role, _affiliation(role))
    return SourceParts(phrase.strip(), span, None, None)


def _owned(text: str, span: Span, phrase: str) -> SourceParts | None:
    """`Bafta's Grant Dean, chair of ...`: name `Grant Dean`, affiliation `Bafta`."""
    head = phrase.split(",")[0]
    owned = _OWNER_NAME.match(head)
    if owned is None or not _personal_name(owned.group("name").split()):
        return None
    begin = span.start + owned.start("name")
    name = owned.group("name")
    parts = (head[: owned.start("name")].strip(), phrase[owned.end("name") :].strip(" ,"))
    role = ", ".join(part for part in parts if part)
    return SourceParts(name, Span(start=begin, end=begin + len(name)), role, owned.group("owner"))


def _titled_name(words: list[str]) -> bool:
    """`Sen. Jane Doe`: titles, then a personal name, and nothing else."""
    first = len(words)
    while first > 0 and _is_name_word(words[first - 1]):
        first -= 1
    titles = words[:first]
    return 0 < first < len(words) and all(w.strip(".,").lower() in TITLE_WORDS for w in titles)


def _has_title(role: str) -> bool:
    return any(w.strip(".,").lower() in TITLE_WORDS for w in role.split())
