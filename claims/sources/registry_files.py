"""Registry files a team shares: TOML (for people and version control) and CSV (spreadsheets).

Both carry the same `RegistryFile`; a file written and read back gives the same entries.
CSV has one row per source: lists (aliases, evidence, flags) are joined with " | ", and the
details a plain list cannot hold (flag rationales, alias languages, extra ratings) sit in
JSON columns. Cells a spreadsheet would run as a formula are written with a leading `'`
(OWASP ASVS 5 §1.2.10) and read back without it. See docs/sources.md.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from claims.errors import ClaimsError
from claims.sources.models import (
    FILE_FORMAT,
    AliasEntry,
    FlagEntry,
    RatingEntry,
    RegistryFile,
    SourceEntry,
)

FORMATS = ("toml", "csv")
LIST_SEPARATOR = " | "
FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")
LEADING_BLANKS = " \t\r\n\u00a0\u3000"

CSV_COLUMNS = (
    "name",
    "kind",
    "country",
    "parent",
    "grade",
    "rationale",
    "evidence",
    "aliases",
    "flags",
    "description",
    "set_by",
    "set_at",
    "needs_review",
    "flag_details",
    "alias_details",
    "ratings",
)

HEADER = (
    "# Source registry for `claims sources import` (format described in docs/sources.md).\n"
    "# Grades: A completely reliable, B usually reliable, C fairly reliable,\n"
    "# D not usually reliable, E unreliable, F cannot be judged (NATO Admiralty code).\n\n"
)


class RegistryFileError(ClaimsError):
    """A registry file that cannot be read: names the file and what is wrong."""


def format_of(path: str, given: str | None = None) -> str:
    """The file format from `--format` or else the file's suffix."""
    chosen = (given or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise RegistryFileError(f"{path}: give --format toml or csv (not {chosen or 'none'!r})")
    return chosen


def parse_registry(text: str, file_format: str, origin: str = "registry") -> RegistryFile:
    """Read a registry file's text; errors name the origin and the entry at fault."""
    try:
        if file_format == "toml":
            return RegistryFile.model_validate(tomllib.loads(text))
        return RegistryFile(sources=[_entry_from_row(row) for row in _csv_rows(text)])
    except tomllib.TOMLDecodeError as exc:
        raise RegistryFileError(f"{origin}: not valid TOML: {exc}") from None
    except (ValidationError, ValueError) as exc:
        raise RegistryFileError(f"{origin}: {_first_error(exc)}") from None


def render_registry(registry: RegistryFile, file_format: str) -> str:
    """The text of a registry file in the given format."""
    if file_format == "toml":
        return render_toml(registry)
    return render_csv(registry)


def render_toml(registry: RegistryFile) -> str:
    data = {"format": FILE_FORMAT, "sources": [_entry_dict(e) for e in registry.sources]}
    return HEADER + tomli_w.dumps(data, multiline_strings=True)


def render_csv(registry: RegistryFile) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in registry.sources:
        writer.writerow([_defang(cell) for cell in _entry_row(entry)])
    return buffer.getvalue()


# --- TOML -------------------------------------------------------------------------------


def _entry_dict(entry: SourceEntry) -> dict[str, Any]:
    """An entry as TOML-ready data: defaults and empty values left out, kind as its value."""
    data = entry.model_dump(exclude_defaults=True, exclude_none=True, mode="python")
    data["name"] = entry.name
    data["kind"] = entry.kind.value
    data["grade"] = entry.grade.value
    if entry.aliases:
        data["aliases"] = [_alias_value(alias) for alias in entry.aliases]
    if entry.ratings:
        data["ratings"] = [
            {**r.model_dump(exclude_defaults=True, exclude_none=True), "grade": r.grade.value}
            for r in entry.ratings
        ]
    order = [field for field in SourceEntry.model_fields if field in data]
    return {field: data[field] for field in order}


def _alias_value(alias: AliasEntry) -> str | dict[str, str]:
    if alias.language:
        return {"alias": alias.alias, "language": alias.language}
    return alias.alias


# --- CSV --------------------------------------------------------------------------------


def _entry_row(entry: SourceEntry) -> list[str]:
    flags_plain = all(not (f.rationale or f.evidence or f.set_by or f.set_at) for f in entry.flags)
    values = {
        "name": entry.name,
        "kind": entry.kind.value,
        "country": entry.country or "",
        "parent": entry.parent or "",
        "grade": entry.grade.value,
        "rationale": entry.rationale or "",
        "evidence": _join(entry.evidence),
        "aliases": _join([alias.alias for alias in entry.aliases]),
        "flags": _join([flag.flag for flag in entry.flags]),
        "description": entry.description or "",
        "set_by": entry.set_by or "",
        "set_at": entry.set_at.isoformat() if entry.set_at else "",
        "needs_review": "yes" if entry.needs_review else "",
        "flag_details": ""
        if flags_plain
        else _json([f.model_dump(mode="json") for f in entry.flags]),
        "alias_details": _json([a.model_dump() for a in entry.aliases])
        if any(a.language for a in entry.aliases)
        else "",
        "ratings": _json([r.model_dump(mode="json") for r in entry.ratings])
        if entry.ratings
        else "",
    }
    return [values[column] for column in CSV_COLUMNS]


def _csv_rows(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if reader.fieldnames is None or "name" not in reader.fieldnames:
        raise ValueError("a CSV registry needs a header row with at least a 'name' column")
    return [{k: _undefang(v or "") for k, v in row.items() if k} for row in reader]


def _entry_from_row(row: dict[str, str]) -> SourceEntry:
    name = row.get("name", "")
    try:
        return SourceEntry(
            name=name,
            kind=row.get("kind") or "unknown",
            country=row.get("country") or None,
            parent=row.get("parent") or None,
            grade=(row.get("grade") or "F").strip().upper(),
            rationale=row.get("rationale") or None,
            evidence=_split(row.get("evidence", "")),
            aliases=_aliases(row),
            flags=_flags(row),
            ratings=[RatingEntry.model_validate(r) for r in _load_json(row.get("ratings", ""))],
            description=row.get("description") or None,
            set_by=row.get("set_by") or None,
            set_at=datetime.fromisoformat(row["set_at"]) if row.get("set_at") else None,
            needs_review=(row.get("needs_review") or "").strip().lower() in ("yes", "true", "1"),
        )
    except (ValidationError, ValueError) as exc:
        raise ValueError(f"source {name!r}: {_first_error(exc)}") from None


def _aliases(row: dict[str, str]) -> list[AliasEntry]:
    details = _load_json(row.get("alias_details", ""))
    if details:
        return [AliasEntry.model_validate(item) for item in details]
    return [AliasEntry(alias=alias) for alias in _split(row.get("aliases", ""))]


def _flags(row: dict[str, str]) -> list[FlagEntry]:
    details = _load_json(row.get("flag_details", ""))
    if details:
        return [FlagEntry.model_validate(item) for item in details]
    return [FlagEntry(flag=flag) for flag in _split(row.get("flags", ""))]


def _join(items: list[str]) -> str:
    for item in items:
        if "|" in item:
            raise RegistryFileError(f"{item!r}: a list item in CSV may not contain '|'")
    return LIST_SEPARATOR.join(items)


def _split(cell: str) -> list[str]:
    return [item.strip() for item in cell.split("|") if item.strip()]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _load_json(cell: str) -> list[Any]:
    if not cell.strip():
        return []
    value = json.loads(cell)
    if not isinstance(value, list):
        raise ValueError("a JSON column must hold a list")
    return value


def _defang(value: str) -> str:
    """A cell a spreadsheet shows as text and never runs (a leading `'` when needed)."""
    first = value.lstrip(LEADING_BLANKS)[:1]
    if value[:1] in FORMULA_STARTS or (first and first in FORMULA_STARTS):
        return "'" + value
    return value


def _undefang(value: str) -> str:
    if value.startswith("'"):
        rest = value[1:]
        first = rest.lstrip(LEADING_BLANKS)[:1]
        if rest[:1] in FORMULA_STARTS or (first and first in FORMULA_STARTS):
            return rest
    return value


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        return f"{where}: {error['msg']}" if where else str(error["msg"])
    return str(exc)
