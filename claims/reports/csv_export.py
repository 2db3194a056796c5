"""One CSV row per claim: chain, flags, relation counts and verdict, safe to open in a spreadsheet.

Policy (OWASP ASVS 5 §1.2.10): a text cell that a spreadsheet could run as a formula gets a
leading `'`; that is a cell starting with `=`, `+`, `-`, `@`, TAB or CR, also after leading
blanks or newlines, and their full-width forms. Numbers from the model (ids, counts, scores) are
written as numbers, unquoted; every text cell is quoted (RFC 4180), so `-1` in a text cell is
text and gets the prefix, while a count of -1 would not. Text is otherwise exact: no display
markers, so the CSV round-trips through any CSV reader.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from claims.reports.schema import Export
from claims.reports.verdicts import verdict_label
from claims.reports.view import ClaimView, build_view, describe

FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")
LEADING_BLANKS = " \t\r\n\u00a0\u3000"
Cell = str | int | float

COLUMNS = (
    "claim_id",
    "document_id",
    "document_title",
    "outlet",
    "published",
    "document_url",
    "paragraph",
    "sentence",
    "start",
    "end",
    "kind",
    "checkworthiness",
    "text",
    "speaker",
    "chain",
    "chain_grades",
    "flags",
    "propaganda",
    "propaganda_path",
    "corroborations_independent",
    "corroborations_dependent",
    "corroborations_unassessed",
    "conflicts",
    "duplicates",
    "related",
    "first_appearance_claim_id",
    "verdict",
    "verdict_label",
    "credibility",
    "credibility_proposed",
    "rationale",
    "reviewed_by",
    "reviewed_at",
    "cluster_id",
)


def defang(value: str) -> str:
    """A text cell a spreadsheet will show as text, never evaluate."""
    first = value.lstrip(LEADING_BLANKS)[:1]
    if value[:1] in FORMULA_STARTS or (first and first in FORMULA_STARTS):
        return "'" + value
    return value


def render_csv(export: Export) -> str:
    """The CSV text: a header row, then one row per claim in focus."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for view in build_view(export).claims:
        writer.writerow([_cell(value) for value in claim_row(view)])
    return buffer.getvalue()


def _cell(value: Cell | None) -> Cell:
    if value is None:
        return ""
    if isinstance(value, str):
        return defang(value)
    return value


def claim_row(view: ClaimView) -> list[Cell | None]:
    """The values of one row, in COLUMNS order (text not yet defanged)."""
    claim, document = view.claim, view.document
    speaker = view.speaker
    first = view.first_appearance
    return [
        claim.id,
        claim.document_id,
        document.title if document else None,
        document.outlet if document else None,
        document.published if document else None,
        document.url if document else None,
        claim.paragraph,
        claim.sentence,
        claim.start,
        claim.end,
        claim.kind,
        claim.checkworthiness,
        claim.text,
        speaker.label if speaker else None,
        " → ".join(_chain(view)),
        " ".join(link.grade or "?" for link in view.chain),
        "; ".join(sorted({flag for link in view.chain for flag in link.flags})),
        "true" if view.propaganda else "false",
        "; ".join(describe(step) for step in claim.propaganda_path),
        len(view.independent),
        len(view.dependent),
        len(view.unassessed),
        len(view.conflicts),
        len(view.duplicates),
        len(view.related),
        first.id if first is not None else None,
        claim.verdict,
        verdict_label(claim.verdict) if claim.verdict else None,
        claim.credibility,
        claim.credibility_proposed,
        claim.rationale,
        claim.reviewed_by,
        claim.reviewed_at.isoformat() if claim.reviewed_at else None,
        claim.cluster_id,
    ]


def _chain(view: ClaimView) -> Iterator[str]:
    for link in view.chain:
        grade = f" [{link.grade}]" if link.grade else ""
        flags = f" ({', '.join(link.flags)})" if link.flags else ""
        yield f"{link.link.role}: {link.label}{grade}{flags}"
