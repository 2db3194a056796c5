"""`claims config`: settings shared by everyone on this database (the organisation, ...)."""

from __future__ import annotations

import click

from claims.cli.context import AppContext, pass_app
from claims.errors import ClaimsError
from claims.reports.organisation import SETTING_KEYS
from claims.store.exports import all_settings, get_setting, set_setting, unset_setting
from claims.text.display import display_safe, safe_json_dumps

KEYS = click.Choice(sorted(SETTING_KEYS))


@click.group(invoke_without_command=True)
@click.pass_context
def config(ctx: click.Context) -> None:
    """Show or change shared settings, such as the organisation named in ClaimReview exports.

    \b
    Example:
      claims config set organisation.name "Fact Desk"
      claims config set organisation.url https://factdesk.example/
      claims config set claimreview.url_template "https://factdesk.example/checks/{claim_id}"
      claims config
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(show)


@config.command()
@pass_app
def show(app: AppContext) -> None:
    """List the known settings and their values."""
    with app.database().read() as session:
        values = all_settings(session)
    for key, known in sorted(SETTING_KEYS.items()):
        value = values.get(key)
        shown = display_safe(str(value)) if value is not None else "(not set)"
        click.echo(f"{key} = {shown}\n    {known.help}")


@config.command("get")
@click.argument("key", type=KEYS)
@pass_app
def get_command(app: AppContext, key: str) -> None:
    """Print one setting as JSON (null when not set)."""
    with app.database().read() as session:
        value = get_setting(session, key)
    click.echo(safe_json_dumps(value, indent=None))


@config.command("set")
@click.argument("key", type=KEYS)
@click.argument("value")
@pass_app
def set_command(app: AppContext, key: str, value: str) -> None:
    """Set one setting (checked first: URLs must be http or https)."""
    try:
        stored = app.database().run_write(
            lambda session: set_setting(session, app.actor, key, value)
        )
    except ValueError as exc:
        raise ClaimsError(str(exc)) from None
    click.echo(f"{key} = {display_safe(stored)}", err=True)


@config.command("unset")
@click.argument("key", type=KEYS)
@pass_app
def unset_command(app: AppContext, key: str) -> None:
    """Remove one setting."""
    removed = app.database().run_write(lambda session: unset_setting(session, app.actor, key))
    click.echo(f"{key} {'removed' if removed else 'was not set'}", err=True)
