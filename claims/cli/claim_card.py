"""`claims show --claim N`: one claim with its chain, flags, relations and their reasons, verdict
and review history, as text or as one JSON object."""

from __future__ import annotations

import click

from claims.review_scale import CREDIBILITY, GRADES, verdict
from claims.store.views import ChainLink, ClaimDetail, HistoryItem, RelatedClaim, claim_detail
from claims.store.views.labels import propaganda_reasons
from claims.text.display import display_safe, one_line, safe_json_dumps
from db.engine import Database

INDEPENDENCE: dict[bool | None, str] = {
    True: "independent",
    False: "dependent",
    None: "independence unknown",
}
ROLES = {"speaker": "says", "intermediary": "relayed by", "publisher": "published by"}
WIDTH = 300


def show_claim(database: Database, claim_id: int, *, as_json: bool) -> None:
    """Print the claim card (NotFound when there is no such claim)."""
    with database.read() as session:
        detail = claim_detail(session, claim_id)
        reasons = propaganda_reasons(session, claim_id)
    if as_json:
        payload = detail.model_dump(mode="json") | {"propaganda_reasons": reasons}
        click.echo(safe_json_dumps(payload))
        return
    for line in claim_card(detail, reasons):
        click.echo(line)


def claim_card(detail: ClaimDetail, reasons: list[str]) -> list[str]:
    """The card's lines: every value display-safe, long texts on their own lines."""
    place = f"document {detail.document_id}: {one_line(detail.document_label, 80)}"
    if detail.published:
        place += f" ({one_line(detail.published, 20)})"
    lines = [
        f"claim {detail.id} in {place}",
        f"  kind: {detail.kind}; check-worthiness {detail.checkworthiness:.2f}",
        f"  text: {one_line(detail.text)}" + (" [continues]" if detail.text_truncated else ""),
        f"  frame: {one_line(detail.frame, WIDTH)}" if detail.frame else "  frame: not read",
        "  chain:" if detail.chain else "  chain: none found (the publisher speaks for itself)",
    ]
    lines += [f"    {_link(link)}" for link in detail.chain]
    lines.append(f"  origin: {one_line(detail.origin or 'unknown', 80)}")
    lines += _propaganda(detail, reasons)
    lines.append(f"  support: {detail.support}")
    lines.append(f"  relations: {len(detail.related)}")
    lines += [f"    {_relation(related)}" for related in detail.related]
    lines += _review(detail)
    return lines


def _link(link: ChainLink) -> str:
    name = one_line(link.mention, 60)
    if link.source_name and link.source_name != link.mention:
        name += f" = {one_line(link.source_name, 60)}"
    grade = f"{link.grade} {GRADES.get(link.grade, '')}" if link.grade else "not in the registry"
    parts = [f"{link.position + 1}. {ROLES.get(link.role, link.role)} {name} [{grade}]"]
    if link.flags:
        parts.append("flags: " + ", ".join(link.flags))
    if link.cue:
        parts.append(f'cue: "{one_line(link.cue, 40)}"')
    if link.speaker_role:
        parts.append(f"role: {one_line(link.speaker_role, 60)}")
    if link.inherited:
        parts.append("(inherited)")
    return "  ".join(parts)


def _propaganda(detail: ClaimDetail, reasons: list[str]) -> list[str]:
    if not detail.propaganda_sourced and detail.propaganda_override is None:
        return ["  propaganda: not propaganda-sourced"]
    lines = ["  propaganda: propaganda-sourced" if detail.propaganda_sourced else "  propaganda:"]
    lines += [f"    - {one_line(reason)}" for reason in reasons]
    if detail.propaganda_override is not None:
        state = "flagged" if detail.propaganda_override else "unflagged"
        why = one_line(detail.propaganda_override_reason or "", WIDTH)
        lines.append(f"    a reviewer {state} it: {why}")
    return lines


def _relation(related: RelatedClaim) -> str:
    state = [f"{related.score:.2f}", related.status]
    if related.kind != "related":
        state.append(INDEPENDENCE[related.independent])
    why = "; ".join(related.reasons) or "no reasons recorded"
    if related.dependency:
        why += " | shared origin: " + "; ".join(related.dependency)
    head = f"{related.kind} #{related.other_id} ({one_line(related.other_document, 40)})"
    return one_line(f"{head} ({', '.join(state)}): {why}", WIDTH)


def _review(detail: ClaimDetail) -> list[str]:
    shown = verdict(detail.verdict).label if detail.verdict else "not reviewed"
    by = f" by {detail.reviewed_by}" if detail.reviewed_by else ""
    credibility = "not set"
    if detail.credibility:
        credibility = f"{detail.credibility} {CREDIBILITY.get(detail.credibility, '')}".strip()
    if detail.credibility_proposed:
        credibility += f" (proposed {detail.credibility_proposed})"
    lines = [
        f"  verdict: {shown}{one_line(by, 60)}",
        f"  rationale: {display_safe(detail.rationale or '—')}",
        f"  credibility: {credibility}",
        f"  history: {len(detail.history)}" if detail.history else "  history: none",
    ]
    lines += [f"    {_history(item)}" for item in detail.history]
    return lines


def _history(item: HistoryItem) -> str:
    what = item.action + (f" → {item.verdict}" if item.verdict else "")
    if item.credibility:
        what += f" → {item.credibility}"
    details = "; ".join(part for part in (item.rationale or "", *item.evidence) if part)
    undone = " (undone)" if item.undone else ""
    when = f"{item.at:%Y-%m-%d %H:%M} UTC"
    return one_line(f"{when} {item.reviewer} {what}{undone}: {details}".rstrip(": "), WIDTH)
