"""Train the check-worthiness model shipped as claims/data/checkworthiness.json.

    python scripts/train_checkworthiness.py ../shared/eval/claimbuster/crowdsourced.csv \
        --news-corpus ../shared/eval/corpus/bbc_news.jsonl

Needs scikit-learn (and so NumPy/SciPy) at training time only; the model it writes is read by
pure Python. Every fifth debate (by `File_id`, in date order, from the third) is held out; the
regularisation and thresholds are chosen by 5-fold cross-validation grouped by debate on the
other debates, and the held-out figures are measured with the pure-Python scorer on a model
trained without the held-out debates. The shipped weights are then refitted on all debates
with the same settings.

With `--news-corpus`, the check-worthy view is then calibrated to news: its log-odds are
rescaled (`scale * log_odds + shift`, logistic regression on the log-odds) to fit the
hand-labelled news sentences listed in `--news-labels` (article id and character offsets into
its `text`, no text), and the threshold becomes the one at which as many labelled sentences
pass as are labelled check-worthy (so precision and recall on news are about equal). The
held-out debate figures are then those of the calibrated model. `--settings-from MODEL`
takes the regularisation and debate thresholds from an earlier model file instead of
cross-validating again (minutes instead of half an hour on a busy machine).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy  # type: ignore[import-untyped]
import scipy.sparse as sp  # type: ignore[import-untyped]
import sklearn  # type: ignore[import-untyped]
from numpy.typing import NDArray
from scipy.optimize import minimize  # type: ignore[import-untyped]
from scipy.special import expit  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.model_selection import GroupKFold, StratifiedKFold  # type: ignore[import-untyped]

from claims.eval.extraction import ViewScores, binary_scores
from claims.extract.checkworthiness import Scorer
from claims.extract.checkworthiness_cues import EXPECTED_SIGN, find_cues, word_sign
from claims.extract.checkworthiness_features import lexical_features
from claims.extract.checkworthiness_model import (
    MODEL_FORMAT,
    Figures,
    ModelFile,
    NewsCalibration,
    TrainingInfo,
    ViewWeights,
    read_model,
)

Vector = NDArray[np.float64]
CUE_CODES = list(EXPECTED_SIGN)
REGULARISATION_GRID = (1.0, 2.0, 4.0, 8.0, 16.0)
NEWS_LABELS = Path(__file__).with_name("checkworthiness_news_labels.csv")
NEWS_LABELLING = (
    "220 sentence units drawn at random (seed 2026) from the claims of all 2,225 BBC News "
    "articles (Greene & Cunningham 2006), read one at a time without their scores and labelled "
    "check-worthy when they assert a specific, verifiable fact a reader would want checked "
    "(an event, decision, figure, result or record, also when attributed: 'X said 5 people "
    "were arrested'), and not when they are opinion, prediction, hope, hedged speculation, "
    "feelings, colour, background generalities, match narration, product specifications, "
    "lists of names or fragments; one labeller, single pass"
)
THRESHOLD_GRID = np.round(np.arange(0.05, 0.951, 0.01), 2)


def _is_checkworthy(verdicts: NDArray[np.int64]) -> NDArray[np.bool_]:
    return np.asarray(verdicts == 1, dtype=np.bool_)


def _is_factual(verdicts: NDArray[np.int64]) -> NDArray[np.bool_]:
    return np.asarray(verdicts != -1, dtype=np.bool_)


VIEW_LABELS: dict[str, Callable[[NDArray[np.int64]], NDArray[np.bool_]]] = {
    "checkworthy": _is_checkworthy,
    "factual": _is_factual,
}
LICENCE = (
    "ClaimBuster dataset (Zenodo record 3609356 / 3836810), Creative Commons Attribution 4.0 "
    "International (CC BY 4.0); the model ships learned weights only, no sentences."
)
ATTRIBUTION = (
    "Fatma Arslan, Naeemul Hassan, Chengkai Li, Mark Tremayne: A Benchmark Dataset of "
    "Check-worthy Factual Claims. ICWSM 2020. doi:10.5281/zenodo.3609356"
)
SPLIT = (
    "held out: every 5th debate (File_id) in date order from the 3rd; C and thresholds by "
    "5-fold CV grouped by debate on the rest; shipped weights refitted on all debates"
)
FEATURES = (
    "Distinct lower-cased unigrams and bigrams from claims.extract.checkworthiness_features "
    "(numbers -> <num>, years -> <year>), each present vocabulary feature worth "
    "1/sqrt(#present); plus binary cues from claims.extract.checkworthiness_cues."
)


@dataclass(frozen=True, slots=True)
class Corpus:
    """The labelled sentences with their features computed once."""

    texts: list[str]
    verdicts: NDArray[np.int64]
    files: list[str]
    words: list[set[str]]
    cues: NDArray[np.float64]


def read_corpus(path: Path) -> Corpus:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = [row["Text"] for row in rows]
    cue_rows = [{cue.code for cue in find_cues(text)} for text in texts]
    return Corpus(
        texts=texts,
        verdicts=np.array([int(float(row["Verdict"])) for row in rows]),
        files=[row["File_id"] for row in rows],
        words=[lexical_features(text) for text in texts],
        cues=np.array([[code in fired for code in CUE_CODES] for fired in cue_rows], float),
    )


def held_out_files(files: list[str]) -> list[str]:
    """Every fifth debate in date order, starting from the third: spread over the decades."""
    return [name for index, name in enumerate(sorted(set(files))) if index % 5 == 2]


def choose_vocabulary(corpus: Corpus, rows: NDArray[np.int64], size: int) -> list[str]:
    """The `size` features in most sentences among `rows` (at least two), ties by name."""
    counts: dict[str, int] = {}
    for row in rows:
        for word in corpus.words[row]:
            counts[word] = counts.get(word, 0) + 1
    ranked = sorted((item for item in counts.items() if item[1] >= 2), key=lambda i: (-i[1], i[0]))
    return [word for word, _ in ranked[:size]]


def design(corpus: Corpus, rows: NDArray[np.int64], vocabulary: list[str]) -> sp.csr_matrix:
    """Word columns scaled by 1/sqrt(#present), then one 0/1 column per cue."""
    index = {word: column for column, word in enumerate(vocabulary)}
    data: list[float] = []
    columns: list[int] = []
    pointers = [0]
    for row in rows:
        present = sorted(index[word] for word in corpus.words[row] if word in index)
        data.extend([1.0 / np.sqrt(len(present))] * len(present))
        columns.extend(present)
        pointers.append(len(columns))
    words = sp.csr_matrix((data, columns, pointers), shape=(len(rows), len(vocabulary)))
    return sp.hstack([words, sp.csr_matrix(corpus.cues[rows])], format="csr")


def sign_bounds(vocabulary: list[str]) -> list[tuple[float | None, float | None]]:
    """Box constraints that keep cue and cue-word weights on their expected side of zero."""
    signs = [word_sign(word) for word in vocabulary] + [EXPECTED_SIGN[c] for c in CUE_CODES]
    box = {1: (0.0, None), -1: (None, 0.0), 0: (None, None)}
    return [box[sign] for sign in signs] + [(None, None)]


def fit(
    matrix: sp.csr_matrix,
    labels: NDArray[np.bool_],
    strength: float,
    bounds: list[tuple[float | None, float | None]],
) -> tuple[Vector, float]:
    """L2 logistic regression with sign constraints (L-BFGS-B); returns weights and bias."""
    targets = labels.astype(float)
    signs = 2 * targets - 1

    def loss(theta: Vector) -> tuple[float, Vector]:
        weights, bias = theta[:-1], theta[-1]
        log_odds = matrix @ weights + bias
        residual = expit(log_odds) - targets
        value = strength * np.logaddexp(0, -signs * log_odds).sum() + 0.5 * weights @ weights
        gradient = np.append(strength * (matrix.T @ residual) + weights, strength * residual.sum())
        return float(value), gradient

    start = np.zeros(matrix.shape[1] + 1)
    result = minimize(
        loss, start, jac=True, method="L-BFGS-B", bounds=bounds, options={"maxiter": 5000}
    )
    return result.x[:-1], float(result.x[-1])


def best_threshold(labels: NDArray[np.bool_], probabilities: Vector) -> tuple[float, float]:
    """The threshold on the grid with the highest F1, and that F1."""
    scored = [
        (binary_scores(labels.tolist(), (probabilities >= t).tolist()).f1, float(t))
        for t in THRESHOLD_GRID
    ]
    f1, threshold = max(scored, key=lambda item: (item[0], -abs(item[1] - 0.5)))
    return threshold, f1


@dataclass(frozen=True, slots=True)
class Setting:
    """What cross-validation chose for one view, and its out-of-fold figures."""

    strength: float
    threshold: float
    figures: Figures


def cross_validate(corpus: Corpus, rows: NDArray[np.int64], size: int) -> dict[str, Setting]:
    """Per view: the regularisation and threshold with the best out-of-fold F1."""
    folds = []
    groups = [corpus.files[row] for row in rows]
    for fit_part, score_part in GroupKFold(n_splits=5).split(rows, groups=groups):
        vocabulary = choose_vocabulary(corpus, rows[fit_part], size)
        folds.append(
            (
                fit_part,
                score_part,
                vocabulary,
                design(corpus, rows[fit_part], vocabulary),
                design(corpus, rows[score_part], vocabulary),
            )
        )
    chosen: dict[str, Setting] = {}
    for view, label_of in VIEW_LABELS.items():
        labels = label_of(corpus.verdicts[rows])
        best: Setting | None = None
        for strength in REGULARISATION_GRID:
            out_of_fold = np.zeros(len(rows))
            for fit_part, score_part, vocabulary, fit_matrix, score_matrix in folds:
                weights, bias = fit(fit_matrix, labels[fit_part], strength, sign_bounds(vocabulary))
                out_of_fold[score_part] = expit(score_matrix @ weights + bias)
            threshold, f1 = best_threshold(labels, out_of_fold)
            print(f"  cv {view} C={strength}: F1 {f1:.3f} at {threshold:.2f}", file=sys.stderr)
            if best is None or f1 > best.figures.f1:
                scores = binary_scores(labels.tolist(), (out_of_fold >= threshold).tolist())
                best = Setting(strength, threshold, _figures(scores, len(rows)))
        assert best is not None
        chosen[view] = best
    return chosen


def settings_of(model: ModelFile) -> dict[str, Setting]:
    """The settings an earlier model was trained with, and its cross-validation figures."""
    found = model.training.figures["cross_validation"]
    settings = {}
    for view in VIEW_LABELS:
        weights: ViewWeights = getattr(model, view)
        threshold = weights.news.debate_threshold if weights.news else weights.threshold
        settings[view] = Setting(weights.regularisation, threshold, found[view])
    return settings


def train_model(
    corpus: Corpus,
    rows: NDArray[np.int64],
    size: int,
    settings: dict[str, Setting],
    training: TrainingInfo,
) -> ModelFile:
    vocabulary = choose_vocabulary(corpus, rows, size)
    matrix = design(corpus, rows, vocabulary)
    views: dict[str, ViewWeights] = {}
    columns: dict[str, Vector] = {}
    for view, label_of in VIEW_LABELS.items():
        strength, threshold = settings[view].strength, settings[view].threshold
        weights, bias = fit(
            matrix, label_of(corpus.verdicts[rows]), strength, sign_bounds(vocabulary)
        )
        columns[view] = weights[: len(vocabulary)]
        cues = {
            code: round(float(w), 4)
            for code, w in zip(CUE_CODES, weights[len(vocabulary) :], strict=True)
        }
        views[view] = ViewWeights(
            bias=round(bias, 4), threshold=threshold, regularisation=strength, cues=cues
        )
    pairs = {
        word: (round(float(columns["checkworthy"][i]), 4), round(float(columns["factual"][i]), 4))
        for i, word in enumerate(vocabulary)
    }
    return ModelFile(
        format=MODEL_FORMAT,
        features=FEATURES,
        checkworthy=views["checkworthy"],
        factual=views["factual"],
        vocabulary=pairs,
        training=training,
    )


def held_out_figures(
    model: ModelFile, corpus: Corpus, rows: NDArray[np.int64]
) -> dict[str, Figures]:
    """Both views of `model` on `rows`, scored by the pure-Python scorer the project ships."""
    scorer = Scorer(model)
    probabilities = np.array([scorer.both(corpus.texts[row]) for row in rows])
    figures = {}
    for column, (view, label_of) in enumerate(VIEW_LABELS.items()):
        threshold = getattr(model, view).threshold
        scores = binary_scores(
            label_of(corpus.verdicts[rows]).tolist(),
            (probabilities[:, column] >= threshold).tolist(),
        )
        figures[view] = _figures(scores, len(rows))
    return figures


def check_parity(model: ModelFile, corpus: Corpus, rows: NDArray[np.int64]) -> float:
    """Largest gap between the trainer's matrix arithmetic and the shipped scorer."""
    vocabulary = list(model.vocabulary)
    matrix = design(corpus, rows, vocabulary)
    scorer = Scorer(model)
    gaps = []
    for column, view in enumerate(VIEW_LABELS):
        weights = getattr(model, view)
        vector = [pair[column] for pair in model.vocabulary.values()]
        vector += [weights.cues[code] for code in CUE_CODES]
        factor, shift = (weights.news.scale, weights.news.shift) if weights.news else (1, 0)
        expected = expit(factor * (matrix @ np.array(vector) + weights.bias) + shift)
        actual = np.array([scorer.both(corpus.texts[row])[column] for row in rows])
        gaps.append(float(np.abs(expected - actual).max()))
    return max(gaps)


@dataclass(frozen=True, slots=True)
class News:
    """Hand-labelled news sentences: text and whether it is check-worthy."""

    texts: list[str]
    labels: NDArray[np.bool_]


def read_news(labels: Path, corpus: Path) -> News:
    """The labelled sentences, cut from the corpus articles by id and offsets."""
    articles = {}
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            articles[article["id"]] = article["text"]
    with labels.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = [articles[row["id"]][int(row["start"]) : int(row["end"])] for row in rows]
    return News(texts, np.array([row["checkworthy"] == "1" for row in rows]))


def raw_log_odds(model: ModelFile, texts: list[str]) -> Vector:
    """The check-worthy view's log-odds before any news calibration."""
    plain = model.model_copy(
        update={"checkworthy": model.checkworthy.model_copy(update={"news": None})}
    )
    scorer = Scorer(plain)
    views = [scorer.checkworthy(text) for text in texts]
    return np.array([v.bias + v.word_total + sum(v.cue_parts.values()) for v in views])


def fit_calibration(log_odds: Vector, labels: NDArray[np.bool_]) -> tuple[float, float]:
    """Scale and shift of the log-odds that best fit the labels (unregularised)."""
    model = LogisticRegression(C=1e6, max_iter=1000).fit(log_odds.reshape(-1, 1), labels)
    return float(model.coef_[0][0]), float(model.intercept_[0])


def calibrate(model: ModelFile, news: News) -> ModelFile:
    """The model with its check-worthy view calibrated to the labelled news sentences."""
    view = model.checkworthy
    log_odds = raw_log_odds(model, news.texts)
    scale, shift = fit_calibration(log_odds, news.labels)
    threshold = share_threshold(expit(scale * log_odds + shift), news.labels)
    cross_validated = np.zeros(len(news.texts), dtype=bool)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    for fit_part, score_part in folds.split(log_odds, news.labels):
        a, b = fit_calibration(log_odds[fit_part], news.labels[fit_part])
        cut = share_threshold(expit(a * log_odds[fit_part] + b), news.labels[fit_part])
        cross_validated[score_part] = expit(a * log_odds[score_part] + b) >= cut
    count = len(news.texts)
    figures = {
        "before": _news_figures(news.labels, expit(log_odds) >= view.threshold),
        "after": _news_figures(news.labels, expit(scale * log_odds + shift) >= threshold),
        "after_cross_validated": _news_figures(news.labels, cross_validated),
    }
    calibration = NewsCalibration(
        scale=round(scale, 4),
        shift=round(shift, 4),
        debate_threshold=view.threshold,
        labels=NEWS_LABELLING,
        labelled=count,
        positives=int(news.labels.sum()),
        figures=figures,
    )
    calibrated = view.model_copy(update={"threshold": threshold, "news": calibration})
    return model.model_copy(update={"checkworthy": calibrated})


def share_threshold(probabilities: Vector, labels: NDArray[np.bool_]) -> float:
    """The threshold on the grid at which the share passing is nearest the share labelled
    positive (ties: nearer 0.5)."""
    target = float(labels.mean())
    return float(
        min(
            THRESHOLD_GRID,
            key=lambda t: (abs(float((probabilities >= t).mean()) - target), abs(t - 0.5)),
        )
    )


def _news_figures(labels: NDArray[np.bool_], predicted: NDArray[np.bool_]) -> Figures:
    return _figures(binary_scores(labels.tolist(), predicted.tolist()), len(labels))


def baseline_figures(
    corpus: Corpus, train: NDArray[np.int64], test: NDArray[np.int64]
) -> dict[str, Figures]:
    """Reference: scikit-learn TF-IDF (1-2 grams) + logistic regression, threshold by grouped CV."""
    figures = {}
    texts = np.array(corpus.texts, dtype=object)
    groups = [corpus.files[row] for row in train]
    for view, label_of in VIEW_LABELS.items():
        labels = label_of(corpus.verdicts)
        out_of_fold = np.zeros(len(train))
        for fit_part, score_part in GroupKFold(n_splits=5).split(train, groups=groups):
            model = _baseline(texts[train[fit_part]], labels[train[fit_part]])
            out_of_fold[score_part] = model(texts[train[score_part]])
        threshold, _ = best_threshold(labels[train], out_of_fold)
        predicted = _baseline(texts[train], labels[train])(texts[test]) >= threshold
        figures[view] = _figures(
            binary_scores(labels[test].tolist(), predicted.tolist()), len(test)
        )
    return figures


def _baseline(
    texts: NDArray[np.object_], labels: NDArray[np.bool_]
) -> Callable[[NDArray[np.object_]], Vector]:
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    model = LogisticRegression(C=2.0, max_iter=3000).fit(vectorizer.fit_transform(texts), labels)
    return lambda batch: model.predict_proba(vectorizer.transform(batch))[:, 1]


def _figures(scores: ViewScores, count: int) -> Figures:
    return Figures(precision=scores.precision, recall=scores.recall, f1=scores.f1, n=count)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("csv", type=Path, help="ClaimBuster crowdsourced.csv")
    parser.add_argument("--out", type=Path, default=Path("claims/data/checkworthiness.json"))
    parser.add_argument("--vocabulary", type=int, default=8000, help="word features kept")
    parser.add_argument("--news-corpus", type=Path, help="JSONL articles the news labels cite")
    parser.add_argument("--news-labels", type=Path, default=NEWS_LABELS)
    parser.add_argument("--settings-from", type=Path, help="reuse C and thresholds of a model")
    args = parser.parse_args()
    news = read_news(args.news_labels, args.news_corpus) if args.news_corpus else None

    corpus = read_corpus(args.csv)
    held_out = held_out_files(corpus.files)
    is_held = np.array([name in held_out for name in corpus.files])
    train, test = np.flatnonzero(~is_held), np.flatnonzero(is_held)
    print(
        f"{len(train)} training sentences, {len(test)} held out ({len(held_out)} debates)",
        file=sys.stderr,
    )

    if args.settings_from:
        settings = settings_of(read_model(args.settings_from))
    else:
        settings = cross_validate(corpus, train, args.vocabulary)
    training = TrainingInfo(
        data="ClaimBuster crowdsourced.csv (US presidential debates 1960-2016)",
        licence=LICENCE,
        attribution=ATTRIBUTION,
        split=SPLIT,
        held_out_files=held_out,
        vocabulary_rule=f"top {args.vocabulary} unigrams/bigrams by sentence frequency (>= 2)",
        trained_with={
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "scikit-learn": sklearn.__version__,
        },
        figures={"cross_validation": {view: setting.figures for view, setting in settings.items()}},
    )
    trial = train_model(corpus, train, args.vocabulary, settings, training)
    figures = {**training.figures}
    if news is not None:
        figures["held_out_before_news_calibration"] = held_out_figures(trial, corpus, test)
        trial = calibrate(trial, news)
    figures["held_out"] = held_out_figures(trial, corpus, test)
    figures["baseline_tfidf_lr_held_out"] = baseline_figures(corpus, train, test)
    gap = check_parity(trial, corpus, test[:2000])
    print(f"scorer parity: largest probability gap {gap:.2e}", file=sys.stderr)
    if gap > 1e-9:
        raise SystemExit("the pure-Python scorer disagrees with the trainer")
    final_training = training.model_copy(update={"figures": figures})
    final = train_model(
        corpus, np.arange(len(corpus.texts)), args.vocabulary, settings, final_training
    )
    if news is not None:
        final = calibrate(final, news)
        calibration = final.checkworthy.news
        assert calibration is not None
        for name, figure in calibration.figures.items():
            print(
                f"news {name:<23} checkworthy  P {figure.precision:.3f} "
                f"R {figure.recall:.3f} F1 {figure.f1:.3f}",
                file=sys.stderr,
            )
    args.out.write_text(final.model_dump_json() + "\n", encoding="utf-8")
    for name, views in figures.items():
        for view, figure in views.items():
            print(
                f"{name:<28} {view:<12} P {figure.precision:.3f} "
                f"R {figure.recall:.3f} F1 {figure.f1:.3f}",
                file=sys.stderr,
            )
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)", file=sys.stderr)


if __name__ == "__main__":
    main()
