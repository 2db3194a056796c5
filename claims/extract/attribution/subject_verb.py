"""The subject of a verb that a sentence's subject phrase ran past (`The firm sent a letter`)."""

from __future__ import annotations

from claims.extract.attribution.tokens import AUXILIARIES, Token


def subject_before_verb(
    tokens: list[Token], subject: tuple[int, int] | None, verb: int | None
) -> tuple[int, int] | None:
    """`The firm sent a letter saying Y`: the subject ends before the verb of the object the
    cue follows, and before its auxiliaries (`Airlines have attacked the bill saying`)."""
    if subject is None or verb is None or not subject[0] < verb < subject[1]:
        return subject
    end = verb
    while end > subject[0] and tokens[end - 1].lower in AUXILIARIES:
        end -= 1
    return (subject[0], end) if end > subject[0] else subject
