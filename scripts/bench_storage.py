"""Storage per claim: how many bytes a SQLite store spends on each claim, and on what.

Usage: python scripts/bench_storage.py STORE.db [--top 12]

Build the store first, for example with 1,000 BBC News articles:
    python scripts/bench_ingest.py ../shared/eval/corpus/bbc_news.jsonl -n 1000 --db s.db

Reads a compacted copy of the file (VACUUM INTO a temporary file, so free pages do not count;
the store itself is not changed) and prints: bytes per claim of the whole file and of the
document text, the tables and indexes that take the most space (SQLite's dbstat), and the
bytes each column of `claims` holds per claim.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from contextlib import closing
from pathlib import Path

CLAIM_COLUMNS_SQL = "SELECT name FROM pragma_table_info('claims')"


def measure(path: Path, top: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        compact = Path(scratch) / "compact.db"
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as source:
            source.execute("VACUUM INTO ?", (str(compact),))
        with closing(sqlite3.connect(compact)) as db:
            report(db, compact.stat().st_size, top)


def report(db: sqlite3.Connection, file_bytes: int, top: int) -> None:
    claims = db.execute("SELECT count(*) FROM claims").fetchone()[0] or 1
    documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    text_bytes = db.execute("SELECT sum(length(CAST(text AS BLOB))) FROM documents").fetchone()[0]
    print(f"store: {documents} documents, {claims} claims, {file_bytes / 1e6:.1f} MB compacted")
    print(f"  bytes per claim: {file_bytes / claims:.0f}")
    print(f"  document text per claim: {(text_bytes or 0) / claims:.0f} bytes")
    print(f"  file per byte of document text: {file_bytes / max(text_bytes or 1, 1):.1f}")
    objects = db.execute(
        "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT ?", (top,)
    ).fetchall()
    print("  largest tables and indexes (bytes per claim):")
    for name, size in objects:
        print(f"    {name:44} {size / claims:8.0f}")
    columns = [row[0] for row in db.execute(CLAIM_COLUMNS_SQL)]
    sums = ", ".join(f'sum(length(CAST("{name}" AS BLOB)))' for name in columns)
    sizes = db.execute(f"SELECT {sums} FROM claims").fetchone()  # noqa: S608 - schema names
    print("  claims columns (bytes per claim):")
    for name, size in sorted(zip(columns, sizes, strict=True), key=lambda x: -(x[1] or 0)):
        print(f"    {name:44} {(size or 0) / claims:8.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="a SQLite claims store")
    parser.add_argument("--top", type=int, default=12, help="tables and indexes to list")
    args = parser.parse_args()
    if not args.store.is_file():
        sys.exit(f"bench_storage: {args.store}: no such file")
    measure(args.store, args.top)


if __name__ == "__main__":
    main()
