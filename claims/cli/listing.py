"""`claims list`: claims with their attribution chains, filtered like the workbench's list.

The options map onto the workbench's claim filter (`ClaimFilter`), so a new filter there is
one more option here; values reach SQL only as parameters (the text through the search index).
"""

from __future__ import annotations

import click

from claims.cli.context import AppContext, pass_app
from claims.errors import ClaimsError
from claims.review_scale import VERDICTS
from claims.store.rows import export_claim
from claims.store.rows.origins import origin_of
from claims.store.views import ClaimFilter
from claims.store.views.claim_list import MAX_FILTER_CHARS
from claims.store.views.claim_stream import listed_claims
from claims.text.display import one_line, safe_json_dumps
from claims.text.normalize import fold
from db.models import Attribution, Claim

TEXT_WIDTH = 100
VERDICT_CHOICES = [v.name for v in VERDICTS] + ["none", "any"]


@click.command("list")
@click.option(
    "--text",
    "words",
    metavar="WORDS",
    help="Only claims whose text holds these words, in this order (case, accents and spacing"
    " as the workbench filter folds them; quotes and operators are plain characters).",
)
@click.option("--document", "document_id", type=int, help="Only the claims of this document.")
@click.option(
    "--source",
    help="Only claims with this source in their chain: a registry id, or part of a name, alias"
    " or mention.",
)
@click.option(
    "--flag",
    type=click.Choice(["propaganda", "none"]),
    help="Only propaganda-sourced claims, or only the others (a reviewer's override counts).",
)
@click.option(
    "--verdict",
    type=click.Choice(VERDICT_CHOICES),
    help="Only claims with this verdict; none: not reviewed yet; any: reviewed.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per claim.")
@click.option("--propaganda-only", is_flag=True, help="Only propaganda-sourced claims.")
@pass_app
def list_claims(
    app: AppContext,
    /,
    words: str | None,
    document_id: int | None,
    source: str | None,
    flag: str | None,
    verdict: str | None,
    as_json: bool,
    propaganda_only: bool,
) -> None:
    """List claims with who asserts them, through whom, published by whom.

    Filters combine: a claim must pass all of them. They are the workbench's filter terms
    (words, doc:, source:, flag:, verdict:), see docs/review.md.

    \b
    Example:
      claims list --text "oil pipeline" --verdict none
      claims list --document 5
      claims list --source RIA --verdict none
      claims list --flag propaganda --json | jq .id
    """
    if propaganda_only and flag == "none":
        raise ClaimsError("--propaganda-only and --flag none contradict each other")
    claim_filter = ClaimFilter(
        text=fold(words.replace("\x00", "")[:MAX_FILTER_CHARS]) if words else "",
        document=document_id,
        source=source.strip() if source and source.strip() else None,
        flag="propaganda" if propaganda_only else flag,
        verdict=verdict,
    )
    shown = 0
    with app.database().read() as session:
        for claim in listed_claims(session, claim_filter):
            shown += 1
            if as_json:
                payload = export_claim(claim).model_dump(mode="json")
                click.echo(safe_json_dumps(payload, indent=None))
            else:
                click.echo(_describe(claim))
    if not shown:
        click.echo("no claims", err=True)


def _describe(claim: Claim) -> str:
    flag = "  PROPAGANDA-SOURCED" if claim.propaganda_sourced else ""
    head = (
        f"#{claim.id} doc {claim.document_id} [{claim.kind}] "
        f"check-worthiness {claim.checkworthiness:.2f}{flag}"
    )
    chain = " -> ".join(_link(link) for link in claim.attributions) or "(no attribution)"
    origin = origin_of(claim)
    traced = f"origin: {one_line(origin.name, 60)}" if origin else "origin: unknown"
    return f"{head}\n  {one_line(claim.text, TEXT_WIDTH)}\n  {chain}\n  {traced}\n"


def _link(link: Attribution) -> str:
    name = one_line(link.mention, 50)
    if link.source is not None:
        grade = link.source.reliability
        name = f"{name} [{grade}]"
    cue = f' "{one_line(link.cue, 30)}"' if link.cue else ""
    inherited = " (inherited)" if link.inherited else ""
    return f"{link.role}: {name}{cue}{inherited}"
