"""`claims list`: claims with their attribution chains."""

from __future__ import annotations

import click

from claims.cli.context import AppContext, pass_app
from claims.store.documents import claims_of
from claims.store.rows import export_claim
from claims.text.display import one_line, safe_json_dumps
from db.models import Attribution, Claim

TEXT_WIDTH = 100


@click.command("list")
@click.option("--document", "document_id", type=int, help="Only the claims of this document.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per claim.")
@click.option("--propaganda-only", is_flag=True, help="Only propaganda-sourced claims.")
@pass_app
def list_claims(
    app: AppContext, /, document_id: int | None, as_json: bool, propaganda_only: bool
) -> None:
    """List claims with who asserts them, through whom, published by whom.

    \b
    Example:
      claims list --document 5
      claims list --json | jq 'select(.propaganda_sourced)'
    """
    with app.database().read() as session:
        claims = [
            c
            for c in claims_of(session, document_id)
            if c.propaganda_sourced or not propaganda_only
        ]
        if as_json:
            for claim in claims:
                click.echo(
                    safe_json_dumps(export_claim(claim).model_dump(mode="json"), indent=None)
                )
            return
        if not claims:
            click.echo("no claims", err=True)
            return
        for claim in claims:
            click.echo(_describe(claim))


def _describe(claim: Claim) -> str:
    flag = "  PROPAGANDA-SOURCED" if claim.propaganda_sourced else ""
    head = (
        f"#{claim.id} doc {claim.document_id} [{claim.kind}] "
        f"check-worthiness {claim.checkworthiness:.2f}{flag}"
    )
    chain = " -> ".join(_link(link) for link in claim.attributions) or "(no attribution)"
    return f"{head}\n  {one_line(claim.text, TEXT_WIDTH)}\n  {chain}\n"


def _link(link: Attribution) -> str:
    name = one_line(link.mention, 50)
    if link.source is not None:
        grade = link.source.reliability
        name = f"{name} [{grade}]"
    cue = f' "{one_line(link.cue, 30)}"' if link.cue else ""
    inherited = " (inherited)" if link.inherited else ""
    return f"{link.role}: {name}{cue}{inherited}"
