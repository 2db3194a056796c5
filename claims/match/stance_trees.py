"""Gradient-boosted trees for stance, read from JSON and walked in pure Python.

Trees cross features that a linear model can only add: a refuting word counts for disagree
when the sentence restates the claim and the body does not hedge, not otherwise. Trained by
`scripts/train_stance.py` (scikit-learn's histogram gradient boosting); here only the split
features, thresholds, children and leaf values are kept, so inference needs no library.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict


class Tree(BaseModel):
    """One regression tree as parallel lists; node 0 is the root, a leaf has left == -1."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    feature: list[int]
    threshold: list[float]
    left: list[int]
    right: list[int]
    value: list[float]

    def output(self, values: Sequence[float]) -> float:
        """The leaf value reached by `values` (a value at or below the threshold goes left)."""
        node = 0
        while self.left[node] >= 0:
            node = (
                self.left[node]
                if values[self.feature[node]] <= self.threshold[node]
                else self.right[node]
            )
        return self.value[node]


class BoostedTrees(BaseModel):
    """Per-class raw scores: a baseline plus the sum of that class's trees."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    baseline: list[float]
    trees: list[list[Tree]]
    """trees[round][class]."""

    def logits(self, values: Sequence[float]) -> list[float]:
        scores = list(self.baseline)
        for round_trees in self.trees:
            for index, tree in enumerate(round_trees):
                scores[index] += tree.output(values)
        return scores
