"""Bytes to text: byte-order marks, UTF-8, declared charsets, cp1252; binary data refused."""

from __future__ import annotations

import codecs
import re
import unicodedata

from news60.errors import ArticleError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
    b"\x1f\x8b": "gzip data",
    b"RIFF": "a RIFF media file",
    b"\x00\x00\x00": "a media file",
}
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_ALLOWED_CONTROLS = set("\t\n\r\f\v")


def decode(data: bytes, name: str) -> str:
    """Decode the bytes of an article, refusing empty and binary input with a clear message."""
    if not data.strip():
        raise ArticleError(f"{name} is empty: give a file holding the article text, HTML or JSON")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise ArticleError(f"{name} is {kind}, not an article: give its text, HTML or JSON")
    text = _decode_bytes(data)
    if _looks_binary(text):
        raise ArticleError(
            f"{name} looks like binary data, not text: give the article as text, HTML or JSON"
        )
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ArticleError(f"{name} is empty: give a file holding the article text, HTML or JSON")
    return text


def decode_text(data: bytes) -> str:
    """Bytes as an editor saved them (BOM, UTF-16, UTF-8, a declared charset, cp1252), line ends
    unified; no checks on what the text holds (a manifest or a feed reads it)."""
    return _decode_bytes(data).replace("\r\n", "\n").replace("\r", "\n")


def _decode_bytes(data: bytes) -> str:
    """Pick the encoding: BOM, UTF-16 by its zero bytes, UTF-8, declared charset, cp1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    sixteen = _bomless_utf16(data)
    if sixteen:
        return data.decode(sixteen, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return data.decode("latin-1")


def _bomless_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM from zero bytes on every other position (ASCII-heavy text)."""
    sample = data[:2000]
    if len(sample) < 4 or sample.count(0) < len(sample) // 3:
        return None
    odd_zeros = sample[1::2].count(0)
    even_zeros = sample[0::2].count(0)
    if odd_zeros > 0.8 * len(sample) // 2 and even_zeros == 0:
        return "utf-16-le"
    if even_zeros > 0.8 * len(sample) // 2 and odd_zeros == 0:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    """Binary when control characters or undecodable bytes are more than a trace of the text."""
    sample = text[:20000]
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd"
        or (unicodedata.category(ch) in {"Cc", "Cs", "Co", "Cn"} and ch not in _ALLOWED_CONTROLS)
    )
    return bad > max(2, len(sample) // 100)
