"""Reading the source registry into `KnownSource` values, the form resolution works on."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.sources.models import KnownSource
from claims.sources.resolve import RegistryIndex
from claims.store.chunks import chunks
from claims.store.rows.tables import SOURCES
from db.models import Source, SourceAlias, SourceFlag


def load_index(session: Session) -> RegistryIndex:
    """The whole registry as a resolution index (one query per table)."""
    return RegistryIndex(load_known(session).values())


def load_known(session: Session, ids: Iterable[int] | None = None) -> dict[int, KnownSource]:
    """Sources as `KnownSource`s: all of them, or the given ones with all their ancestors."""
    if ids is None:
        rows = session.execute(_SOURCE_COLUMNS).all()
        return _known(session, rows)
    wanted = {i for i in ids if i is not None}
    found: dict[int, KnownSource] = {}
    while wanted:
        rows = session.execute(_SOURCE_COLUMNS.where(Source.id.in_(wanted))).all()
        batch = _known(session, rows)
        found.update(batch)
        wanted = {s.parent_id for s in batch.values() if s.parent_id is not None} - set(found)
    return found


_SOURCE_COLUMNS = select(*(getattr(Source, column) for _, column in SOURCES.read(KnownSource)))
"""The columns a `KnownSource` is read from."""


def _known(session: Session, rows: Sequence[Any]) -> dict[int, KnownSource]:
    ids = [row.id for row in rows]
    aliases: dict[int, list[tuple[str, str]]] = defaultdict(list)
    flags: dict[int, set[str]] = defaultdict(set)
    for chunk in chunks(ids, 5000):
        alias_rows = session.execute(
            select(SourceAlias.source_id, SourceAlias.alias, SourceAlias.key)
            .where(SourceAlias.source_id.in_(chunk))
            .order_by(SourceAlias.id)
        )
        for source_id, alias, key in alias_rows:
            aliases[source_id].append((alias, key))
        flag_rows = session.execute(
            select(SourceFlag.source_id, SourceFlag.flag).where(SourceFlag.source_id.in_(chunk))
        )
        for source_id, flag in flag_rows:
            flags[source_id].add(flag)
    return {row.id: _known_source(row, flags[row.id], aliases[row.id]) for row in rows}


def known_from_row(source: Source) -> KnownSource:
    """A `KnownSource` for a row just created or edited in this session."""
    aliases = [(alias.alias, alias.key) for alias in source.aliases]
    return _known_source(source, {flag.flag for flag in source.flags}, aliases)


def _known_source(row: Any, flags: set[str], aliases: Sequence[tuple[str, str]]) -> KnownSource:
    return SOURCES.model(
        KnownSource,
        row,
        flags=frozenset(flags),
        aliases=tuple(alias for alias, _ in aliases),
        alias_keys=tuple(key for _, key in aliases),
    )
