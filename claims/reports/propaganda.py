"""Why a claim is propaganda-sourced, said in a sentence instead of a dump of the path's fields.

A stored path step names the flagged source, the chain link's role, the flag, how the flag was
reached (`direct`, `affiliation`, `parent`) and through which source. The sentence says who,
in which role, flagged for what, on which designation (the flag's recorded rationale) and
through whom: "Rybar, the speaker, is itself flagged propaganda (designation: ...)".
"""

from __future__ import annotations

from collections.abc import Mapping

ROLE_NAMES = {
    "speaker": "the speaker",
    "intermediary": "the outlet that relayed the claim",
    "publisher": "the publisher",
}
LINKS = {"affiliation": "speaks for", "parent": "belongs to"}


def flagged_source(step: object) -> tuple[int, str] | None:
    """The (source id, flag) a path step points at, to look its designation up."""
    if isinstance(step, Mapping) and isinstance(step.get("source_id"), int):
        return step["source_id"], str(step.get("flag") or "propaganda")
    return None


def propaganda_sentence(step: object, designation: str | None = None) -> str:
    """One step of a propaganda path as a sentence; `designation` is why the flag is set."""
    if not isinstance(step, Mapping):
        return _ending(str(step), designation)
    flagged = str(step.get("name") or step.get("source") or "an unnamed source")
    flag = str(step.get("flag") or "propaganda")
    role = ROLE_NAMES.get(str(step.get("role") or ""), "")
    link = LINKS.get(str(step.get("via") or ""))
    through = step.get("through")
    if link and through:
        who = f"{through}, {role}," if role else str(through)
        sentence = f"{who} {link} {flagged}, which is flagged {flag}"
    else:
        who = f"{flagged}, {role}," if role else flagged
        itself = " itself" if step.get("via") == "direct" else ""
        sentence = f"{who} is{itself} flagged {flag}"
    return _ending(sentence, designation)


def _ending(sentence: str, designation: str | None) -> str:
    text = " ".join(sentence.split()).rstrip(".")
    text = text[:1].upper() + text[1:]
    if designation:
        return f"{text} (designation: {' '.join(designation.split()).rstrip('.')})."
    return f"{text} (no designation recorded)."


def propaganda_sentences(
    path: list[object], designations: Mapping[tuple[int, str], str]
) -> list[str]:
    """Every step of a path as a sentence, each with the designation of its flag."""
    found = []
    for step in path:
        key = flagged_source(step)
        found.append(propaganda_sentence(step, designations.get(key) if key else None))
    return found
