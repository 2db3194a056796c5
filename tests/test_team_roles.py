"""The PostgreSQL set-up of docs/team.md, run as written: the owner upgrades the schema, a
writer login ingests, a read-only login reads and exports and is refused, in one line, when
it tries to write."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from claims.cli import main
from tests.conftest import HOSTILE, PostgresServer

pytestmark = pytest.mark.postgres

DOC = Path(__file__).parent.parent / "docs" / "team.md"
NAMES = ("claims_owner", "claims_write", "claims_read", "ann", "ed", "claims")


def documented_sql() -> str:
    blocks = re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) == 1, "docs/team.md should hold one SQL block: the set-up"
    return str(blocks[0])


@pytest.fixture
def team(pg_server: PostgresServer) -> Iterator[dict[str, str]]:
    """Run the documented SQL with names of this test's own; yield a URL per login."""
    suffix = uuid.uuid4().hex[:8]
    names = {name: f"{name}_{suffix}" for name in NAMES}
    sql = documented_sql()
    for name, unique in names.items():
        sql = re.sub(rf"\b{name}\b", unique, sql)
    before, after = sql.split(f"\\connect {names['claims']}\n")
    run_script(pg_server.url, before)
    run_script(pg_server.url.set(database=names["claims"]), after)
    base = pg_server.url.set(database=names["claims"], password=None)
    yield {
        login: base.set(username=names[login]).render_as_string(hide_password=False)
        for login in ("claims_owner", "ann", "ed")
    }
    with pg_server.admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{names["claims"]}" WITH (FORCE)'))
        for role in ("ann", "ed", "claims_write", "claims_read", "claims_owner"):
            connection.execute(text(f'DROP ROLE IF EXISTS "{names[role]}"'))


def run_script(url: URL, script: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for statement in script.split(";"):
            lines = [line for line in statement.splitlines() if not line.startswith("--")]
            if "".join(lines).strip():
                connection.exec_driver_sql("\n".join(lines))
    engine.dispose()


def claims(url: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", url, "--reviewer", "tester", *args])


def test_documented_roles_write_read_and_refuse(team: dict[str, str], tmp_path: Path) -> None:
    assert claims(team["ann"], "documents").exit_code == 1  # no schema yet: owner upgrades
    upgraded = claims(team["claims_owner"], "db", "upgrade")
    assert upgraded.exit_code == 0, upgraded.output

    written = claims(team["ann"], "ingest", str(HOSTILE / "dup_article_lf.txt"))
    assert written.exit_code == 0, written.output
    assert "1 added" in written.stderr

    listed = claims(team["ed"], "documents")
    assert listed.exit_code == 0, listed.output
    exported = claims(team["ed"], "export")
    assert exported.exit_code == 0 and '"documents"' in exported.stdout

    refused = claims(team["ed"], "ingest", str(HOSTILE / "bidi_override_spoof.txt"))
    assert refused.exit_code == 1
    assert "this database login may not do that" in refused.stderr
    assert "use a writer login" in refused.stderr
    assert "Traceback" not in refused.output
    assert claims(team["ed"], "documents").stdout == listed.stdout
