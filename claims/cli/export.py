"""`claims export`: the database, or a selection of it, as JSON, a report or a standard format."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from claims.cli.context import AppContext, pass_app
from claims.cli.output import write_output
from claims.errors import ClaimsError
from claims.reports.files import safe_export_path, write_new_file
from claims.reports.formats import FORMATS, export_warnings, render
from claims.reports.schema import Export, ExportSelection
from claims.reports.subset import per_claim, per_document
from claims.store.exports import read_export
from claims.text.display import display_safe, one_line

SPLITS = ("document", "claim")


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="json",
    show_default=True,
    help="json (lossless), md, html, csv, claimreview (JSON-LD), prov (PROV-JSON), provn.",
)
@click.option("--claim", "claim_ids", type=int, multiple=True, help="Only this claim (repeat).")
@click.option(
    "--document", "document_ids", type=int, multiple=True, help="Only claims in this document."
)
@click.option(
    "--source", "source_names", multiple=True, help="Only claims this source (name or alias) is in."
)
@click.option("--reviewed-only", is_flag=True, help="Only claims with a verdict.")
@click.option("--propaganda-only", is_flag=True, help="Only propaganda-sourced claims.")
@click.option("--with-raw", is_flag=True, help="JSON: include each document's raw bytes (base64).")
@click.option(
    "-o", "--output", default="-", show_default=True, help="File to write, or - for stdout."
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one file per document (or per claim with --split claim) into this folder.",
)
@click.option(
    "--split",
    type=click.Choice(SPLITS),
    default="document",
    show_default=True,
    help="With --output-dir: one file per document or per claim.",
)
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@click.option("--schema", is_flag=True, help="Print the JSON Schema of the export and exit.")
@pass_app
def export(
    app: AppContext,
    fmt: str,
    claim_ids: tuple[int, ...],
    document_ids: tuple[int, ...],
    source_names: tuple[str, ...],
    reviewed_only: bool,
    propaganda_only: bool,
    with_raw: bool,
    output: str,
    output_dir: Path | None,
    split: str,
    force: bool,
    schema: bool,
) -> None:
    """Export claims with their provenance: as data, as a report, or in a standard format.

    Filters combine (a claim must pass all of them; repeated options widen one filter). A
    filtered export also holds the claims related to the chosen ones, so that corroborations
    and conflicts can be shown. See docs/reports.md.

    \b
    Example:
      claims export --format json -o backup.json --with-raw
      claims export --format html --reviewed-only -o report.html
      claims export --format csv --source "RIA Novosti" -o ria.csv
      claims export --format claimreview --claim 12 --claim 14
      claims export --format md --output-dir reports/ --split document
    """
    if schema:
        click.echo(json.dumps(Export.model_json_schema(), indent=2, ensure_ascii=False))
        return
    if with_raw and fmt != "json":
        raise ClaimsError("--with-raw only applies to --format json")
    selection = ExportSelection(
        claim_ids=sorted(set(claim_ids)),
        document_ids=sorted(set(document_ids)),
        source_names=list(dict.fromkeys(source_names)),
        reviewed_only=reviewed_only,
        propaganda_only=propaganda_only,
    )
    data = read_export(app.database(), selection, with_raw=with_raw)
    if output_dir is None:
        write_output(output, _for_terminal(render(data, fmt), output), force=force)
    elif output != "-":
        raise ClaimsError("give either -o/--output or --output-dir, not both")
    else:
        written = write_split(data, fmt, output_dir, split, force=force)
        click.echo(f"wrote {written} file(s) to {output_dir}", err=True)
    _warn(export_warnings(data, fmt))


def _warn(warnings: list[str]) -> None:
    """Each warning on stderr, then the count in the summary line."""
    for warning in warnings:
        click.echo(f"warning: {one_line(warning)}", err=True)
    if warnings:
        click.echo(
            f"{len(warnings)} warning(s): the output is complete but not all of it can"
            " be used as is (see above)",
            err=True,
        )


def _for_terminal(data: bytes, output: str) -> bytes:
    """On a terminal, control and bidi characters are shown, not obeyed; files stay exact."""
    if output == "-" and sys.stdout.isatty():
        return display_safe(data.decode("utf-8")).encode("utf-8")
    return data


def write_split(data: Export, fmt: str, folder: Path, split: str, *, force: bool) -> int:
    """One file per document or claim in `folder`; returns how many were written."""
    if not folder.is_dir():
        raise ClaimsError(f"{folder}: not a folder (create it first)")
    parts = per_document(data) if split == "document" else per_claim(data)
    created: list[Path] = []
    count = 0
    for record_id, title, part in parts:
        path = safe_export_path(folder, split, record_id, title, FORMATS[fmt].suffix)
        existed = path.exists()
        try:
            write_new_file(path, render(part, fmt), force=force)
        except ClaimsError:
            for done in created:  # all or nothing: no partial set of files is left behind
                done.unlink(missing_ok=True)
            raise
        if not existed:
            created.append(path)
        count += 1
    return count
