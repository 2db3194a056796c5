"""docs/architecture.md names only packages and modules that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
DOC = ROOT / "docs" / "architecture.md"
PATH = re.compile(r"\b((?:claims|db|tui|tests)/[\w/.]*)")


def named_paths(text: str) -> set[str]:
    """Every repository path the page names, such as `claims/store/review/`."""
    return {match.rstrip(".,") for match in PATH.findall(text)}


def test_every_path_the_architecture_page_names_exists() -> None:
    text = DOC.read_text(encoding="utf-8")
    names = named_paths(text)
    assert len(names) > 30
    assert sorted(name for name in names if not (ROOT / name).exists()) == []


def test_relative_module_names_exist_in_the_package_of_their_row() -> None:
    for line in DOC.read_text(encoding="utf-8").splitlines():
        for package, modules in re.findall(r"`((?:claims|db|tui)/[\w/]+/)` \(([^)]*)\)", line):
            for module in re.findall(r"`([\w/]+(?:\.py|/))`", modules):
                assert (ROOT / package / module).exists(), f"{package}{module}"


def test_the_path_finder_sees_paths_in_backticks_and_in_the_picture() -> None:
    text = 'x `claims/store/sources/` y\n    db["db/ — tables"] `tui/app.py`.'
    assert named_paths(text) == {"claims/store/sources/", "db/", "tui/app.py"}
