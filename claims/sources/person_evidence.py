"""Whether a document writes a two- or three-word name as a person's, not a body's.

Entity kinds read any few capitalised words as a person ("Barclays Capital", "Financial
Mail"). Before a first name alone is taken for the person a document names in full ("Anil"
for "Anil Ambani"), the full name must show something only people have in news: a title or
honorific before the name or its surname ("Sir Elton John", "Mr Ambani"), a lower-case role
noun right before it ("rock star Ozzy Osbourne") or in apposition after it ("Anil Ambani,
vice-chairman"), or the surname alone as the subject of a speech verb ("Osbourne said").
"""

from __future__ import annotations

import re

from claims.text.normalize import word_set

_HONORIFICS = (
    r"Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prince|Princess|King|Queen|President|Senator"
    r"|Judge|Professor|Prof|Rev|Bishop|Father|Sister|Chancellor|Minister"
)
_SPEECH = r"said|says|told|added|argued|explained|insisted|warned|admitted|claimed"
_FUNCTION_WORDS = word_set(
    "the a an of by and or with to in on at for from as than that this these those its their"
    " his her our your is are was were be been has have had said says told but if not also"
    " which who whose whom where when while after before because although though however"
    " since until so yet"
)
"""Lower-case words before a name that are no role noun ("by Barclays Capital")."""


def person_evidence(text: str, full: str) -> bool:
    """Whether `text` writes `full` (a name of two or three words) as a person's."""
    words = full.split()
    if not 2 <= len(words) <= 3:
        return False
    first, last = re.escape(words[0]), re.escape(words[-1])
    whole = re.escape(full)
    titled = rf"\b(?:{_HONORIFICS})\.?\s+(?:{first}\s+)?{last}(?![\w'’-])"
    if re.search(titled, text):
        return True
    if re.search(rf"(?<![\w'’-]){last}\s+(?:{_SPEECH})\b", text):
        return True
    for match in re.finditer(rf"(?<![\w'’-]){whole}(?![\w'’-])", text):
        before = re.search(r"([a-z][\w-]*)\s+$", text[max(0, match.start() - 30) : match.start()])
        if before is not None and before.group(1) not in _FUNCTION_WORDS:
            return True
        after = re.match(r",\s+(?:the\s+|a\s+|an\s+)?([a-z][\w-]*)", text[match.end() :])
        if after is not None and after.group(1) not in _FUNCTION_WORDS:
            return True
    return False
