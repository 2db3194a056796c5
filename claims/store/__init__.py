"""Database-backed services: the only part of `claims` that talks to `db`."""
