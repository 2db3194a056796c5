"""The registry's resolution index, kept between documents of one process.

Building the index costs about 0.13 s with a 2,400-source registry (an imported outside
rating list), which would otherwise be paid again for every ingested document. The cached
index is checked against a fingerprint of the registry tables at the start of each use:
unchanged, it is reused; grown only by new rows (new sources, aliases, flags — what
ingesting other documents adds), the new rows are added to it; anything else (an edit, a
merge, a deletion, by this process or another) rebuilds it. Only committed rows ever reach
the cache: sources created inside a transaction stay in that transaction's own overlay.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.sources.resolve import RegistryIndex
from claims.store.rows.sources import load_index, load_known
from db.models import Source, SourceAlias, SourceFlag


@dataclass(frozen=True)
class Fingerprint:
    """What changes in the registry tables whenever resolution could change."""

    sources: int
    last_source: int
    versions: int
    aliases: int
    last_alias: int
    flags: int
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
            select(func.count()).select_from(Source).scalar_subquery(),
            select(func.coalesce(func.max(Source.id), 0)).scalar_subquery(),
            select(func.coalesce(func.sum(Source.row_version), 0)).scalar_subquery(),
            select(func.count()).select_from(SourceAlias).scalar_subquery(),
            select(func.coalesce(func.max(SourceAlias.id), 0)).scalar_subquery(),
            select(func.count()).select_from(SourceFlag).scalar_subquery(),
            select(func.coalesce(func.max(SourceFlag.id), 0)).scalar_subquery(),
        )
    ).one()
    return Fingerprint(*(int(value) for value in row))


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
    """Add rows appended since `entry` was taken; False when anything else changed."""
    old = entry.fingerprint
    new_sources = list(session.scalars(select(Source.id).where(Source.id > old.last_source)))
    new_aliases = session.execute(
        select(SourceAlias.source_id).where(SourceAlias.id > old.last_alias)
    ).all()
    new_flags = session.execute(
        select(SourceFlag.source_id).where(SourceFlag.id > old.last_flag)
    ).all()
    new_versions = session.scalar(
        select(func.coalesce(func.sum(Source.row_version), 0)).where(Source.id > old.last_source)
    )
    only_appended = (
        current.sources == old.sources + len(new_sources)
        and current.aliases == old.aliases + len(new_aliases)
        and current.flags == old.flags + len(new_flags)
        and current.versions == old.versions + int(new_versions or 0)
    )
    if not only_appended:
        return False
    touched = {*new_sources, *(row[0] for row in new_aliases), *(row[0] for row in new_flags)}
    for known in load_known(session, touched).values():
        entry.index.add(known)
    entry.fingerprint = current
    return True
