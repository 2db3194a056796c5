"""Shared settings in the `settings` table: read, change (audited), and pick those exports carry."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.reports.organisation import SETTING_KEYS, clean_setting
from claims.store.audit import record
from db.models import Setting


def all_settings(session: Session) -> dict[str, Any]:
    """Every setting, by key."""
    return {row.key: row.value for row in session.scalars(select(Setting).order_by(Setting.key))}


def exported_settings(session: Session) -> dict[str, Any]:
    """The settings reports use: only known keys leave the database in an export."""
    return {key: value for key, value in all_settings(session).items() if key in SETTING_KEYS}


def get_setting(session: Session, key: str) -> Any:
    """The value of `key`, or None when it is not set."""
    row = session.get(Setting, key)
    return None if row is None else row.value


def set_setting(session: Session, actor: str, key: str, value: str) -> str:
    """Validate and store one setting, with an audit entry; returns the value stored."""
    cleaned = clean_setting(key, value)
    row = session.get(Setting, key)
    before = None if row is None else _after(key, row.value)
    if row is None:
        session.add(Setting(key=key, value=cleaned))
    else:
        row.value = cleaned
    record(
        session, actor, "setting.set", "setting", None, before=before, after=_after(key, cleaned)
    )
    return cleaned


def unset_setting(session: Session, actor: str, key: str) -> bool:
    """Remove one setting; False when it was not set."""
    row = session.get(Setting, key)
    if row is None:
        return False
    record(session, actor, "setting.unset", "setting", None, before=_after(key, row.value))
    session.delete(row)
    return True


def _after(key: str, value: Any) -> dict[str, Any]:
    return {"key": key, "value": value}
