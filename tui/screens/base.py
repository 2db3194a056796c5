"""What the data screens share: reloading after changes, and the review actions on a claim."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen

from claims.reports.formats import FORMATS
from claims.reports.schema import ExportSelection
from claims.review_scale import CREDIBILITY
from claims.store.review import Evidence
from claims.store.views import ClaimDetail, ClaimRow
from tui.safe import plain
from tui.screens.dialogs import (
    ChoiceDialog,
    EvidenceDialog,
    TextDialog,
    VerdictChoice,
    VerdictDialog,
)
from tui.workbench import ExportScope, Workbench, workbench_of

EXPORT_BINDING = Binding(
    "x",
    "export",
    "Export",
    id="app.export",
    tooltip="Export what this screen shows: report, data, ClaimReview or PROV",
)
CLAIM_BINDINGS: list[BindingType] = [
    Binding("v", "set_verdict", "Verdict", id="claim.verdict", tooltip="Set verdict and rationale"),
    Binding("r", "write_rationale", "Rationale", id="claim.rationale", tooltip="Write rationale"),
    Binding("e", "attach_evidence", "Evidence", id="claim.evidence", tooltip="Attach evidence"),
    Binding(
        "c", "set_credibility", "Credibility", id="claim.credibility", tooltip="Credibility 1-6"
    ),
    Binding(
        "p",
        "toggle_propaganda",
        "Propaganda",
        id="claim.propaganda",
        tooltip="Flag or unflag as propaganda-sourced, with a reason",
    ),
    Binding(
        "P",
        "clear_propaganda",
        "Clear flag override",
        id="claim.propaganda_clear",
        show=False,
        tooltip="Drop the reviewer's propaganda override (back to the computed flag)",
    ),
    EXPORT_BINDING,
]


EXPORT_KEYS = {
    "json": "j",
    "md": "m",
    "html": "h",
    "csv": "c",
    "claimreview": "r",
    "prov": "p",
    "provn": "n",
}


@dataclass(frozen=True)
class ClaimRef:
    """The claim an action applies to, as the reviewer saw it (with its row version)."""

    id: int
    row_version: int
    verdict: str | None = None
    rationale: str | None = None
    credibility: int | None = None
    credibility_proposed: int | None = None
    propaganda: bool = False

    @classmethod
    def of(cls, shown: ClaimRow | ClaimDetail) -> ClaimRef:
        """The claim as a table row or the detail shows it (their fields of the same names)."""
        return cls(**{field.name: getattr(shown, field.name) for field in fields(cls)})


class DataScreen(Screen[None]):
    """A screen of database data: reloaded when shown again after something was saved."""

    loaded_version = -1
    """The app's data version this screen last loaded."""
    _titles: tuple[str | None, str | None] = (None, None)
    """The title and sub-title to show (see `show_titles`)."""

    def export_scope(self) -> ExportScope | None:
        """What `x` exports on this screen (override); None when there is nothing to export."""
        return None

    def action_export(self) -> None:
        scope = self.export_scope()
        if scope is None:
            self.notify("Nothing to export here.", severity="warning", markup=False)
            return
        choices = [
            (name, EXPORT_KEYS[name], Content(f"{name}: {spec.description}"))
            for name, spec in FORMATS.items()
        ]

        def ask_path(format_name: str | None) -> None:
            if format_name is None:
                return
            suffix = FORMATS[format_name].suffix
            default = Path.cwd() / f"claims-{scope.slug}.{suffix}"

            def write(path: str | None) -> None:
                if path:
                    self.workbench.export(scope, format_name, Path(path).expanduser())

            title = f"Export {scope.label} as {format_name} to the file:"
            self.app.push_screen(TextDialog(title, str(default)), write)

        self.app.push_screen(ChoiceDialog(f"Export {scope.label}", choices, "html"), ask_path)

    @property
    def workbench(self) -> Workbench:
        return workbench_of(self.app)

    def refresh_data(self) -> None:
        """Read the screen's data again (override)."""

    def show_titles(self, title: str | None = None, sub_title: str | None = None) -> None:
        """Set the header's titles (plain text) once the screen is on screen.

        A worker's answer can arrive after the screen was closed, while its header is being
        removed; setting a title then would fail, so titles wait until the screen is shown.
        """
        if title is not None:
            self._titles = (plain(title), self._titles[1])
        if sub_title is not None:
            self._titles = (self._titles[0], plain(sub_title))
        if self in self.app.screen_stack:
            wanted_title, wanted_sub_title = self._titles
            if wanted_title is not None:
                self.title = plain(wanted_title)
            if wanted_sub_title is not None:
                self.sub_title = plain(wanted_sub_title)

    def on_screen_resume(self) -> None:
        self.show_titles()
        if self.loaded_version != self.workbench.data_version:
            self.loaded_version = self.workbench.data_version
            self.refresh_data()


class ClaimScreen(DataScreen):
    """A screen with a current claim; subclasses list CLAIM_BINDINGS after their own keys, so
    the footer shows a screen's own keys first."""

    def current_claim(self) -> ClaimRef | None:
        """The claim under the cursor (override)."""
        return None

    def export_scope(self) -> ExportScope | None:
        claim = self.current_claim()
        if claim is None:
            return None
        selection = ExportSelection(claim_ids=[claim.id])
        return ExportScope(f"claim #{claim.id}", f"claim-{claim.id}", selection)

    def _claim_or_hint(self) -> ClaimRef | None:
        claim = self.current_claim()
        if claim is None:
            self.notify("Select a claim first.", severity="warning", markup=False)
        return claim

    def action_set_verdict(self) -> None:
        claim = self._claim_or_hint()
        if claim is None:
            return

        def save(choice: VerdictChoice | None) -> None:
            if choice is not None:
                self.workbench.submit(
                    lambda s: s.set_verdict(
                        claim.id, claim.row_version, choice.name, choice.rationale
                    )
                )

        title = f"Verdict for claim #{claim.id}"
        self.app.push_screen(VerdictDialog(title, claim.verdict, claim.rationale), save)

    def action_write_rationale(self) -> None:
        claim = self._claim_or_hint()
        if claim is None:
            return

        def save(text: str | None) -> None:
            if text is not None:
                self.workbench.submit(lambda s: s.set_rationale(claim.id, claim.row_version, text))

        dialog = TextDialog(f"Rationale for claim #{claim.id}", claim.rationale, multiline=True)
        self.app.push_screen(dialog, save)

    def action_attach_evidence(self) -> None:
        claim = self._claim_or_hint()
        if claim is None:
            return

        def save(evidence: Evidence | None) -> None:
            if evidence is not None:
                self.workbench.submit(lambda s: s.attach_evidence(claim.id, evidence))

        self.app.push_screen(EvidenceDialog(), save)

    def action_set_credibility(self) -> None:
        claim = self._claim_or_hint()
        if claim is None:
            return
        choices = [(str(n), str(n), Content(label)) for n, label in CREDIBILITY.items()]
        choices.append(("none", "0", Content("Clear (back to the proposed value)")))

        def save(value: str | None) -> None:
            if value is not None:
                level = None if value == "none" else int(value)
                self.workbench.submit(
                    lambda s: s.set_credibility(claim.id, claim.row_version, level)
                )

        current = claim.credibility or claim.credibility_proposed
        title = f"Credibility of claim #{claim.id}"
        self.app.push_screen(ChoiceDialog(title, choices, str(current) if current else None), save)

    def action_toggle_propaganda(self) -> None:
        claim = self._claim_or_hint()
        if claim is None:
            return
        flag = not claim.propaganda

        def save(reason: str | None) -> None:
            if reason is not None:
                self.workbench.submit(
                    lambda s: s.set_propaganda_override(claim.id, claim.row_version, flag, reason)
                )

        verb = "Flag" if flag else "Unflag"
        title = f"{verb} claim #{claim.id} as propaganda-sourced: why?"
        self.app.push_screen(TextDialog(title, ""), save)

    def action_clear_propaganda(self) -> None:
        claim = self._claim_or_hint()
        if claim is not None:
            self.workbench.submit(
                lambda s: s.set_propaganda_override(claim.id, claim.row_version, None, "")
            )
