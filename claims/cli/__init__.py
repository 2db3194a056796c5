"""The `claims` command line: data on stdout, messages and progress on stderr.

Commands load lazily, so `claims documents` does not pay for importing the TUI. Packages above
`claims` in the import order (the TUI) contribute commands through the `claims.commands` entry
point group instead of being imported from here.
"""

from __future__ import annotations

import importlib
import sys
from importlib.metadata import entry_points
from typing import Any

import click

from claims import __version__
from claims.cli.context import AppContext
from claims.errors import ClaimsError
from db.errors import StorageError

COMMANDS = {
    "ingest": "claims.cli.ingest:ingest",
    "documents": "claims.cli.documents:documents",
    "show": "claims.cli.documents:show",
    "list": "claims.cli.listing:list_claims",
    "export": "claims.cli.export:export",
    "import": "claims.cli.importer:import_command",
    "config": "claims.cli.config:config",
    "db": "claims.cli.dbcmd:db",
    "sources": "claims.cli.sources:sources",
    "eval": "claims.cli.evaluate:evaluate",
    "match": "claims.cli.match:match",
}
PLUGIN_GROUP = "claims.commands"


class ClaimsGroup(click.Group):
    """Loads commands on demand and turns the application's errors into one line, exit 1."""

    def _lazy(self) -> dict[str, str]:
        found = dict(COMMANDS)
        for entry in entry_points(group=PLUGIN_GROUP):
            found.setdefault(entry.name, entry.value)
        return found

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self._lazy()))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            return command
        target = self._lazy().get(cmd_name)
        if target is None:
            return None
        module_name, _, attribute = target.partition(":")
        loaded = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(loaded, click.Command)
        return loaded

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (ClaimsError, StorageError) as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=ClaimsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "target",
    envvar="CLAIMS_DB",
    default="claims.db",
    show_default=True,
    help="SQLite file path, or a SQLAlchemy URL such as postgresql+psycopg://user@host/db.",
)
@click.option("--reviewer", envvar="CLAIMS_REVIEWER", help="Who is acting (default: login name).")
@click.version_option(__version__, prog_name="claims")
@click.pass_context
def main(ctx: click.Context, target: str, reviewer: str | None) -> None:
    """Track where the claims in news articles come from and how far to trust them.

    \b
    Example:
      claims ingest seeds/
      claims documents
      claims export --format json -o claims.json
    """
    app = AppContext(target=target, reviewer=reviewer)
    ctx.obj = app
    ctx.call_on_close(app.close)
