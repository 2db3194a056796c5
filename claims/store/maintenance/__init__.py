"""Keeping a database whole: backups and restores (`backup`), and its health (`health`)."""
