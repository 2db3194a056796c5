"""The review workbench: a Textual app on the claims database.

Three views (claims, the triage queue, sources) each keep their own stack of screens (claim
detail, document reader). Every review action runs in a thread worker through the review
service and comes back as a small message; the screens then read their data again.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.content import Content

from claims.errors import ClaimsError
from claims.reports.files import write_new_file
from claims.reports.formats import export_warnings, render
from claims.reports.schema import ExportSelection
from claims.review_scale import GRADES
from claims.store.exports import read_export
from claims.store.review import ActionResult, EditConflict, ReviewService
from claims.store.views import filtered_claim_ids
from db.base import utcnow
from db.engine import Database
from db.errors import StorageError
from tui.keys import keys_section
from tui.messages import ActionFailed, ActionRefused, ActionSaved, ExportWritten
from tui.palette import WorkbenchCommands
from tui.safe import plain
from tui.screens.base import DataScreen
from tui.screens.claims import ClaimsScreen
from tui.screens.detail import ClaimDetailScreen
from tui.screens.dialogs import ChoiceDialog, ConflictDialog, TextDialog
from tui.screens.help import HelpScreen
from tui.screens.queue import QueueScreen
from tui.screens.reader import DocumentScreen
from tui.screens.sources import SourcesScreen
from tui.workbench import ExportScope

THEMES = ("textual-dark", "textual-light")
KEYMAP_VARIABLE = "CLAIMS_KEYMAP"
"""Environment variable naming a TOML file of `binding_id = "key"` lines."""


@keys_section("Everywhere", 0)
class ClaimsApp(App[None]):
    """Where a fact-checker reviews claims, relations and sources."""

    CSS_PATH = "app.tcss"
    TITLE = "claims"
    MODES: ClassVar[dict[str, Callable[[], ClaimsScreen | QueueScreen | SourcesScreen]]] = {  # type: ignore[assignment]
        "claims": ClaimsScreen,
        "queue": QueueScreen,
        "sources": SourcesScreen,
    }
    DEFAULT_MODE = "claims"
    COMMANDS = App.COMMANDS | {WorkbenchCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, tooltip="Quit"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Palette",
            id="app.palette",
            priority=True,
            show=False,
            tooltip="Every action of this screen by name",
        ),
        Binding("f1,question_mark", "help", "Help", id="app.help", tooltip="Every key"),
        Binding("ctrl+z", "undo", "Undo", id="app.undo", tooltip="Undo your last action"),
        Binding("f2", "switch_view('claims')", "Claims", id="app.claims", tooltip="All claims"),
        Binding("f3", "switch_view('queue')", "Queue", id="app.queue", tooltip="Triage queue"),
        Binding(
            "f4", "switch_view('sources')", "Sources", id="app.sources", tooltip="Source registry"
        ),
        Binding("f5", "reload", "Reload", id="app.reload", show=False, tooltip="Read again"),
        Binding(
            "ctrl+t", "toggle_theme", "Theme", id="app.theme", show=False, tooltip="Light or dark"
        ),
    ]

    def __init__(
        self,
        database: Database,
        reviewer: str,
        filter_text: str = "",
        *,
        keymap: dict[str, str] | None = None,
        service: ReviewService | None = None,
    ) -> None:
        super().__init__()
        self.database = database
        self.reviewer = reviewer
        self.filter_text = filter_text
        self.service = service or ReviewService(database, reviewer, now=utcnow)
        self.keymap = dict(keymap or {})
        self.data_version = 0
        """Bumped by every saved action; screens reload when they see a newer one."""
        self.theme = THEMES[0]

    def on_mount(self) -> None:
        where = self.database.path.name if self.database.path else self.database.display
        self.sub_title = plain(f"reviewer: {self.reviewer} · {where}", 100)
        if self.keymap:
            self.set_keymap(self.keymap)

    # --- running review actions ------------------------------------------------------

    def submit(self, action: Callable[[ReviewService], ActionResult]) -> None:
        """Run a review action in a thread; its outcome comes back as a message."""
        self.run_worker(lambda: self._run_action(action), thread=True, group="review")

    def _run_action(self, action: Callable[[ReviewService], ActionResult]) -> None:
        try:
            self.post_message(ActionSaved(action(self.service)))
        except EditConflict as conflict:
            self.post_message(ActionRefused(conflict))
        except (ClaimsError, StorageError) as exc:
            self.post_message(ActionFailed(str(exc)))

    def export(self, scope: ExportScope, format_name: str, path: Path) -> None:
        """Write an export in a thread (one read transaction, atomic file, never clobbering)."""

        def work() -> None:
            try:
                selection = scope.selection
                if scope.claim_filter is not None:
                    with self.database.read() as session:
                        ids = filtered_claim_ids(session, scope.claim_filter)
                    if not ids:
                        raise ClaimsError("no claims match the filter: nothing exported")
                    selection = ExportSelection(claim_ids=ids)
                data = read_export(self.database, selection)
                write_new_file(path, render(data, format_name))
            except (ClaimsError, StorageError, OSError) as exc:
                self.post_message(ActionFailed(str(exc)))
                return
            what = f"{scope.label} as {format_name}"
            self.post_message(ExportWritten(what, path, export_warnings(data, format_name)))

        self.run_worker(work, thread=True, group="export")

    def on_export_written(self, message: ExportWritten) -> None:
        self.notify(plain(f"{message.what} → {message.path}", 200), title="Exported", markup=False)
        if message.warnings:
            more = f" (and {len(message.warnings) - 1} more)" if len(message.warnings) > 1 else ""
            self.notify(
                plain(message.warnings[0] + more, 300),
                title="Exported, with a warning",
                severity="warning",
                markup=False,
            )

    def on_action_saved(self, message: ActionSaved) -> None:
        self.notify(plain(message.result.summary), title="Saved", markup=False)
        self._data_changed()

    def on_action_refused(self, message: ActionRefused) -> None:
        self.push_screen(ConflictDialog(message.conflict), lambda _: self._data_changed())

    def on_action_failed(self, message: ActionFailed) -> None:
        self.notify(plain(message.error), title="Not saved", severity="error", markup=False)

    def _data_changed(self) -> None:
        self.data_version += 1
        if isinstance(self.screen, DataScreen):
            self.screen.loaded_version = self.data_version
            self.screen.refresh_data()

    # --- navigation ------------------------------------------------------------------

    def open_claim(self, claim_id: int) -> None:
        self.push_screen(ClaimDetailScreen(claim_id))

    def open_document(self, document_id: int, claim_id: int | None = None) -> None:
        self.push_screen(DocumentScreen(document_id, claim_id))

    def show_source(self, source_id: int) -> None:
        self.switch_mode("sources")
        screen = self.screen
        if isinstance(screen, SourcesScreen):
            screen.show_source(source_id)

    def show_claims(self, filter_text: str) -> None:
        self.switch_mode("claims")
        screen = self.screen
        if isinstance(screen, ClaimsScreen):
            screen.set_filter(filter_text)

    def edit_source_grade(
        self, source_id: int, seen_version: int, name: str, current: str | None
    ) -> None:
        """Ask for a grade (the dialog names the current one), then a rationale, then save
        both as one action."""
        choices = [
            (grade, grade, Content(f"{label}  ← current" if grade == current else label))
            for grade, label in GRADES.items()
        ]

        def ask_rationale(grade: str | None) -> None:
            if grade is None:
                return
            title = f"Why grade {name} {grade}?"

            def save(rationale: str | None) -> None:
                if rationale is not None:
                    self.submit(
                        lambda s: s.set_source_grade(source_id, seen_version, grade, rationale)
                    )

            self.push_screen(TextDialog(plain(title, 90), "", multiline=True), save)

        now = f"now {current} ({GRADES.get(current, '')})" if current else "not graded yet"
        title = plain(f"Grade of {name}: {now}", 110)
        self.push_screen(ChoiceDialog(title, choices, current), ask_rationale)

    def action_switch_view(self, mode: str) -> None:
        self.switch_mode(mode)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_undo(self) -> None:
        self.submit(lambda s: s.undo())

    def action_reload(self) -> None:
        self._data_changed()

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]


def keymap_from_environment() -> dict[str, str]:
    """User key remapping (`binding id = "keys"`), from the file CLAIMS_KEYMAP names."""
    path = os.environ.get(KEYMAP_VARIABLE)
    if not path:
        return {}
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ClaimsError(f"{path}: cannot read the keymap ({exc})") from None
    return {str(key): str(value) for key, value in data.items() if isinstance(value, str)}


def make_app(
    database: Database,
    reviewer: str,
    filter_text: str = "",
    *,
    keymap: dict[str, str] | None = None,
    service: ReviewService | None = None,
) -> ClaimsApp:
    """The workbench on `database`, acting as `reviewer`, with the claims filter preset."""
    return ClaimsApp(database, reviewer, filter_text, keymap=keymap, service=service)
