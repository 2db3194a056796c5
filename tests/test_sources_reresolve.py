"""`claims sources resolve`: stored chain links follow the registry as it is now."""

from __future__ import annotations

import re

from sqlalchemy import delete, select

from db.models import Attribution, Claim, Source, SourceAlias, SourceFlag
from tests.conftest import Cli

ARTICLE = (
    "According to the Vexer Daily, the Norland dam will be finished in March 2027.\n\n"
    "Harlan Ostrow, a hydrologist, told reporters that the reservoir was already half full.\n"
)


def _ingest(cli: Cli, tmp_path_name: str, text: str) -> None:
    from pathlib import Path

    path = Path(tmp_path_name)
    path.write_text(text, encoding="utf-8")
    result = cli("ingest", "--quiet", str(path))
    assert result.exit_code == 0, result.output


def _summary(cli: Cli, *args: str) -> dict[str, int]:
    result = cli("sources", "resolve", *args)
    assert result.exit_code == 0, result.output
    numbers = re.search(
        r"(\d+) chain link\(s\) resolved .*; (\d+) changed source, (\d+) new source\(s\); "
        r"(\d+) claim\(s\) recomputed",
        result.output,
    )
    assert numbers is not None, result.output
    links, changed, created, recomputed = map(int, numbers.groups())
    return {"links": links, "changed": changed, "created": created, "recomputed": recomputed}


def _speaker_of(cli: Cli, mention: str) -> tuple[str | None, str | None, bool]:
    with cli.target.database.read() as session:
        link = session.scalars(select(Attribution).where(Attribution.mention == mention)).one()
        claim = session.get_one(Claim, link.claim_id)
        source = session.get(Source, link.source_id) if link.source_id else None
        return (source.name if source else None, link.resolution, claim.propaganda_sourced)


def test_links_follow_a_registry_changed_behind_their_back(cli: Cli, tmp_path: object) -> None:
    _ingest(cli, f"{tmp_path}/dam.txt", ARTICLE)
    created, _, flagged = _speaker_of(cli, "the Vexer Daily")
    assert created is not None and not flagged
    assert _summary(cli)["changed"] == 0  # nothing changed: nothing moves

    # The registry changes without recomputing, as an older version or a hand edit would:
    # the outlet's name and alias move to a propaganda outlet, and the hydrologist's source
    # is renamed and loses its alias, so his mention no longer finds it.
    with cli.target.database.write() as session:
        by_name = {s.name: s for s in session.scalars(select(Source))}
        by_name[created].name = "Vexer Daily (archived)"
        by_name["Harlan Ostrow"].name = "H. Ostrow (retired)"
        session.execute(
            delete(SourceAlias).where(SourceAlias.key.in_(["vexer daily", "harlan ostrow"]))
        )
        outlet = Source(name="Vexer Media", kind="propaganda_outlet", created_by="editor")
        outlet.flags = [SourceFlag(flag="propaganda", rationale="state outlet", set_by="editor")]
        outlet.aliases = [SourceAlias(alias="Vexer Daily", key="vexer daily")]
        session.add(outlet)

    first = _summary(cli)
    assert first == {"links": 2, "changed": 2, "created": 1, "recomputed": 1}
    assert _speaker_of(cli, "the Vexer Daily") == ("Vexer Media", "exact", True)
    assert _speaker_of(cli, "Harlan Ostrow") == ("Harlan Ostrow", "unknown", False)

    again = _summary(cli)
    assert again["changed"] == again["created"] == again["recomputed"] == 0


def test_manual_links_stay_and_a_document_can_be_resolved_alone(cli: Cli, tmp_path: object) -> None:
    _ingest(cli, f"{tmp_path}/dam.txt", ARTICLE)
    _ingest(cli, f"{tmp_path}/other.txt", ARTICLE.replace("Norland", "Southmark"))
    with cli.target.database.write() as session:
        links = session.scalars(
            select(Attribution)
            .where(Attribution.mention == "the Vexer Daily")
            .order_by(Attribution.id)
        ).all()
        assert len(links) == 2
        links[0].resolution = "manual"
        session.get_one(Source, links[0].source_id).name = "Vexer Daily (archived)"
        session.execute(delete(SourceAlias).where(SourceAlias.key == "vexer daily"))
        first_document = session.get_one(Claim, links[0].claim_id).document_id
        second_document = session.get_one(Claim, links[1].claim_id).document_id

    only_first = _summary(cli, "--document", str(first_document))
    assert only_first["changed"] == 0 and only_first["created"] == 0  # its link is manual
    second = _summary(cli, "--document", str(second_document))
    assert second["changed"] >= 1 and second["created"] == 1
    with cli.target.database.read() as session:
        kept, moved = session.scalars(
            select(Attribution)
            .where(Attribution.mention == "the Vexer Daily")
            .order_by(Attribution.id)
        ).all()
        assert kept.resolution == "manual" and moved.resolution != "manual"
        assert kept.source_id != moved.source_id
