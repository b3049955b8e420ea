"""Text meant for a person's terminal: control characters shown, never obeyed.

Review text and file names are kept exactly, escape sequences included; printed raw, an
`ESC ]0;…BEL` would retitle the terminal and `ESC [2J` clear it. Everything printed for
people (tables, `show`, messages naming files) goes through `visible`; json, csv and
ndjson stay exact, for programs."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the lone surrogates that
# os.fsdecode makes of bytes that are not UTF-8 (U+DC80..U+DCFF stand for bytes 0x80..0xFF).
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\udc80-\udcff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00 if code >= 0xDC80 else code:02x}"


def visible(text: str) -> str:
    """`text` with each control character written as `\\x1b`, each undecodable byte of a
    file name as `\\xff`; tabs and line ends stay."""
    return _HIDDEN.sub(_escape, text) if _HIDDEN.search(text) else text
