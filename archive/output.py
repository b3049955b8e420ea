"""Rows to stdout in the format asked: a table for people, JSON, CSV or NDJSON for programs.

Every format streams: rows are read from any iterable (a cursor, a generator) and
written as they come, so memory does not grow with the number of rows. json is an
array written element by element; a table measures its columns on the first
TABLE_ROWS rows and writes the rest in those widths."""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice
from typing import TextIO

from archive.terminal import visible

FORMATS = ("table", "json", "csv", "ndjson")
MAX_CELL = 80
# Columns that carry a highlighted excerpt get more room in a table.
WIDE_COLUMNS = {"snippet": 120}
# A table's column widths come from its first TABLE_ROWS rows (all of them are held in
# memory to measure); later rows are written in those widths, a longer cell shifting its line.
TABLE_ROWS = 10_000
# Rows encoded and written at once in json, ndjson and csv: one write per chunk, not per row.
CHUNK = 1_000
# A query asked for a coloured table marks its hits with these stand-ins (private-use
# characters); the table escapes the text first, then makes them BOLD. A review whose text
# holds the stand-ins themselves gets some bold, never a control sequence of its own.
HIGHLIGHT = ("\ue000", "\ue001")
BOLD = ("\033[1m", "\033[0m")
_ANSI = re.compile(r"\033\[[0-9;]*m")
_ANSI_PIECES = re.compile(f"({_ANSI.pattern})")
_WHOLE_NUMBERS = {int, type(None)}
_NUMBERS = {int, float, bool, type(None)}


def emit(columns: Sequence[str], rows: Iterable[Sequence], fmt: str = "table", out: TextIO | None = None,
         *, headers: bool = True, max_width: int | None = None, highlight: bool = False) -> None:
    """Write rows (any iterable, read once and lazily) to out in fmt. json, csv and ndjson
    are exact; a table is for people: see _cell. headers: a header line in csv and table;
    max_width: where table cells are cut (None: MAX_CELL or WIDE_COLUMNS, 0: never);
    highlight: cells may hold HIGHLIGHT marks."""
    out = out or sys.stdout
    rows = iter(rows)
    columns = unique_names(columns)
    if fmt in ("json", "ndjson"):
        # One object a line, as sqlite-utils writes it: readable, and each line goes through
        # json's C encoder (indent=2 takes its Python one, three times slower).
        encode = json.JSONEncoder(ensure_ascii=False, default=_json_blob).encode
        if fmt == "ndjson":
            for chunk in _chunks(rows):
                out.write("".join([encode(dict(zip(columns, row))) + "\n" for row in chunk]))
            return
        out.write("[")
        separator = ""
        for chunk in _chunks(rows):
            out.write(separator + ",\n ".join([encode(dict(zip(columns, row))) for row in chunk]))
            separator = ",\n "
        out.write("]\n")
    elif fmt == "csv":
        if not columns:
            return
        writer = csv.writer(out, lineterminator="\n")
        if headers:
            writer.writerow(columns)
        for chunk in _chunks(_blobs_as_hex(rows)):
            writer.writerows(chunk)
    elif fmt == "table":
        write_table(columns, rows, out, headers=headers, max_width=max_width, highlight=highlight)
    else:
        raise ValueError(f"unknown format {fmt!r}")


def unique_names(columns: Sequence[str]) -> list[str]:
    """Column names made unique, as JSON keys must be: a second `a` becomes `a_2`, a third
    `a_3` (skipping a name another column already has), in every format alike."""
    if len(set(columns)) == len(columns):
        return list(columns)
    taken, names = set(columns), []
    for name in columns:
        if name in names:
            n = 2
            while f"{name}_{n}" in taken:
                n += 1
            name = f"{name}_{n}"
            taken.add(name)
        names.append(name)
    return names


def blob_text(value: bytes) -> str:
    """A BLOB as text in every format: hexadecimal, as SQLite's hex() writes it (x'ff' is FF)."""
    return value.hex().upper()


def _json_blob(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return blob_text(bytes(value))
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _blobs_as_hex(rows: Iterator[Sequence]) -> Iterator[Sequence]:
    for row in rows:
        if bytes in map(type, row):  # rare, and cheap to ask: csv would write b'\\xff'
            row = [blob_text(v) if type(v) is bytes else v for v in row]
        yield row


def _chunks(rows: Iterator[Sequence], size: int | None = None) -> Iterator[list[Sequence]]:
    """rows in lists of `size` (CHUNK). When reading a row fails (an SQL error in row
    3,001), the rows read before it still come out, then the error."""
    while True:
        chunk: list[Sequence] = []
        try:
            chunk.extend(islice(rows, size or CHUNK))  # what extend took stays when a row raises
        except Exception:
            if chunk:
                yield chunk
            raise
        if not chunk:
            return
        yield chunk


def table(columns: Sequence[str], rows: Iterable[Sequence], **options) -> str:
    """Columns aligned, numbers to the right, long cells cut with `…`; empty for no columns.
    options: those of write_table."""
    import io

    out = io.StringIO()
    write_table(columns, rows, out, **options)
    return out.getvalue()


def write_table(columns: Sequence[str], rows: Iterable[Sequence], out: TextIO, *, headers: bool = True,
                max_width: int | None = None, highlight: bool = False) -> None:
    """The table in pieces: the first TABLE_ROWS rows measure the columns, the rest follow
    in those widths, TABLE_ROWS at a time."""
    if not columns:
        return
    chunks = _chunks(iter(rows), TABLE_ROWS)
    layout = _Layout(columns, max_width, highlight)
    first, exact = layout.cells(next(chunks, []))
    layout.measure(first, exact, headers)
    if headers:
        names = [[name, "-" * w] for name, w in zip(layout.names, layout.widths)]
        out.write(layout.lines(names, [_plain(name) for name in layout.names]))
    out.write(layout.lines(first, exact))
    del first
    for chunk in chunks:
        out.write(layout.lines(*layout.cells(chunk)))


class _Layout:
    """A table's columns: their cells, and widths and alignment measured on the first rows."""

    def __init__(self, columns: Sequence[str], max_width: int | None = None, highlight: bool = False) -> None:
        self.columns = list(columns)
        self.names = [_cell(name, sys.maxsize) for name in columns]  # SQL may name a column anything
        self.highlight = highlight
        self.limits = [WIDE_COLUMNS.get(name, MAX_CELL) if max_width is None else max_width or sys.maxsize
                       for name in columns]
        self.numeric: list[bool] = []
        self.widths: list[int] = []

    def cells(self, rows: list[Sequence]) -> tuple[list[list[str]], list[bool]]:
        """Each column's cells, and for each column whether every cell is as wide as it is
        long (no wide or zero-width characters, no colour codes: the fast path). The first
        call also notes which columns hold numbers."""
        by_column, exact = [], []
        for limit, values in zip(self.limits, zip(*rows) if rows else [()] * len(self.columns)):
            types = set(map(type, values))
            if types <= _WHOLE_NUMBERS:  # ids and counts: no cell to fold, cut or measure twice
                cells, plain = [str(v) if v is not None else "" for v in values], True
            else:
                # One look at the whole column spares most cells a look of their own.
                known = types <= _TEXT and _plain("".join(filter(None, values)))
                cells = [_cell(v, limit, self.highlight, known) for v in values]
                plain = known or _plain("".join(cells))
            by_column.append(cells)
            exact.append(plain)
            if len(self.numeric) < len(self.columns):
                self.numeric.append(bool(values) and types <= _NUMBERS)
        return by_column, exact

    def measure(self, by_column: list[list[str]], exact: list[bool], headers: bool = True) -> None:
        self.widths = [max(_width(name) if headers else 0, max(map(len if plain else _width, cells), default=0))
                       for name, cells, plain in zip(self.names, by_column, exact)]

    def lines(self, by_column: list[list[str]], exact: list[bool]) -> str:
        """The rows, aligned: columns of exact cells by one format string (in C), the
        others padded here by their display width first."""
        if not by_column or not by_column[0]:
            return ""
        fields = []
        for i, (cells, w, num, plain) in enumerate(zip(by_column, self.widths, self.numeric, exact)):
            if plain:
                fields.append(f"{{:{'>' if num else '<'}{w}}}")
            else:
                by_column[i] = [_pad(cell, w, num) for cell in cells]
                fields.append("{}")
        template = "  ".join(fields)
        return "\n".join([template.format(*values).rstrip() for values in zip(*by_column)]) + "\n"


def _pad(cell: str, width: int, right: bool) -> str:
    pad = " " * (width - _width(cell))
    return pad + cell if right else cell + pad


# Characters certainly one column wide: ASCII, Latin-1 and the Latin blocks to U+02FF (but
# the soft hyphen), general punctuation (– „“ … ‰) without its zero-width and bidi marks,
# and currency signs. Text made of these alone is as wide as it is long.
_NARROW = re.compile("[\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]*")
_TEXT = {str, type(None)}
_WIDE = frozenset("WF")  # East Asian Wide and Fullwidth: 黒澤明, most emoji
_ZERO = frozenset(("Mn", "Me", "Cf"))  # combining marks, enclosing marks, format characters (ZWJ, ZWSP)


def _plain(text: str) -> bool:
    """True when text is as wide on a terminal as it is long, with no colour codes."""
    return (text.isascii() and "\033" not in text) or _NARROW.fullmatch(text) is not None


def display_width(text: str) -> int:
    """Columns a terminal gives text: 2 for each wide or full-width character, 0 for
    combining marks and zero-width characters (NFD `Müller` is 6), 1 for the rest."""
    if text.isascii() or _NARROW.fullmatch(text):
        return len(text)
    return sum(map(_char_width, text))


@lru_cache(maxsize=None)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or (unicodedata.category(ch) in _ZERO and ch != "\xad") or "\u1160" <= ch <= "\u11ff":
        return 0  # the soft hyphen shows as a hyphen; medial Hangul jamo join the syllable before
    return 2 if unicodedata.east_asian_width(ch) in _WIDE else 1


def _width(text: str) -> int:
    """Columns a terminal gives a cell: colour codes (only the archive's own are left
    in a cell) take none."""
    return display_width(_ANSI.sub("", text) if "\033" in text else text)


def _cell(value, max_chars: int = MAX_CELL, highlight: bool = False, plain: bool = False) -> str:
    """One table cell: control characters shown (`\\x1b`), white space folded to one
    space, cut to max_chars columns with `…`. With highlight, the HIGHLIGHT stand-ins
    become bold after the text is escaped: the only colour codes in a cell are the
    archive's own. plain: the caller knows the text is as wide as it is long."""
    kind = type(value)
    if kind is int:
        return str(value)
    if value is None:
        return ""
    text = value if kind is str else blob_text(value) if kind is bytes else str(value)
    printable = text.isprintable()  # False for every control character, and for any space but " "
    if printable and "  " not in text and text[:1] != " " != text[-1:]:
        if len(text) <= max_chars and (plain or _plain(text)):
            return text  # nearly every cell: nothing to escape, fold, cut or measure
    else:
        text = " ".join((text if printable else visible(text)).split())
    if highlight and HIGHLIGHT[0] in text:
        text = text.replace(HIGHLIGHT[0], BOLD[0]).replace(HIGHLIGHT[1], BOLD[1])
    elif plain or _plain(text):  # as wide as it is long (escapes are ASCII)
        return text if len(text) <= max_chars else text[: max_chars - 1] + "…"
    if _width(text) <= max_chars:
        return text
    return _cut(text, max_chars - 1) + "…"


def _cut(text: str, columns: int) -> str:
    """The start of text that fills at most `columns` on a terminal; colour codes kept
    (and closed), a combining mark kept with its letter, a wide character never halved."""
    out, shown, coloured = [], 0, False
    for piece in _ANSI_PIECES.split(text) if "\033" in text else (text,):
        if piece[:1] == "\033":  # the text is escaped: every ESC left is one of the archive's codes
            out.append(piece)
            coloured = True
            continue
        for ch in piece:
            width = _char_width(ch)
            if shown + width > columns:
                return "".join(out) + (BOLD[1] if coloured else "")
            out.append(ch)
            shown += width
    return "".join(out) + (BOLD[1] if coloured else "")
