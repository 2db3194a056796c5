"""Bytes to text: BOMs, strict UTF-8, then a detector, never confident mojibake.

The detector (charset-normalizer) guesses an encoding even for garbage, so its chaos and
coherence figures decide whether the result is flagged as uncertain for the reviewer.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from claims.ingest.models import Flag

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

MAX_CHAOS = 0.1
MIN_COHERENCE = 0.2
BINARY_CONTROL_RATIO = 0.1
"""Share of control bytes (other than tab, newlines, form feed, ESC, NUL) that means binary."""

_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b\x00")
_BINARY_SIGNATURES = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"SQLite format 3",
    b"\x7fELF",
)


class DecodeError(ValueError):
    """The bytes are not text this program can read."""


@dataclass
class Decoded:
    """Text decoded from bytes, with what the decoder had to do to get it."""

    text: str
    encoding: str
    confidence: float
    flags: list[Flag] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode bytes to text, flagging every guess and every replaced byte."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _finish(Decoded(data.decode(encoding), encoding, 1.0))
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} after its byte-order mark") from exc
    _refuse_binary(data)
    try:
        decoded = Decoded(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError:
        decoded = _detect(data)
    if declared and not _same_encoding(declared, decoded.encoding):
        decoded.flags.append(Flag.ENCODING_DECLARED_MISMATCH)
        decoded.notes.append(f"declared charset {declared} but the bytes are {decoded.encoding}")
    return _finish(decoded)


def _refuse_binary(data: bytes) -> None:
    if any(data.startswith(sig) for sig in _BINARY_SIGNATURES):
        raise DecodeError("binary file, not text")
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
    if sample and controls / len(sample) > BINARY_CONTROL_RATIO:
        raise DecodeError("binary file, not text")


def _detect(data: bytes) -> Decoded:
    if _mostly_utf8(data):
        text = data.decode("utf-8", errors="replace")
        return Decoded(
            text,
            "utf-8",
            0.5,
            [Flag.INVALID_BYTES_REPLACED, Flag.ENCODING_UNCERTAIN],
            ["invalid UTF-8 sequences replaced with U+FFFD"],
        )
    best = from_bytes(data).best()
    if best is None:
        text = data.decode("utf-8", errors="replace")
        return Decoded(
            text,
            "utf-8",
            0.0,
            [Flag.INVALID_BYTES_REPLACED, Flag.ENCODING_UNCERTAIN],
            ["no single encoding fits; undecodable bytes replaced with U+FFFD"],
        )
    encoding = codecs.lookup(best.encoding).name
    confidence = round(max(0.0, 1.0 - best.chaos) * best.coherence, 3)
    decoded = Decoded(str(best), encoding, confidence)
    decoded.notes.append(f"encoding detected as {encoding} (confidence {confidence})")
    if best.chaos > MAX_CHAOS or best.coherence < MIN_COHERENCE:
        decoded.flags.append(Flag.ENCODING_UNCERTAIN)
    return decoded


def _mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes form valid UTF-8: a UTF-8 text with some damage."""
    text = data.decode("utf-8", errors="replace")
    good = sum(len(ch.encode("utf-8")) for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    high = sum(1 for b in data if b > 0x7F)
    return high > 0 and good / high >= 0.5


def _same_encoding(a: str, b: str) -> bool:
    try:
        names = {codecs.lookup(a).name, codecs.lookup(b).name}
    except LookupError:
        return False
    return len(names) == 1 or names <= {"utf-8", "utf-8-sig", "ascii"}


def _finish(decoded: Decoded) -> Decoded:
    """Replace NUL (PostgreSQL refuses it) and flag characters a reviewer should know about."""
    text = decoded.text
    if "\x00" in text:
        count = text.count("\x00")
        text = text.replace("\x00", "\ufffd")
        decoded.flags.append(Flag.NUL_REPLACED)
        decoded.notes.append(f"{count} NUL character(s) replaced with U+FFFD")
    decoded.text = text
    decoded.flags.extend(character_flags(text))
    return decoded


BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def character_flags(text: str) -> list[Flag]:
    """Flags for control, bidi and invisible format characters in the text."""
    flags: list[Flag] = []
    if any(ch in BIDI_CONTROLS for ch in text):
        flags.append(Flag.BIDI_CONTROLS)
    categories = {unicodedata.category(ch) for ch in set(text) if ch not in "\n\r\t"}
    if "Cc" in categories:
        flags.append(Flag.CONTROL_CHARS)
    if "Cf" in categories and any(
        unicodedata.category(ch) == "Cf" and ch not in BIDI_CONTROLS and ch != "\ufeff"
        for ch in set(text)
    ):
        flags.append(Flag.INVISIBLE_CHARS)
    return flags
