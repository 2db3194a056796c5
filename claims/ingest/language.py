"""The language a document is written in, and what a reviewer must know when it is not English.

The language is guessed by py3langid, whose model (about 140 languages, 4.6 MB) ships inside
its package: nothing is downloaded. The script alone cannot tell Ukrainian from Russian or
Persian from Arabic, and says nothing about German or French. The extraction rules for
attribution read English only, so a document in another language is flagged and its claims
get no attribution by those rules (see `claims.extract.pipeline`).
"""

from __future__ import annotations

import functools
import io
import lzma
from array import array
from typing import Any

from claims.ingest.models import DocumentMeta, Flag
from claims.text.language import is_english

SAMPLE_CHARS = 20_000
"""The detector reads this much of the text: plenty for a document, and it stays fast."""
MIN_LETTERS = 40
"""Below this many letters the guess is left open."""
MIN_CONFIDENCE = 0.5
"""The detector's probability below which the guess is left open (mixed or odd text)."""


def guess_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it is too short or unclear."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for ch in sample if ch.isalpha()) < MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(sample)
    return str(code) if confidence >= MIN_CONFIDENCE and code != "und" else None


def language_flags(meta: DocumentMeta) -> tuple[list[Flag], list[str]]:
    """The flag and note a document not in English carries, for the reviewer to see."""
    language = meta.get("language")
    if is_english(language):
        return [], []
    note = (
        f"written in {language}, not English: the attribution rules read English only, so its"
        " claims are not attributed to speakers in the text (only to the publisher)"
    )
    return [Flag.NOT_ENGLISH], [note]


@functools.cache
def _identifier() -> Any:
    """The detector, loaded once per process, in memory.

    py3langid's own loader unpacks the model (68 MB) into a temporary file, which fails on a
    full disk and writes to /tmp at every start; this reads the same arrays from memory.
    """
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    with lzma.open(MODEL_DIR / MODEL_FILE) as packed:
        unpacked = io.BytesIO(packed.read())
    with np.load(unpacked, allow_pickle=False) as model:
        return LanguageIdentifier(
            np.asarray(model["ptc"]),
            np.asarray(model["pc"]),
            model["classes"].tolist(),
            _unsigned_array(model["nextmove"]),
            model["out_feat"].tolist(),
            norm_probs=True,
            tk_row=_unsigned_array(model["nextmove_row"]),
        )


def _unsigned_array(values: Any) -> array[int]:
    """A NumPy array of unsigned integers as the stdlib array py3langid walks."""
    typecode = {2: "H", 4: "I", 8: "L"}[values.dtype.itemsize]
    found = array(typecode)
    found.frombytes(values.tobytes())
    return found
