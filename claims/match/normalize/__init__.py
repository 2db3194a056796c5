"""Normalised forms of a claim used for matching: content words and blocking keys."""
