"""`claims match`: link claims across documents (duplicate, corroborates, conflicts, related)."""

from __future__ import annotations

from collections.abc import Sequence

import click
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from claims.cli.context import AppContext, pass_app
from claims.errors import ClaimsError
from claims.store.matching import MatchReport, match_claims, rebuild
from claims.text.display import one_line, safe_json_dumps
from db.models import Claim, ClaimKey, Document, Relation

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
@click.option("--list", "list_relations", is_flag=True, help="Also print the relations found.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
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
    stories and updates the proposed credibility.

    \b
    Example:
      claims match
      claims match --document 3 --list
      claims match --rebuild
    """
    if rebuild_all and document_id is not None:
        raise ClaimsError("--rebuild recomputes everything; it takes no --document")
    actor = app.actor

    def work(session: Session) -> tuple[MatchReport, list[str]]:
        if rebuild_all:
            report = rebuild(session, actor)
            ids: Sequence[int] = []
        else:
            ids = _claims_to_match(session, document_id)
            report = match_claims(
                session,
                list(session.scalars(select(Claim).where(Claim.id.in_(ids)))) if ids else [],
                actor,
            )
        lines = _relation_lines(session, ids, everything=rebuild_all) if list_relations else []
        return report, lines

    report, lines = app.database().run_analysis(work)
    if as_json:
        click.echo(safe_json_dumps(report.model_dump(mode="json")))
    else:
        click.echo(_summary(report))
    for line in lines:
        click.echo(line)


def _claims_to_match(session: Session, document_id: int | None) -> list[int]:
    if document_id is not None:
        if session.get(Document, document_id) is None:
            raise ClaimsError(f"no document {document_id}")
        query = select(Claim.id).where(Claim.document_id == document_id)
    else:
        keyed = select(ClaimKey.claim_id)
        query = select(Claim.id).where(Claim.id.not_in(keyed))
    return list(session.scalars(query.order_by(Claim.id)))


def _summary(report: MatchReport) -> str:
    kinds = ", ".join(f"{kind} {count}" for kind, count in report.relations.items()) or "none"
    lines = [
        f"matched {report.claims} claims: {report.candidates} candidate pairs,"
        f" {report.scored} scored, {report.seconds:.2f} s",
        f"relations: {kinds}",
    ]
    if report.kept_reviewed or report.removed:
        lines.append(f"kept as reviewed: {report.kept_reviewed}; removed: {report.removed}")
    lines.append(f"clusters: {report.clusters}; repeated in their own document: {report.repeated}")
    lines += [one_line(item, REASON_WIDTH) for item in report.circular]
    lines.append(f"credibility: {report.credibility}")
    return "\n".join(lines)


def _relation_lines(session: Session, ids: Sequence[int], everything: bool) -> list[str]:
    query = select(Relation).order_by(Relation.kind, Relation.score.desc(), Relation.id)
    if not everything:
        query = query.where(or_(Relation.claim_id.in_(ids), Relation.other_claim_id.in_(ids)))
    return [_relation_line(relation) for relation in session.scalars(query)]


def _relation_line(relation: Relation) -> str:
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
