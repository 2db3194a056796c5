"""`claims config`: the organisation named in ClaimReview, checked, audited and exported."""

from __future__ import annotations

import json

from sqlalchemy import select

from db.models import AuditEntry, Setting
from tests.conftest import Cli


def test_set_get_unset(cli: Cli) -> None:
    assert cli("config", "set", "organisation.name", "  Fact   Desk ").exit_code == 0
    assert cli("config", "get", "organisation.name").stdout == '"Fact Desk"\n'
    assert cli("config", "set", "organisation.url", "https://factdesk.example/").exit_code == 0
    shown = cli("config").stdout
    assert "organisation.name = Fact Desk" in shown
    assert "claimreview.url_template = (not set)" in shown
    assert cli("config", "unset", "organisation.url").exit_code == 0
    assert cli("config", "get", "organisation.url").stdout == "null\n"
    with cli.target.database.read() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-3:] == ["setting.set", "setting.set", "setting.unset"]


def test_bad_values_are_refused_with_one_line(cli: Cli) -> None:
    for key, value in [
        ("organisation.url", "javascript:alert(1)"),
        ("organisation.url", "ftp://example.org/"),
        ("organisation.name", "\x1b]0;pwned\x07"),
        ("claimreview.url_template", "https://example.org/checks/"),
        ("claimreview.url_template", "data:{claim_id}"),
    ]:
        result = cli("config", "set", key, value)
        assert result.exit_code == 1, (key, value)
        assert result.stderr.startswith(f"error: {key}: ") and result.stderr.count("\n") == 1
    assert cli("config", "set", "secret.token", "x").exit_code == 2  # not a known key


def test_only_known_settings_travel_in_exports(cli: Cli) -> None:
    cli("config", "set", "organisation.name", "Fact Desk")
    with cli.target.database.write() as session:
        session.add(Setting(key="team.password", value="hunter2"))
    data = json.loads(cli("export", "--format", "json").stdout)
    assert data["settings"] == {"organisation.name": "Fact Desk"}
