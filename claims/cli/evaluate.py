"""`claims eval`: measure extraction, attribution and matching on labelled public data."""

from __future__ import annotations

from pathlib import Path

import click

from claims.text.display import safe_json_dumps

_EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
_EXISTING_DIR = click.Path(exists=True, file_okay=False, path_type=Path)


@click.group("eval")
def evaluate() -> None:
    """Score the tool against labelled data (the data is not shipped with the project).

    \b
    Example:
      claims eval extraction ../shared/eval/claimbuster/crowdsourced.csv --json
      claims eval attribution ../shared/eval/polnear/dev
    """


@evaluate.command()
@click.argument("csv_path", type=_EXISTING_FILE)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def extraction(csv_path: Path, as_json: bool) -> None:
    """Check-worthiness and factuality on sentences labelled in the ClaimBuster format.

    The CSV needs `Text` and `Verdict` columns (1 check-worthy factual, 0 unimportant
    factual, -1 non-factual). Prints precision, recall and F1 for the check-worthy view
    (1 vs rest) and the factual view (1 and 0 vs -1).
    """
    from claims.eval.extraction import evaluate as run
    from claims.eval.extraction import format_scores

    scores = run(csv_path)
    click.echo(
        safe_json_dumps(scores.model_dump(mode="json")) if as_json else format_scores(scores)
    )


@evaluate.command()
@click.argument("directory", type=_EXISTING_DIR)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def attribution(directory: Path, as_json: bool) -> None:
    """Attribution (source, cue, content) against PolNeAR gold annotations.

    DIRECTORY holds `text/*.txt` and `attributions/*.ann` (brat standoff), e.g. PolNeAR dev/.
    Prints P/R/F1 for content, content+source and content+source+cue.
    """
    from claims.eval.attribution import evaluate as run
    from claims.eval.attribution import format_scores

    scores = run(directory)
    click.echo(
        safe_json_dumps(scores.model_dump(mode="json")) if as_json else format_scores(scores)
    )


from claims.cli.eval_stance import stance  # noqa: E402  (attached here, defined in its own module)

evaluate.add_command(stance)
