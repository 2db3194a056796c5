"""Exports and imports of the whole database or a selection, and the settings exports carry."""

from __future__ import annotations

from claims.store.exports.importer import ImportRefused, import_export
from claims.store.exports.selection import build_export, export_file, read_export, select_export
from claims.store.exports.settings import (
    all_settings,
    exported_settings,
    get_setting,
    set_setting,
    unset_setting,
)

__all__ = [
    "ImportRefused",
    "all_settings",
    "build_export",
    "export_file",
    "exported_settings",
    "get_setting",
    "import_export",
    "read_export",
    "select_export",
    "set_setting",
    "unset_setting",
]
