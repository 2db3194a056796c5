"""`claims db`: schema migrations."""

from __future__ import annotations

import click

from claims.cli.context import AppContext, pass_app
from db import migrate


@click.group()
def db() -> None:
    """Manage the database schema (Alembic migrations).

    \b
    Example:
      claims db upgrade
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
    revision = migrate.current_revision(database)
    head = migrate.head_revision()
    state = "up to date" if revision == head else f"needs upgrade to {head}"
    click.echo(f"{revision or 'empty'} ({state})")
