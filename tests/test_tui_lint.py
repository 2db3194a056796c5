"""A lint over tui/: text reaches widgets only as literals or built content, never a raw str.

Textual parses a str given to Static, Label, Button, Option or `update` as markup, so data in
it could become a click action; and notify must say `markup=False`. The hostile-input tests
check the result at run time; this check stops the mistake at the source.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TUI = Path(__file__).parent.parent / "tui"
WIDGET_SINKS = frozenset({"Static", "Label", "Button", "RadioButton", "Option", "Rule"})
METHOD_SINKS = frozenset({"update", "add_row", "add_column", "add_option", "set_label"})
UNSAFE_CALLS = frozenset({"str", "repr", "format", "plain", "one_line", "display_safe", "tail"})
"""Calls that produce a plain str (plain() is for notify and titles only)."""


def call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def is_content(node: ast.expr) -> bool:
    """A literal, or a call that builds content (ui(), Content..., render helpers)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.IfExp):
        return is_content(node.body) and is_content(node.orelse)
    if isinstance(node, ast.Call):
        func = node.func
        joins_literal = (
            isinstance(func, ast.Attribute)
            and func.attr == "join"
            and isinstance(func.value, ast.Constant)
        )
        return call_name(node) not in UNSAFE_CALLS and not joins_literal
    return False


def is_plain_text(node: ast.expr) -> bool:
    """What notify and titles may take: a literal, plain(...), or an f-string of ids only."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Call):
        return call_name(node) == "plain"
    if isinstance(node, ast.JoinedStr):
        return all(
            isinstance(part, ast.Constant)
            or (isinstance(part, ast.FormattedValue) and names_an_id(part.value))
            for part in part_list(node)
        )
    return False


def part_list(node: ast.JoinedStr) -> list[ast.expr]:
    return list(node.values)


def names_an_id(node: ast.expr) -> bool:
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")
    return name == "id" or name.endswith("_id")


def problems(source: str, filename: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        where = f"{filename}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call):
            name = call_name(node)
            is_widget = isinstance(node.func, ast.Name) and name in WIDGET_SINKS
            is_method = isinstance(node.func, ast.Attribute) and name in METHOD_SINKS
            if (is_widget or is_method) and node.args and not is_content(node.args[0]):
                found.append(f"{where}: {name}() given text that is not content")
            if name == "notify":
                markup = [k for k in node.keywords if k.arg == "markup"]
                off = (
                    markup
                    and isinstance(markup[0].value, ast.Constant)
                    and not markup[0].value.value
                )
                if not off:
                    found.append(f"{where}: notify() without markup=False")
                if node.args and not is_plain_text(node.args[0]):
                    found.append(f"{where}: notify() given text not made safe with plain()")
        if isinstance(node, ast.Assign):
            for target in node.targets:
                titled = isinstance(target, ast.Attribute) and target.attr in {"title", "sub_title"}
                if titled and not is_plain_text(node.value):
                    found.append(f"{where}: a title set from unchecked text")
    return found


@pytest.mark.parametrize("path", sorted(TUI.rglob("*.py")), ids=lambda p: p.name)
def test_tui_module_passes_text_only_as_content(path: Path) -> None:
    assert problems(path.read_text(encoding="utf-8"), path.name) == []


@pytest.mark.parametrize(
    "bad",
    [
        "Static(claim.text)",
        "Label(f'{title}')",
        "widget.update(name + suffix)",
        "table.add_row(str(row))",
        "Static(plain(text))",
        "self.notify(message)",
        "self.notify('x')",
        "self.notify(message, markup=False)",
        "self.title = document.title",
        "self.sub_title = f'{document.title}'",
        "Option(', '.join(names))",
    ],
)
def test_the_lint_catches_unsafe_text(bad: str) -> None:
    assert problems(bad, "example.py")


@pytest.mark.parametrize(
    "good",
    [
        "Static(ui(claim.text))",
        "Label('Rationale:')",
        "widget.update(Content.assemble(a, b))",
        "self.notify(plain(error), markup=False)",
        "self.title = f'Claim #{self.claim_id}'",
        "Static(ui(x) if x else Content(''))",
    ],
)
def test_the_lint_allows_content(good: str) -> None:
    assert problems(good, "example.py") == []
