"""The help screen: every key of every screen, with its binding id (for remapping)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.commands import PALETTE


def binding_sections() -> list[tuple[str, list[Binding]]]:
    """Every screen's bindings, in the order the help screen lists them."""
    from tui.app import ClaimsApp
    from tui.screens.claims import ClaimsScreen
    from tui.screens.detail import ClaimDetailScreen
    from tui.screens.dialogs import DIALOG_BINDINGS, ConflictDialog
    from tui.screens.queue import QueueScreen
    from tui.screens.reader import DocumentScreen
    from tui.screens.sources import SourcesScreen
    from tui.widgets.virtual_table import VirtualTable

    sections: list[tuple[str, list[BindingType]]] = [
        ("Everywhere", ClaimsApp.BINDINGS),
        ("Claims", ClaimsScreen.BINDINGS),
        ("Claim detail", ClaimDetailScreen.BINDINGS),
        ("Document reader", DocumentScreen.BINDINGS),
        ("Conflicts queue", QueueScreen.BINDINGS),
        ("Sources", SourcesScreen.BINDINGS),
        ("Tables", VirtualTable.BINDINGS),
        ("Dialogs", [*DIALOG_BINDINGS, *ConflictDialog.BINDINGS, *HelpScreen.BINDINGS]),
    ]
    return [(title, [b for b in found if isinstance(b, Binding)]) for title, found in sections]


class HelpScreen(ModalScreen[None]):
    """Lists the keys; escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", "Close", id="help.close", tooltip="Close the help"),
    ]

    def compose(self) -> ComposeResult:
        keymap: dict[str, str] = getattr(self.app, "keymap", {})
        with VerticalScroll(classes="dialog help"):
            yield Label("Keys (remap by binding id: see docs/review.md)", classes="dialog-title")
            for title, bindings in binding_sections():
                yield Label(Content(title), classes="section")
                yield Static(Content("\n").join(self._line(b, keymap) for b in bindings))

    def _line(self, binding: Binding, keymap: dict[str, str]) -> Content:
        keys = keymap.get(binding.id or "", binding.key)
        name = PALETTE.get(binding.id or "", binding.description)
        return Content.assemble((f"{keys:22}", "bold"), f"{name:44}", (binding.id or "", "dim"))

    def action_close(self) -> None:
        self.dismiss(None)
