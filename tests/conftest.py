"""Shared fixtures: real databases (a SQLite file and a PostgreSQL server) and the CLI.

Migrations run once per test process: each SQLite test gets a copy of a file migrated to head
at the start, each PostgreSQL test a database made from a migrated template (the tests of the
migrations themselves run them). PostgreSQL tests need `CLAIMS_TEST_PG_URL` (a database the
tests may create databases from); without it they are skipped, unless `CLAIMS_REQUIRE_PG=1`
(as in CI), which turns the skip into a failure so that CI cannot pass without having run them.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from claims.cli import main
from db import migrate
from db.engine import Database

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = FIXTURES / "hostile"
SEEDS = Path(__file__).parent.parent / "seeds"
PG_URL = os.environ.get("CLAIMS_TEST_PG_URL")
REQUIRE_PG = os.environ.get("CLAIMS_REQUIRE_PG") == "1"


def pytest_configure(config: pytest.Config) -> None:
    if REQUIRE_PG and not PG_URL:
        raise pytest.UsageError("CLAIMS_REQUIRE_PG=1 but CLAIMS_TEST_PG_URL is not set")
    config.stash[_SKIPPED_PG] = 0


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if REQUIRE_PG and report.skipped and "postgres" in report.keywords:
        _CONFIG[0].stash[_SKIPPED_PG] += 1


def pytest_sessionstart(session: pytest.Session) -> None:
    _CONFIG[:] = [session.config]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    skipped = session.config.stash.get(_SKIPPED_PG, 0)
    if REQUIRE_PG and skipped:
        print(f"\nFAIL: {skipped} PostgreSQL test(s) were skipped but CLAIMS_REQUIRE_PG=1")
        session.exitstatus = 1


_SKIPPED_PG = pytest.StashKey[int]()
_CONFIG: list[pytest.Config] = []


class PostgresServer:
    """Creates and drops throwaway databases on the test server."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT")

    def create(self, template: str | None = None) -> str:
        name = f"claims_t_{uuid.uuid4().hex[:12]}"
        clause = f" TEMPLATE {template}" if template else ""
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    if not PG_URL:
        pytest.skip("CLAIMS_TEST_PG_URL is not set")
    server = PostgresServer(PG_URL)
    yield server
    server.admin.dispose()


@pytest.fixture(scope="session")
def pg_template(pg_server: PostgresServer) -> Iterator[str]:
    """A database migrated to head once per session, copied for each test."""
    url = pg_server.create()
    database = Database.from_target(url)
    migrate.upgrade(database)
    database.dispose()
    yield make_url(url).database or ""
    pg_server.drop(url)


_SQLITE_TEMPLATE: list[Path] = []
"""The SQLite file migrated to head by this test process, once made."""


@pytest.fixture(scope="session", autouse=True)
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The migrated SQLite file, made before any test can point the migrations elsewhere."""
    template = tmp_path_factory.mktemp("template") / "claims.db"
    database = Database.from_target(str(template))
    migrate.upgrade(database)
    database.dispose()
    leftovers = sorted(p.name for p in template.parent.iterdir() if p != template)
    assert not leftovers, f"the migrated template left {leftovers} beside it"
    _SQLITE_TEMPLATE[:] = [template]
    yield template
    _SQLITE_TEMPLATE.clear()


def migrated_sqlite(path: Path) -> Database:
    """A SQLite database at `path` at the head revision: a copy of the file this test process
    migrated once, so tests that need an empty database do not each run the migrations."""
    if not _SQLITE_TEMPLATE:
        raise RuntimeError("the session's sqlite_template fixture has not run")
    shutil.copyfile(_SQLITE_TEMPLATE[0], path)
    return Database.from_target(str(path))


@dataclass
class Target:
    """A migrated, empty database and the `--db` argument that names it."""

    arg: str
    database: Database

    @property
    def backend(self) -> str:
        return "sqlite" if self.database.is_sqlite else "postgresql"


@pytest.fixture
def sqlite_target(tmp_path: Path) -> Iterator[Target]:
    path = tmp_path / "claims.db"
    database = migrated_sqlite(path)
    yield Target(str(path), database)
    database.dispose()


@pytest.fixture
def pg_target(pg_server: PostgresServer, pg_template: str) -> Iterator[Target]:
    url = pg_server.create(template=pg_template)
    database = Database.from_target(url)
    yield Target(url, database)
    database.dispose()
    pg_server.drop(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest) -> Target:
    """The same test on a SQLite file and on a PostgreSQL server."""
    name = "sqlite_target" if request.param == "sqlite" else "pg_target"
    found: Target = request.getfixturevalue(name)
    return found


@dataclass
class Cli:
    """Runs `claims` in-process against one database."""

    target: Target
    runner: CliRunner

    def __call__(self, *args: str, input: str | bytes | None = None) -> Result:
        return self.runner.invoke(
            main, ["--db", self.target.arg, "--reviewer", "tester", *args], input=input
        )


@pytest.fixture
def cli(target: Target) -> Cli:
    return Cli(target, CliRunner())


@pytest.fixture
def sqlite_cli(sqlite_target: Target) -> Cli:
    return Cli(sqlite_target, CliRunner())
