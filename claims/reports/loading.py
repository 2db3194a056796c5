"""Reading an export file back: version check, validation and referential integrity.

Everything here is pure, so `claims import` can refuse a bad file with one line before it
opens a transaction, and other tools can check an export the same way.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, NoReturn

from pydantic import ValidationError

from claims.errors import InputError
from claims.reports.organisation import SETTING_KEYS, clean_setting
from claims.reports.schema import SCHEMA_VERSION, Export, ExportClaim, ExportDocument

GRADES = frozenset("ABCDEF")
URL_SETTINGS = frozenset({"organisation.url", "claimreview.url_template"})


def _no_constants(name: str) -> NoReturn:
    raise ValueError(f"{name} is not valid JSON")


def parse_export(data: bytes | str, origin: str) -> Export:
    """The export in `data`, or InputError with a one-line reason naming `origin`."""
    try:
        raw = json.loads(data, parse_constant=_no_constants)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(origin, f"not JSON ({exc})") from None
    if not isinstance(raw, dict) or "schema_version" not in raw:
        raise InputError(origin, "not a claims export (no schema_version)")
    version = raw["schema_version"]
    if type(version) is not int or version != SCHEMA_VERSION:
        raise InputError(
            origin,
            f"schema_version {version!r} is not supported (this claims reads {SCHEMA_VERSION})",
        )
    try:
        export = Export.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputError(
            origin, f"not a valid claims export: {where}: {first['msg']} ({exc.error_count()})"
        ) from None
    problems = integrity_problems(export)
    if problems:
        raise InputError(origin, f"inconsistent export: {problems[0]} ({len(problems)} problem(s))")
    return export


def integrity_problems(export: Export) -> list[str]:
    """Every reference that does not resolve and every rule the database would refuse."""
    return list(_problems(export))


def _problems(export: Export) -> Iterator[str]:
    documents = {d.id: d for d in export.documents}
    sources = {s.id for s in export.sources}
    claims = {c.id for c in export.claims}
    clusters = {c.id for c in export.clusters}
    yield from _duplicates("document id", (d.id for d in export.documents))
    yield from _duplicates("source id", (s.id for s in export.sources))
    yield from _duplicates("source name", (s.name for s in export.sources))
    yield from _duplicates("claim id", (c.id for c in export.claims))
    yield from _duplicates("review id", (r.id for r in export.reviews))
    yield from _duplicates("cluster id", (c.id for c in export.clusters))
    yield from _duplicates("relation id", (r.id for r in export.relations if r.id is not None))
    yield from _duplicates("document hash", (d.norm_sha256 for d in export.documents))
    yield from _duplicates("alias key", (a.key for s in export.sources for a in s.alias_details))
    yield from _duplicates("claim span", ((c.document_id, c.start, c.end) for c in export.claims))
    yield from _duplicates("relation", ((r.claim_id, r.other_claim_id) for r in export.relations))
    for document in export.documents:
        if document.previous_id is not None and document.previous_id not in documents:
            yield f"document {document.id}: previous version {document.previous_id} is missing"
        yield from _snapshot_problems(document)
    for source in export.sources:
        if source.parent_id is not None and source.parent_id not in sources:
            yield f"source {source.id}: parent {source.parent_id} is missing"
        grades = [source.reliability, *(r.grade for r in source.ratings)]
        if any(grade not in GRADES for grade in grades):
            yield f"source {source.id}: grade outside A-F"
    for claim in export.claims:
        yield from _claim_problems(claim, documents.get(claim.document_id), sources, clusters)
    for relation in export.relations:
        if relation.claim_id not in claims or relation.other_claim_id not in claims:
            yield f"relation {relation.claim_id}-{relation.other_claim_id}: claim missing"
        elif relation.claim_id >= relation.other_claim_id:
            yield f"relation {relation.claim_id}-{relation.other_claim_id}: ids not ascending"
    for review in export.reviews:
        if review.claim_id not in claims:
            yield f"review {review.id}: claim {review.claim_id} is missing"
    yield from _setting_problems(export.settings)


def _setting_problems(settings: dict[str, Any]) -> Iterator[str]:
    """Known settings must be text, and the URL ones URLs `claims config set` would accept."""
    for key, value in settings.items():
        if key not in SETTING_KEYS:
            continue
        if not isinstance(value, str):
            yield f"setting {key}: not text"
        elif key in URL_SETTINGS:
            try:
                clean_setting(key, value)
            except ValueError as exc:
                yield f"setting {exc}"


def _claim_problems(
    claim: ExportClaim, document: ExportDocument | None, sources: set[int], clusters: set[int]
) -> Iterator[str]:
    if document is None:
        yield f"claim {claim.id}: document {claim.document_id} is missing"
    elif not 0 <= claim.start < claim.end <= len(document.text):
        yield f"claim {claim.id}: span {claim.start}-{claim.end} outside its document"
    elif document.text[claim.start : claim.end] != claim.text:
        yield f"claim {claim.id}: text differs from its document at {claim.start}-{claim.end}"
    for value in (claim.credibility, claim.credibility_proposed):
        if value is not None and not 1 <= value <= 6:
            yield f"claim {claim.id}: credibility outside 1-6"
    if claim.cluster_id is not None and claim.cluster_id not in clusters:
        yield f"claim {claim.id}: cluster {claim.cluster_id} is missing"
    for link in claim.attribution:
        if link.source_id is not None and link.source_id not in sources:
            yield f"claim {claim.id}: source {link.source_id} is missing"
    positions = [link.position for link in claim.attribution if link.position is not None]
    if len(positions) != len(set(positions)):
        yield f"claim {claim.id}: two attribution links at one position"


def _snapshot_problems(document: ExportDocument) -> Iterator[str]:
    for snapshot in document.snapshots or []:
        try:
            raw = base64.b64decode(snapshot.raw_base64, validate=True)
        except (binascii.Error, ValueError):
            yield f"document {document.id}: snapshot is not base64"
            continue
        if hashlib.sha256(raw).hexdigest() != snapshot.raw_sha256 or len(raw) != snapshot.size:
            yield f"document {document.id}: snapshot bytes do not match their hash or size"
    hashes = [s.raw_sha256 for s in document.snapshots or []]
    if len(hashes) != len(set(hashes)):
        yield f"document {document.id}: the same snapshot twice"


def _duplicates(what: str, values: Iterable[Any]) -> Iterator[str]:
    counts = Counter(value for value in values if value is not None)
    for value, count in counts.items():
        if count > 1:
            yield f"{what} {value!r} appears {count} times"
