"""Whether what two claims share is one phrase and nothing else.

Two sentences that hold the same term ("a personal video recorder (PVR)", "a monitor,
keyboard and mouse", "handheld consoles like the Sony PSP") in otherwise different words name
one thing; they do not say one thing of it. Shared words, no verb among them, that stand
together as one short run in both claims, while the rest of each claim says something else,
make a corroboration between two documents only related. Words shared in two places are more
than a term ("first convictions for P2P piracy were handed out" / "first convictions for
piracy over peer-to-peer networks have been handed down").
"""

from __future__ import annotations

from collections.abc import Sequence

from claims.match.frames.content import verb_like

MAX_PHRASE_WORDS = 4
"""The longest run of shared words taken for a term rather than a statement."""
OUTSIDE_SHARE = 1.5
"""Each claim has at least this many times the phrase's words: the phrase is a part of both,
not the whole of one ("Wolves appoint Hoddle as manager")."""
GAP = 1
"""Other words a run may hold between two shared ones ("personal digital video recorders")."""


def one_phrase(
    first: Sequence[str],
    second: Sequence[str],
    shared: frozenset[str],
    incidental: frozenset[str] = frozenset(),
) -> tuple[str, ...] | None:
    """The shared words as the first claim orders them, when in both claims' content words
    (`first`, `second`, in order) they stand together as one run of at most
    MAX_PHRASE_WORDS words, none of them a verb, that each claim holds many times over; else
    None. A shared verb makes a statement of the words ("The Lib Dems warned both parties
    against ..." / "The Liberal Democrats have warned both parties against ...").
    `incidental` shared words (a period: "the next general election") stand in the run but
    are not the term, and do not count in how many times over each claim holds it."""
    if not shared or len(shared) > MAX_PHRASE_WORDS or any(map(verb_like, shared)):
        return None
    said = shared - incidental
    if min(len(set(first)), len(set(second))) < OUTSIDE_SHARE * len(said):
        return None
    run = _run(first, shared)
    if run is None or _run(second, shared) is None:
        return None
    return tuple(word for word in run if word in said) or None


def _run(words: Sequence[str], shared: frozenset[str]) -> tuple[str, ...] | None:
    """The shared words of `words` in order, when one run holds them all: shared words no
    more than GAP other words apart. A shared word elsewhere only repeats one of the run
    ("handheld consoles like the Sony PSP ... console games"); a run that misses one is two
    places ("Skype allows people ... other Skype users" has no run with every word)."""
    runs: list[list[str]] = []
    since = GAP + 1
    for word in words:
        if word not in shared:
            since += 1
            continue
        if since <= GAP and runs:
            runs[-1].append(word)
        else:
            runs.append([word])
        since = 0
    whole = [run for run in runs if set(run) == shared]
    return tuple(dict.fromkeys(whole[0])) if whole else None
