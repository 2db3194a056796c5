"""Claim extraction: sentences, kinds, check-worthiness, attribution chains, entities, dates."""
