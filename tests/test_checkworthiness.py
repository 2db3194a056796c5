"""Check-worthiness: cues, word features, the scorer's arithmetic and the shipped model."""

from __future__ import annotations

import csv
import math
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extract.checkworthiness import (
    Scorer,
    checkworthy_threshold,
    default_scorer,
    factual_score,
    is_checkworthy,
    is_factual,
    score_sentence,
)
from claims.extract.checkworthiness_cues import EXPECTED_SIGN, find_cues, word_sign
from claims.extract.checkworthiness_features import lexical_features, tokens
from claims.extract.checkworthiness_model import (
    MODEL_FORMAT,
    Figures,
    ModelFile,
    NewsCalibration,
    TrainingInfo,
    ViewWeights,
    packaged_model,
    read_model,
)


def tiny_model(
    cues: dict[str, float],
    vocabulary: dict[str, tuple[float, float]] | None = None,
    bias: float = 0.0,
    threshold: float = 0.5,
) -> ModelFile:
    """A hand-made model whose scores can be worked out on paper."""
    view = ViewWeights(bias=bias, threshold=threshold, regularisation=1.0, cues=cues)
    figures = Figures(precision=0.0, recall=0.0, f1=0.0, n=0)
    training = TrainingInfo(
        data="invented",
        licence="none",
        attribution="none",
        split="none",
        held_out_files=[],
        vocabulary_rule="none",
        trained_with={},
        figures={"held_out": {"checkworthy": figures, "factual": figures}},
    )
    return ModelFile(
        format=MODEL_FORMAT,
        features="test",
        checkworthy=view,
        factual=view,
        vocabulary=vocabulary or {},
        training=training,
    )


def codes(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for cue in find_cues(text):
        found.setdefault(cue.code, []).append(cue.text)
    return found


def test_cues_find_amounts_dates_names_and_speech() -> None:
    text = (
        "Exports to Norway rose 12% to $4.5 billion in 2019, the Fisheries Council said on Monday."
    )
    found = codes(text)
    assert found["number"] == ["12%", "$4.5", "billion"]
    assert found["date"] == ["2019", "Monday"]
    assert found["named_entity"] == ["Norway", "Fisheries Council"]
    assert found["reporting_verb"] == ["said"]
    assert "hedge" not in found and "question" not in found


def test_month_may_is_a_date_but_modal_may_is_a_hedge() -> None:
    assert codes("Prices fell in May 2020.")["date"] == ["in May", "2020"]
    assert "hedge" not in codes("Prices fell in May 2020.")
    assert codes("Prices may fall.")["hedge"] == ["may"]
    assert "date" not in codes("Prices may fall.")


def test_opinion_question_and_first_person() -> None:
    found = codes("Don't you think we should cut taxes?")
    assert found["opinion_marker"] == ["think", "should"]
    assert found["question"] == ["?"]
    assert found["first_person"] == ["we"]
    assert "first_person" not in codes("The US army left.")
    assert codes('He asked: "Is it over?"')["question"] == ["?"]


def test_a_capitalised_word_opening_the_sentence_is_not_a_name() -> None:
    assert "named_entity" not in codes("Yesterday prices fell.")
    assert codes("But Smith disagreed.")["named_entity"] == ["Smith"]
    assert codes("Smith's plan failed.")["named_entity"] == ["Smith's"]


def test_tokens_replace_figures_with_placeholders() -> None:
    assert tokens("We’ve spent $4.5 billion since the 1990s, 12% of it in 2003?") == [
        *["we've", "spent", "dollars", "<num>", "billion", "since", "the", "<year>"],
        *["<num>", "percent", "of", "it", "in", "<year>", "?"],
    ]
    assert lexical_features("Taxes rose sharply") == {
        "taxes",
        "rose",
        "sharply",
        "taxes rose",
        "rose sharply",
    }


def test_cues_move_the_score_their_way_and_reasons_add_up() -> None:
    scorer = Scorer(tiny_model({"number": 1.5, "hedge": -0.7, "question": -2.0}))
    plain = scorer.checkworthy("The bridge opened.").probability
    assert plain == pytest.approx(0.5)
    with_number = scorer.checkworthy("The bridge cost 40 crowns.").probability
    hedged = scorer.checkworthy("The bridge might cost 40 crowns.").probability
    assert with_number == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert plain < hedged < with_number


def test_a_news_calibration_rescales_every_part_of_the_score() -> None:
    model = tiny_model({"number": 2.0}, bias=-1.0)
    figures = Figures(precision=0.0, recall=0.0, f1=0.0, n=0)
    news = NewsCalibration(
        scale=0.5,
        shift=-0.25,
        debate_threshold=0.3,
        labels="invented",
        labelled=0,
        positives=0,
        figures={"after": figures},
    )
    calibrated = Scorer(
        model.model_copy(
            update={"checkworthy": model.checkworthy.model_copy(update={"news": news})}
        )
    )
    view = calibrated.checkworthy("The bridge cost 40 crowns.")
    assert view.probability == pytest.approx(1 / (1 + math.exp(-(0.5 * (2.0 - 1.0) - 0.25))))
    assert view.cue_parts == {"number": pytest.approx(1.0)}
    assert view.bias == pytest.approx(-0.75)
    assert Scorer(model).factual("The bridge cost 40 crowns.").probability == pytest.approx(
        1 / (1 + math.exp(-1.0))
    )


def test_the_shipped_model_is_calibrated_to_news() -> None:
    view = packaged_model().checkworthy
    assert view.news is not None and view.news.labelled >= 200
    assert checkworthy_threshold() == view.threshold
    assert view.news.figures["after"].precision > view.news.figures["before"].precision


def test_word_weights_are_scaled_by_the_number_of_known_features() -> None:
    vocabulary = {"tax": (2.0, 0.0), "rose": (1.0, 0.0), "tax rose": (1.0, 0.0)}
    scorer = Scorer(tiny_model({}, vocabulary=vocabulary, bias=-1.0))
    view = scorer.checkworthy("Tax rose.")
    assert view.word_total == pytest.approx(4.0 / math.sqrt(3))
    assert view.probability == pytest.approx(1 / (1 + math.exp(1.0 - 4.0 / math.sqrt(3))))


def test_shipped_reasons_explain_the_score() -> None:
    text = "Unemployment fell to 4.1 percent in March 2019, the Labor Department said."
    score, reasons = score_sentence(text)
    by_code = {reason.code: reason for reason in reasons}
    assert {"number", "date", "named_entity", "reporting_verb", "model"} <= by_code.keys()
    assert by_code["number"].weight > 0 and by_code["date"].weight > 0
    assert '"4.1"' in by_code["number"].text
    assert [abs(r.weight) for r in reasons] == sorted(
        (abs(r.weight) for r in reasons), reverse=True
    )
    view = packaged_model().checkworthy
    news = view.news
    bias = view.bias * news.scale + news.shift if news else view.bias
    log_odds = math.log(score / (1 - score))
    assert log_odds == pytest.approx(bias + sum(r.weight for r in reasons), abs=0.05)


def test_hedges_opinions_and_questions_lower_the_shipped_score() -> None:
    _, reasons = score_sentence("I think the plan could possibly fail, don't you?")
    by_code = {reason.code: reason.weight for reason in reasons}
    assert by_code["hedge"] < 0
    assert by_code["opinion_marker"] < 0
    assert by_code["question"] < 0
    assert score_sentence("Will taxes rise?")[0] < score_sentence("Taxes rose 3% in 2010.")[0]


def test_shipped_model_keeps_every_promised_sign() -> None:
    model = packaged_model()
    for view in (model.checkworthy, model.factual):
        for code, sign in EXPECTED_SIGN.items():
            assert view.cues[code] * sign >= 0, code
    for word, weights in model.vocabulary.items():
        assert all(weight * word_sign(word) >= 0 for weight in weights), word


def test_shipped_model_is_small_and_documents_its_training() -> None:
    path = resources.files("claims.data").joinpath("checkworthiness.json")
    assert len(path.read_bytes()) < 400_000
    training = packaged_model().training
    assert "CC BY 4.0" in training.licence and "Arslan" in training.attribution
    held_out = training.figures["held_out"]
    assert held_out["checkworthy"].n > 1000
    assert 0.0 < held_out["checkworthy"].f1 <= 1.0 and 0.0 < held_out["factual"].f1 <= 1.0
    assert 0.0 < checkworthy_threshold() < 1.0


def test_threshold_and_factual_view() -> None:
    threshold = checkworthy_threshold()
    assert is_checkworthy(threshold)
    assert not is_checkworthy(math.nextafter(threshold, 0.0))
    assert is_factual("In 2003 the company sold 4 million cars in Germany.")
    assert not is_factual("Do you really think we should do that?")
    assert 0.0 <= factual_score("") <= 1.0


def test_clear_cases_fall_on_the_right_side() -> None:
    worthy = "Lukoil has invested more than $10 billion in the oil field since 2014."
    assert is_checkworthy(score_sentence(worthy)[0])
    assert not is_checkworthy(score_sentence("I hope you all have a wonderful evening.")[0])


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_the_reasons_and_the_bias_add_up_to_the_score(text: str) -> None:
    """As documented: the reasons' weights plus the bias give the score's log-odds (weights
    under 0.01 left out, each rounded to three decimals)."""
    score, reasons = score_sentence(text)
    bias = default_scorer().checkworthy(text).bias
    left_out = len(find_cues(text)) + 1
    slack = 0.01 * left_out + 0.0005 * len(reasons) + 1e-9
    assert abs(math.log(score / (1.0 - score)) - (bias + sum(r.weight for r in reasons))) <= slack
    assert all(abs(reason.weight) >= 0.01 for reason in reasons)


@pytest.mark.parametrize(
    ("worthy", "chatter"),
    [
        (
            "Unemployment in Westbury fell to 3.9 percent in March, the statistics office said.",
            "Do you think we should all be a little kinder to each other?",
        ),
        (
            "The council spent 4.2 million pounds on the Harlow bridge in 2019.",
            "Perhaps the weather will be nicer tomorrow.",
        ),
        (
            "Police arrested 14 people after the match in Dunmore on Saturday.",
            "I hope you all have a wonderful evening.",
        ),
    ],
)
def test_a_check_worthy_sentence_outscores_chatter(worthy: str, chatter: str) -> None:
    high, low = score_sentence(worthy)[0], score_sentence(chatter)[0]
    assert high > low
    assert is_checkworthy(high) and not is_checkworthy(low)


def test_text_with_no_known_word_and_no_cue_gets_the_documented_bias() -> None:
    """docs/extraction.md: bias −2.09 after the news calibration, threshold 0.46, so a
    sentence the model knows nothing about (here huge and hostile) is not check-worthy."""
    for text in ["", "Qqqq", "Q" * 20000, "\x00\x07\u202e"]:
        score, reasons = score_sentence(text)
        assert reasons == []
        assert math.log(score / (1.0 - score)) == pytest.approx(-2.09, abs=0.005)
        assert not is_checkworthy(score)
    assert checkworthy_threshold() == pytest.approx(0.46)


def test_hostile_text_is_judged_by_its_cues() -> None:
    """A wall of question marks is a question, a wall of digits is a number."""
    question, question_reasons = score_sentence("?" * 1000)
    assert "question" in {reason.code for reason in question_reasons}
    assert all(reason.weight < 0 for reason in question_reasons) and not is_checkworthy(question)
    digits, digit_reasons = score_sentence("\u202e" + "9" * 5000)
    assert "number" in {reason.code for reason in digit_reasons}
    assert digits > score_sentence("Q" * 5000)[0]


def test_trainer_writes_a_model_the_scorer_reads(tmp_path: Path) -> None:
    """The training script on invented debates: held-out split, parity check, valid file."""
    pytest.importorskip("sklearn")
    rows = []
    for debate in range(10):
        for item in range(8):
            rows.append((f"Exports rose {item + 3} percent in 19{70 + debate}.", "1", debate))
            rows.append((f"The hall seats {item} people on Mondays.", "0", debate))
            rows.append((f"I think we should hope for the best, number {item}?", "-1", debate))
            rows.append(("Let us be kind to each other.", "-1", debate))
    source = tmp_path / "invented.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Text", "Verdict", "File_id"])
        writer.writerows(
            (text, verdict, f"debate-{debate:02}.txt") for text, verdict, debate in rows
        )
    out = tmp_path / "model.json"
    script = Path(__file__).parents[1] / "scripts" / "train_checkworthiness.py"
    done = subprocess.run(
        [sys.executable, str(script), str(source), "--out", str(out), "--vocabulary", "50"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    model = read_model(out)
    assert model.training.held_out_files == ["debate-02.txt", "debate-07.txt"]
    assert len(model.vocabulary) <= 50
    assert model.training.figures["held_out"]["checkworthy"].n == 64
    scorer = Scorer(model)
    assert scorer.checkworthy("Exports rose 9 percent in 1999.").probability > 0.5
    assert scorer.checkworthy("I think we should be kind?").probability < 0.5
    assert model.checkworthy.news is None


def test_trainer_calibrates_the_check_worthy_view_on_labelled_news(tmp_path: Path) -> None:
    """With news labels (ids and offsets into a JSONL corpus) the view is rescaled to them."""
    pytest.importorskip("sklearn")
    rows = []
    for debate in range(10):
        for item in range(8):
            rows.append((f"Exports rose {item + 3} percent in 19{70 + debate}.", "1", debate))
            rows.append((f"I think we should hope for the best, number {item}?", "-1", debate))
    source = tmp_path / "invented.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Text", "Verdict", "File_id"])
        writer.writerows((t, v, f"debate-{d:02}.txt") for t, v, d in rows)
    worthy = "Imports fell 12 percent in 1990."
    chatter = "I think the harbour looks lovely."
    corpus = tmp_path / "news.jsonl"
    labels = tmp_path / "labels.csv"
    lines, marks = [], ["id,start,end,checkworthy"]
    for n in range(20):
        text = f"{worthy} {chatter} Exports rose {n} percent in 2001."
        lines.append(f'{{"id": "a{n}", "title": "t", "text": "{text}"}}')
        marks.append(f"a{n},0,{len(worthy)},1")
        marks.append(f"a{n},{len(worthy) + 1},{len(worthy) + 1 + len(chatter)},{n % 7 == 0:d}")
        marks.append(f"a{n},{text.index('Exports')},{len(text)},{n % 2}")
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    labels.write_text("\n".join(marks) + "\n", encoding="utf-8")
    out = tmp_path / "model.json"
    script = Path(__file__).parents[1] / "scripts" / "train_checkworthiness.py"
    done = subprocess.run(
        [
            sys.executable,
            str(script),
            str(source),
            "--out",
            str(out),
            "--vocabulary",
            "50",
            "--news-corpus",
            str(corpus),
            "--news-labels",
            str(labels),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    model = read_model(out)
    news = model.checkworthy.news
    assert news is not None and (news.labelled, news.positives) == (60, 33)
    assert 0.0 < model.checkworthy.threshold < 1.0 and model.factual.news is None
    assert {"before", "after", "after_cross_validated"} <= news.figures.keys()
    assert "held_out_before_news_calibration" in model.training.figures
