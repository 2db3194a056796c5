"""Whose words a refutation touches (`claims.match.stance_scope`) and the tree walker."""

from __future__ import annotations

from claims.match.stance_scope import NAMES, Scope, negated_claim_words, scope_features
from claims.match.stance_trees import BoostedTrees, Tree


def test_a_story_called_false_counts_as_falsity() -> None:
    assert Scope.of("The article saying the chain drops its burger isn't real.").falsity == 1
    assert Scope.of("The photo was a hoax, the agency said.").falsity == 1
    assert Scope.of("The photo was taken in a harbour at night.").falsity == 0


def test_a_denied_report_counts_in_either_order() -> None:
    assert Scope.of("Reports that the mayor resigned were denied by his office.").report_refuted
    assert Scope.of("His office dismissed the reports on Monday.").report_refuted
    assert not Scope.of("Reports say the mayor resigned on Monday.").report_refuted


def test_only_claim_words_after_a_negation_or_denial_count() -> None:
    tokens = Scope.of("The team did not sign the striker, the club denied any transfer").tokens
    words = frozenset({"sign", "striker", "transfer", "club"})
    # "sign" and "striker" follow "not"; "transfer" follows "denied"; "club" follows neither
    assert negated_claim_words(tokens, words) == 3
    assert negated_claim_words(Scope.of("The team signed the striker").tokens, words) == 0


def test_scope_features_read_the_sentence_that_restates_the_claim() -> None:
    claim = "Zoo panda gives birth to twins"
    sentences = [
        Scope.of("The zoo opened a new enclosure last spring."),
        Scope.of("The panda did not give birth to twins, keepers said; the story is false."),
    ]
    refuted = dict(zip(NAMES, scope_features(claim, sentences, [0.0, 0.8]), strict=True))
    unaligned = dict(zip(NAMES, scope_features(claim, sentences, [0.8, 0.0]), strict=True))
    assert refuted["scope_top_negated_words"] > 0 and refuted["scope_top_falsity"] > 0
    assert unaligned["scope_top_negated_words"] == 0 and unaligned["scope_top_falsity"] == 0
    hedged = scope_features(claim, [Scope.of("The panda reportedly gave birth to twins.")], [0.8])
    assert dict(zip(NAMES, hedged, strict=True))["scope_window_hedges"] > 0


def test_boosted_trees_add_each_class_tree_to_its_baseline() -> None:
    split = Tree(
        feature=[0, -1, -1],
        threshold=[0.5, 0, 0],
        left=[1, -1, -1],
        right=[2, -1, -1],
        value=[0.0, -1.0, 2.0],
    )
    leaf = Tree(feature=[-1], threshold=[0.0], left=[-1], right=[-1], value=[0.25])
    model = BoostedTrees(baseline=[0.0, 1.0], trees=[[split, leaf], [split, leaf]])
    assert model.logits([0.5]) == [-2.0, 1.5]  # at the threshold: left
    assert model.logits([0.9]) == [4.0, 1.5]
