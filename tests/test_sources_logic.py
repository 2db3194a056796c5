"""The registry's pure logic: propaganda path, credibility, registry files, outside lists."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from claims.sources.credibility import Corroboration, GradedLink, propose
from claims.sources.mapping import map_baly, map_gmf
from claims.sources.models import (
    AliasEntry,
    FlagEntry,
    Grade,
    KnownSource,
    RatingEntry,
    RegistryFile,
    SourceEntry,
    parse_kind,
)
from claims.sources.normalize import core_key, domain_of, mixed_script_words, visual_skeleton
from claims.sources.propaganda import ChainStep, propaganda_path
from claims.sources.registry_files import (
    RegistryFileError,
    parse_registry,
    render_registry,
)

ROOT = Path(__file__).parent.parent

SOURCES = {
    1: KnownSource(id=1, name="Rybar", kind="propaganda_outlet", flags=frozenset({"propaganda"})),
    2: KnownSource(id=2, name="Independent Daily", kind="independent_media", grade="B"),
    3: KnownSource(id=3, name="Mikhail Zvinchuk", kind="person", parent_id=1, grade="E"),
    4: KnownSource(id=4, name="State Holding", kind="company", flags=frozenset({"propaganda"})),
    5: KnownSource(id=5, name="Holding Paper", kind="state_media", parent_id=4),
    6: KnownSource(id=6, name="ISW", kind="think_tank", grade="B"),
    7: KnownSource(id=7, name="Loop A", parent_id=8),
    8: KnownSource(id=8, name="Loop B", parent_id=7),
}


def chain(*links: tuple[str, str, int | None]) -> list[ChainStep]:
    return [
        ChainStep(position=i, role=role, mention=mention, source_id=source_id)
        for i, (role, mention, source_id) in enumerate(links)
    ]


# --- propaganda path --------------------------------------------------------------------


def test_a_claim_relayed_from_rybar_by_an_independent_outlet_is_flagged() -> None:
    path = propaganda_path(
        chain(("speaker", "Rybar", 1), ("publisher", "Independent Daily", 2)), SOURCES
    )
    assert [(step.name, step.role, step.via) for step in path] == [("Rybar", "speaker", "direct")]
    assert "Rybar" in path[0].text and "propaganda" in path[0].text


def test_an_intermediary_carries_the_flag_too() -> None:
    path = propaganda_path(
        chain(
            ("speaker", "a resident", None),
            ("intermediary", "Rybar", 1),
            ("publisher", "Independent Daily", 2),
        ),
        SOURCES,
    )
    assert [(step.role, step.position) for step in path] == [("intermediary", 1)]


def test_a_person_is_flagged_through_the_outlet_he_speaks_for() -> None:
    (step,) = propaganda_path(chain(("speaker", "Zvinchuk", 3)), SOURCES)
    assert (step.source_id, step.via, step.through) == (1, "affiliation", "Mikhail Zvinchuk")
    assert "speaks for Rybar" in step.text


def test_an_outlet_is_flagged_through_its_owner() -> None:
    (step,) = propaganda_path(chain(("publisher", "Holding Paper", 5)), SOURCES)
    assert (step.name, step.via) == ("State Holding", "parent")


def test_independent_sources_and_parent_loops_give_no_path() -> None:
    assert propaganda_path(chain(("speaker", "ISW", 6), ("publisher", "x", 2)), SOURCES) == []
    assert propaganda_path(chain(("speaker", "loop", 7)), SOURCES) == []


# --- credibility ------------------------------------------------------------------------


def link(grade: str, role: str = "speaker", **fields: object) -> GradedLink:
    return GradedLink(role=role, name=f"source {grade}", grade=Grade(grade), **fields)


def test_a_single_reliable_source_is_probably_true_not_confirmed() -> None:
    proposal = propose([link("B")])
    assert proposal.value == 2
    assert any("grade B" in reason for reason in proposal.reasons)


def test_the_weakest_link_of_the_chain_decides() -> None:
    proposal = propose([link("E"), link("B", role="publisher")])
    assert proposal.value == 5
    assert "speaker source E" in proposal.reasons[0]


def test_an_anonymous_speaker_caps_a_good_publisher_at_possibly_true() -> None:
    proposal = propose([link("F", anonymous=True), link("A", role="publisher")])
    assert proposal.value == 3
    assert any("anonymous" in reason for reason in proposal.reasons)


def test_nothing_judgeable_is_six() -> None:
    assert propose([link("F")]).value == 6
    assert propose([]).value == 6


def test_propaganda_holds_a_claim_at_doubtful() -> None:
    proposal = propose([link("B")], propaganda=True)
    assert proposal.value == 4
    assert any("propaganda" in reason for reason in proposal.reasons)


def test_distancing_cue_makes_it_one_worse() -> None:
    assert propose([link("C", stance="distancing")]).value == 4


def test_independent_corroboration_confirms_and_dependent_does_not() -> None:
    assert propose([link("C")], corroboration=Corroboration(independent=1)).value == 1
    dependent = propose([link("C")], corroboration=Corroboration(dependent=3))
    assert dependent.value == 3
    assert any("same origin" in reason for reason in dependent.reasons)


def test_conflicts_make_a_claim_doubtful_or_contested() -> None:
    assert propose([link("B")], corroboration=Corroboration(conflicts=1)).value == 4
    assert propose([link("B")], corroboration=Corroboration(independent=1, conflicts=1)).value == 3
    weak = propose([link("E")], corroboration=Corroboration(independent=2))
    assert weak.value == 3


def test_opinions_cannot_be_judged() -> None:
    assert propose([link("A")], kind="opinion").value == 6


def test_an_inherited_grade_is_explained() -> None:
    proposal = propose([link("C", inherited_from="Office of the PM")])
    assert any("Office of the PM" in reason for reason in proposal.reasons)


# --- registry files ---------------------------------------------------------------------


def sample_registry() -> RegistryFile:
    at = datetime(2026, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)
    return RegistryFile(
        sources=[
            SourceEntry(
                name="Rybar",
                kind="propaganda outlet",
                country="Russia",
                grade="E",
                rationale='Sanctioned; "quotes", commas, and | pipes in prose are fine',
                evidence=["https://example.org/a", '=HYPERLINK("x")'],
                set_by="editor",
                set_at=at,
                aliases=[AliasEntry(alias="Рыбарь", language="ru"), AliasEntry(alias="t.me/rybar")],
                flags=[FlagEntry(flag="propaganda", rationale="why", evidence=["e"], set_at=at)],
                ratings=[RatingEntry(grade="D", edition="English", disputed=True, set_at=at)],
            ),
            SourceEntry(name="Mikhail Zvinchuk", kind="person", parent="Rybar"),
            SourceEntry(name="-minus first", needs_review=True, rationale="@SUM(A1:A9)"),
        ]
    )


@pytest.mark.parametrize("file_format", ["toml", "csv"])
def test_registry_files_round_trip(file_format: str) -> None:
    registry = sample_registry()
    text = render_registry(registry, file_format)
    assert parse_registry(text, file_format) == registry
    assert render_registry(parse_registry(text, file_format), file_format) == text


def test_csv_cells_that_look_like_formulas_are_defanged() -> None:
    text = render_registry(sample_registry(), "csv")
    assert '"\'@SUM(A1:A9)"' in text and '"\'-minus first"' in text


def test_a_bad_registry_file_names_what_is_wrong() -> None:
    with pytest.raises(RegistryFileError, match="grade"):
        parse_registry(
            'format = "claims-sources/1"\n[[sources]]\nname = "X"\ngrade = "Z"\n', "toml"
        )
    with pytest.raises(RegistryFileError, match="listed twice"):
        parse_registry("name\nA\na\n", "csv")
    with pytest.raises(RegistryFileError, match="not valid TOML"):
        parse_registry("[[sources]\n", "toml")


def test_kinds_accept_labels_and_reject_nonsense() -> None:
    assert parse_kind("State-affiliated media").value == "state_media"
    assert parse_kind("blog").value == "self_published"
    with pytest.raises(ValueError, match="unknown source kind"):
        parse_kind("oracle")


def test_the_seed_registry_is_valid_and_covers_the_articles() -> None:
    text = (ROOT / "seeds" / "sources.toml").read_text(encoding="utf-8")
    registry = parse_registry(text, "toml", origin="seeds/sources.toml")
    names = {entry.name for entry in registry.sources}
    wanted = {
        "Institute for the Study of War",
        "Izvestia",
        "Rybar",
        "US State Department",
        "Interfax",
        "Al-Monitor",
        "Russian International Affairs Council",
        "Shafaq News",
        "Al Iraqiya",
        "Russian Ministry of Foreign Affairs",
        "Medium",
    }
    assert wanted <= names
    for entry in registry.sources:
        assert entry.rationale, f"{entry.name} has no rationale"
        assert entry.evidence, f"{entry.name} has no evidence"
        for flag in entry.flags:
            assert flag.rationale and flag.evidence, f"{entry.name}: flag {flag.flag} unexplained"
        assert entry.parent is None or entry.parent in names


# --- outside lists ----------------------------------------------------------------------

BALY_SAMPLE = (
    "source_url\tsource_url_normalized\tref\tfact\tbias\n"
    "https://www.example-wire.com/\texample-wire.com\thttps://mbfc.example/wire/\thigh\tcenter\n"
    "http://fringe.example.net/news\tfringe.example.net\thttps://mbfc.example/f/\tlow\textreme-right\n"
    "https://www.example-wire.com/world\texample-wire.com\thttps://mbfc.example/w2/\thigh\tcenter\n"
    "https://odd.example.org/\todd.example.org\thttps://mbfc.example/o/\tunrated\tcenter\n"
)

GMF_SAMPLE = (
    "Region,Country,Media company,Main assets,URL,Typology,Status,Notes\n"
    "Eurasia,Ruritania,State Media Holding,Print: The Daily Ruritanian,https://daily.example.ru/,"
    "CaPu,,\n"
    "Eurasia,Ruritania,State Media Holding,Print: The Daily Ruritanian,https://en.daily.example/,"
    "CaPu,,\n"
    "Europe,Freedonia,Public Broadcaster,Television: FBC One,https://fbc.example/,IP,,\n"
    "Europe,Freedonia,Someone,Mystery,https://m.example/,,,\n"
)


def test_baly_factuality_maps_to_grades_and_extreme_bias_to_a_flag() -> None:
    mapped = map_baly(BALY_SAMPLE)
    by_name = {entry.name: entry for entry in mapped.entries}
    assert by_name["example-wire.com"].grade is Grade.B
    fringe = by_name["fringe.example.net"]
    assert fringe.grade is Grade.D and [f.flag for f in fringe.flags] == ["hyperpartisan"]
    assert "https://mbfc.example/f/" in fringe.evidence
    assert (mapped.rows, mapped.mapped_rows, sum(mapped.merged.values())) == (4, 3, 1)


def test_gmf_typology_maps_to_state_affiliation_and_owner() -> None:
    mapped = map_gmf(GMF_SAMPLE)
    by_name = {entry.name: entry for entry in mapped.entries}
    daily = by_name["The Daily Ruritanian"]
    assert [f.flag for f in daily.flags] == ["state-affiliated"]
    assert daily.parent == "State Media Holding" and daily.grade is Grade.F
    assert {a.alias for a in daily.aliases} == {"daily.example.ru", "en.daily.example"}
    assert by_name["FBC One"].flags == []
    assert [owner.name for owner in mapped.owners] == ["State Media Holding", "Public Broadcaster"]
    assert mapped.skipped == {"typology '' has no mapping": 1}


# --- normalisation and purity -----------------------------------------------------------


def test_keys_fold_scripts_transliteration_and_generic_words() -> None:
    assert core_key("Рыбарь") == core_key("Rybar")
    assert core_key("Известия") == core_key("Izvestia")
    assert core_key("Al-Iraqiya TV") == core_key("Al Iraqiya")
    assert core_key("Interfax-Ukraine") != core_key("Interfax")


def test_domains_and_look_alikes() -> None:
    assert domain_of("https://www.iz.ru/a/b?c") == "iz.ru"
    assert domain_of("t.me/rybar") == "t.me/rybar"
    assert domain_of("U.S. officials") is None
    assert mixed_script_words("R\u0435uters and Рыбарь") == ["R\u0435uters"]
    assert visual_skeleton("\u0420utin") == "Putin"


def test_the_sources_logic_imports_no_database_or_ui() -> None:
    modules = [f"claims.sources.{p.stem}" for p in (ROOT / "claims" / "sources").glob("*.py")]
    code = (
        f"import sys, importlib; [importlib.import_module(m) for m in {modules!r}]; "
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'db', 'textual', 'tui', 'alembic'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
