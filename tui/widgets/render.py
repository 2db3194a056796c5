"""Claim detail parts as inert Content: the highlighted paragraph, chain links, relations,
history. Pure functions of the read models, so they are easy to test and reuse."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content

from claims.review_scale import CREDIBILITY, GRADES
from claims.store.views import (
    ChainLink,
    ClaimDetail,
    DraftItem,
    HistoryItem,
    RelatedClaim,
)
from tui.safe import ui, ui_block
from tui.widgets.claim_table import grade_content, verdict_content

GROUP_TITLES = {
    "independent": "Corroborating, independent",
    "dependent": "Corroborating, dependent (shared origin)",
    "conflicting": "Conflicting",
    "duplicates": "Duplicates",
    "related": "Related",
}
HISTORY_CHARS = 2000
"""A review's rationale and evidence are shown in full (wrapped) up to this length."""
ROLE_LABELS = {"speaker": "says", "intermediary": "relayed by", "publisher": "published by"}


def when(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC" if moment else "—"


def paragraph(detail: ClaimDetail) -> Content:
    """The claim's paragraph with the claim itself highlighted (and a marker if cut)."""
    parts = [ui_block(detail.before, "dim"), ui_block(detail.text, "bold reverse")]
    if detail.text_truncated:
        parts.append(Content.styled(" … [claim continues; open the document with d]", "italic"))
    parts.append(ui_block(detail.after, "dim"))
    return Content.assemble(*parts)


def summary(detail: ClaimDetail) -> Content:
    head = Content.styled(f"Claim #{detail.id}", "bold")
    facts = f"  {detail.kind} · check-worthiness {detail.checkworthiness:.2f} · "
    published = ui(f"({detail.published})") if detail.published else Content("")
    repeated = (
        Content.styled(
            f"\nRepeated in this document at offset {', '.join(map(str, detail.repeated_at))}"
            " (a duplicate paragraph, kept as debris)",
            "italic",
        )
        if detail.repeated_at
        else Content("")
    )
    frame = (
        Content.assemble(Content.styled("\nFrame: ", "bold"), ui(detail.frame, 200))
        if detail.frame
        else Content("")
    )
    return Content.assemble(
        head,
        facts,
        ui(detail.document_label, 80),
        " ",
        published,
        f" · doc #{detail.document_id}",
        repeated,
        frame,
    )


def review_state(detail: ClaimDetail) -> Content:
    """Verdict, rationale and credibility as they stand."""
    lines = [
        Content.assemble(
            Content.styled("Verdict: ", "bold"),
            verdict_content(detail.verdict),
            Content.assemble("  ", ui(f"by {detail.reviewed_by} at {when(detail.reviewed_at)}"))
            if detail.reviewed_by
            else Content(""),
        ),
        Content.assemble(Content.styled("Rationale: ", "bold"), ui_block(detail.rationale or "—")),
        credibility_line(detail),
        Content.assemble(Content.styled("Origin: ", "bold"), ui(detail.origin or "unknown")),
        Content.assemble(Content.styled("Support: ", "bold"), ui(detail.support)),
    ]
    return Content("\n").join(lines)


def credibility_line(detail: ClaimDetail) -> Content:
    confirmed = detail.credibility
    proposed = detail.credibility_proposed
    text = f"{confirmed} {CREDIBILITY.get(confirmed, '')}" if confirmed else "not set"
    if proposed:
        reasons = "; ".join(detail.credibility_reasons)
        text += f" (proposed {proposed} {CREDIBILITY.get(proposed, '')}"
        text += f": {reasons})" if reasons else ")"
    return Content.assemble(Content.styled("Credibility: ", "bold"), ui(text))


def propaganda(detail: ClaimDetail, reasons: list[str]) -> Content:
    """The propaganda flag, a sentence for each step of the path that set it (`reasons`), and
    any reviewer override."""
    if not detail.propaganda_sourced and detail.propaganda_override is None:
        return Content.styled("Not propaganda-sourced.", "dim")
    lines: list[Content] = []
    if detail.propaganda_sourced:
        lines.append(Content.styled("⚑ Propaganda-sourced:", "bold red"))
        lines += [Content.assemble("  • ", ui_block(reason)) for reason in reasons]
        if not reasons:
            lines.append(Content.styled("  (no path recorded)", "dim"))
    if detail.propaganda_override is not None:
        state = "flagged" if detail.propaganda_override else "unflagged"
        reason = detail.propaganda_override_reason or ""
        lines.append(Content.assemble(Content.styled(f"Reviewer {state} it: ", "bold"), ui(reason)))
    return Content("\n").join(lines)


def chain_link(link: ChainLink) -> Content:
    """One link of the attribution chain: role, who, grade with flags, cue words."""
    grade = grade_content(link.grade)
    label = GRADES.get(link.grade or "", "not in the registry")
    parts: list[Content | str | tuple[str, str]] = [
        (f"{link.position + 1}. {ROLE_LABELS.get(link.role, link.role):13}", "bold"),
        ui(link.mention, 50),
    ]
    if link.source_name and link.source_name != link.mention:
        parts += ["  = ", ui(link.source_name, 40)]
    parts += ["  [", grade, f" {label}]"]
    if link.flags:
        parts += ["  ", ui(" ".join(f"⚑{flag}" for flag in link.flags), style="bold red")]
    if link.cue:
        parts += ["  cue: ", ui(f"“{link.cue}”", style="italic")]
    if link.speaker_role:
        parts += ["  role: ", ui(link.speaker_role, 40)]
    if link.inherited:
        parts.append(("  (inherited)", "dim"))
    return Content.assemble(*parts)


def related_claim(related: RelatedClaim) -> Content:
    """A related claim with its score, reasons, dependency and review status, in full (the
    option list wraps long lines)."""
    status = {"confirmed": "✔ confirmed", "rejected": "✘ rejected"}.get(related.status, "proposed")
    first = Content.assemble(
        (f"#{related.other_id} ", "bold"),
        ui(related.other_snippet),
        "  ",
        verdict_content(related.other_verdict),
    )
    why = "; ".join(related.reasons) or "no reasons recorded"
    second = Content.assemble(
        ("    ", ""),
        ui(f"{related.other_document} · score {related.score:.2f} · {status} · {why}", None, "dim"),
    )
    lines = [first, second]
    if related.dependency:
        lines.append(
            Content.assemble(
                "    ", ui("shared origin: " + "; ".join(related.dependency), None, "italic")
            )
        )
    return Content("\n").join(lines)


def history_line(item: HistoryItem) -> Content:
    what = item.action
    if item.verdict:
        what += f" → {item.verdict}"
    if item.credibility:
        what += f" → {item.credibility}"
    details = "; ".join(part for part in (item.rationale or "", *item.evidence) if part)
    line = Content.assemble(
        (f"{when(item.at)}  ", "dim"),
        ui(item.reviewer, 20),
        "  ",
        ui(what),
        "  ",
        ui(details, HISTORY_CHARS),
    )
    return line.stylize("strike dim") if item.undone else line


def draft_line(draft: DraftItem) -> Content:
    values = draft.payload.get("values", {})
    shown = ", ".join(f"{k}={v}" for k, v in values.items() if v not in (None, ""))
    return Content.assemble(
        ("unsaved draft ", "bold yellow"),
        (f"{when(draft.at)}  ", "dim"),
        ui(draft.reviewer, 20),
        "  ",
        ui(f"{draft.payload.get('action', '')}: {shown}", 140),
    )


def history(detail: ClaimDetail) -> Content:
    lines = [draft_line(d) for d in detail.drafts] + [history_line(h) for h in detail.history]
    return Content("\n").join(lines) if lines else Content.styled("No reviews yet.", "dim")
