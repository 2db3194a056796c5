"""Creating the sources resolution asks for, a batch at a time.

Resolution plans every new source of a call first (`NewSources.create` answers at once with
the source a link will use) and writes them together: one look-up of alias keys and names,
one insert per table, in a savepoint. A row a concurrent writer created meanwhile undoes the
whole batch (`NewSourceConflict`), and the caller falls back to `create_source`, one at a time,
which then finds that writer's row instead of duplicating it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claims.sources.models import Grade, KnownSource
from claims.sources.resolution import NewSource
from claims.store.audit import record
from claims.store.chunks import chunks
from claims.store.rows.sources import load_known
from claims.store.sources.naming import add_alias, rename
from db.base import utcnow
from db.models import Source, SourceAlias, SourceFlag, SourceRating

PLANNED_IDS = 1 << 62
"""Sources a batch plans get ids from here until written: above any real id, in order."""

NEW_RATIONALE = "New source found in a text; not reviewed yet, so it cannot be judged."


class NewSourceConflict(Exception):
    """A batch of new sources met a row a concurrent writer created meanwhile."""

    def __init__(self, error: IntegrityError) -> None:
        super().__init__(str(error))
        self.error = error


class NewSources:
    """New sources of one batch, named and numbered as `create_source` would, written at once.

    `create` answers at once with the source a link will use (an existing one with the same
    alias key, or a planned one with a temporary id); `write` inserts the planned ones.
    """

    def __init__(self, session: Session, actor: str, wanted: Sequence[NewSource]) -> None:
        self.session = session
        self.actor = actor
        self.existing = _sources_by_alias_key(session, [new.alias_key for new in wanted])
        self.taken = _names_taken(session, [new.name[:480] for new in wanted])
        self.planned: list[tuple[NewSource, KnownSource, str]] = []
        self.by_key: dict[str, KnownSource] = {}
        self.renames: dict[int, tuple[str, str]] = {}
        self.aliases: dict[str, int] = {}
        """Short forms to be added as aliases when written: alias -> source id."""
        """Stored sources to be given a fuller name when written: id -> (name, why)."""

    def alias(self, source_id: int, alias: str) -> None:
        """Plan giving a source (stored or planned) a short form a text used for it."""
        self.aliases.setdefault(alias, source_id)

    def rename(self, source_id: int, name: str, why: str) -> None:
        """Plan giving a stored source the full name a text spelled out (`naming.rename`
        decides, when written, whether it may)."""
        if source_id < PLANNED_IDS:
            self.renames.setdefault(source_id, (name, why))

    def create(self, new: NewSource, why: str) -> KnownSource:
        """The source a new-source resolution gets: found by its alias key, or planned."""
        found = self.existing.get(new.alias_key) or self.by_key.get(new.alias_key)
        if found is not None:
            return found
        known = KnownSource(
            id=PLANNED_IDS + len(self.planned),
            name=self._free_name(new.name),
            kind=new.kind.value,
            country=new.country,
            parent_id=new.parent_id,
            grade=Grade.F.value,
            flags=frozenset(flag.flag for flag in new.flags),
            aliases=(new.alias[:500],),
            alias_keys=(new.alias_key[:500],),
        )
        self.planned.append((new, known, why))
        self.by_key[new.alias_key[:500]] = known
        return known

    def _free_name(self, name: str) -> str:
        """As `_free_name`, counting the names planned before this one as taken."""
        candidate, number = name[:480], 1
        while self._taken(candidate):
            number += 1
            candidate = f"{name[:480]} ({number})"
        self.taken[candidate] = True
        return candidate

    def _taken(self, name: str) -> bool:
        if name not in self.taken:
            found = self.session.scalar(select(Source.id).where(Source.name == name))
            self.taken[name] = found is not None
        return self.taken[name]

    @property
    def sources(self) -> dict[int, KnownSource]:
        """The planned sources by temporary id."""
        return {known.id: known for _, known, _ in self.planned}

    def write(self, session: Session | None = None) -> dict[int, int]:
        """Insert the planned sources with their rating, alias and flags; temporary id ->
        real id. Raises `NewSourceConflict` (nothing written) when a row is in the way.

        `session`, when given, writes them in another transaction than the one that planned
        them (which saw the same registry).
        """
        session = session if session is not None else self.session
        for source_id, (name, why) in self.renames.items():
            rename(session, self.actor, source_id, name, why)
        ids = self._write_planned(session)
        for alias, source_id in self.aliases.items():
            if ids.get(source_id, source_id) < PLANNED_IDS:
                add_alias(session, ids.get(source_id, source_id), alias)
        return ids

    def _write_planned(self, session: Session) -> dict[int, int]:
        if not self.planned:
            return {}
        now = utcnow()
        rows = [_source_values(self.actor, new, known.name, now) for new, known, _ in self.planned]
        try:
            with session.begin_nested():
                ids = self._insert(session, rows, now)
        except IntegrityError as error:
            raise NewSourceConflict(error) from error
        for (new, known, why), source_id in zip(self.planned, ids, strict=True):
            record(
                session,
                self.actor,
                "source.create",
                "source",
                source_id,
                after={"name": known.name, "kind": new.kind.value, "reason": why or "resolution"},
            )
        return {
            known.id: source_id for (_, known, _), source_id in zip(self.planned, ids, strict=True)
        }

    def _insert(self, session: Session, rows: list[dict[str, Any]], now: datetime) -> list[int]:
        statement = insert(Source).returning(Source.id, sort_by_parameter_order=True)
        ids = list(session.scalars(statement, rows))
        news = [new for new, _, _ in self.planned]
        ratings, aliases, flags = _child_values(self.actor, news, ids, now)
        for model, values in ((SourceRating, ratings), (SourceAlias, aliases), (SourceFlag, flags)):
            if values:
                session.execute(insert(model), values)
        return ids


def _source_values(actor: str, new: NewSource, name: str, now: datetime) -> dict[str, Any]:
    """The `sources` row of a new source, as `_insert_new` writes it."""
    return {
        "name": name,
        "kind": new.kind.value,
        "country": new.country,
        "parent_id": new.parent_id,
        "description": new.description,
        "reliability": Grade.F.value,
        "reliability_rationale": NEW_RATIONALE,
        "reliability_evidence": [],
        "reliability_set_by": actor,
        "reliability_set_at": now,
        "needs_review": new.needs_review,
        "created_by": actor,
        "created_at": now,
        "row_version": 1,
    }


def _child_values(
    actor: str, news: Sequence[NewSource], ids: Sequence[int], now: datetime
) -> tuple[list[dict[str, Any]], ...]:
    """The rating, alias and flag rows of new sources, as `_insert_new` writes them."""
    ratings: list[dict[str, Any]] = []
    aliases: list[dict[str, Any]] = []
    flags: list[dict[str, Any]] = []
    for new, source_id in zip(news, ids, strict=True):
        ratings.append(
            {
                "source_id": source_id,
                "grade": Grade.F.value,
                "rationale": NEW_RATIONALE,
                "evidence": [],
                "disputed": False,
                "set_by": actor,
                "set_at": now,
            }
        )
        aliases.append(
            {"source_id": source_id, "alias": new.alias[:500], "key": new.alias_key[:500]}
        )
        flags.extend(
            {
                "source_id": source_id,
                "flag": flag.flag,
                "rationale": flag.rationale,
                "evidence": list(flag.evidence),
                "set_by": actor,
                "set_at": now,
            }
            for flag in new.flags
        )
    return ratings, aliases, flags


def _sources_by_alias_key(session: Session, keys: Sequence[str]) -> dict[str, KnownSource]:
    """The stored sources having one of these alias keys, by key (one query per `IN_LIST_SIZE`)."""
    owner: dict[str, int] = {}
    for chunk in chunks(sorted(set(keys))):
        found = session.execute(
            select(SourceAlias.key, SourceAlias.source_id).where(SourceAlias.key.in_(chunk))
        )
        owner.update({key: source_id for key, source_id in found})
    if not owner:
        return {}
    known = load_known(session, set(owner.values()))
    return {key: known[source_id] for key, source_id in owner.items()}


def _names_taken(session: Session, names: Sequence[str]) -> dict[str, bool]:
    """Whether each name is already a source's (one query per `IN_LIST_SIZE`)."""
    taken = dict.fromkeys(names, False)
    for chunk in chunks(sorted(set(names))):
        taken.update(
            dict.fromkeys(session.scalars(select(Source.name).where(Source.name.in_(chunk))), True)
        )
    return taken


def create_source(
    session: Session, actor: str, new: NewSource, *, why: str = ""
) -> tuple[KnownSource, bool]:
    """Create one source a resolution asked for, or find the one that has its alias key (a
    concurrent writer may just have made it); True when it was created here."""
    batch = NewSources(session, actor, [new])
    known = batch.create(new, why)
    if known.id < PLANNED_IDS:
        return known, False
    try:
        ids = batch.write()
    except NewSourceConflict as conflict:
        existing = session.scalar(
            select(Source.id).join(SourceAlias).where(SourceAlias.key == new.alias_key[:500])
        ) or session.scalar(select(Source.id).where(Source.name == new.name[:480]))
        if existing is None:
            raise conflict.error from None
        return load_known(session, [existing])[existing], False
    return known.model_copy(update={"id": ids[known.id]}), True
