"""`claims db`: schema migrations, backups, restores and health checks."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claims.cli.context import AppContext, pass_app
from claims.errors import ClaimsError
from claims.store.maintenance import backup as store_backup
from claims.store.maintenance import health
from db import migrate
from db.engine import Database

PG_DUMP_MAGIC = b"PGDMP"
"""How a pg_dump custom-format archive begins."""


@click.group()
def db() -> None:
    """Manage the database: schema migrations, backups, restores and checks.

    \b
    Example:
      claims db upgrade
      claims db backup backups/claims.db
      claims --db postgresql+psycopg://claims@localhost/claims db current
    """


@db.command()
@click.argument("revision", default="head")
@pass_app
def upgrade(app: AppContext, revision: str) -> None:
    """Upgrade the schema (default: to the newest revision); SQLite files are backed up first."""
    result = migrate.upgrade(app.database(migrate=False), revision)
    backup = f" (backup: {result.backup})" if result.backup else ""
    click.echo(f"schema at {result.after} (was {result.before or 'empty'}){backup}", err=True)


@db.command()
@click.argument("revision")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def downgrade(app: AppContext, revision: str, yes: bool) -> None:
    """Downgrade the schema to REVISION ("base" removes every table and its data)."""
    database = app.database(migrate=False)
    if not yes:
        click.confirm(f"Downgrade {database.display} to {revision}? Data may be lost", abort=True)
    result = migrate.downgrade(database, revision)
    backup = f" (backup: {result.backup})" if result.backup else ""
    click.echo(f"schema at {result.after or 'base'} (was {result.before}){backup}", err=True)


@db.command()
@pass_app
def current(app: AppContext) -> None:
    """Print the schema revision of the database and the one this program needs."""
    database = app.database(migrate=False)
    revision = migrate.refuse_foreign(database)
    head = migrate.head_revision()
    state = "up to date" if revision == head else f"needs upgrade to {head}"
    click.echo(f"{revision or 'empty'} ({state})")


@db.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing backup file.")
@pass_app
def backup(app: AppContext, path: Path, force: bool) -> None:
    """Back up the whole database to PATH, including raw evidence and review history.

    A SQLite file is copied with SQLite's online backup API while others keep working; the
    copy is verified, then renamed into place, so PATH is complete or not written at all.
    A PostgreSQL database is dumped with pg_dump (custom format) when it is installed;
    otherwise the command prints the pg_dump command to run and exits with status 1.
    Restore with `claims db restore`.

    \b
    Example:
      claims db backup backups/claims-2026-11-23.db
      claims --db postgresql+psycopg://claims@db.example.org/claims db backup claims.dump
    """
    result = store_backup.backup(app.database(migrate=False), path, force=force)
    revision = result.revision or "empty"
    click.echo(f"backup written to {result.path} ({result.method}, schema {revision})", err=True)


@db.command()
@click.argument("source")
@pass_app
def restore(app: AppContext, source: str) -> None:
    """Copy every row of SOURCE into the database given with --db, which must be empty.

    SOURCE is a backup file made by `claims db backup` from a SQLite database, or any other
    claims database (a file or a postgresql:// URL) at the same schema revision: this is
    also how a personal SQLite file moves to the team's PostgreSQL server. Ids, raw
    snapshots, reviews and the audit log are kept. A pg_dump backup is restored with
    pg_restore instead (see docs/team.md).

    \b
    Example:
      claims --db restored.db db restore backups/claims-2026-11-23.db
      claims --db postgresql+psycopg://claims@db.example.org/claims db restore mine.db
    """
    origin = Database.from_target(source)
    if origin.path is not None:
        if not origin.path.is_file():
            raise ClaimsError(f"{source}: no such file")
        with origin.path.open("rb") as handle:
            if handle.read(len(PG_DUMP_MAGIC)) == PG_DUMP_MAGIC:
                raise ClaimsError(
                    f"{source}: a pg_dump archive; restore it with pg_restore (docs/team.md)"
                )
    origin.check_file()
    try:
        result = store_backup.restore_from(origin, app.database())
    finally:
        origin.dispose()
    click.echo(f"restored {result.total} rows from {origin.display} (schema {result.revision})")


@db.command()
@pass_app
def check(app: AppContext) -> None:
    """Check the database: schema revision and, for SQLite, a full integrity and
    foreign-key check (read only). Exits with status 1 when anything is wrong.

    \b
    Example:
      claims db check
    """
    database = app.database(migrate=False)
    problems = health.problems(database)
    for line in health.summary(database):
        click.echo(line)
    for problem in problems:
        click.echo(f"problem: {problem}")
    if problems:
        sys.exit(1)
