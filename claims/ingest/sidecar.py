"""Sidecar metadata files: `NAME.meta.toml` next to `NAME.txt` says what is known about it.

Example::

    outlet = "Izvestia"
    published = "2025"
    inferred = ["published"]   # fields inferred by a person rather than stated by the source
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from claims.ingest.models import METADATA_FIELDS, DocumentMeta, MetaOrigin, MetaValue

SUFFIX = ".meta.toml"
_ALLOWED = frozenset(METADATA_FIELDS) | {"inferred", "notes"}


class SidecarError(ValueError):
    """A sidecar file that cannot be trusted to mean what it says."""


def sidecar_path(document: Path) -> Path:
    """Where the sidecar of a document lives: same folder, same stem, `.meta.toml`."""
    name = document.name
    stem = name[: -len(".gz")] if name.endswith(".gz") else name
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return document.with_name(stem + SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SUFFIX)


def read_sidecar(document: Path) -> DocumentMeta:
    """Metadata from the document's sidecar file, or nothing when there is none."""
    path = sidecar_path(document)
    if not path.is_file():
        return DocumentMeta()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SidecarError(f"sidecar {path.name} is not valid TOML ({exc})") from exc
    unknown = sorted(set(data) - _ALLOWED)
    if unknown:
        raise SidecarError(f"sidecar {path.name} has unknown field(s): {', '.join(unknown)}")
    inferred = data.get("inferred", [])
    if not isinstance(inferred, list) or not all(isinstance(i, str) for i in inferred):
        raise SidecarError(f"sidecar {path.name}: `inferred` must be a list of field names")
    fields: dict[str, MetaValue] = {}
    for name in METADATA_FIELDS:
        if name not in data:
            continue
        value = data[name]
        if isinstance(value, dt.date):
            value = value.isoformat()
        if not isinstance(value, str | int):
            raise SidecarError(f"sidecar {path.name}: `{name}` must be text")
        origin = MetaOrigin.INFERRED if name in inferred else MetaOrigin.SIDECAR
        fields[name] = MetaValue(value=str(value), origin=origin)
    return DocumentMeta(fields=fields)
