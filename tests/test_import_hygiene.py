"""Imports flow db <- claims <- tui: the pure text modules import no database or UI code."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PURE_PACKAGES = (
    "claims.text",
    "claims.ingest",
    "claims.extract",
    "claims.reports",
    "claims.match",
    "claims.sources",
    "claims.eval",
)
FORBIDDEN = ("sqlalchemy", "db", "textual", "tui", "alembic")


def pure_modules() -> list[str]:
    found = []
    for package in PURE_PACKAGES:
        folder = ROOT / package.replace(".", "/")
        if not folder.is_dir():
            continue
        found.append(package)
        found += [f"{package}.{m.name}" for m in pkgutil.iter_modules([str(folder)])]
    return found


@pytest.mark.parametrize("module", pure_modules())
def test_pure_module_imports_no_database_or_ui(module: str) -> None:
    code = (
        f"import sys, {module}; "
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}); "
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"


def test_db_and_claims_never_import_tui() -> None:
    code = (
        "import sys, db.models, db.engine, db.migrate, claims.cli, claims.store.documents.ingest; "
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('tui', 'textual'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
