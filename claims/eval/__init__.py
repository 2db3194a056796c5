"""Evaluation of extraction against public gold data (paths are passed in, never stored)."""
