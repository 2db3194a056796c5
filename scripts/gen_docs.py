"""Regenerate the generated parts of docs/: the CLI reference and the export JSON Schema.

Run `python scripts/gen_docs.py` after changing a command or the export models;
tests/test_docs.py fails when these files are out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.cli import main  # noqa: E402
from claims.reports.schema import Export  # noqa: E402

WIDTH = 100
CLI_DOC = ROOT / "docs" / "cli.md"
SCHEMA_DOC = ROOT / "docs" / "export.schema.json"


def _commands(group: click.Group, ctx: click.Context, prefix: list[str]):  # type: ignore[no-untyped-def]
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        path = [*prefix, name]
        sub = click.Context(command, info_name=name, parent=ctx, terminal_width=WIDTH)
        yield path, command, sub
        if isinstance(command, click.Group):
            yield from _commands(command, sub, path)


def cli_reference() -> str:
    root = click.Context(
        main,
        info_name="claims",
        terminal_width=WIDTH,
        max_content_width=WIDTH,
        help_option_names=["-h", "--help"],
    )
    parts = [
        "# Command reference\n",
        "Generated from `--help` by `scripts/gen_docs.py`; do not edit by hand.\n",
        "## claims\n",
        "```text\n" + main.get_help(root).rstrip() + "\n```\n",
    ]
    for path, command, ctx in _commands(main, root, []):
        parts.append(f"## claims {' '.join(path)}\n")
        parts.append("```text\n" + command.get_help(ctx).rstrip() + "\n```\n")
    return "\n".join(parts)


def export_schema() -> str:
    return json.dumps(Export.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def main_() -> None:
    CLI_DOC.write_text(cli_reference(), encoding="utf-8")
    SCHEMA_DOC.write_text(export_schema(), encoding="utf-8")
    print(f"wrote {CLI_DOC.relative_to(ROOT)} and {SCHEMA_DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main_()
