"""Small modal dialogs for review input: verdict, text, choices, evidence, and conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from claims.review_scale import VERDICTS
from claims.store.review import EditConflict, Evidence
from claims.text.display import display_safe
from tui.keys import DIALOG_KEYS, keys_section, register_keys
from tui.safe import ui

DIALOG_BINDINGS: list[BindingType] = [
    Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close without saving"),
    Binding("ctrl+s", "save", "Save", id="dialog.save", tooltip="Save and close"),
]
register_keys(*DIALOG_KEYS, DIALOG_BINDINGS)


def editable(text: str | None) -> str:
    """Stored text made safe to put into an input box (controls shown, not sent)."""
    return display_safe(text or "")


RATIONALE_FROM_LIST = "Rationale (a key 0-7 picks the verdict and moves here; so does tab):"
RATIONALE_IN_BOX = "Rationale (ctrl+s saves it with the verdict above; esc cancels):"


@dataclass(frozen=True)
class VerdictChoice:
    """What the verdict dialog returns: the verdict (None clears it) and a changed rationale."""

    name: str | None
    rationale: str | None


class Dialog(ModalScreen[Any]):
    """Base of the dialogs: escape cancels, ctrl+s saves.

    Nothing typed is lost without a word: keys typed while a button has focus (after a tab
    out of the text box) go back into the box, and escape asks again before it throws away
    text that was typed.
    """

    BINDINGS: ClassVar[list[BindingType]] = DIALOG_BINDINGS

    typed_at_open = ""
    """The text box's content when the dialog opened (to tell whether anything was typed)."""
    _warned = False

    def text_box(self) -> TextArea | Input | None:
        """The dialog's main text box, if it has one."""
        for box in self.query("#text, #rationale, #ref"):
            if isinstance(box, TextArea | Input):
                return box
        return None

    def typed(self) -> str:
        box = self.text_box()
        return box.text if isinstance(box, TextArea) else box.value if box else ""

    def on_key(self, event: Key) -> None:
        box = self.text_box()
        if box is None or not isinstance(self.focused, Button):
            return
        if event.is_printable and event.character and event.key != "enter":
            event.stop()
            event.prevent_default()
            box.focus()
            if isinstance(box, TextArea):
                box.insert(event.character)
            else:
                box.insert_text_at_cursor(event.character)

    def action_cancel(self) -> None:
        if self.typed() != self.typed_at_open and not self._warned:
            self._warned = True
            self.query_one("#problem", Static).update(
                Content.styled(
                    "You typed something: escape again throws it away, ctrl+s saves.", "bold yellow"
                )
            )
            return
        self.dismiss(None)

    def action_save(self) -> None:
        raise NotImplementedError

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="buttons"):
            yield Button("Save (ctrl+s)", id="save", variant="primary")
            yield Button("Cancel (esc)", id="cancel")


class VerdictDialog(Dialog):
    """Pick a verdict from the scale (keys 1-7, 0 clears) and write the rationale."""

    def __init__(self, title: str, current: str | None, rationale: str | None) -> None:
        super().__init__()
        self.heading = title
        self.current = current
        self.rationale = editable(rationale)

    def compose(self) -> ComposeResult:
        options = [
            Option(
                Content.assemble((f"{n} ", "bold"), (v.label, "bold"), f"  {v.description}"), v.name
            )
            for n, v in enumerate(VERDICTS, 1)
        ]
        options.append(Option(Content.assemble(("0 ", "bold"), "No verdict (clear)"), "none"))
        with Vertical(classes="dialog"):
            yield Label(ui(self.heading), classes="dialog-title")
            yield OptionList(*options, id="verdicts")
            yield Label(Content(RATIONALE_FROM_LIST), id="rationale-label")
            yield TextArea(self.rationale, id="rationale", soft_wrap=True)
            yield Static("", id="problem")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.typed_at_open = self.rationale
        options = self.query_one("#verdicts", OptionList)
        names = [v.name for v in VERDICTS]
        options.highlighted = names.index(self.current) if self.current in names else 0
        options.focus()

    def on_descendant_focus(self) -> None:
        in_list = self.focused is self.query_one("#verdicts")
        label = RATIONALE_FROM_LIST if in_list else RATIONALE_IN_BOX
        self.query_one("#rationale-label", Label).update(Content(label))

    def on_key(self, event: Key) -> None:
        digit = event.character or ""
        if self.focused is self.query_one("#verdicts") and len(digit) == 1 and digit in "01234567":
            index = int(digit) - 1 if digit != "0" else len(VERDICTS)
            self.query_one("#verdicts", OptionList).highlighted = index
            self.query_one("#rationale", TextArea).focus()
            event.stop()
            event.prevent_default()  # Dialog.on_key (called next, by Textual) must not see it

    @on(OptionList.OptionSelected, "#verdicts")
    def _picked(self) -> None:
        self.query_one("#rationale", TextArea).focus()

    def action_save(self) -> None:
        options = self.query_one("#verdicts", OptionList)
        index = options.highlighted
        if index is None:
            return
        value = options.get_option_at_index(index).id
        text = self.query_one("#rationale", TextArea).text
        changed = text if text != self.rationale else None
        self.dismiss(VerdictChoice(None if value == "none" else value, changed))


class TextDialog(Dialog):
    """One piece of text: a rationale (several lines), a reason, an alias or an id."""

    def __init__(
        self,
        title: str,
        initial: str | None = "",
        *,
        multiline: bool = False,
        required: bool = True,
    ) -> None:
        super().__init__()
        self.heading = title
        self.initial = editable(initial)
        self.multiline = multiline
        self.required = required

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(ui(self.heading), classes="dialog-title")
            if self.multiline:
                yield TextArea(self.initial, id="text", soft_wrap=True)
            else:
                yield Input(self.initial, id="text")
            yield Static("", id="problem")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.typed_at_open = self.initial
        self.query_one("#text").focus()

    @on(Input.Submitted, "#text")
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        box = self.query_one("#text")
        text = (
            box.text if isinstance(box, TextArea) else box.value if isinstance(box, Input) else ""
        )
        if self.required and not text.strip():
            self.query_one("#problem", Static).update(
                Content.styled("Please write something.", "red")
            )
            return
        self.dismiss(text)


class ChoiceDialog(Dialog):
    """Pick one of a few values; each has a key that picks it at once."""

    def __init__(
        self, title: str, choices: list[tuple[str, str, Content]], current: str | None
    ) -> None:
        """`choices` holds (value, key, label)."""
        super().__init__()
        self.heading = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        options = [
            Option(Content.assemble((f"{key} ", "bold"), label), value)
            for value, key, label in self.choices
        ]
        with Vertical(classes="dialog"):
            yield Label(ui(self.heading), classes="dialog-title")
            yield OptionList(*options, id="choices")
            yield from self.buttons()

    def on_mount(self) -> None:
        values = [value for value, _, _ in self.choices]
        options = self.query_one("#choices", OptionList)
        options.highlighted = values.index(self.current) if self.current in values else 0
        options.focus()

    def on_key(self, event: Key) -> None:
        for value, key, _ in self.choices:
            if event.character is not None and event.character.lower() == key.lower():
                event.stop()
                self.dismiss(value)
                return

    @on(OptionList.OptionSelected, "#choices")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_save(self) -> None:
        options = self.query_one("#choices", OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)


class EvidenceDialog(Dialog):
    """Attach another claim, a stored document or a web page as evidence."""

    KINDS = (
        ("claim", "Another claim (its id)"),
        ("document", "A document (its id)"),
        ("url", "A web page (http or https URL)"),
    )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Attach evidence", classes="dialog-title")
            with RadioSet(id="kind"):
                for index, (_, label) in enumerate(self.KINDS):
                    yield RadioButton(Content(label), value=index == 2)
            yield Input(placeholder="claim id, document id or URL", id="ref")
            yield Input(placeholder="note (optional)", id="note")
            yield Static("", id="problem")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#ref").focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        pressed = self.query_one("#kind", RadioSet).pressed_index
        kind = self.KINDS[pressed if pressed >= 0 else 2][0]
        try:
            evidence = Evidence(
                kind=kind,
                ref=self.query_one("#ref", Input).value.strip(),
                note=self.query_one("#note", Input).value,
            )
        except ValidationError:
            self.query_one("#problem", Static).update(Content.styled("Give an id or a URL.", "red"))
            return
        self.dismiss(evidence)


def _shown(value: object) -> str:
    return "—" if value is None or value == "" else str(value)


def _cell(text: str, width: int) -> Content:
    return ui(text, width).truncate(width, pad=True)


@keys_section(*DIALOG_KEYS)
class ConflictDialog(ModalScreen[None]):
    """Someone saved the same row first: show both versions; the fresh state follows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,enter",
            "dismiss_dialog",
            "Show fresh state",
            id="conflict.close",
            tooltip="Close",
        ),
    ]

    def __init__(self, conflict: EditConflict) -> None:
        super().__init__()
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        conflict = self.conflict
        names = sorted(set(conflict.yours) | set(conflict.theirs))
        lines = [Content.styled(f"{'field':24} {'yours':30} theirs (saved)", "bold")]
        for name in names:
            yours, theirs = conflict.yours.get(name, "—"), conflict.theirs.get(name, "—")
            lines.append(
                Content.assemble(
                    _cell(name, 24), " ", _cell(_shown(yours), 30), " ", ui(_shown(theirs), 60)
                )
            )
        draft = (
            f"Your input is kept as draft #{conflict.draft_id}; it is shown in the claim's history."
            if conflict.draft_id
            else "Nothing was saved."
        )
        with Vertical(classes="dialog conflict"):
            yield Label("Not saved: someone else changed this first", classes="dialog-title")
            yield Static(ui(conflict.describe()))
            yield Static(Content("\n").join(lines))
            yield Static(ui(draft))
            with Horizontal(classes="buttons"):
                yield Button("Show the fresh state (enter)", id="close", variant="primary")

    @on(Button.Pressed, "#close")
    def action_dismiss_dialog(self) -> None:
        self.dismiss(None)
