"""Errors the storage layer reports to people, each with a one-line message."""

from __future__ import annotations


class StorageError(Exception):
    """A database problem a user can act on; `str()` is the one-line explanation."""


class DatabaseDamaged(StorageError):
    """The database file is not a healthy SQLite database; it was left untouched."""


class SchemaOutOfDate(StorageError):
    """The schema is not at the revision this version of the program expects."""


class MigrationFailed(StorageError):
    """A migration failed and was rolled back."""


class ConcurrentEdit(StorageError):
    """Someone else saved the same row since it was read; the save was refused."""
