"""`claims review`: the command that opens the review TUI (registered as a plugin of `claims`)."""

from __future__ import annotations

import click

from claims.cli.context import AppContext, pass_app


@click.command()
@click.option("--filter", "filter_text", default="", help="Preset filter on the claims screen.")
@click.option(
    "--reviewer",
    default=None,
    help="Who is reviewing (overrides the global --reviewer; default: login name).",
)
@pass_app
def review(app: AppContext, filter_text: str, reviewer: str | None) -> None:
    """Open the review workbench on the database (ctrl+q quits, f1 lists every key).

    The filter takes words and terms such as verdict:none, kind:statistic, source:NAME,
    flag:propaganda, rel:conflicts and doc:ID (see docs/review.md).

    \b
    Example:
      claims review
      claims review --reviewer alice --filter "verdict:none rel:conflicts"
    """
    from tui.app import keymap_from_environment, make_app

    database = app.database()
    who = reviewer or app.actor
    make_app(
        database, reviewer=who, filter_text=filter_text, keymap=keymap_from_environment()
    ).run()
