"""Registry services on both backends: resolution, flags, credibility, edits, merges, files."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.sources.mapping import map_baly
from claims.sources.models import FlagEntry, RatingEntry, RegistryFile, SourceEntry
from claims.store.sources import (
    SourceEdit,
    apply_credibility,
    edit_source,
    export_registry,
    import_ratings,
    import_registry,
    merge,
    refresh_claims,
    resolve_attributions,
)
from db.models import Attribution, AuditEntry, Claim, Relation, Source, SourceRating
from tests.conftest import Target
from tests.factories import make_claim, make_document, make_relation

AT = datetime(2026, 1, 2, tzinfo=UTC)

REGISTRY = RegistryFile(
    sources=[
        SourceEntry(
            name="Rybar",
            kind="propaganda_outlet",
            grade="E",
            rationale="sanctioned channel",
            evidence=["https://example.org/rybar"],
            set_by="seed",
            set_at=AT,
            aliases=[{"alias": "Рыбарь", "language": "ru"}],
            flags=[FlagEntry(flag="propaganda", rationale="designated", evidence=["x"])],
        ),
        SourceEntry(name="Mikhail Zvinchuk", kind="person", parent="Rybar", grade="F"),
        SourceEntry(
            name="Independent Daily",
            kind="independent_media",
            grade="B",
            rationale="good record",
            evidence=["e"],
            aliases=["independent-daily.example"],
        ),
        SourceEntry(
            name="Institute for the Study of War",
            kind="think_tank",
            grade="B",
            rationale="open sources",
            evidence=["e"],
            aliases=["ISW"],
            ratings=[RatingEntry(grade="C", edition="Russian", rationale="translated", set_at=AT)],
        ),
        SourceEntry(name="Interfax", kind="news_agency", grade="C", rationale="r", evidence=["e"]),
    ]
)

TEXT = (
    "According to Rybar, the team visited Baghdad on Monday. "
    "According to the Institute for the Study of War, Russia seeks influence in Iraq. "
    "Safaa al-Assam said that troops left the base. "
    "Official sources said the base will close in September."
)


def seeded(session: Session) -> None:
    import_registry(session, "tester", REGISTRY)


def article(session: Session, text: str = TEXT, **fields: object) -> list[Claim]:
    """A document with four claims whose chains are unresolved, as ingestion stores them."""
    document = make_document(session, text, outlet="Independent Daily", **fields)
    sentences = [s.strip() + "." for s in text.split(".") if s.strip()]
    speakers = ["Rybar", "the Institute for the Study of War", "Safaa al-Assam", "Official sources"]
    claims = []
    for sentence, speaker in zip(sentences, speakers, strict=True):
        claims.append(
            make_claim(
                session,
                document,
                sentence,
                chain=[("speaker", speaker, None), ("publisher", "Independent Daily", None)],
            )
        )
    return claims


def ingest_like(session: Session, claims: list[Claim]) -> None:
    resolve_attributions(session, [link for c in claims for link in c.attributions], "tester")
    session.flush()
    apply_credibility(session, claims)
    session.flush()


def source_named(session: Session, name: str) -> Source:
    found = session.scalars(select(Source).where(Source.name == name)).one()
    return found


def test_rybar_relayed_by_an_independent_outlet_is_flagged_with_its_path(target: Target) -> None:
    with target.database.write() as session:
        seeded(session)
        rybar, isw, expert, anonymous = article(session)
        ingest_like(session, [rybar, isw, expert, anonymous])
        assert rybar.propaganda_sourced
        (step,) = rybar.propaganda_path
        assert (step["name"], step["role"], step["via"], step["flag"]) == (
            "Rybar",
            "speaker",
            "direct",
            "propaganda",
        )
        assert "Rybar" in step["text"]
        assert not isw.propaganda_sourced and isw.propaganda_path == []
        assert rybar.credibility_proposed == 5 and isw.credibility_proposed == 2
        assert any("propaganda" in reason for reason in rybar.credibility_reasons)


def test_every_speaker_is_resolved_or_queued(target: Target) -> None:
    with target.database.write() as session:
        seeded(session)
        claims = article(session)
        ingest_like(session, claims)
        links = [link for claim in claims for link in claim.attributions]
        assert all(link.source_id is not None for link in links)
        methods = {link.mention: link.resolution for link in links}
        assert methods["Rybar"] == "exact"
        assert methods["Independent Daily"] == "exact"
        assert methods["Official sources"] == "anonymous"
        expert = source_named(session, "Safaa al-Assam")
        assert (expert.kind, expert.reliability, expert.needs_review) == ("unknown", "F", True)


def test_a_new_source_is_reused_for_the_same_mention_in_another_document(
    target: Target,
) -> None:
    with target.database.write() as session:
        seeded(session)
        ingest_like(session, article(session))
    with target.database.write() as session:
        other = TEXT.replace("Monday", "Tuesday")
        ingest_like(session, article(session, other, origin="test/second.txt"))
        count = session.scalar(
            select(func.count()).select_from(Source).where(Source.name.like("Safaa%"))
        )
        anonymous = session.scalar(
            select(func.count()).select_from(Source).where(Source.kind == "anonymous")
        )
        assert (count, anonymous) == (1, 1)


def test_ingesting_without_a_registry_queues_every_named_speaker(target: Target) -> None:
    with target.database.write() as session:
        claims = article(session)
        ingest_like(session, claims)
        queued = session.scalars(select(Source.name).where(Source.needs_review.is_(True))).all()
        assert set(queued) == {
            "Rybar",
            "Institute for the Study of War",
            "Safaa al-Assam",
            "Independent Daily",
        }
        assert all(c.credibility_proposed == 6 for c in claims)


def test_a_manual_link_survives_resolution(target: Target) -> None:
    with target.database.write() as session:
        seeded(session)
        claims = article(session)
        interfax = source_named(session, "Interfax")
        link = claims[2].attributions[0]
        link.source_id, link.resolution = interfax.id, "manual"
        ingest_like(session, claims)
        assert (link.source_id, link.resolution) == (interfax.id, "manual")


def test_a_reviewer_override_and_credibility_survive_refresh(target: Target) -> None:
    with target.database.write() as session:
        seeded(session)
        rybar, isw, _, _ = article(session)
        ingest_like(session, [rybar, isw])
        rybar.propaganda_override, rybar.propaganda_override_reason = False, "self-report, checked"
        isw.propaganda_override, isw.propaganda_override_reason = True, "ISW relays a milblogger"
        isw.credibility = 1
        session.flush()
        assert refresh_claims(session) >= 1
        assert (rybar.propaganda_sourced, rybar.propaganda_override) == (True, False)
        assert rybar.propaganda_override_reason == "self-report, checked"
        assert (isw.propaganda_sourced, isw.propaganda_override) == (False, True)
        assert isw.credibility == 1 and isw.credibility_proposed == 4
        assert refresh_claims(session) == 0


def test_corroborations_from_the_relations_table_move_the_proposal(target: Target) -> None:
    with target.database.write() as session:
        seeded(session)
        claims = article(session)
        ingest_like(session, claims)
        isw, expert = claims[1], claims[2]
        make_relation(session, isw, expert, "corroborates", independent=True)
        refresh_claims(session, [isw.id])
        assert isw.credibility_proposed == 1
        assert any("independent" in reason for reason in isw.credibility_reasons)
        apply_credibility(session, [isw], {isw.id: (0, 0, 2)})
        assert isw.credibility_proposed == 4


def test_flagging_a_source_recomputes_the_claims_citing_it(target: Target) -> None:
    with target.database.write() as session:
        seeded(session)
        claims = article(session)
        ingest_like(session, claims)
        daily = source_named(session, "Independent Daily")
        outcome = edit_source(
            session,
            "editor",
            daily.id,
            SourceEdit(add_flags=["propaganda"], why="turned out to be a front", evidence=["u"]),
        )
        assert outcome.refreshed == len(claims)
        assert all(claim.propaganda_sourced for claim in claims)
        flag = next(f for f in daily.flags if f.flag == "propaganda")
        assert (flag.rationale, flag.set_by) == ("turned out to be a front", "editor")
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "source.edit")).one()
        assert entry.before is not None and entry.after is not None
        assert entry.before["flags"] == [] and entry.after["flags"] == ["propaganda"]


def test_grades_keep_their_history_editions_and_disputes(target: Target) -> None:
    with target.database.write() as session:
        seeded(session)
        isw = source_named(session, "Institute for the Study of War")
        edit_source(session, "ed", isw.id, SourceEdit(grade="A", why="years of accuracy"))
        edit_source(session, "ed2", isw.id, SourceEdit(grade="C", why="bias", disputed=True))
        session.flush()
        grades = session.execute(
            select(
                SourceRating.grade, SourceRating.edition, SourceRating.disputed, SourceRating.set_by
            )
            .where(SourceRating.source_id == isw.id)
            .order_by(SourceRating.id)
        ).all()
        assert [tuple(g) for g in grades] == [
            ("B", None, False, "tester"),
            ("C", "Russian", False, None),
            ("A", None, False, "ed"),
            ("C", None, True, "ed2"),
        ]
        assert isw.reliability == "A"


def test_merge_moves_links_and_keeps_history(target: Target) -> None:
    with target.database.write() as session:
        seeded(session)
        claims = article(session)
        ingest_like(session, claims)
        expert = source_named(session, "Safaa al-Assam")
        expert_id = expert.id
        rybar = source_named(session, "Rybar")
        outcome = merge(session, "editor", expert_id, rybar.id)
        assert outcome.refreshed >= 1
        session.expire_all()
        assert session.get(Source, expert_id) is None
        moved = session.scalars(
            select(Attribution).where(Attribution.mention == "Safaa al-Assam")
        ).one()
        assert moved.source_id == rybar.id
        assert session.get(Claim, claims[2].id).propaganda_sourced  # type: ignore[union-attr]
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "source.merge")).one()
        assert entry.before is not None and entry.before["source"]["name"] == "Safaa al-Assam"
        ratings = session.scalar(
            select(func.count()).select_from(SourceRating).where(SourceRating.source_id == rybar.id)
        )
        assert ratings == 2  # Rybar's own grade and the merged source's F


def test_importing_the_same_registry_twice_changes_nothing(target: Target) -> None:
    with target.database.write() as session:
        first = import_registry(session, "tester", REGISTRY)
        second = import_registry(session, "tester", REGISTRY)
        assert len(first.created) == len(REGISTRY.sources) and not second.changed
        assert second.unchanged == len(REGISTRY.sources)
        rybar = source_named(session, "Rybar")
        assert (rybar.reliability_set_by, rybar.reliability_set_at) == ("seed", AT)


def test_export_then_import_gives_the_same_registry(target: Target) -> None:
    with target.database.write() as session:
        import_registry(session, "tester", REGISTRY)
        first = export_registry(session)
    rybar = next(entry for entry in first.sources if entry.name == "Rybar")
    assert [a.alias for a in rybar.aliases] == ["Рыбарь"]
    assert rybar.flags[0].rationale == "designated"
    isw = next(entry for entry in first.sources if entry.name.startswith("Institute"))
    assert [(r.grade.value, r.edition) for r in isw.ratings] == [("C", "Russian")]
    with target.database.write() as session:
        for source in session.scalars(select(Source)).all():
            session.delete(source)
    with target.database.write() as session:
        import_registry(session, "someone else", first)
        assert export_registry(session) == first


BALY = (
    "source_url\tsource_url_normalized\tref\tfact\tbias\n"
    "https://independent-daily.example/\tindependent-daily.example\thttps://mbfc.example/d/\tmixed\t"
    "center\n"
    "https://fresh.example/\tfresh.example\thttps://mbfc.example/f/\thigh\tleft\n"
)


def test_an_outside_list_keeps_a_person_s_grade_and_is_idempotent(target: Target) -> None:
    mapped = map_baly(BALY)
    with target.database.write() as session:
        seeded(session)
        report = import_ratings(session, "tester", mapped)
        assert (report.matched, report.created, report.kept_grade, report.graded) == (1, 1, 1, 1)
        daily = source_named(session, "Independent Daily")
        assert daily.reliability == "B"
        disputed = session.scalars(
            select(SourceRating).where(
                SourceRating.source_id == daily.id, SourceRating.set_by == "import:baly"
            )
        ).one()
        assert (disputed.grade, disputed.disputed) == ("C", True)
        fresh = source_named(session, "fresh.example")
        assert (fresh.reliability, fresh.reliability_set_by) == ("B", "import:baly")
        before = session.scalar(select(func.count()).select_from(SourceRating))
        again = import_ratings(session, "tester", mapped)
        after = session.scalar(select(func.count()).select_from(SourceRating))
        assert (again.created, again.graded, before) == (0, 0, after)


def test_relations_rejected_by_a_reviewer_do_not_count(target: Target) -> None:
    with target.database.write() as session:
        seeded(session)
        claims = article(session)
        ingest_like(session, claims)
        relation = make_relation(
            session, claims[1], claims[2], "corroborates", independent=True, status="rejected"
        )
        assert isinstance(relation, Relation)
        refresh_claims(session, [claims[1].id])
        assert claims[1].credibility_proposed == 2
