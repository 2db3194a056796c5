"""Errors the storage layer reports to people, each with a one-line message."""

from __future__ import annotations


class StorageError(Exception):
    """A database problem a user can act on; `str()` is the one-line explanation."""


class DatabaseDamaged(StorageError):
    """The database file is not a healthy SQLite database; it was left untouched."""


class ReadOnlyDatabase(StorageError):
    """A healthy SQLite file that cannot be written here (file, folder or mount read-only)."""


class NotClaimsDatabase(StorageError):
    """The file is a healthy SQLite database of some other program; it was left untouched."""


class SchemaOutOfDate(StorageError):
    """The schema is not at the revision this version of the program expects."""


class MigrationFailed(StorageError):
    """A migration failed and was rolled back."""


class ConcurrentEdit(StorageError):
    """Someone else saved the same row since it was read; the save was refused."""


class CouldNotSave(StorageError):
    """The database refused to store a change (disk full, I/O error, read-only); none of it
    was saved."""


class DatabaseBusy(StorageError):
    """Another writer held the database for longer than the busy timeout; nothing was saved."""


class WriteConflict(StorageError):
    """PostgreSQL kept reporting serialization failures or deadlocks after every retry."""


class PermissionDenied(StorageError):
    """The database login may not do this (for example a read-only reviewer login writing)."""


class ConnectionLost(StorageError):
    """The connection to the database server broke; the last change may not have been saved."""


class BackupFailed(StorageError):
    """A backup could not be written or did not verify; any earlier backup file is untouched."""
