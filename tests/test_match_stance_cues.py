"""Refutation near the claim: cues of the sentences that restate a headline, on made-up pairs."""

from __future__ import annotations

from claims.eval.stance import Pair, pair_features, prepare
from claims.match.stance import FEATURES, Stance, packaged_model
from claims.match.stance_cues import NAMES, SentenceCues, alignment_features

CLAIM = "City zoo panda gives birth to twins"
DENIAL = (
    "The city zoo said on Monday that the story of its panda giving birth to twins is a hoax. "
    "No panda has given birth at the zoo this year, a spokesman said."
)
OTHER_TOPIC = (
    "The football club said on Monday that the story of its goalkeeper leaving is a hoax. "
    "No player has left the club this year, a spokesman said."
)
REPORT = (
    "The city zoo said on Monday that its panda gave birth to twins. "
    "Both cubs are healthy and the mother is doing well, a spokesman said."
)


def named(values: list[float]) -> dict[str, float]:
    return dict(zip(NAMES, values, strict=True))


def test_a_hoax_where_the_claim_is_restated_counts_and_one_elsewhere_does_not() -> None:
    texts = ("The panda gave birth to twins, a hoax.", "Hi.", "Cubs.", "Twins were born.")
    sentences = [SentenceCues.of(text) for text in texts]
    restated = named(alignment_features(CLAIM, sentences, [0.8, 0.0, 0.0, 0.0]))
    elsewhere = named(alignment_features(CLAIM, sentences, [0.0, 0.0, 0.0, 0.8]))
    assert restated["top1_refuting"] > 0 and restated["asserted_refuted"] > 0
    assert elsewhere["top1_refuting"] == 0 and elsewhere["asserted_refuted"] == 0


def test_a_headline_calling_a_story_a_hoax_against_a_body_that_tells_it() -> None:
    sentences = [SentenceCues.of("The panda gave birth to twins on Monday.")]
    found = named(alignment_features("Panda twins story is a hoax", sentences, [0.7]))
    assert found["refuted_asserted"] > 0 and found["asserted_refuted"] == 0


def test_negation_in_the_restating_sentence_is_a_polarity_mismatch() -> None:
    negated = [SentenceCues.of("The panda did not give birth to twins.")]
    plain = [SentenceCues.of("The panda gave birth to twins.")]
    assert named(alignment_features(CLAIM, negated, [0.9]))["negation_mismatch"] > 0
    assert named(alignment_features(CLAIM, plain, [0.9]))["negation_mismatch"] == 0


def test_the_model_calls_a_clear_denial_disagree_and_the_same_words_elsewhere_not() -> None:
    bodies = {1: DENIAL, 2: OTHER_TOPIC, 3: REPORT}
    pairs = [Pair(CLAIM, body, Stance.DISCUSS) for body in bodies]
    corpus = prepare(pairs, bodies)
    model = packaged_model()
    denial, other, report = (model.predict(pair_features(corpus, pair)) for pair in pairs)
    assert denial == Stance.DISAGREE
    assert other == Stance.UNRELATED
    assert report != Stance.DISAGREE
    start = FEATURES.index(NAMES[0])
    assert list(FEATURES[start : start + len(NAMES)]) == list(NAMES)


def test_a_story_walked_back_where_it_is_restated_counts_as_a_retreat() -> None:
    texts = (
        "The actor will not play the inventor after all, his agent said.",
        "The film is due next year.",
        "Tickets go on sale in May.",
    )
    sentences = [SentenceCues.of(text) for text in texts]
    restated = named(alignment_features("Actor to play inventor", sentences, [0.8, 0.0, 0.0]))
    elsewhere = named(alignment_features("Tickets on sale", sentences, [0.0, 0.0, 0.8]))
    assert sentences[0].retreats == 2 and sentences[1].retreats == 0
    assert restated["window_retreats"] > 0 and restated["aligned_window_retreats"] > 0
    assert elsewhere["window_retreats"] == 0 and elsewhere["aligned_window_retreats"] == 0
    assert restated["lead_retreats"] == elsewhere["lead_retreats"] > 0
