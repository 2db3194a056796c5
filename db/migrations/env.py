"""Alembic environment: transactional migrations on both backends.

SQLite runs with foreign keys off (a batch table copy would otherwise cascade-delete child
rows), inside one `BEGIN IMMEDIATE` transaction, and checks foreign keys before committing.
PostgreSQL takes an advisory lock first so that two upgrades at once run one after the other.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection
from sqlalchemy.engine import make_url

from db.base import Base
from db.engine import migration_engine
from db.unmodelled import include_object

MIGRATION_LOCK_ID = 0x434C41494D53  # "CLAIMS"


def run_on(connection: Connection) -> None:
    """Run the pending migrations on one connection, in one transaction."""
    is_sqlite = connection.dialect.name == "sqlite"
    if is_sqlite and _sqlite_foreign_keys_on(connection):
        raise RuntimeError("SQLite migrations must run with foreign keys off (migration_engine)")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        transactional_ddl=True,
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_ID})")
        context.run_migrations()
        if is_sqlite:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"foreign key check failed after migration: {broken[:5]}")


def _sqlite_foreign_keys_on(connection: Connection) -> bool:
    """Read the pragma on the driver connection, so that no transaction is begun for it."""
    driver = connection.connection.driver_connection
    assert driver is not None
    return bool(driver.execute("PRAGMA foreign_keys").fetchone()[0])


def main() -> None:
    given = context.config.attributes.get("connection")
    if given is not None:
        run_on(given)
        return
    url = make_url(context.config.get_main_option("sqlalchemy.url") or "")
    engine = migration_engine(url)
    try:
        with engine.connect() as connection:
            run_on(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported")
main()
