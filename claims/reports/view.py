"""What a report shows, worked out once from the export: chains, relations, summaries.

The Markdown, HTML and CSV renderers all read this view, so they agree on which claims are
in focus, how a corroboration counts (independent, dependent, not assessed; by the same rule
as the proposed credibility, `claims.match.corroboration`) and which claim appeared first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from claims.match.corroboration import Support
from claims.reports.origins import Origins
from claims.reports.propaganda import propaganda_sentences
from claims.reports.schema import (
    Export,
    ExportAttribution,
    ExportClaim,
    ExportDocument,
    ExportRelation,
    ExportReview,
    ExportSource,
)

PROPAGANDA = "propaganda"
CONTEXT_CHARS = 160
"""How much of the document to show on each side of a quote."""


@dataclass(frozen=True)
class ChainLink:
    """One link of an attribution chain with the registry's view of its source."""

    link: ExportAttribution
    source: ExportSource | None

    @property
    def label(self) -> str:
        return self.source.name if self.source is not None else self.link.name

    @property
    def grade(self) -> str | None:
        return self.source.reliability if self.source is not None else None

    @property
    def flags(self) -> list[str]:
        return list(self.source.flags) if self.source is not None else []

    @property
    def propaganda(self) -> bool:
        return PROPAGANDA in self.flags


@dataclass(frozen=True)
class RelatedClaim:
    """The other end of a relation, seen from one claim."""

    relation: ExportRelation
    other: ExportClaim | None
    document: ExportDocument | None
    focus_id: int

    @property
    def other_id(self) -> int:
        """The other claim's id, also when that claim is not in the export."""
        if self.relation.claim_id == self.focus_id:
            return self.relation.other_claim_id
        return self.relation.claim_id


@dataclass
class ClaimView:
    """One claim as a report shows it."""

    claim: ExportClaim
    document: ExportDocument | None
    chain: list[ChainLink]
    propaganda: bool
    reviews: list[ExportReview]
    independent: list[RelatedClaim] = field(default_factory=list)
    dependent: list[RelatedClaim] = field(default_factory=list)
    unassessed: list[RelatedClaim] = field(default_factory=list)
    conflicts: list[RelatedClaim] = field(default_factory=list)
    duplicates: list[RelatedClaim] = field(default_factory=list)
    related: list[RelatedClaim] = field(default_factory=list)
    first_appearance: ExportClaim | None = None
    """The earliest published of the claim and the claims that repeat it in other documents
    (duplicates, and echoes of its own origin), never claims that only corroborate or relate
    to it."""
    first_document: ExportDocument | None = None
    propaganda_reasons: list[str] = field(default_factory=list)
    """Each step of the propaganda path as a sentence, with the designation of its flag."""
    support: Support = field(default_factory=Support)
    """Echoes and independent origins, counted as the proposed credibility counts them."""
    same_claim: list[ExportClaim] = field(default_factory=list)
    """The claims in other documents that repeat this one (duplicates, echoes of its origin)."""
    repeated_in: list[ExportDocument] = field(default_factory=list)
    """The documents of `same_claim` (those in the export), in claim order."""

    @property
    def speaker(self) -> ChainLink | None:
        return next((link for link in self.chain if link.link.role == "speaker"), None)

    @property
    def corroborations(self) -> list[RelatedClaim]:
        return self.independent + self.dependent + self.unassessed

    @property
    def relations(self) -> list[RelatedClaim]:
        return self.corroborations + self.conflicts + self.duplicates + self.related

    @property
    def relation_groups(self) -> list[tuple[str, list[RelatedClaim]]]:
        """The non-empty groups of related claims, titled, in reading order."""
        groups = [
            ("Independent corroborations", self.independent),
            ("Dependent corroborations (shared origin)", self.dependent),
            ("Corroborations, independence not assessed", self.unassessed),
            ("Conflicts", self.conflicts),
            ("Duplicates", self.duplicates),
            ("Related", self.related),
        ]
        return [(title, items) for title, items in groups if items]

    @property
    def evidence(self) -> list[object]:
        """The evidence of the latest review that was not undone."""
        for review in reversed(self.reviews):
            if not review.undone and review.verdict is not None:
                return list(review.evidence)
        return []

    @property
    def context_before(self) -> str:
        """The text before the quote, without page debris (share buttons, date lines)."""
        if self.document is None:
            return ""
        start = max(self.claim.start - CONTEXT_CHARS * 2, 0)
        return _clip_left(_without_debris(self.document, start, self.claim.start))

    @property
    def context_after(self) -> str:
        """The text after the quote, without page debris."""
        if self.document is None:
            return ""
        end = min(self.claim.end + CONTEXT_CHARS * 2, len(self.document.text))
        return _clip_right(_without_debris(self.document, self.claim.end, end))


@dataclass
class DocumentSummary:
    document: ExportDocument
    claims: int = 0
    reviewed: int = 0
    propaganda: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)


@dataclass
class SourceSummary:
    source: ExportSource
    roles: Counter[str] = field(default_factory=Counter)
    claims: int = 0
    propaganda: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)


@dataclass
class ReportView:
    """Everything a human-readable report shows."""

    export: Export
    claims: list[ClaimView]
    documents: list[DocumentSummary]
    sources: list[SourceSummary]

    @property
    def generated_at(self) -> datetime:
        return self.export.generated_at

    @property
    def is_partial(self) -> bool:
        return self.export.selection is not None


def describe(step: object) -> str:
    """One step of a propaganda path (a name, or an object of named parts) as text."""
    if isinstance(step, dict):
        return ", ".join(f"{key}: {value}" for key, value in step.items())
    return str(step)


def effective_propaganda(claim: ExportClaim) -> bool:
    """The propaganda flag after a reviewer's override, if any."""
    if claim.propaganda_override is not None:
        return claim.propaganda_override
    return claim.propaganda_sourced


def focus_claims(export: Export) -> list[ExportClaim]:
    """The claims a report is about: those the filter chose, or all of them."""
    if export.selection is None:
        return list(export.claims)
    wanted = set(export.selection.focus_claim_ids)
    return [claim for claim in export.claims if claim.id in wanted]


def build_view(export: Export) -> ReportView:
    """Work out the report view of an export."""
    index = _Index(export)
    claims = [index.claim_view(claim) for claim in focus_claims(export)]
    return ReportView(
        export=export,
        claims=claims,
        documents=_document_summaries(export, claims),
        sources=_source_summaries(claims),
    )


class _Index:
    def __init__(self, export: Export) -> None:
        self.documents = {d.id: d for d in export.documents}
        self.sources = {s.id: s for s in export.sources}
        self.designations = {
            (s.id, flag.flag): flag.rationale
            for s in export.sources
            for flag in s.flag_details
            if flag.rationale
        }
        self.claims = {c.id: c for c in export.claims}
        self.reviews: dict[int, list[ExportReview]] = defaultdict(list)
        for review in sorted(export.reviews, key=lambda r: (r.created_at is None, r.created_at)):
            self.reviews[review.claim_id].append(review)
        self.relations: dict[int, list[ExportRelation]] = defaultdict(list)
        for relation in export.relations:
            if relation.status != "rejected":
                self.relations[relation.claim_id].append(relation)
                self.relations[relation.other_claim_id].append(relation)
        self.origins = Origins(export, {c.id for c in export.claims if effective_propaganda(c)})

    def claim_view(self, claim: ExportClaim) -> ClaimView:
        view = ClaimView(
            claim=claim,
            document=self.documents.get(claim.document_id),
            chain=[
                ChainLink(link, self.sources.get(link.source_id) if link.source_id else None)
                for link in claim.attribution
            ],
            propaganda=effective_propaganda(claim),
            reviews=self.reviews.get(claim.id, []),
            propaganda_reasons=propaganda_sentences(claim.propaganda_path, self.designations),
        )
        for relation in self.relations.get(claim.id, []):
            other_id = (
                relation.other_claim_id if relation.claim_id == claim.id else relation.claim_id
            )
            other = self.claims.get(other_id)
            document = self.documents.get(other.document_id) if other else None
            related = RelatedClaim(relation, other, document, claim.id)
            _bucket(view, related).append(related)
        view.same_claim = self.origins.repeats(claim)
        view.repeated_in = [
            document
            for other in view.same_claim
            if (document := self.documents.get(other.document_id)) is not None
        ]
        view.first_appearance = min([claim, *view.same_claim], key=self._appearance_order)
        view.first_document = self.documents.get(view.first_appearance.document_id)
        view.support = self.origins.support(claim.id)
        return view

    def _appearance_order(self, claim: ExportClaim) -> tuple[str, str, int]:
        document = self.documents.get(claim.document_id)
        published = document.published if document and document.published else "~"
        ingested = document.ingested_at.isoformat() if document and document.ingested_at else "~"
        return (published, ingested, claim.id)


def _bucket(view: ClaimView, related: RelatedClaim) -> list[RelatedClaim]:
    kind = related.relation.kind
    if kind == "corroborates":
        if related.relation.independent is True:
            return view.independent
        return view.dependent if related.relation.independent is False else view.unassessed
    if kind == "conflicts":
        return view.conflicts
    if kind == "duplicate":
        return view.duplicates
    return view.related


def _document_summaries(export: Export, claims: list[ClaimView]) -> list[DocumentSummary]:
    shown = _shown_documents(export, claims)
    summaries = {
        d.id: DocumentSummary(d)
        for d in export.documents
        if export.selection is None or d.id in shown
    }
    for view in claims:
        summary = summaries.get(view.claim.document_id)
        if summary is None:
            continue
        summary.claims += 1
        summary.propaganda += view.propaganda
        if view.claim.verdict is not None:
            summary.reviewed += 1
            summary.verdicts[view.claim.verdict] += 1
    return list(summaries.values())


def _shown_documents(export: Export, claims: list[ClaimView]) -> set[int]:
    chosen = set(export.selection.document_ids) if export.selection else set()
    return chosen | {view.claim.document_id for view in claims}


def _source_summaries(claims: list[ClaimView]) -> list[SourceSummary]:
    summaries: dict[int, SourceSummary] = {}
    for view in claims:
        seen: set[int] = set()
        for link in view.chain:
            if link.source is None:
                continue
            summary = summaries.setdefault(link.source.id, SourceSummary(link.source))
            summary.roles[link.link.role] += 1
            if link.source.id in seen:
                continue
            seen.add(link.source.id)
            summary.claims += 1
            summary.propaganda += view.propaganda
            if view.claim.verdict is not None:
                summary.verdicts[view.claim.verdict] += 1
    return sorted(summaries.values(), key=lambda s: (-s.claims, s.source.name.casefold()))


def _without_debris(document: ExportDocument, start: int, end: int) -> str:
    """The document's text from `start` to `end` with its debris spans left out."""
    kept, position = [], start
    for low, high, _ in sorted(document.debris):
        if high <= position or low >= end:
            continue
        kept.append(document.text[position:low])
        position = max(position, high)
    kept.append(document.text[position:end])
    return " ".join(kept)


def _clip_left(text: str) -> str:
    flat = " ".join(text[-CONTEXT_CHARS * 2 :].split())
    return flat if len(flat) <= CONTEXT_CHARS else "…" + flat[-CONTEXT_CHARS:]


def _clip_right(text: str) -> str:
    flat = " ".join(text[: CONTEXT_CHARS * 2].split())
    return flat if len(flat) <= CONTEXT_CHARS else flat[:CONTEXT_CHARS] + "…"
