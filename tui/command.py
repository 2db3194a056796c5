"""`claims review`: the command that opens the review TUI (registered as a plugin of `claims`)."""

from __future__ import annotations

import click

from claims.cli.context import AppContext, pass_app


@click.command()
@click.option("--filter", "filter_text", default="", help="Preset filter on the claims screen.")
@pass_app
def review(app: AppContext, filter_text: str) -> None:
    """Open the review workbench on the database (ctrl+q quits).

    \b
    Example:
      claims review
      claims --reviewer alice review --filter Rybar
    """
    from tui.app import make_app

    database = app.database()
    make_app(database, reviewer=app.actor, filter_text=filter_text).run()
