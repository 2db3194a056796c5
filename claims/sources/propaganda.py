"""Is a claim propaganda-sourced, and through which link?

A claim is propaganda-sourced when any link of its attribution chain — the speaker, an
outlet that relayed it, or the publisher — is a source flagged `propaganda`, directly or
through the organisation it speaks for or belongs to. "According to Rybar, ..." in an
independent outlet is flagged: the relay does not launder the origin. The path that caused
the flag is kept, so an editor sees why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from claims.sources.models import PERSON_KINDS, PROPAGANDA, KnownSource, SourceKind

MAX_HOPS = 8
"""Parent links followed at most (guards against cycles a merge might leave)."""

Via = Literal["direct", "affiliation", "parent"]

ROLE_WORDS = {
    "speaker": "the speaker",
    "intermediary": "the outlet that relayed it,",
    "publisher": "the publisher",
}


class ChainStep(BaseModel):
    """One stored chain link: its role, how the text names it and its resolved source."""

    model_config = ConfigDict(frozen=True)

    position: int
    role: str
    mention: str
    source_id: int | None = None
    stance: str | None = None


class PathStep(BaseModel):
    """One reason a claim is flagged: which source carries the flag and how it is reached."""

    model_config = ConfigDict(frozen=True)

    source_id: int
    name: str
    role: str
    flag: str
    via: Via
    text: str
    position: int
    through: str | None = None
    """The chain link's own source when the flag sits on its affiliation or owner."""


def propaganda_path(
    chain: Sequence[ChainStep], sources: Mapping[int, KnownSource], flag: str = PROPAGANDA
) -> list[PathStep]:
    """Every chain link that reaches a source flagged `flag`, in chain order."""
    path: list[PathStep] = []
    for link in chain:
        step = _flagged_step(link, sources, flag)
        if step is not None:
            path.append(step)
    return path


def _flagged_step(
    link: ChainStep, sources: Mapping[int, KnownSource], flag: str
) -> PathStep | None:
    own = sources.get(link.source_id) if link.source_id is not None else None
    current, hops, seen = own, 0, set[int]()
    while current is not None and current.id not in seen and hops <= MAX_HOPS:
        if flag in current.flags:
            assert own is not None
            via = _via(own, hops)
            return PathStep(
                source_id=current.id,
                name=current.name,
                role=link.role,
                flag=flag,
                via=via,
                text=_describe(link, own, current, via, flag),
                position=link.position,
                through=own.name if via != "direct" else None,
            )
        seen.add(current.id)
        current = sources.get(current.parent_id) if current.parent_id is not None else None
        hops += 1
    return None


def _via(own: KnownSource, hops: int) -> Via:
    if hops == 0:
        return "direct"
    speaks_for = own.kind in PERSON_KINDS or own.kind == SourceKind.UNKNOWN
    return "affiliation" if speaks_for and hops == 1 else "parent"


def _describe(link: ChainStep, own: KnownSource, flagged: KnownSource, via: Via, flag: str) -> str:
    role = ROLE_WORDS.get(link.role, link.role)
    named = f" (named {link.mention!r} in the text)" if link.mention != own.name else ""
    if via == "direct":
        return f"{role} {own.name}{named} is flagged {flag}"
    relation = "speaks for" if via == "affiliation" else "belongs to"
    return f"{role} {own.name}{named} {relation} {flagged.name}, which is flagged {flag}"


def path_dicts(path: Sequence[PathStep]) -> list[dict[str, object]]:
    """The path as stored in `claims.propaganda_path` and exported."""
    return [step.model_dump(exclude_none=True) for step in path]
