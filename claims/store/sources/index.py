"""The registry's resolution index, kept between documents of one process.

Building the index costs about 0.13 s with a 2,400-source registry (an imported outside
rating list), which would otherwise be paid again for every ingested document. The cached
index is checked against a fingerprint of the registry at the start of each use: the counts
of rows added and changed that the database keeps (`registry_changes`, migration 0006) and
the tables' largest ids, a few index look-ups however large the registry. Unchanged, it is
reused; grown only by new rows (new sources, aliases, flags — what ingesting other documents
adds), the new rows are added to it; anything else (an edit, a merge, a deletion, by this
process or another) rebuilds it. Only committed rows ever reach the cache: sources created
inside a transaction stay in that transaction's own overlay.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.sources.resolve import RegistryIndex
from claims.store.rows.sources import load_index, load_known
from db.models import RegistryChanges, Source, SourceAlias, SourceFlag


@dataclass(frozen=True)
class Fingerprint:
    """What changes in the registry tables whenever resolution could change."""

    appended: int
    """Rows inserted into sources, aliases and flags, ever (as the database counts them)."""
    altered: int
    """Rows of those tables updated or deleted, ever."""
    last_source: int
    last_alias: int
    last_flag: int


@dataclass
class _Entry:
    fingerprint: Fingerprint
    index: RegistryIndex


_CACHE: dict[str, _Entry] = {}
_LOCK = threading.Lock()


def fingerprint(session: Session) -> Fingerprint:
    """The registry's fingerprint, read in the caller's transaction (one query)."""
    row = session.execute(
        select(
            select(RegistryChanges.appended).where(RegistryChanges.id == 1).scalar_subquery(),
            select(RegistryChanges.altered).where(RegistryChanges.id == 1).scalar_subquery(),
            select(func.max(Source.id)).scalar_subquery(),
            select(func.max(SourceAlias.id)).scalar_subquery(),
            select(func.max(SourceFlag.id)).scalar_subquery(),
        )
    ).one()
    return Fingerprint(*(int(value or 0) for value in row))


def shared_index(session: Session) -> RegistryIndex:
    """The registry index as the caller's transaction sees it; callers must not change it."""
    key = session.get_bind().engine.url.render_as_string(hide_password=True)
    current = fingerprint(session)
    with _LOCK:
        entry = _CACHE.get(key)
        if entry is not None and entry.fingerprint == current:
            return entry.index
        if entry is not None and _grow(session, entry, current):
            return entry.index
        index = load_index(session)
        _CACHE[key] = _Entry(current, index)
        return index


def forget() -> None:
    """Drop every cached index (tests, and after restoring a backup in-process)."""
    with _LOCK:
        _CACHE.clear()


def _grow(session: Session, entry: _Entry, current: Fingerprint) -> bool:
    """Add rows appended since `entry` was taken; False when anything else changed.

    Every row added must be one with a larger id than the entry knew: a row committed late
    with a smaller id (a concurrent writer's) makes the counts disagree, and the index is
    read again.
    """
    old = entry.fingerprint
    if current.altered != old.altered:
        return False
    new_sources = list(session.scalars(select(Source.id).where(Source.id > old.last_source)))
    new_aliases = session.execute(
        select(SourceAlias.source_id).where(SourceAlias.id > old.last_alias)
    ).all()
    new_flags = session.execute(
        select(SourceFlag.source_id).where(SourceFlag.id > old.last_flag)
    ).all()
    if current.appended != old.appended + len(new_sources) + len(new_aliases) + len(new_flags):
        return False
    touched = {*new_sources, *(row[0] for row in new_aliases), *(row[0] for row in new_flags)}
    for known in load_known(session, touched).values():
        entry.index.add(known)
    entry.fingerprint = current
    return True
