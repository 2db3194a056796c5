"""Measure what each claim-filter rule drops, on news articles and on ClaimBuster sentences.

Usage:
    python scripts/eval_claim_filter.py --bbc ../shared/eval/corpus/bbc_news.jsonl
    python scripts/eval_claim_filter.py --claimbuster ../shared/eval/claimbuster/crowdsourced.csv
    (either or both; --samples N prints N random drops per rule; --seed S; --checkworthy
    also prints the share of the kept units that score check-worthy)

News articles are split into units as ingestion does (the title as its own first line, then
the text). ClaimBuster rows are one unit each, counted by label: non-factual (NFS),
unimportant factual (UFS) and check-worthy factual (CFS); a rule should drop NFS, not CFS.
Prints, per rule, how many units it drops and their share of all units.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.extract.checkworthiness import is_checkworthy, score_sentence
from claims.extract.claim_filter import rejection
from claims.extract.sentences import Sentence, split_sentences

LABELS = {"1": "CFS", "0": "UFS", "-1": "NFS"}


def news_units(path: Path) -> list[tuple[str, Sentence]]:
    """(group, unit) for every unit of every article; group is "title" or "text"."""
    units: list[tuple[str, Sentence]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            text = f"{article['title']}\n\n{article['text']}\n"
            for sentence in split_sentences(text, []):
                units.append(("title" if sentence.start == 0 else "text", sentence))
    return units


def claimbuster_units(path: Path) -> list[tuple[str, Sentence]]:
    """(label, unit) for every ClaimBuster sentence, each one unit as a speaker said it."""
    units: list[tuple[str, Sentence]] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            text = row["Text"].strip()
            if not text:
                continue
            label = LABELS[str(int(float(row["Verdict"])))]
            terminated = text.rstrip("\"'”’)]").endswith((".", "!", "?", "…"))
            unit = Sentence(
                start=0,
                end=len(text),
                text=text,
                paragraph=0,
                index=0,
                terminated=terminated,
                whole_line=True,
            )
            units.append((label, unit))
    return units


def report(
    name: str, units: list[tuple[str, Sentence]], samples: int, seed: int, worth: bool
) -> None:
    totals = Counter(group for group, _ in units)
    dropped: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for group, unit in units:
        rule = rejection(unit)
        if rule is not None:
            dropped[rule][group] += 1
            examples[rule].append(f"[{group}] {unit.text[:140]}")
    groups = sorted(totals)
    print(f"{name}: {len(units)} units ({', '.join(f'{g} {totals[g]}' for g in groups)})")
    header = "".join(f"{g:>18}" for g in groups)
    print(f"  {'rule':<12}{header}")
    for rule in sorted(dropped, key=lambda r: -sum(dropped[r].values())):
        cells = "".join(
            f"{dropped[rule][g]:>8} {100 * dropped[rule][g] / max(1, totals[g]):6.2f} %"
            for g in groups
        )
        print(f"  {rule:<12}{cells}")
    kept = {g: totals[g] - sum(d[g] for d in dropped.values()) for g in groups}
    print(
        f"  {'kept':<12}"
        + "".join(f"{kept[g]:>8} {100 * kept[g] / totals[g]:6.2f} %" for g in groups)
    )
    if worth:
        passing = Counter(
            group
            for group, unit in units
            if rejection(unit) is None and is_checkworthy(score_sentence(unit.text)[0])
        )
        print(
            f"  {'worthy':<12}"
            + "".join(
                f"{passing[g]:>8} {100 * passing[g] / max(1, kept[g]):6.2f} %" for g in groups
            )
            + "  (share of the kept units scored check-worthy)"
        )
    rng = random.Random(seed)  # noqa: S311 - a reproducible sample, not security
    for rule, found in examples.items():
        for example in rng.sample(found, min(samples, len(found))):
            print(f"    {rule:<10} {example}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bbc", type=Path, help="news JSONL with title and text")
    parser.add_argument("--claimbuster", type=Path, help="ClaimBuster crowdsourced.csv")
    parser.add_argument("--samples", type=int, default=0)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--checkworthy", action="store_true")
    args = parser.parse_args()
    if args.bbc is None and args.claimbuster is None:
        parser.error("give --bbc, --claimbuster or both")
    if args.bbc is not None:
        report("news", news_units(args.bbc), args.samples, args.seed, args.checkworthy)
    if args.claimbuster is not None:
        report(
            "ClaimBuster",
            claimbuster_units(args.claimbuster),
            args.samples,
            args.seed,
            args.checkworthy,
        )


if __name__ == "__main__":
    main()
