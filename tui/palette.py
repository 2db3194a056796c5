"""The command palette: every action that fits the current screen, by its binding id.

Names read "claim: Set verdict", "source: Edit grade"; each runs the same action as its key,
so the palette and the footer can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

PALETTE: dict[str, str] = {
    "app.quit": "app: Quit",
    "app.help": "app: Help (every key)",
    "app.undo": "app: Undo my last action",
    "app.export": "app: Export what this screen shows",
    "app.reload": "app: Reload from the database",
    "app.theme": "app: Toggle light/dark theme",
    "app.claims": "view: Claims",
    "app.queue": "view: Conflicts queue",
    "app.sources": "view: Sources",
    "claims.filter": "claims: Filter",
    "claims.clear": "claims: Clear filter",
    "claims.open": "claim: Open detail",
    "claims.document": "claim: Open document",
    "claims.sort": "claims: Sort by next column",
    "claims.sort_reverse": "claims: Reverse sort",
    "claim.verdict": "claim: Set verdict",
    "claim.rationale": "claim: Write rationale",
    "claim.evidence": "claim: Attach evidence",
    "claim.credibility": "claim: Set credibility",
    "claim.propaganda": "claim: Flag or unflag propaganda",
    "claim.propaganda_clear": "claim: Clear propaganda override",
    "detail.back": "view: Back",
    "detail.open": "claim: Jump to related claim",
    "detail.document": "claim: Open document",
    "relation.confirm": "relation: Confirm",
    "relation.reject": "relation: Reject",
    "source.grade": "source: Edit grade",
    "source.alias": "source: Add alias",
    "source.merge": "source: Merge into another",
    "sources.filter": "sources: Filter",
    "sources.clear": "sources: Clear filter",
    "sources.claims": "source: Show its claims",
    "reader.back": "view: Back",
    "reader.next_claim": "document: Next claim",
    "reader.previous_claim": "document: Previous claim",
    "reader.next_page": "document: Next page",
    "reader.previous_page": "document: Previous page",
    "reader.colour": "document: Colour claims by kind or flag",
    "reader.open": "document: Open claim",
    "queue.confirm": "queue: Confirm",
    "queue.reject": "queue: Reject",
    "queue.skip": "queue: Skip",
    "queue.open": "queue: Open claim",
}
"""Palette name of every binding id offered in the palette."""

NOT_IN_PALETTE = frozenset({"app.palette"})
"""Binding ids that make no sense as palette commands (the palette itself)."""


class WorkbenchCommands(Provider):
    """Offers the actions bound on the current screen (and the app), by palette name."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        found: dict[str, tuple[str, str, Callable[[], object]]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            name = PALETTE.get(binding.id or "")
            if name is None or name in found or not active.enabled:
                continue
            run = partial(self.app.run_action, binding.action, active.node)
            found[name] = (name, binding.tooltip or binding.description, run)
        return sorted(found.values())

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, text=name, help=help_text)
