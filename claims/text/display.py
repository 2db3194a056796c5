"""The one way untrusted text reaches a terminal: control and bidi characters made visible.

Rich and Textual pass ESC and C1 controls straight to the terminal, so an article could set
the window title, write the clipboard or overwrite "FALSE" with "TRUE". Every piece of
document text shown by the CLI or the TUI goes through `display_safe` first; the stored text
is never changed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_KEEP = frozenset("\n\t")
_JSON_UNSAFE = re.compile("[\u0080-\u009f\u2028\u2029" + "".join(sorted(BIDI_CONTROLS)) + "]")


def display_safe(text: str) -> str:
    """Text with control characters as `\\xNN` and format characters as `⟨U+XXXX⟩`.

    Idempotent: the markers it writes are ordinary printable characters.
    """
    if text.isprintable():
        return text
    out: list[str] = []
    for ch in text:
        if ch in _KEEP or ch.isprintable():
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category == "Cc":
            out.append(f"\\x{ord(ch):02x}")
        elif ch in BIDI_CONTROLS or category in ("Cf", "Zl", "Zp"):
            out.append(f"⟨U+{ord(ch):04X}⟩")
        else:
            out.append(ch)
    return "".join(out)


def one_line(text: str, width: int | None = None) -> str:
    """Display-safe text on a single line, shortened with an ellipsis to `width`."""
    flat = " ".join(display_safe(text).split())
    if width is not None and len(flat) > width:
        return flat[: max(width - 1, 0)] + "…"
    return flat


def tail(text: str, width: int) -> str:
    """Display-safe text on one line keeping its end (file names end paths), to `width`."""
    flat = one_line(text)
    return flat if len(flat) <= width else "…" + flat[-(width - 1) :]


def safe_json_dumps(value: Any, *, indent: int | None = 2) -> str:
    """JSON whose text cannot drive a terminal: C1, bidi and line separators are escaped."""
    raw = json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", raw)
