"""The key registry the help screen reads, and keys written as people type them.

Each screen, widget or dialog registers its bindings under a section title where it is
defined, so the help screen lists every key without importing the screens that own them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from textual.binding import Binding, BindingType
from textual.keys import format_key

T = TypeVar("T")


@dataclass
class KeySection:
    """One section of the help screen: a title, where it is listed, and its bindings."""

    title: str
    order: int
    bindings: list[Binding] = field(default_factory=list)


DIALOG_KEYS = ("Dialogs", 70)
"""The help section that lists the keys of every dialog."""

_SECTIONS: dict[str, KeySection] = {}


def register_keys(title: str, order: int, bindings: Iterable[BindingType]) -> None:
    """List `bindings` in the help under `title` (sections sort by `order`)."""
    section = _SECTIONS.setdefault(title, KeySection(title, order))
    for binding in bindings:
        if isinstance(binding, Binding) and binding not in section.bindings:
            section.bindings.append(binding)


def keys_section(title: str, order: int) -> Callable[[T], T]:
    """Class decorator: list the class's BINDINGS in the help under `title`."""

    def register(cls: T) -> T:
        register_keys(title, order, getattr(cls, "BINDINGS", []))
        return cls

    return register


def key_sections() -> list[KeySection]:
    """Every registered section, in help order."""
    return sorted(_SECTIONS.values(), key=lambda section: section.order)


def key_label(keys: str) -> str:
    """Keys as typed: `right_square_bracket` is `]`, `slash` is `/`; named keys (`enter`,
    `ctrl+s`, `pageup`) keep their names; several keys are joined with commas."""
    return ", ".join(_one_key(key.strip()) for key in keys.split(","))


def _one_key(key: str) -> str:
    *modifiers, name = key.split("+")
    shown = format_key(name)
    typed = len(shown) == 1 and shown.isascii() and shown.isprintable()
    return "+".join([*modifiers, shown if typed else name])
