"""The source registry's logic: who a mention is, how far to trust it, and why.

Pure modules (no database): registry models, name normalisation, mention resolution, the
propaganda path, proposed claim credibility, registry files and outside rating lists. The
database side lives in `claims.store.sources`.
"""
