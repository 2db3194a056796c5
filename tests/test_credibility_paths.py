"""One credibility computation: every path that proposes credibility agrees with every other.

Ingest, `claims match` (one document again, or everything), registry edits, relation reviews
and their undo each leave the stored proposals exactly as `refresh_claims` over the whole
store computes them, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from claims.store.credibility import corroboration_counts, refresh_claims
from claims.store.review import ReviewService
from db.models import Claim, Document, Relation
from tests.conftest import Cli

ARTICLES = {
    "alpha.txt": (
        "Alpha Herald",
        "Riverton council approves bridge money\n\n"
        "The Riverton council approved 40 million dollars for the repair of the Route 9 bridge"
        " over the Kell river, mayor Alma Ortiz said on Monday.\n",
    ),
    "beta.txt": (
        "Beta Times",
        "Bridge repairs funded\n\n"
        "Councillor Omar Haddad said the Riverton council approved 40 million dollars to repair"
        " the Route 9 bridge over the Kell river.\n\n"
        "The 40 million dollars approved by the Riverton council will pay for the repair of the"
        " Route 9 bridge over the Kell river, engineer Lena Brandt said.\n",
    ),
    "gamma.txt": (
        "Gamma Post",
        "Council backs bridge repair\n\n"
        "Councillor Omar Haddad told reporters that 40 million dollars for the Route 9 bridge"
        " repair over the Kell river were approved by the Riverton council.\n",
    ),
}
MAYOR = "The Riverton council approved 40 million dollars for the repair"


def ingest_articles(cli: Cli, folder: Path) -> None:
    for name, (outlet, text) in ARTICLES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        result = cli("ingest", "--outlet", outlet, str(path))
        assert result.exit_code == 0, result.output


def stale_proposals(cli: Cli) -> int:
    """How many stored proposals differ from a recomputation over the whole store."""
    with cli.target.database.write() as session:
        return refresh_claims(session)


def mayor_counts(cli: Cli) -> tuple[int, int, int]:
    with cli.target.database.read() as session:
        claim_id = session.scalar(select(Claim.id).where(Claim.text.startswith(MAYOR)))
        assert claim_id is not None
        return corroboration_counts(session, [claim_id])[claim_id]


def test_every_path_proposes_what_a_full_recomputation_proposes(cli: Cli, tmp_path: Path) -> None:
    ingest_articles(cli, tmp_path)
    # Four independent corroborators in two documents, tied by one speaker: one origin.
    assert mayor_counts(cli) == (1, 1, 0)
    assert stale_proposals(cli) == 0

    with cli.target.database.read() as session:
        beta = session.scalar(select(Document.id).where(Document.outlet == "Beta Times"))
    assert cli("match", "--document", str(beta)).exit_code == 0
    assert stale_proposals(cli) == 0
    assert cli("match", "--rebuild").exit_code == 0
    assert stale_proposals(cli) == 0

    with cli.target.database.read() as session:  # a rebuild writes new relation rows
        [tie] = [
            relation
            for relation in session.scalars(select(Relation))
            if any("same origin: Councillor Omar Haddad" in str(d) for d in relation.dependency)
        ]
        tie_id, tie_version = tie.id, tie.row_version

    service = ReviewService(cli.target.database, "reviewer")
    service.review_relation(tie_id, tie_version, "reject")
    # The councillor is one origin with or without the link between his two claims: the
    # mayor's claim, linked to neither end of the rejected relation, still counts him once.
    assert mayor_counts(cli) == (1, 1, 0)
    assert stale_proposals(cli) == 0
    service.undo()
    assert mayor_counts(cli) == (1, 1, 0)
    assert stale_proposals(cli) == 0

    edited = cli("sources", "edit", "Gamma Post", "--grade", "b", "--why", "made-up test")
    assert edited.exit_code == 0, edited.output
    assert stale_proposals(cli) == 0
