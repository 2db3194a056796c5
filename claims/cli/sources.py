"""`claims sources`: the source registry — grades, flags, aliases, files and the review queue."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from claims.cli.context import AppContext, pass_app
from claims.cli.output import write_output
from claims.errors import ClaimsError
from claims.sources.mapping import LIST_FORMATS, coverage_lines, map_list
from claims.sources.models import GRADE_LABELS, KIND_LABELS, Grade, SourceEntry, SourceKind
from claims.sources.registry_files import FORMATS, format_of, parse_registry, render_registry
from claims.store import sources as registry
from claims.text.display import one_line, safe_json_dumps

NAME_WIDTH = 40
GRADES = [grade.value for grade in Grade]


class DryRun(Exception):
    """Raised inside a write transaction to roll a dry run back, carrying its result."""

    def __init__(self, result: Any) -> None:
        self.result = result


@click.group(invoke_without_command=True)
@click.pass_context
def sources(ctx: click.Context) -> None:
    """The source registry: who says what, how reliable they are, and why.

    Grades follow the NATO Admiralty code (A completely reliable ... E unreliable,
    F cannot be judged); flags such as `propaganda` mark every claim that passes through
    the source. See docs/methodology.md and docs/sources.md.

    \b
    Example:
      claims sources import seeds/sources.toml
      claims sources list --flag propaganda
      claims sources edit Rybar --grade E --why "EU-sanctioned propaganda channel"
    """
    if ctx.invoked_subcommand is None:
        app = ctx.find_object(AppContext)
        assert app is not None
        with app.database().read() as session:
            listed = registry.list_sources(session)
        queued = sum(1 for s in listed if s.needs_review)
        click.echo(f"{len(listed)} source(s), {queued} waiting for review", err=True)
        click.echo(ctx.get_help(), err=True)


@sources.command("list")
@click.option("--queue", is_flag=True, help="Only sources waiting for review.")
@click.option("--kind", type=click.Choice([k.value for k in SourceKind]), help="Only this kind.")
@click.option("--flag", help="Only sources with this flag (e.g. propaganda).")
@click.option("--search", help="Name or alias containing this text.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per source.")
@pass_app
def list_command(
    app: AppContext,
    /,
    queue: bool,
    kind: str | None,
    flag: str | None,
    search: str | None,
    as_json: bool,
) -> None:
    """List sources: id, grade, kind, flags, links (chain links citing it) and name.

    \b
    Example:
      claims sources list
      claims sources list --flag propaganda --json | jq .name
    """
    with app.database().read() as session:
        rows = registry.list_sources(
            session, needs_review=True if queue else None, kind=kind, flag=flag, search=search
        )
    if as_json:
        for row in rows:
            click.echo(safe_json_dumps(row.model_dump(mode="json"), indent=None))
        return
    if not rows:
        click.echo("no sources: import some with `claims sources import FILE`", err=True)
        return
    click.echo(f"{'id':>5}  gr  {'kind':<17}  {'links':>5}  {'name':<{NAME_WIDTH}}  flags")
    for row in rows:
        review = " [review]" if row.needs_review else ""
        name = one_line(row.name, NAME_WIDTH)
        flags = ", ".join(row.flags)
        click.echo(
            f"{row.id:>5}  {row.grade:<2}  {row.kind:<17}  {row.links:>5}  "
            f"{name:<{NAME_WIDTH}}  {flags}{review}"
        )


@sources.command("show")
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the source as JSON.")
@pass_app
def show_command(app: AppContext, /, source: str, as_json: bool) -> None:
    """Show one source (by id, name or alias): grade with rationale and evidence, flags,
    aliases, parents, how texts name it, rating history and every change.

    \b
    Example:
      claims sources show Rybar
      claims sources show 12 --json
    """
    with app.database().read() as session:
        detail = registry.source_profile(session, registry.find_source(session, source).id)
    if as_json:
        click.echo(safe_json_dumps(detail.model_dump(mode="json")))
        return
    for line in _detail_lines(detail):
        click.echo(line)


def _detail_lines(detail: registry.SourceProfile) -> list[str]:
    s = detail.summary
    kind = KIND_LABELS.get(SourceKind(s.kind), s.kind) if s.kind in _KINDS else s.kind
    lines = [
        f"source {s.id}: {one_line(s.name)}" + ("  [waiting for review]" if s.needs_review else ""),
        f"  kind: {kind}" + (f"; country: {one_line(s.country)}" if s.country else ""),
        f"  grade: {s.grade} ({GRADE_LABELS[Grade(s.grade)]})"
        + (f", set by {one_line(detail.set_by)}" if detail.set_by else "")
        + (f" on {detail.set_at:%Y-%m-%d}" if detail.set_at else ""),
    ]
    if detail.rationale:
        lines.append(f"  why: {one_line(detail.rationale)}")
    lines += [f"  evidence: {one_line(str(item))}" for item in detail.evidence]
    for flag in detail.flags:
        who = f" (set by {one_line(flag.set_by)})" if flag.set_by else ""
        lines.append(f"  flag {flag.flag}{who}: {one_line(flag.rationale or '')}")
        lines += [f"    evidence: {one_line(str(item))}" for item in flag.evidence]
    if detail.parents:
        lines.append("  speaks for / belongs to: " + " -> ".join(map(one_line, detail.parents)))
    if detail.children:
        lines.append("  below it: " + ", ".join(one_line(c) for c in detail.children))
    if detail.aliases:
        lines.append("  aliases: " + ", ".join(one_line(a) for a, _ in detail.aliases))
    if detail.description:
        lines.append(f"  about: {one_line(detail.description)}")
    if detail.mentions:
        named = ", ".join(f"{one_line(m)!r} x{n}" for m, n in detail.mentions)
        lines.append(f"  named in texts: {named} ({s.links} chain link(s))")
    for rating in detail.ratings:
        tags = [t for t in (rating.edition, "disputed" if rating.disputed else None) if t]
        when = f"{rating.set_at:%Y-%m-%d}" if rating.set_at else "?"
        lines.append(
            f"  rated {rating.grade} {('[' + ', '.join(tags) + '] ') if tags else ''}"
            f"by {one_line(rating.set_by or '?')} on {when}: {one_line(rating.rationale or '')}"
        )
    for entry in detail.history:
        lines.append(f"  {entry.at:%Y-%m-%d %H:%M} {one_line(entry.actor)}: {entry.action}")
    return lines


_KINDS = {kind.value for kind in SourceKind}


@sources.command("add")
@click.argument("name")
@click.option("--kind", type=click.Choice(sorted(_KINDS)), default="unknown", show_default=True)
@click.option("--country", help="Country of the source.")
@click.option("--parent", help="The office a person speaks for, or an outlet's owner.")
@click.option("--grade", type=click.Choice(GRADES), default="F", show_default=True)
@click.option("--why", help="Why this grade (required with a grade other than F).")
@click.option("--evidence", multiple=True, help="A link or citation (repeatable).")
@click.option("--flag", "flags", multiple=True, help="A flag such as propaganda (repeatable).")
@click.option("--alias", "aliases", multiple=True, help="Another name (repeatable).")
@click.option("--description", help="What the source is.")
@pass_app
def add_command(
    app: AppContext,
    /,
    name: str,
    kind: str,
    country: str | None,
    parent: str | None,
    grade: str,
    why: str | None,
    evidence: tuple[str, ...],
    flags: tuple[str, ...],
    aliases: tuple[str, ...],
    description: str | None,
) -> None:
    """Add a source with its grade, rationale, flags and aliases.

    \b
    Example:
      claims sources add "Interfax-Ukraine" --kind news_agency --country Ukraine \\
        --grade C --why "Private Ukrainian agency, separate from Russia's Interfax"
    """
    if grade != "F" and not why:
        raise click.UsageError("say why with --why: every grade carries its rationale")
    try:
        entry = SourceEntry(
            name=name,
            kind=kind,
            country=country,
            parent=parent,
            grade=grade,
            rationale=why,
            evidence=list(evidence),
            flags=[{"flag": f, "rationale": why, "evidence": list(evidence)} for f in flags],
            aliases=list(aliases),
            description=description,
        )
    except ValueError as exc:
        raise ClaimsError(str(exc).splitlines()[0]) from None
    source_id = app.database().run_analysis(
        lambda session: registry.add_source(session, app.actor, entry).id
    )
    click.echo(f"added source {source_id}: {one_line(entry.name)}", err=True)


@sources.command("edit")
@click.argument("source")
@click.option("--grade", type=click.Choice(GRADES, case_sensitive=False), help="New grade.")
@click.option("--why", help="Rationale of the grade and of flags set or removed.")
@click.option("--evidence", multiple=True, help="A link or citation (repeatable).")
@click.option("--edition", help="Grade only this edition or language (main grade stays).")
@click.option("--disputed", is_flag=True, help="Record the grade as a dispute (main stays).")
@click.option("--flag", "add_flags", multiple=True, help="Set a flag (repeatable).")
@click.option("--unflag", "remove_flags", multiple=True, help="Remove a flag (needs --why).")
@click.option("--alias", "add_aliases", multiple=True, help="Add an alias (repeatable).")
@click.option("--remove-alias", "remove_aliases", multiple=True, help="Remove an alias.")
@click.option("--kind", type=click.Choice(sorted(_KINDS)), help="New kind.")
@click.option("--country", help="New country ('' clears it).")
@click.option("--parent", help="New parent by name or id ('' removes it).")
@click.option("--name", help="New canonical name (the old one stays an alias).")
@click.option("--description", help="New description.")
@click.option("--reviewed", is_flag=True, help="Take the source off the review queue.")
@pass_app
def edit_command(app: AppContext, /, source: str, **options: Any) -> None:
    """Change a source; every change is audited and claims citing it are recomputed.

    \b
    Example:
      claims sources edit Rybar --grade E --why "..." --evidence https://example.org/x
      claims sources edit Izvestia --grade D --edition "English (machine translation)" --why "..."
      claims sources edit 42 --kind expert --parent "Government of Iraq" --reviewed
      claims sources edit RT --flag sanctioned --why "EU Regulation 2022/350"
    """
    edit = registry.SourceEdit(
        **{k: (list(v) if isinstance(v, tuple) else v) for k, v in options.items()}
    )

    def work(session: Any) -> registry.EditOutcome:
        return registry.edit_source(
            session, app.actor, registry.find_source(session, source).id, edit
        )

    outcome = app.database().run_analysis(work)
    if not outcome.changes:
        click.echo(f"source {outcome.source_id}: nothing to change", err=True)
        return
    for change in outcome.changes:
        click.echo(f"source {outcome.source_id}: {one_line(change)}", err=True)
    click.echo(f"{outcome.refreshed} claim(s) recomputed", err=True)


@sources.command("merge")
@click.argument("duplicate")
@click.argument("into")
@pass_app
def merge_command(app: AppContext, /, duplicate: str, into: str) -> None:
    """Merge DUPLICATE into INTO: aliases, chain links, flags, ratings and children move;
    the duplicate's name becomes an alias; claims are recomputed.

    \b
    Example:
      claims sources merge "Shafaq" "Shafaq News"
    """

    def work(session: Any) -> registry.EditOutcome:
        first = registry.find_source(session, duplicate)
        second = registry.find_source(session, into)
        return registry.merge(session, app.actor, first.id, second.id)

    outcome = app.database().run_analysis(work)
    for change in outcome.changes:
        click.echo(f"source {outcome.source_id}: {one_line(change)}", err=True)
    click.echo(f"{outcome.refreshed} claim(s) recomputed", err=True)


@sources.command("import")
@click.argument("path", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "file_format", type=click.Choice(FORMATS), help="Default: suffix.")
@click.option(
    "--overwrite", is_flag=True, help="Replace what a person changed since the last import."
)
@pass_app
def import_command(app: AppContext, /, path: str, file_format: str | None, overwrite: bool) -> None:
    """Import a registry file (TOML or CSV); the same file twice changes nothing.

    Sources are matched by name, then alias; fields the file gives replace stored ones
    (old grades stay in the rating history); flags and aliases are added, never removed.
    A source a person changed in the database since the last import (`sources edit`, the
    workbench) keeps its changes and is listed with where the file differs, unless
    --overwrite is given.

    \b
    Example:
      claims sources import seeds/sources.toml
      claims sources import team-ratings.csv
    """
    chosen = format_of(path, file_format)
    text = sys.stdin.read() if path == "-" else _read(path)
    parsed = parse_registry(text, chosen, origin=path)
    report = app.database().run_analysis(
        lambda session: registry.import_registry(session, app.actor, parsed, overwrite=overwrite)
    )
    for warning in report.warnings:
        click.echo(f"warning: {one_line(warning)}", err=True)
    for name, changes in report.updated.items():
        click.echo(f"updated {one_line(name)}: {one_line('; '.join(changes))}", err=True)
    for name, differences in report.kept.items():
        file_has = one_line("; ".join(differences))
        click.echo(f"kept {one_line(name)} as changed in the database (file: {file_has})", err=True)
    click.echo(report.summary(), err=True)


@sources.command("export")
@click.option("-o", "--output", default="-", show_default=True, help="File, or - for stdout.")
@click.option("--format", "file_format", type=click.Choice(FORMATS), help="Default: suffix.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@pass_app
def export_command(app: AppContext, /, output: str, file_format: str | None, force: bool) -> None:
    """Export the registry (TOML or CSV) to share ratings with a team.

    \b
    Example:
      claims sources export -o sources.toml
      claims sources export --format csv > sources.csv
    """
    chosen = file_format or ("toml" if output == "-" else format_of(output))
    with app.database().read() as session:
        exported = registry.export_registry(session)
    write_output(output, render_registry(exported, chosen), force=force)


@sources.command("import-ratings")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "list_format", type=click.Choice(LIST_FORMATS), required=True)
@click.option("--dry-run", is_flag=True, help="Show coverage and what would change; save none.")
@click.option("--overwrite", is_flag=True, help="Replace grades a person gave (default: keep).")
@pass_app
def import_ratings_command(
    app: AppContext, /, path: str, list_format: str, dry_run: bool, overwrite: bool
) -> None:
    """Import an outside rating list, mapping its labels to grades and flags.

    `baly`: Baly et al. (EMNLP 2018) TSV, factuality high/mixed/low -> B/C/D, extreme bias ->
    hyperpartisan. `gmf`: GMF State Media Profiles CSV, state-controlled or captured media ->
    state-affiliated, owner -> parent. Grades a person gave are kept unless --overwrite.

    \b
    Example:
      claims sources import-ratings ../shared/eval/media/baly-emnlp18-corpus.tsv \\
        --format baly --dry-run
    """
    mapped = map_list(_read(path), list_format)
    for line in coverage_lines(mapped):
        click.echo(line)

    def work(session: Any) -> registry.RatingsReport:
        report = registry.import_ratings(session, app.actor, mapped, overwrite=overwrite)
        if dry_run:
            raise DryRun(report)
        return report

    try:
        report = app.database().run_analysis(work)
    except DryRun as stopped:
        report = stopped.result
        click.echo("dry run: nothing saved", err=True)
    for line in report.lines():
        click.echo(f"  {one_line(line)}")


@sources.command("review-queue")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per source.")
@pass_app
def review_queue_command(app: AppContext, /, as_json: bool) -> None:
    """Sources waiting for review: unknown speakers, look-alike names, with how texts name
    them and the registry names they resemble. Clear one with `edit --reviewed` or `merge`.

    \b
    Example:
      claims sources review-queue
      claims sources edit 57 --kind expert --country Iraq --reviewed
    """
    with app.database().read() as session:
        items, unnamed = registry.review_queue(session)
    if as_json:
        for item in items:
            click.echo(safe_json_dumps(item.model_dump(mode="json"), indent=None))
        return
    for item in items:
        s = item.summary
        click.echo(f"#{s.id} {one_line(s.name)} ({s.kind}, {s.links} link(s))")
        if item.description:
            click.echo(f"    {one_line(item.description)}")
        if item.mentions:
            click.echo("    named: " + ", ".join(f"{one_line(m)!r} x{n}" for m, n in item.mentions))
        for near in item.near:
            click.echo(f"    resembles: {one_line(near)}")
    click.echo(
        f"{len(items)} source(s) waiting for review; {unnamed} chain link(s) name nobody "
        "(pronouns, descriptions)",
        err=True,
    )


@sources.command("resolve")
@click.option("--document", "document_id", type=int, help="Only this document's claims.")
@pass_app
def resolve_command(app: AppContext, /, document_id: int | None) -> None:
    """Re-run resolution and recompute propaganda flags and credibility for stored claims
    (after importing a registry into a database that already has claims).

    \b
    Example:
      claims sources import seeds/sources.toml && claims sources resolve
    """
    result = app.database().run_analysis(
        lambda session: registry.reresolve(session, app.actor, document_id=document_id)
    )
    click.echo(result.summary(), err=True)


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimsError(f"{path}: cannot read: {exc}") from None
