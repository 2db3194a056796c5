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
from db.models import AuditEntry, Claim, Document, Relation
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


def match_reports(cli: Cli) -> list[str]:
    with cli.target.database.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "claims.match").order_by(AuditEntry.id)
        )
        return [str(entry.after["credibility"]) for entry in entries]


def test_a_new_documents_claims_are_proposed_once_unless_a_relation_counts(
    cli: Cli, tmp_path: Path
) -> None:
    ingest_articles(cli, tmp_path)
    (tmp_path / "zoo.txt").write_text(
        "Zoo buys tapirs\n\nThe Marlow zoo bought two tapirs from a Dutch breeder for 30,000"
        " euros, keeper Ina Voss said on Friday.\n",
        encoding="utf-8",
    )
    assert cli("ingest", "--outlet", "Delta News", str(tmp_path / "zoo.txt")).exit_code == 0
    with cli.target.database.read() as session:
        counted = [
            {r.claim_id, r.other_claim_id}
            for r in session.scalars(select(Relation).where(Relation.kind != "related"))
        ]
        documents = session.scalars(select(Document).order_by(Document.id)).all()
        claims_of = [{c.id for c in d.claims} for d in documents]
    # proposed as they were written: a document's matching proposes again only the claims
    # (its own or older) at the ends of the counted relations it wrote
    expected = []
    for index, own in enumerate(claims_of):
        later = set().union(*claims_of[index + 1 :])
        written = [ends for ends in counted if ends & own and not ends & later]
        expected.append(f"updated for {len(set().union(*written))} claims")
    assert match_reports(cli) == expected
    assert expected[-1] == "updated for 0 claims" and claims_of[-1]  # the zoo relates to none
    assert stale_proposals(cli) == 0


def test_a_new_version_is_proposed_again_with_the_override_it_carries(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "alpha.txt"
    outlet, text = ARTICLES["alpha.txt"]
    path.write_text(text, encoding="utf-8")
    assert cli("ingest", "--outlet", outlet, str(path)).exit_code == 0
    with cli.target.database.read() as session:
        mayor = session.scalars(select(Claim).where(Claim.text.startswith(MAYOR))).one()
        claim_id, version, flagged = mayor.id, mayor.row_version, bool(mayor.propaganda_sourced)
    service = ReviewService(cli.target.database, "reviewer")
    service.set_propaganda_override(claim_id, version, not flagged, "made-up test reason")
    path.write_text(text + "\nThe repair starts in the spring, the council said.\n")
    assert cli("ingest", "--outlet", outlet, str(path)).exit_code == 0
    with cli.target.database.read() as session:
        newest = session.scalars(
            select(Claim).where(Claim.text.startswith(MAYOR)).order_by(Claim.id.desc())
        ).first()
        assert newest is not None and newest.id != claim_id
        assert newest.propaganda_override is (not flagged)
    assert stale_proposals(cli) == 0
