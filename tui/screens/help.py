"""The help screen: every key of every screen, with its binding id (for remapping).

It reads the key registry (`tui.keys`), where each screen lists its own keys, so it imports
no screen.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.keys import DIALOG_KEYS, key_label, key_sections, keys_section
from tui.palette import PALETTE


def binding_sections() -> list[tuple[str, list[Binding]]]:
    """Every registered section's bindings, in the order the help screen lists them."""
    return [(section.title, list(section.bindings)) for section in key_sections()]


@keys_section(*DIALOG_KEYS)
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
        keys = key_label(keymap.get(binding.id or "", binding.key))
        name = PALETTE.get(binding.id or "", binding.description)
        return Content.assemble((f"{keys:22}", "bold"), f"{name:44}", (binding.id or "", "dim"))

    def action_close(self) -> None:
        self.dismiss(None)
