"""W3C PROV (PROV-JSON, PROV-N) of an export: who said what, who relayed it, who checked it.

Entities: documents, claims, the statement each link of an attribution chain made, and
assessments (verdicts). Agents: sources, unresolved mentions, people (who ingested and who
reviewed) and the fact-checking organisation. Activities: ingestion, extraction and reviews.
Attribution chains become `wasAttributedTo` (with the link's role), `wasQuotedFrom` from each
link to the one before it, and `hadPrimarySource` from the claim to its speaker's statement.
Reviews are derivations of an assessment from the claim. Duplicates are `alternateOf`.
Identifiers are chosen by the application (`claims:claim-12`); text from documents appears only
in attribute values, exactly as stored.
"""

from __future__ import annotations

from typing import Any

from prov.model import PROV, ProvDocument, QualifiedName

from claims.reports.kinds import is_person_kind
from claims.reports.organisation import organisation_from
from claims.reports.schema import Export, ExportClaim, ExportDocument, ExportSource
from claims.reports.view import ChainLink, ClaimView, build_view

NAMESPACE = "urn:x-claims:"
PREFIX = "claims"
Attributes = list[tuple[str | QualifiedName, Any]]


class _Builder:
    def __init__(self, export: Export) -> None:
        self.doc = ProvDocument()
        self.ns = self.doc.add_namespace(PREFIX, NAMESPACE)
        self.export = export
        self.people: dict[str, QualifiedName] = {}
        self.extractions: set[int] = set()

    def q(self, local: str) -> QualifiedName:
        return self.ns[local]

    def person(self, name: str | None) -> QualifiedName | None:
        """One agent per person name (ingester, reviewer), numbered in order of appearance."""
        if not name:
            return None
        if name not in self.people:
            agent = self.q(f"person-{len(self.people) + 1}")
            self.doc.agent(agent, [(PROV["type"], PROV["Person"]), (PROV["label"], name)])
            self.people[name] = agent
        return self.people[name]

    def build(self) -> ProvDocument:
        view = build_view(self.export)
        organisation = organisation_from(self.export.settings)
        if organisation is not None:
            attrs: Attributes = [(PROV["type"], PROV["Organization"])]
            attrs.append((PROV["label"], organisation.name))
            if organisation.url:
                attrs.append(("claims:url", organisation.url))
            self.doc.agent(self.q("organisation"), attrs)
        for source in self.export.sources:
            self.source(source)
        for document in self.export.documents:
            self.document(document)
        for item in view.claims:
            self.claim(item)
        for relation in self.export.relations:
            if relation.kind == "duplicate" and relation.status != "rejected":
                self.doc.alternateOf(
                    self.q(f"claim-{relation.claim_id}"), self.q(f"claim-{relation.other_claim_id}")
                )
        return self.doc

    def source(self, source: ExportSource) -> None:
        kind = PROV["Person"] if is_person_kind(source.kind) else PROV["Organization"]
        attrs: Attributes = [
            (PROV["type"], kind),
            (PROV["label"], source.name),
            ("claims:kind", source.kind),
            ("claims:reliability", source.reliability),
        ]
        attrs += [("claims:flag", flag) for flag in source.flags]
        attrs += [("claims:alias", alias) for alias in source.aliases]
        self.doc.agent(self.q(f"source-{source.id}"), attrs)
        if source.parent_id is not None:
            self.doc.actedOnBehalfOf(
                self.q(f"source-{source.id}"), self.q(f"source-{source.parent_id}")
            )

    def document(self, document: ExportDocument) -> None:
        entity = self.q(f"document-{document.id}")
        attrs: Attributes = [
            (PROV["type"], self.q("Document")),
            (PROV["label"], document.title or document.origin),
            ("claims:origin", document.origin),
            ("claims:sha256", document.sha256),
            ("claims:version", document.version),
        ]
        attrs += _optional(
            ("claims:title", document.title),
            ("claims:outlet", document.outlet),
            ("claims:author", document.author),
            ("claims:published", document.published),
            ("claims:url", document.url),
            ("claims:language", document.language),
        )
        self.doc.entity(entity, attrs)
        ingest = self.q(f"ingestion-{document.id}")
        self.doc.activity(ingest, document.ingested_at, document.ingested_at)
        self.doc.wasGeneratedBy(entity, ingest, document.ingested_at)
        ingester = self.person(document.ingested_by)
        if ingester is not None:
            self.doc.wasAssociatedWith(ingest, ingester)
        if document.previous_id is not None:
            self.doc.wasRevisionOf(entity, self.q(f"document-{document.previous_id}"))

    def claim(self, item: ClaimView) -> None:
        claim = item.claim
        entity = self.q(f"claim-{claim.id}")
        document = self.q(f"document-{claim.document_id}")
        attrs: Attributes = [
            (PROV["type"], self.q("Claim")),
            (PROV["value"], claim.text),
            ("claims:start", claim.start),
            ("claims:end", claim.end),
            ("claims:kind", claim.kind),
            ("claims:propagandaSourced", item.propaganda),
        ]
        self.doc.entity(entity, attrs)
        extraction = self.q(f"extraction-{claim.document_id}")
        if claim.document_id not in self.extractions:
            self.extractions.add(claim.document_id)
            started = item.document.extracted_at if item.document else None
            self.doc.activity(extraction, started, started)
            self.doc.used(extraction, document)
        self.doc.wasGeneratedBy(entity, extraction)
        self.doc.wasDerivedFrom(entity, document, extraction)
        self.chain(entity, claim, item.chain)
        self.assessments(entity, item)

    def chain(self, entity: QualifiedName, claim: ExportClaim, chain: list[ChainLink]) -> None:
        """Each link's statement, attributed to its agent and quoted by the next link."""
        earlier: QualifiedName | None = None
        for index, link in enumerate(chain):
            position = link.link.position if link.link.position is not None else index
            agent = self.link_agent(claim, position, link)
            role = [("claims:role", link.link.role)]
            self.doc.wasAttributedTo(entity, agent, other_attributes=role)
            if link.link.role == "publisher":
                continue
            statement = self.q(f"statement-{claim.id}-{position}")
            label = f"{link.link.role}: {link.link.name}"
            attrs: Attributes = [(PROV["type"], self.q("Statement")), (PROV["label"], label)]
            attrs += _optional(("claims:cue", link.link.cue), ("claims:stance", link.link.stance))
            self.doc.entity(statement, attrs)
            self.doc.wasAttributedTo(statement, agent)
            if earlier is None:
                self.doc.hadPrimarySource(entity, statement)
            else:
                self.doc.wasQuotedFrom(statement, earlier)
            earlier = statement
        if earlier is not None:
            self.doc.wasQuotedFrom(entity, earlier)

    def link_agent(self, claim: ExportClaim, position: int, link: ChainLink) -> QualifiedName:
        if link.source is not None:
            return self.q(f"source-{link.source.id}")
        agent = self.q(f"mention-{claim.id}-{position}")
        self.doc.agent(agent, [(PROV["label"], link.link.name)])
        return agent

    def assessments(self, entity: QualifiedName, item: ClaimView) -> None:
        """Each review as an activity deriving an assessment from the claim."""
        for review in item.reviews:
            activity = self.q(f"review-{review.id}")
            attrs: Attributes = [("claims:action", review.action), ("claims:undone", review.undone)]
            self.doc.activity(activity, review.created_at, review.created_at, attrs)
            self.doc.used(activity, entity)
            assessment = self.q(f"assessment-{review.id}")
            values: Attributes = [(PROV["type"], self.q("Assessment"))]
            values += _optional(
                (PROV["value"], review.verdict),
                ("claims:rationale", review.rationale),
                ("claims:credibility", review.credibility),
            )
            self.doc.entity(assessment, values)
            self.doc.wasGeneratedBy(assessment, activity, review.created_at)
            self.doc.wasDerivedFrom(assessment, entity, activity)
            reviewer = self.person(review.reviewer)
            if reviewer is not None:
                self.doc.wasAssociatedWith(activity, reviewer)
                self.doc.wasAttributedTo(assessment, reviewer)
        self.current_verdict(entity, item)

    def current_verdict(self, entity: QualifiedName, item: ClaimView) -> None:
        claim = item.claim
        if claim.verdict is None:
            return
        verdict = self.q(f"verdict-{claim.id}")
        values: Attributes = [(PROV["type"], self.q("Verdict")), (PROV["value"], claim.verdict)]
        values += _optional(
            ("claims:rationale", claim.rationale), ("claims:credibility", claim.credibility)
        )
        self.doc.entity(verdict, values)
        self.doc.wasDerivedFrom(verdict, entity)
        if claim.reviewed_at is not None:
            self.doc.wasGeneratedBy(verdict, time=claim.reviewed_at)
        reviewer = self.person(claim.reviewed_by)
        if reviewer is not None:
            self.doc.wasAttributedTo(verdict, reviewer)


def _optional(*pairs: tuple[str | QualifiedName, Any]) -> Attributes:
    return [(key, value) for key, value in pairs if value is not None]


def prov_document(export: Export) -> ProvDocument:
    """The PROV graph of the export's claims in focus, their documents and sources."""
    return _Builder(export).build()


def render_prov_json(export: Export) -> str:
    """PROV-JSON (W3C member submission) on one line, ASCII only (pretty-print with jq)."""
    text = prov_document(export).serialize(format="json")
    assert isinstance(text, str)
    return text + "\n"


def render_provn(export: Export) -> str:
    """PROV-N, the human-readable notation."""
    return str(prov_document(export).get_provn()) + "\n"
