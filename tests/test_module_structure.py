"""The shape of the code: no import cycles between modules, small modules, a small `store/` top.

Imports are read with `ast` (function-level ones too, which hide a cycle rather than remove
it). Importing `a.b.c` runs the `__init__` of `a` and `a.b` first, so those count as imported
too, except the importing module's own parent packages, which are always running already.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).parent.parent
PACKAGES = ("claims", "db", "tui")
MAX_LINES = 600
STORE_TOP_LEVEL = 12

KNOWN_LONG: set[str] = set()
"""Modules over the limit that are being split by concept; a stale entry fails."""


def module_files() -> dict[str, Path]:
    """Every module of the project, by dotted name (a package by its own name)."""
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.relative_to(ROOT).parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imported_names(module: str, path: Path) -> Iterator[str]:
    """The dotted names one module imports, with `from . import x` made absolute."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph() -> dict[str, set[str]]:
    """Module -> the project modules whose code runs when it imports (parents included)."""
    modules = module_files()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for module, path in modules.items():
        own_parents = {".".join(module.split(".")[:i]) for i in range(1, module.count(".") + 1)}
        for name in imported_names(module, path):
            parts = name.split(".")
            for i in range(1, len(parts) + 1):
                target = ".".join(parts[:i])
                if target in modules and target != module and target not in own_parents:
                    graph[module].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles_between_modules() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle_through_a_package_face() -> None:
    graph = {
        "store.sources": {"store.sources.edits"},
        "store.sources.edits": {"store.review.sources"},
        "store.review.sources": {"store.sources"},
        "store.other": set(),
    }
    assert cycles(graph) == [["store.review.sources", "store.sources", "store.sources.edits"]]


def test_a_module_importing_a_sibling_does_not_cycle_through_its_own_package() -> None:
    graph = import_graph()
    assert "claims.store.sources" in graph["claims.store.review.undo"]
    assert "claims.store.sources" not in graph["claims.store.sources.edits"]
    assert "claims.store.sources.listing" in graph["claims.store.sources.edits"]


def test_no_module_is_over_600_lines() -> None:
    long = {
        str(path.relative_to(ROOT))
        for path in module_files().values()
        if len(path.read_text(encoding="utf-8").splitlines()) > MAX_LINES
    }
    assert sorted(long - KNOWN_LONG) == []
    assert sorted(KNOWN_LONG - long) == [], "split already: remove from KNOWN_LONG"


def test_store_top_level_holds_at_most_twelve_modules() -> None:
    store = ROOT / "claims" / "store"
    entries = [
        p.name
        for p in store.iterdir()
        if (p.suffix == ".py") or (p.is_dir() and (p / "__init__.py").exists())
    ]
    assert len(entries) <= STORE_TOP_LEVEL, sorted(entries)
