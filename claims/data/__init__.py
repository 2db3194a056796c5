"""Data files shipped with claims: learned weights, never training data."""
