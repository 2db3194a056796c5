"""Rows to models: one mapping per table, read the same way by exports, views and the registry."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import BaseModel

from claims.reports.schema import ExportDocument
from claims.store.rows import DOCUMENTS, SOURCES, RowMapping, export_source, known_from_row
from claims.store.sources import export_registry, grade_source, source_profile
from claims.store.sources.grades import add_rating
from claims.store.views import source_detail, source_page
from db.models import Source
from tests.conftest import Target
from tests.factories import make_document, make_source

STORE = Path(__file__).parent.parent / "claims" / "store"
WHY = "Invented agency; its figures are usually confirmed later."
LATER = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)


class GradeProbe(BaseModel):
    """A model that names a source's grade fields the way listings do."""

    id: int
    grade: str
    rationale: str | None
    evidence: list[str]
    set_by: str | None
    note: str = "given"


def test_a_renamed_field_reads_its_column_and_the_rest_is_given(target: Target) -> None:
    with target.database.write() as session:
        source = make_source(session, "Harbour Wire", "B", reliability_rationale=WHY)
        source.reliability_evidence = ["https://example.org/audit"]
        probe = SOURCES.model(GradeProbe, source, note="from the caller")
    assert probe == GradeProbe(
        id=source.id,
        grade="B",
        rationale=WHY,
        evidence=["https://example.org/audit"],
        set_by=None,
        note="from the caller",
    )


def test_a_mapping_refuses_a_column_the_table_lacks_and_a_field_the_model_lacks() -> None:
    with pytest.raises(ValueError, match="no column"):
        RowMapping(Source, grade="grade")
    with pytest.raises(TypeError, match="no field"):
        SOURCES.model(GradeProbe, object(), colour="red")


def test_a_model_read_back_gives_the_columns_it_came_from(target: Target) -> None:
    with target.database.write() as session:
        document = make_document(session, "The ferry carried 40 cars.", title="Ferry")
        exported = DOCUMENTS.model(ExportDocument, document)
        values = DOCUMENTS.row_values(exported)
        assert values["raw_sha256"] == document.raw_sha256
        assert values["version_no"] == document.version_no
        assert {"sha256", "version", "snapshots"}.isdisjoint(values)
        assert all(getattr(document, column) == value for column, value in values.items())


def test_one_source_reads_the_same_in_exports_views_listings_and_the_registry(
    target: Target,
) -> None:
    with target.database.write() as session:
        source = make_source(session, "Harbour Wire", "F", flags=["propaganda"])
        grade_source(session, "tester", source.id, "D", WHY, ["https://example.org/audit"])
        add_rating(session, source.id, "E", "2025", "Older list", [], True, "lister", LATER)
        source_id = source.id
    with target.database.read() as session:
        source = session.get(Source, source_id)
        assert source is not None
        exported = export_source(source)
        known = known_from_row(source)
        profile = source_profile(session, source_id)
        detail = source_detail(session, source_id)
        row = source_page(session, "Harbour")[0]
        entry = next(e for e in export_registry(session).sources if e.name == "Harbour Wire")
    grades = {exported.reliability, known.grade, profile.summary.grade, detail.row.grade, row.grade}
    assert grades == {"D"} and entry.grade.value == "D"
    assert {exported.reliability_rationale, profile.rationale, row.rationale, entry.rationale} == {
        WHY
    }
    assert exported.reliability_evidence == profile.evidence == entry.evidence
    assert profile.flags == exported.flag_details
    assert [f.flag for f in entry.flags] == exported.flags == sorted(known.flags) == row.flags
    assert profile.ratings == exported.ratings
    assert sorted(detail.ratings, key=lambda r: (r.set_at, r.grade)) == sorted(
        exported.ratings, key=lambda r: (r.set_at, r.grade)
    )
    assert [r.grade for r in entry.ratings] == ["E"]


def test_each_store_name_means_one_thing() -> None:
    """No two modules of the store define a public class or function of the same name."""
    defined: dict[str, list[str]] = {}
    for path in sorted(STORE.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            is_definition = isinstance(node, ast.ClassDef | ast.FunctionDef)
            if is_definition and not node.name.startswith("_"):
                defined.setdefault(node.name, []).append(str(path.relative_to(STORE)))
    assert {name: where for name, where in defined.items() if len(where) > 1} == {}
