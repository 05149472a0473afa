"""Decoding HTML bytes: HTTP header charset, then BOM, then ``<meta>``, then detection."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_META_SCAN_BYTES = 4096
# Labels that pages declare but mean something wider (WHATWG encoding standard).
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the codec used, where the choice came from, and how lossy it was."""

    text: str
    encoding: str
    method: str  # "header" | "bom" | "meta" | "utf-8" | "detected" | "fallback"
    replacement_ratio: float


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _decode_with(data: bytes, codec: str, method: str) -> Decoded:
    try:  # strict first: clean pages (almost all) skip the replacement count
        return Decoded(data.decode(codec), codec, method, 0.0)
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    return Decoded(text, codec, method, bad / len(text) if text else 0.0)


def decode_html_bytes(data: bytes, http_charset: str | None = None) -> Decoded:
    """Decode page bytes the way browsers choose, falling back to detection.

    A declared charset that Python does not know is skipped, not fatal; the
    returned ``replacement_ratio`` tells callers how much could not be decoded.
    """
    codec = _codec(http_charset)
    if codec:
        return _decode_with(data, codec, "header")
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom) :], bom_codec, "bom")
    meta = _META_CHARSET.search(data[:_META_SCAN_BYTES])
    codec = _codec(meta.group(1).decode("ascii", "replace")) if meta else None
    if codec and not codec.startswith("utf-16"):
        return _decode_with(data, codec, "meta")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8", 0.0)
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return _decode_with(data, best.encoding, "detected")
    return _decode_with(data, "cp1252", "fallback")
