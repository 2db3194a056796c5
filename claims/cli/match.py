"""`claims match`: link claims across documents (duplicate, corroborates, conflicts, related)."""

from __future__ import annotations

from collections.abc import Iterator

import click
from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.cli.context import AppContext, pass_app
from claims.errors import ClaimsError
from claims.store.matching import MatchReport, match_claims, rebuild
from claims.store.views.relation_list import (
    StoredRelation,
    stored_relation_counts,
    stored_relations,
)
from claims.text.display import one_line, safe_json_dumps
from db.engine import Database
from db.models import Claim, ClaimKey, Document

REASON_WIDTH = 160


@click.command("match")
@click.option(
    "--rebuild",
    "rebuild_all",
    is_flag=True,
    help="Recompute every relation, cluster "
    "and key; relations a reviewer confirmed or rejected are kept.",
)
@click.option("--document", "document_id", type=int, help="Re-match the claims of one document.")
@click.option(
    "--list",
    "list_relations",
    is_flag=True,
    help="Then list the stored relations with their reasons (those of --document's claims,"
    " else all).",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print one JSON object: the run's report (with --list, also `stored_relations`).",
)
@pass_app
def match(
    app: AppContext,
    rebuild_all: bool,
    document_id: int | None,
    list_relations: bool,
    as_json: bool,
) -> None:
    """Match claims against everything stored: new claims by default.

    Finds, without comparing all pairs, the claims that repeat, corroborate or contradict
    each other, says why, marks corroborations independent or not, groups claims into
    stories and updates the proposed credibility. The summary counts what this run did;
    --list then lists what is stored, so it shows relations found by earlier runs and at
    ingest too.

    \b
    Example:
      claims match
      claims match --document 3 --list
      claims match --list --json | jq '.stored_relations[] | select(.kind == "conflicts")'
      claims match --rebuild
    """
    if rebuild_all and document_id is not None:
        raise ClaimsError("--rebuild recomputes everything; it takes no --document")
    actor = app.actor

    def work(session: Session) -> MatchReport:
        if rebuild_all:
            return rebuild(session, actor)
        ids = _claims_to_match(session, document_id)
        claims = list(session.scalars(select(Claim).where(Claim.id.in_(ids)))) if ids else []
        return match_claims(session, claims, actor)

    database = app.database()
    report = database.run_analysis(work)
    if as_json:
        _print_json(report, database, document_id, list_relations)
        return
    with database.read() as session:
        stored = sum(stored_relation_counts(session).values())
    click.echo(_summary(report, stored))
    if list_relations:
        _print_listing(database, document_id)


def _claims_to_match(session: Session, document_id: int | None) -> list[int]:
    if document_id is not None:
        if session.get(Document, document_id) is None:
            raise ClaimsError(f"no document {document_id}")
        query = select(Claim.id).where(Claim.document_id == document_id)
    else:
        keyed = select(ClaimKey.claim_id)
        query = select(Claim.id).where(Claim.id.not_in(keyed))
    return list(session.scalars(query.order_by(Claim.id)))


def _summary(report: MatchReport, stored: int) -> str:
    """What this run did (relations written now), and how many relations are stored."""
    kinds = ", ".join(f"{kind} {count}" for kind, count in report.relations.items()) or "none"
    lines = [
        f"this run matched {report.claims} claims: {report.candidates} candidate pairs,"
        f" {report.scored} scored, {report.seconds:.2f} s",
        f"this run's relations: {kinds} ({stored} stored in all; --list lists them)",
    ]
    if report.kept_reviewed or report.removed:
        lines.append(f"kept as reviewed: {report.kept_reviewed}; removed: {report.removed}")
    lines.append(f"clusters: {report.clusters}; repeated in their own document: {report.repeated}")
    lines += [one_line(item, REASON_WIDTH) for item in report.circular]
    if report.credibility:
        lines.append(f"credibility: {report.credibility}")
    return "\n".join(lines)


def _print_listing(database: Database, document_id: int | None) -> None:
    with database.read() as session:
        counts = stored_relation_counts(session, document_id)
        scope = f" of document {document_id}'s claims" if document_id is not None else ""
        kinds = ", ".join(f"{kind} {count}" for kind, count in counts.items())
        total = sum(counts.values())
        click.echo(f"stored relations{scope}: {total}" + (f" ({kinds})" if kinds else ""))
        for relation in stored_relations(session, document_id):
            click.echo(_relation_line(relation))


def _print_json(
    report: MatchReport, database: Database, document_id: int | None, listing: bool
) -> None:
    """One JSON object, written piece by piece so that a long listing is never held whole."""
    head = safe_json_dumps(report.model_dump(mode="json"))
    if not listing:
        click.echo(head)
        return
    with database.read() as session:
        parts = _json_relations(stored_relations(session, document_id))
        click.echo(head.rstrip()[:-1].rstrip() + ',\n  "stored_relations": [', nl=False)
        for index, part in enumerate(parts):
            click.echo(("," if index else "") + "\n    " + part, nl=False)
        click.echo("\n  ]\n}")


def _json_relations(relations: Iterator[StoredRelation]) -> Iterator[str]:
    for relation in relations:
        yield safe_json_dumps(relation.model_dump(mode="json"), indent=None)


def _relation_line(relation: StoredRelation) -> str:
    """One relation: "#3 conflicts #9 (0.74, proposed, dependent): reasons | dependency"."""
    state = [f"{relation.score:.2f}", relation.status]
    if relation.kind != "related":
        state.append(_INDEPENDENCE.get(relation.independent, "independence unknown"))
    reasons = "; ".join(str(reason) for reason in relation.reasons)
    if relation.dependency:
        reasons += " | " + "; ".join(str(item) for item in relation.dependency)
    head = f"#{relation.claim_id} {relation.kind} #{relation.other_claim_id}"
    return one_line(f"{head} ({', '.join(state)}): {reasons}", REASON_WIDTH * 2)


_INDEPENDENCE: dict[bool | None, str] = {True: "independent", False: "dependent"}
