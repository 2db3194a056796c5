"""A footer that shows whole keys: when they do not all fit, the last ones are left out.

Textual's footer cuts the line at the terminal's edge, which left a bare `f4` without its
label. This one keeps only the keys that fit with their labels, always keeps `f1 Help` (the
help lists every key), and lays itself out again when the terminal is resized.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ACTION = "help"
"""The action whose key is never left out."""


def key_width(key: FooterKey) -> int:
    """Cells a compact footer key takes: the key, a space, the label and a margin."""
    label = f" {key.description}" if key.description else ""
    return len(key.key_display) + len(label) + 1


def fitting(keys: list[Widget], width: int) -> list[Widget]:
    """The keys that fit in `width` cells, in order; the help key stays, the last ones go."""
    kept = list(keys)
    while sum(key_width(k) for k in kept if isinstance(k, FooterKey)) > width:
        dropped = next(
            (
                k
                for k in reversed(kept)
                if isinstance(k, FooterKey) and k.action.split("(")[0] != HELP_ACTION
            ),
            None,
        )
        if dropped is None:
            break
        kept.remove(dropped)
    return kept


class KeyFooter(Footer):
    """The workbench's footer: compact, without the palette key, whole keys only."""

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self._laid_out_for = 0

    def compose(self) -> ComposeResult:
        width = self.size.width or self.app.size.width
        self._laid_out_for = width
        yield from fitting(list(super().compose()), width)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._laid_out_for:
            self.call_after_refresh(self.recompose)
