"""The workbench's module structure: no import cycles, and a help screen that imports no screen."""

from __future__ import annotations

import ast
from pathlib import Path

from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

import tui.app
from tui.keys import key_label
from tui.screens.help import binding_sections

ROOT = Path(__file__).parent.parent
TUI = ROOT / "tui"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every tui module `path` imports, at the top, inside functions or for type checking."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.split(".")[0] == "tui"}


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in TUI.rglob("*.py")}
    return {name: imported_modules(path) & set(modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle, as the list of modules along it."""
    found: list[list[str]] = []
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            found.append([*path[path.index(name) :], name])
            return
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, [*path, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
    return found


def test_no_import_cycle_in_the_workbench() -> None:
    assert cycles(import_graph()) == []


def test_screens_never_import_the_app() -> None:
    graph = import_graph()
    importers = sorted(name for name, targets in graph.items() if "tui.app" in targets)
    assert importers == ["tui.command"], "only the `claims review` command may import the app"


def test_help_imports_no_screen_or_widget() -> None:
    targets = import_graph()["tui.screens.help"]
    assert sorted(t for t in targets if t.startswith(("tui.screens", "tui.widgets"))) == []


def classes_with_bindings() -> list[type]:
    found: list[type] = []
    pending: list[type] = [Screen, Widget]
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        if cls.__module__.startswith("tui.") and "BINDINGS" in vars(cls):
            found.append(cls)
    return found


def test_every_screen_and_widget_registers_its_keys_for_the_help() -> None:
    listed = {b.id for _, bindings in binding_sections() for b in bindings}
    for cls in classes_with_bindings():
        ids = {b.id for b in vars(cls)["BINDINGS"] if isinstance(b, Binding)}
        assert ids <= listed, f"{cls.__name__} does not register {sorted(ids - listed)}"
    assert {b.id for b in tui.app.ClaimsApp.BINDINGS if isinstance(b, Binding)} <= listed


def test_keys_are_shown_as_typed() -> None:
    assert key_label("right_square_bracket") == "]"
    assert key_label("slash") == "/"
    assert key_label("f1,question_mark") == "f1, ?"
    assert key_label("ctrl+s") == "ctrl+s"
    assert key_label("escape,enter") == "escape, enter"
