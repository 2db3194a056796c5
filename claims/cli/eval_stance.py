"""`claims eval stance`: FNC-1 stance with the product's matching and relation logic."""

from __future__ import annotations

from pathlib import Path

import click

from claims.text.display import safe_json_dumps

_EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command("stance")
@click.option(
    "--stances",
    "stances_path",
    type=_EXISTING_FILE,
    required=True,
    help="FNC-1 stances CSV (Headline, Body ID, Stance).",
)
@click.option(
    "--bodies",
    "bodies_path",
    type=_EXISTING_FILE,
    required=True,
    help="FNC-1 bodies CSV (Body ID, articleBody).",
)
@click.option(
    "--held-out",
    is_flag=True,
    help="Score only the bodies the shipped model held out of training (use with FNC-1 train).",
)
@click.option(
    "--held-out-stories",
    is_flag=True,
    help="Score only the stories (bodies and headlines) the shipped model never saw in training.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def stance(
    stances_path: Path, bodies_path: Path, held_out: bool, held_out_stories: bool, as_json: bool
) -> None:
    """Whether each body corroborates (agree), conflicts with (disagree), discusses or is
    unrelated to each headline; prints per-class P/R/F1, related accuracy and the FNC score.

    \b
    Example:
      claims eval stance --stances ../shared/eval/fnc-1/train_stances.csv \\
        --bodies ../shared/eval/fnc-1/train_bodies.csv --held-out --json
    """
    from claims.eval.stance import Split, evaluate, format_scores, stderr_progress
    from claims.match.stance import packaged_model

    if held_out and held_out_stories:
        raise click.UsageError("choose one of --held-out and --held-out-stories")
    split = Split.STORY if held_out_stories else Split.BODY if held_out else None
    scores = evaluate(
        stances_path, bodies_path, packaged_model(), held_out=split, progress=stderr_progress
    )
    click.echo(
        safe_json_dumps(scores.model_dump(mode="json")) if as_json else format_scores(scores)
    )
