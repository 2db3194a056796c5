"""Where a claim's assertion is, past who says it, and where its first verb is.

"X said", ", the ministry said", "According to X," and "There have been reports that" say
who asserts, not what; an opening time phrase ("On Tuesday") or a dateline says when or
where. What is left is the content, whose subject stands before its first verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extract.gazetteer import demonyms
from claims.match.dateline import dateline_end
from claims.match.frames.vocabulary import VERB_FORMS

SAY = (
    r"(?:said|says|say|told\s+[\w .'-]{1,40}?|added|adds|stated|announced|reported|claimed"
    r"|confirmed|warned|insisted|noted|wrote|tweeted|quoted\s+[\w .'-]{1,40}?\s+as\s+saying)"
)
_WHEN = r"(?:\s+(?:on|late|early|last)\s+\w+|\s+in\s+a\s+statement|\s+today|\s+yesterday)?"
_LEADING_SAY_RE = re.compile(
    rf"(?i)(?P<speaker>[^,;:\"“”]{{1,100}}?)\s+{SAY}{_WHEN}\s*(?:that\s+|:\s*)?"
)
_APPOSED_SAY_RE = re.compile(
    r"(?i)(?P<speaker>[^,;:\"“”]{1,100}?,\s+(?:the\s+|an?\s+|who\s+|(?-i:[a-z]))"
    r"[^,;:\"“”]{0,80},)\s+(?:said|says|told\s+[\w .'-]{1,40}?|added|adds)"
    rf"{_WHEN}\s*(?:that\s+|:\s*)?"
)
"""A speaker with a title between commas ("Kevin Hogan, senior manager at Symantec, said
..."); only verbs that report, since "Ford, the US car company, reported higher profits"
reports nothing anyone said."""
_TRAILING_SAY_RE = re.compile(
    rf"(?i),\s*(?:[\"“”']\s*)?(?:[^,;\"“”]{{1,90}}?\s+{SAY}|according\s+to\s+[^,;]{{1,90}}?){_WHEN}"
    r"(?:,[^,;]{1,80})?\s*[.!]?\s*[\"”']?\s*$"
)
_ACCORDING_RE = re.compile(
    r"(?i)(?:according\s+to|as)\s+[^,]{1,90}?(?:\s+(?:notes?|noted|says?|said|reports?|reported"
    r"|put\s+it|points?\s+out|pointed\s+out))?,\s*"
)
"""An opening attribution: "According to X,", "As the State Department notes,"."""
_REPORTS_RE = re.compile(
    r"(?i)(?:there\s+(?:have|has|had)\s+been\s+(?:\w+\s+)?(?:reports|claims|rumou?rs|speculation)"
    r"|(?:media\s+)?reports\s+(?:say|said|suggest|suggested)|it\s+(?:is|was)\s+(?:reported|claimed"
    r"|rumou?red|alleged))\s+(?:that\s+)?"
)
_DENIAL_RE = re.compile(
    r"(?i)(?P<speaker>[^,;:\"“”]{1,80}?)\s+(?:has\s+|have\s+|had\s+|also\s+|again\s+)?"
    r"(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes)\s+(?P<that>that\s+)?"
)
_OPENING_RE = re.compile(
    r"(?i)(?:(?:on|in|at|by|from|after|before|since|during|earlier|later|last|this|overnight"
    r"|under|amid|despite|following|with|without|unlike|like|among|until|within|through"
    r"|throughout|across|including|besides|alongside|for|thanks\s+to|due\s+to|because\s+of"
    r"|as\s+part\s+of|along\s+with|apart\s+from)\b[^,]{0,50},(?!\d)\s*|(?:however|meanwhile|but|and|also|separately|instead),?\s+"
    r"|(?:on|in|at|by|during|last|this|next|early|late|earlier|later)\s+(?:the\s+)?"
    r"(?:\w+day|morning|afternoon|evening|night|week|weekend|month|year|\d{4}|january"
    r"|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+(?!\w+ed\b))"
)
"""An opening time phrase, connective or adverbial before the subject ("On Tuesday the index
...", "Under President Chavez, the government ...": the government is the subject)."""
_CLAUSE_RE = re.compile(
    r"(?i)[\"“‘']?(?:(?:if|once(?!\s+(?:again|more)\b)|when|whenever|while|whilst|although"
    r"|though|whereas|unless|given|featuring|as\s+well\s+as|responding\s+to|commenting\s+on"
    r"|referring\s+to|writing\s+in"
    r"|speaking\s+(?:at|to|on|in|after|before)|asked\s+(?:about|if|whether|why|how|what))\b"
    r"[^,;:\"“”]{0,90},(?!\d)\s*"
    r"|(?:for|over)\s+(?:the\s+)?(?:past|last|several|many|a\s+few|few|\d+|two|three|four"
    r"|five|ten)\s+(?:\w+\s+)?(?:years|months|weeks|days|decades),?\s+)"
)
"""An opening clause or span of time ("If press reports are to be believed, X and Y ...",
"As well as having the infrastructure, Japan ...", "Responding to the report, Mr X ...",
"For several years Russia has ..."): the subject comes after it."""
_WORD_RE = re.compile(r"[A-Za-z][a-z']*")
_PAST_RE = re.compile(
    r"(?!(?:hundred|indeed|need|speed|seed|feed|shed|embed|breed|proceed|united|limited)$)"
    r"[a-z]{3,}ed$"
)
"""The first verb of a clause: auxiliaries, common verbs and past forms."""
_DETERMINER_RE = re.compile(r"(?i)(?:\b(?:the|a|an|its|his|her|their|our|this|that)|['’]s)\s+$")


@dataclass(frozen=True)
class Content:
    """The asserted part of a claim (who says it removed), as offsets into the claim text."""

    start: int
    end: int
    denier: str | None = None
    """Who denies, when the claim is "X denied doing Y" (a denial with no subject of its own)."""
    speaker: tuple[int, int] | None = None
    """Where the speaker of an opening "X said" is: "X said its sales rose" is about X."""
    clause: bool = False
    """An opening clause came first ("Although inventories fell, they were ..."): a pronoun
    after it points into the clause, not at the previous claim."""


def content_of(text: str) -> Content:
    """Where the assertion is: past "X said", "According to X,", "There have been reports
    that", before ", the ministry said"."""
    start, end = dateline_end(text), len(text)
    speaker = None
    trailing = _TRAILING_SAY_RE.search(text)
    if trailing and trailing.start() > 0:
        end = trailing.start()
    for pattern in (_ACCORDING_RE, _REPORTS_RE, _LEADING_SAY_RE, _APPOSED_SAY_RE):
        found = pattern.match(text, start, end)
        if found and found.end() < end:
            if pattern is not _ACCORDING_RE and pattern is not _REPORTS_RE:
                speaker = found.span("speaker")
            start = found.end()
            break
    opened, clause = start, False
    while True:
        opening = _OPENING_RE.match(text, start, end)
        if opening is None:
            opening = _CLAUSE_RE.match(text, start, end)
            clause = clause or opening is not None
        if not opening or opening.end() == start:
            break
        start = opening.end()
    if speaker is None and start > opened:  # "When asked ..., the chief executive said: ..."
        said = _LEADING_SAY_RE.match(text, start, end)
        if said and said.end() < end and _reports(said[0], text[said.end() : said.end() + 1]):
            speaker, start = said.span("speaker"), said.end()
    denial = _DENIAL_RE.match(text, start, end)
    if denial and not denial["that"]:
        return Content(start, end, denier=denial["speaker"])
    if denial:
        start = denial.end()
    return Content(start, end, speaker=speaker, clause=clause)


def _reports(said: str, following: str) -> bool:
    """A say verb that reports ("said:", "said that", 'said "...'), not one with an object
    ("the Italians confirmed their improvement")."""
    return said.rstrip().endswith((":", "that")) or (bool(following) and following in "\"“‘'")


def first_verb(text: str, start: int, end: int) -> int | None:
    """Where the clause's first verb starts (not its first word, nor a word after "the", nor a
    noun followed by the verb: "the drone attack killed", "armed forces carried")."""
    words = list(_WORD_RE.finditer(text, start, end))
    for index, match in enumerate(words):
        word = match[0]
        if match.start() == start or not verb_like(word):
            continue
        if word[0].isupper() and word.lower() not in ("is", "are", "was", "were"):
            continue
        if _DETERMINER_RE.search(text[start : match.start()]):
            continue
        if index and _participle_after_demonym(word, words[index - 1][0]):
            continue
        following = words[index + 1][0] if index + 1 < len(words) else ""
        plural_noun = word.endswith("s") and word.lower() not in _AUXILIARIES
        if plural_noun and not _PAST_RE.match(word) and verb_like(following):
            continue
        return match.start()
    return None


def _participle_after_demonym(word: str, previous: str) -> bool:
    """A participle after a nationality is an adjective ("Ukrainian armed forces attacked")."""
    lowered = word.lower()
    return lowered not in VERB_FORMS and previous.lower() in demonyms()


_AUXILIARIES = frozenset(("is", "was", "has", "does"))
"""Auxiliaries ending in "s" are verbs before another verb ("Schroeder has put"), not plural
nouns ("armed forces carried")."""


def verb_like(word: str) -> bool:
    return word.lower() in VERB_FORMS or bool(_PAST_RE.match(word))
