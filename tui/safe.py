"""The one way untrusted text reaches a widget: inert `Content`, never markup.

Textual parses a plain `str` given to Static, Label, DataTable cells or Tree labels as markup,
so `[@click=app.quit]` in an article would become a working action link, and `[/]` a crash.
Rich and Textual also pass ESC and C1 controls through to the terminal. Everything shown
from the database goes through these helpers (a test forbids other routes in `tui/`).
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style

from claims.text.display import display_safe, one_line


def ui(text: str | None, width: int | None = None, style: str | Style = "") -> Content:
    """Untrusted text on one line, shortened to `width`, as inert content."""
    return (
        Content.styled(one_line(text or "", width), style)
        if style
        else Content(one_line(text or "", width))
    )


def ui_block(text: str | None, style: str | Style = "") -> Content:
    """Untrusted text keeping its line breaks, as inert content."""
    safe = display_safe(text or "")
    return Content.styled(safe, style) if style else Content(safe)


def plain(text: str | None, width: int | None = None) -> str:
    """Untrusted text as a display-safe plain string, for APIs that only take `str`
    (notifications with `markup=False`, screen titles)."""
    return one_line(text or "", width)
