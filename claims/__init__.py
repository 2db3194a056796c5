"""claims: claim provenance and source credibility for fact-checkers."""

__version__ = "0.1.0"
