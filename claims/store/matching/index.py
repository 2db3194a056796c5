"""The claim index in the database: `claim_keys` postings read with indexed `IN (...)` lookups.

The database's `claims.match.pipeline.ClaimIndex`: the same SQL on SQLite and PostgreSQL, run on
the session's connection (the rows are plain columns: the ORM's work on each row of the
postings cost more than reading them).
How many claims hold a key, and how many keys a claim has, are read from `claim_key_counts` and
`claim_key_sizes`, which the database keeps in step with `claim_keys`, so the reads cost the
same whatever the store holds. Word rarity is
counted over the claims up to the arriving batch or the latest matched claim, whichever came
later: a new document counts what arrived before it and itself, as a rebuild replaying the
arrivals counts it; a document matched again counts everything matched.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from claims.match.models import MatchClaim
from claims.match.relate import Side
from claims.store.chunks import chunks, one_of
from claims.store.matching.generation import bump_generation
from claims.store.matching.sides import stored_sides
from db.engine import storable
from db.models import Claim, ClaimKey, ClaimKeyCount, ClaimKeySize

KEY_ROWS = 5000
"""Key rows per insert."""


class SqlIndex:
    """Claims matched so far, as `claim_keys` and the claims table hold them."""

    def __init__(self, session: Session, *, unkeyed: bool = False) -> None:
        self.session = session
        self.unkeyed = unkeyed
        """True when the claims that arrive were stored in this transaction: no keys to delete."""
        self._horizon = 0
        self._total: int | None = None

    def add_claims(self, claims: Sequence[MatchClaim], keys: Mapping[int, Sequence[str]]) -> None:
        ids = sorted(keys)
        if not self.unkeyed:
            for chunk in chunks(ids):
                self.session.execute(delete(ClaimKey).where(ClaimKey.claim_id.in_(chunk)))
            bump_generation(self.session)
        insert_keys(self.session, keys)
        keyed = self.session.scalar(select(func.max(ClaimKey.claim_id))) or 0
        self._horizon = max([self._horizon, keyed, *ids])
        self._total = None

    def total(self) -> int:
        """The claims up to the horizon: all claims less those after it (usually none).

        Counting `id <= horizon` directly walks the claims table's rows, large ones; a count
        of all claims reads the smallest index instead, and the claims after the horizon are
        a short range of ids.
        """
        if self._total is None:
            every = self.session.scalar(select(func.count()).select_from(Claim)) or 0
            after = self.session.scalar(
                select(func.count()).select_from(Claim).where(Claim.id > self._horizon)
            )
            self._total = int(every) - int(after or 0)
        return self._total

    def counts(self, keys: Iterable[str]) -> Mapping[str, int]:
        wanted = set(keys)
        if not wanted:
            return {}
        query = select(ClaimKeyCount.key, ClaimKeyCount.holders).where(
            one_of(self.session, ClaimKeyCount.key, wanted)
        )
        return {key: int(count) for key, count in self.session.connection().execute(query).all()}

    def holders(self, keys: Sequence[str]) -> Mapping[str, Sequence[int]]:
        """Read as one row a key with its holders listed: a row a posting cost more to fetch
        than the lookup itself, and a document reads thousands."""
        if not keys:
            return {}
        postgres = self.session.get_bind().dialect.name == "postgresql"
        listed = (
            func.array_agg(ClaimKey.claim_id) if postgres else func.group_concat(ClaimKey.claim_id)
        )
        query = (
            select(ClaimKey.key, listed)
            .where(one_of(self.session, ClaimKey.key, keys))
            .group_by(ClaimKey.key)
        )
        rows = self.session.connection().execute(query).all()
        if postgres:
            return {key: list(holders) for key, holders in rows}
        return {key: [int(i) for i in holders.split(",")] for key, holders in rows}

    def key_counts(self, ids: Sequence[int]) -> Mapping[int, int]:
        if not ids:
            return {}
        query = select(ClaimKeySize.claim_id, ClaimKeySize.keys).where(
            one_of(self.session, ClaimKeySize.claim_id, ids)
        )
        return {
            claim_id: int(count)
            for claim_id, count in self.session.connection().execute(query).all()
        }

    def texts(self, ids: Sequence[int]) -> Mapping[int, str]:
        if not ids:
            return {}
        query = select(Claim.id, Claim.text).where(one_of(self.session, Claim.id, ids))
        return {claim_id: text for claim_id, text in self.session.connection().execute(query).all()}

    def sides(self, ids: Sequence[int]) -> Mapping[int, Side]:
        """Kept from earlier documents where nothing the side reads has changed since."""
        return stored_sides(self.session, ids)


def insert_keys(session: Session, keys: Mapping[int, Sequence[str]]) -> None:
    """Write the keys of these claims (none of them may have keys stored).

    The rows go as one parameter (a JSON array read by `json_each` on SQLite, two arrays
    unnested on PostgreSQL), normalised as every parameter is (`db.engine.storable`): a
    bound parameter for each of a document's thousand keys cost more than the rows.
    """
    rows = [(claim_id, storable(key)) for claim_id, found in keys.items() for key in found]
    postgres = session.get_bind().dialect.name == "postgresql"
    for chunk in chunks(rows, KEY_ROWS):
        if postgres:
            ids, texts = [claim_id for claim_id, _ in chunk], [key for _, key in chunk]
            session.execute(_PG_INSERT, {"ids": ids, "keys": texts})
        else:
            session.execute(_SQLITE_INSERT, {"rows": json.dumps(chunk, ensure_ascii=False)})


_SQLITE_INSERT = text(
    'INSERT INTO claim_keys (claim_id, "key")'
    " SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(:rows)"
)
_PG_INSERT = text(
    'INSERT INTO claim_keys (claim_id, "key")'
    " SELECT * FROM unnest(CAST(:ids AS INTEGER[]), CAST(:keys AS VARCHAR[]))"
)
