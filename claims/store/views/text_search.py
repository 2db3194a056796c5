"""The text part of the claim filter: claims whose folded text holds the typed words.

The question is always the same substring test, `norm_text LIKE '%words%'`; the indexes only
answer it faster, so results do not depend on the database. On SQLite an FTS5 table of
trigrams over `claims.norm_text` answers it as one phrase of trigrams (words with three
characters or more; shorter ones are a plain `LIKE`), and the listing is driven from that
table in rowid order, so a page stops after its rows. On PostgreSQL a pg_trgm GIN index
serves the `LIKE` itself.

What a person types reaches SQL only as a bound parameter: a `LIKE` pattern with `%`, `_` and
the escape character escaped, or one FTS5 string (a phrase in double quotes, inner quotes
doubled), so operators, column filters and half-typed syntax (`NEAR(`, `AND`, `*`, `^`, `-`,
`col:`, an unbalanced quote) are searched as the characters they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, Text, column, func, select, table
from sqlalchemy.orm import Session

from db.models import Claim
from db.text_search import SQLITE_FTS_TABLE

TRIGRAM = 3
"""Characters a trigram index needs; shorter text is searched by scanning."""

claims_fts = table(
    SQLITE_FTS_TABLE, column("rowid", Integer), column(SQLITE_FTS_TABLE, Text), column("norm_text")
)
"""The FTS5 table (SQLite only): `rowid` is the claim id; the hidden column of the table's own
name takes MATCH."""


def fts_phrase(text: str) -> str:
    """One FTS5 string that holds `text` literally: inner double quotes doubled, NUL dropped."""
    return '"' + text.replace("\x00", "").replace('"', '""') + '"'


@dataclass(frozen=True)
class TextSearch:
    """How the text filter narrows a claims query, and which column orders claims by id."""

    text: str
    indexed: bool
    """True when the FTS5 table drives the query (SQLite, text of three characters or more)."""

    @property
    def id_column(self) -> ColumnElement[int]:
        """Claim id to order and page by: the FTS rowid when the index drives the query, so
        that SQLite reads matches in order and stops after a page instead of sorting them."""
        chosen: ColumnElement[int] = claims_fts.c.rowid if self.indexed else Claim.id.expression
        return chosen

    def apply(self, query: Select[Any]) -> Select[Any]:
        """`query` (over claims) narrowed to the claims whose folded text holds the words."""
        if not self.text:
            return query
        if not self.indexed:
            return query.where(Claim.norm_text.contains(self.text, autoescape=True))
        return query.join(claims_fts, claims_fts.c.rowid == Claim.id).where(self._match())

    def count_alone(self) -> Select[Any]:
        """How many claims hold the words, read from the index without visiting the claims
        (only for an indexed search that no other filter term narrows)."""
        assert self.indexed
        return select(func.count()).select_from(claims_fts).where(self._match())

    def _match(self) -> ColumnElement[bool]:
        match: ColumnElement[bool] = claims_fts.c[SQLITE_FTS_TABLE].op("MATCH")(
            fts_phrase(self.text)
        )
        return match


def text_search(session: Session, text: str) -> TextSearch:
    """The search for folded `text` (empty: no narrowing) on the session's database."""
    text = text.replace("\x00", "")
    sqlite = session.get_bind().dialect.name == "sqlite"
    return TextSearch(text, indexed=sqlite and len(text) >= TRIGRAM)
