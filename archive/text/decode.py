"""Bytes to review text: UTF-8 (BOM dropped), UTF-16/32 by their BOM, else Windows-1252.

The text is kept exactly as decoded except for line ends, which become `\n`
(CRLF and lone CR), so offsets mean the same thing for every file."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls that never occur in text; tab, line feed, form feed and CR are fine.
_BINARY_CONTROLS = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}


class NotText(ValueError):
    """The input cannot be taken as a review (empty, binary, undecodable)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def decode(data: bytes) -> Decoded:
    encoding, warning = _sniff(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "cp1252":
            raise NotText(f"not valid {encoding}: {exc.reason}") from None
        # The five bytes Windows-1252 leaves undefined: Latin-1 maps every byte.
        text, encoding = data.decode("latin-1"), "latin-1"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise NotText("only white space" if text else "empty")
    controls = sum(1 for ch in text if ord(ch) in _BINARY_CONTROLS)
    if controls and controls * 100 > len(text):
        raise NotText("binary data, not text (control characters)")
    if not any(ch.isalpha() for ch in text):
        raise NotText("no words in it")
    return Decoded(text, encoding, warning)


def _sniff(data: bytes) -> tuple[str, str | None]:
    if not data:
        raise NotText("empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, None
    if b"\x00" in data:
        raise NotText("binary data, not text")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252", "not UTF-8, read as Windows-1252"
    return "utf-8", None
