"""`claims documents` and `claims show`: what is stored (one claim: `claims/cli/claim_card.py`)."""

from __future__ import annotations

import click

from claims.cli.claim_card import show_claim
from claims.cli.context import AppContext, pass_app
from claims.errors import ClaimsError
from claims.store.documents import get_document, list_documents
from claims.store.rows import export_document
from claims.text.display import display_safe, one_line, safe_json_dumps, tail

TITLE_WIDTH = 60


@click.command()
@click.option("--all-versions", is_flag=True, help="Also list versions that were replaced.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
@pass_app
def documents(app: AppContext, all_versions: bool, as_json: bool) -> None:
    """List stored documents: id, version, date, outlet and title.

    \b
    Example:
      claims documents
      claims documents --json | jq .title
    """
    with app.database().read() as session:
        rows = list_documents(session, all_versions=all_versions)
        if as_json:
            for document in rows:
                summary = export_document(document).model_dump(mode="json", exclude={"text"})
                click.echo(safe_json_dumps(summary, indent=None))
            return
        if not rows:
            click.echo("no documents yet: add some with `claims ingest PATH`", err=True)
            return
        click.echo(f"{'id':>5}  {'ver':>3}  {'published':<10}  {'outlet':<20}  title")
        for d in rows:
            title = one_line(d.title, TITLE_WIDTH) if d.title else tail(d.origin, TITLE_WIDTH)
            outlet = one_line(d.outlet or "?", 20)
            published = (d.published or "?")[:10]
            click.echo(f"{d.id:>5}  {d.version_no:>3}  {published:<10}  {outlet:<20}  {title}")


@click.command()
@click.argument("document_id", type=int, required=False)
@click.option(
    "--claim",
    "claim_id",
    type=int,
    help="Show this claim instead: its chain, flags, relations with reasons, verdict, history.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the document (or claim) as JSON.")
@pass_app
def show(app: AppContext, document_id: int | None, claim_id: int | None, as_json: bool) -> None:
    """Show one document: its metadata (with where each value came from) and its text; or,
    with --claim, one claim with everything known about it.

    \b
    Example:
      claims show 3
      claims show 3 --json
      claims show --claim 12
    """
    if (document_id is None) == (claim_id is None):
        raise ClaimsError("give a document id, or --claim ID for one claim (not both)")
    if document_id is None:
        assert claim_id is not None
        show_claim(app.database(), claim_id, as_json=as_json)
        return
    with app.database().read() as session:
        exported = export_document(get_document(session, document_id))
    if as_json:
        click.echo(safe_json_dumps(exported.model_dump(mode="json")))
        return
    provenance = exported.metadata_provenance
    fields = (
        "title",
        "outlet",
        "author",
        "published",
        "url",
        "language",
        "original_publisher",
        "machine_translation",
    )
    click.echo(
        f"document {exported.id} (version {exported.version}) from {one_line(exported.origin)}"
    )
    for name in fields:
        value = getattr(exported, name)
        if value:
            click.echo(f"  {name}: {one_line(value)}  [{provenance.get(name, '?')}]")
    click.echo(f"  sha256: {exported.sha256}")
    if exported.flags:
        click.echo(f"  flags: {', '.join(exported.flags)}")
    for note in exported.notes:
        click.echo(f"  note: {one_line(note)}")
    click.echo(f"  debris: {len(exported.debris)} span(s)")
    click.echo("")
    click.echo(display_safe(exported.text))
