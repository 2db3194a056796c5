"""What every command shares: the database target and the acting user."""

from __future__ import annotations

from dataclasses import dataclass, field

import click

from claims.store.audit import current_user
from db.engine import Database
from db.migrate import ensure_current


@dataclass
class AppContext:
    """The global options, and the database opened on first use."""

    target: str
    reviewer: str | None = None
    _database: Database | None = field(default=None, repr=False)

    @property
    def actor(self) -> str:
        return self.reviewer or current_user()

    def database(self, *, migrate: bool = True) -> Database:
        """The database, upgraded on first use when it is a local SQLite file."""
        if self._database is None:
            database = Database.from_target(self.target)
            if migrate:
                ensure_current(database)
            else:
                database.check_file()
            for warning in database.warnings:
                click.echo(f"warning: {warning}", err=True)
            self._database = database
        return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()


pass_app = click.make_pass_decorator(AppContext)
