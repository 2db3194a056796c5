"""Claim frames: subject, predicate or measure, values, period, polarity and modality.

`build.frames_of` reads a document's extracted claims with the document's help;
`build.frame_of` reads one claim alone; `align` says whether two frames are about one thing.
"""
