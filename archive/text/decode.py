"""Bytes to review text: UTF-8 (BOM dropped), UTF-16/32 by their BOM, else Windows-1252.

The text is kept exactly as decoded except for two things, so offsets mean the same
thing for every file and the same words look the same to the analysis: line ends become
`\n` (CRLF and lone CR), and the text is put in Unicode normal form C (a `u` followed by a
combining diaeresis becomes `ü`, as nearly every editor writes it).

NUL bytes, or control characters beyond a few and in large share, are binary data,
refused; a few control characters in otherwise readable text (a stray BEL, a colour
escape pasted from a terminal) are kept, however short the text, with a warning that
counts them. RULE says it exactly, for `archive ingest --help` (and README)."""

from __future__ import annotations

import codecs
import re
import unicodedata
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
_CONTROLS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_BINARY_CONTROLS)) + "]")
# Up to FEW control characters are always kept: one escape in a one-line review is
# still a review. More than that are binary data when they are more than one in SHARE of
# the characters that are not white space. Bytes that decode as Unicode are rarely
# binary by chance, so a text may hold many; bytes read as Windows-1252 (which decodes
# anything) get the stricter share: random bytes hold ~11 %.
_FEW_CONTROLS = 3
_BINARY_SHARE = {"unicode": 4, "cp1252": 20}
RULE = (f"Refused as binary: a NUL byte, or more than {_FEW_CONTROLS} control characters (other than tab, "
        f"line feed, form feed and carriage return) that are more than 1 in {_BINARY_SHARE['unicode']} of the "
        f"characters besides white space (1 in {_BINARY_SHARE['cp1252']} in a file read as Windows-1252). "
        f"Up to {_FEW_CONTROLS}, or fewer than that share, are kept, however short the text, with a warning "
        "that counts them.")


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
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise NotText("only white space" if text else "empty")
    if "\x00" in text:  # UTF-16 or UTF-32 with a BOM, holding NUL characters
        raise NotText("binary data, not text (NUL characters)")
    controls = len(_CONTROLS.findall(text))  # a regular expression: str.translate goes character by character
    share = _BINARY_SHARE["cp1252" if encoding in ("cp1252", "latin-1") else "unicode"]
    if controls > _FEW_CONTROLS and controls * share > len("".join(text.split())):
        raise NotText("binary data, not text (control characters)")
    if not any(ch.isalpha() for ch in text):
        raise NotText("no words in it")
    if controls:
        kept = f"{controls} control character{'s' * (controls != 1)} kept (shown as \\x.. when printed)"
        warning = f"{warning}; {kept}" if warning else kept
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
