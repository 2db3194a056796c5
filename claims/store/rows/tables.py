"""One mapping per table from its rows to the pydantic models that callers need.

A model field takes the row's column of the same name, or the column the table's mapping names
for it (an export's `sha256` is a document's `raw_sha256`, a listing's `grade` is a source's
`reliability`), so every model built from one table reads its columns the same way. What is
not a column (relationships, counts, text read in windows) the caller gives by keyword. The
same mapping reads a model back into column values, so an import inserts what an export wrote.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import inspect

from db.base import Base
from db.models import (
    Attribution,
    AuditEntry,
    Claim,
    Cluster,
    Document,
    DocumentSnapshot,
    Relation,
    Review,
    ReviewDraft,
    Source,
    SourceAlias,
    SourceFlag,
    SourceRating,
)

Model = TypeVar("Model", bound=BaseModel)


class RowMapping:
    """How one table's rows become models: the columns each model field is read from."""

    def __init__(self, table: type[Base], **renamed: str) -> None:
        self.table = table
        self.columns = frozenset(attribute.key for attribute in inspect(table).column_attrs)
        """The table's column attributes (relationships are not read)."""
        unknown = set(renamed.values()) - self.columns
        if unknown:
            raise ValueError(f"{table.__name__} has no column {sorted(unknown)}")
        self.renamed = renamed
        """Model field -> the column it is read from, where the two names differ."""
        self._read: dict[type[BaseModel], tuple[tuple[str, str], ...]] = {}

    def model(self, model: type[Model], row: Any, /, **given: Any) -> Model:
        """`model` with its column fields read from `row` (an ORM row or a `select()` row)
        and every other field from `given` or the model's default."""
        unknown = given.keys() - model.model_fields.keys()
        if unknown:
            raise TypeError(f"{model.__name__} has no field {sorted(unknown)}")
        read = self.read(model)
        values = {field: getattr(row, column) for field, column in read if field not in given}
        return model.model_validate(values | given)

    def row_values(self, model: BaseModel, /, **given: Any) -> dict[str, Any]:
        """The column values `model` holds, by column name, with `given` added: the way back
        from a model to a row (an import inserts what an export wrote)."""
        values = {column: getattr(model, field) for field, column in self.read(type(model))}
        return values | given

    def read(self, model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
        """The (model field, column) pairs a model takes from this table."""
        if model not in self._read:
            fields = ((name, self.renamed.get(name, name)) for name in model.model_fields)
            self._read[model] = tuple((f, c) for f, c in fields if c in self.columns)
        return self._read[model]


DOCUMENTS = RowMapping(Document, sha256="raw_sha256", version="version_no")
SNAPSHOTS = RowMapping(DocumentSnapshot)
SOURCES = RowMapping(
    Source,
    grade="reliability",
    rationale="reliability_rationale",
    evidence="reliability_evidence",
    set_by="reliability_set_by",
    set_at="reliability_set_at",
)
SOURCE_ALIASES = RowMapping(SourceAlias)
SOURCE_FLAGS = RowMapping(SourceFlag)
SOURCE_RATINGS = RowMapping(SourceRating)
CLAIMS = RowMapping(Claim)
ATTRIBUTIONS = RowMapping(Attribution, name="mention")
RELATIONS = RowMapping(Relation)
REVIEWS = RowMapping(Review, at="created_at")
DRAFTS = RowMapping(ReviewDraft, at="created_at")
CLUSTERS = RowMapping(Cluster)
AUDIT_ENTRIES = RowMapping(AuditEntry)
