"""`claims export`: the database as one JSON document (more formats arrive with reports)."""

from __future__ import annotations

import json

import click

from claims.cli.context import AppContext, pass_app
from claims.cli.output import write_output
from claims.reports.schema import Export
from claims.store.snapshot import build_export
from claims.text.display import safe_json_dumps

FORMATS = ("json",)


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o", "--output", default="-", show_default=True, help="File to write, or - for stdout."
)
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option("--schema", is_flag=True, help="Print the JSON Schema of the export and exit.")
@pass_app
def export(app: AppContext, fmt: str, output: str, force: bool, schema: bool) -> None:
    """Export the database: documents, sources, claims and relations.

    The JSON export is one consistent snapshot with a `schema_version`; see
    docs/export.md for its fields.

    \b
    Example:
      claims export --format json -o claims.json
      claims export --schema > export.schema.json
    """
    if schema:
        click.echo(json.dumps(Export.model_json_schema(), indent=2, ensure_ascii=False))
        return
    with app.database().read() as session:
        data = build_export(session)
    write_output(output, safe_json_dumps(data.model_dump(mode="json")) + "\n", force=force)
