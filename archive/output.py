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
from collections.abc import Iterable, Iterator, Sequence
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


def _chunks(rows: Iterator[Sequence], size: int = CHUNK) -> Iterator[list[Sequence]]:
    while chunk := list(islice(rows, size)):
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
    rows = iter(rows)
    layout = _Layout(columns, max_width, highlight)
    first = layout.cells(list(islice(rows, TABLE_ROWS)))
    layout.measure(first, headers)
    if headers:
        out.write(layout.lines([layout.names, ["-" * w for w in layout.widths]]))
    out.write(layout.lines(list(zip(*first))))
    del first
    while chunk := list(islice(rows, TABLE_ROWS)):
        out.write(layout.lines(list(zip(*layout.cells(chunk)))))


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
        self.coloured = False

    def cells(self, rows: list[Sequence]) -> list[list[str]]:
        """Each column's cells; the first call also notes which columns hold numbers."""
        by_column = []
        for limit, values in zip(self.limits, zip(*rows) if rows else [()] * len(self.columns)):
            types = set(map(type, values))
            if types <= _WHOLE_NUMBERS:  # ids and counts: no cell to fold, cut or measure twice
                cells = [str(v) if v is not None else "" for v in values]
            else:
                cells = [_cell(v, limit, self.highlight) for v in values]
                self.coloured = self.coloured or "\033" in "".join(cells)
            by_column.append(cells)
            if len(self.numeric) < len(self.columns):
                self.numeric.append(bool(values) and types <= _NUMBERS)
        return by_column

    def measure(self, by_column: list[list[str]], headers: bool = True) -> None:
        measure = _width if self.coloured else len
        self.widths = [max(len(c) if headers else 0, max(map(measure, cells), default=0))
                       for c, cells in zip(self.names, by_column)]

    def lines(self, rows: list[Sequence[str]]) -> str:
        if not rows:
            return ""
        if not self.coloured:  # the common case, in C: one format string for every line
            template = "  ".join(f"{{:{'>' if num else '<'}{w}}}" for w, num in zip(self.widths, self.numeric))
            return "\n".join([template.format(*values).rstrip() for values in rows]) + "\n"
        out = []
        for values in rows:
            padded = []
            for v, w, num in zip(values, self.widths, self.numeric):
                pad = " " * (w - _width(v))
                padded.append(pad + v if num else v + pad)
            out.append("  ".join(padded).rstrip() + "\n")
        return "".join(out)


def _width(text: str) -> int:
    """Characters a terminal shows: colour codes take no room."""
    return len(_ANSI.sub("", text)) if "\033" in text else len(text)


def _cell(value, max_chars: int = MAX_CELL, highlight: bool = False) -> str:
    """One table cell: control characters shown (`\\x1b`), white space folded to one
    space, cut to max_chars with `…`. With highlight, the HIGHLIGHT stand-ins become bold
    after the text is escaped: the only colour codes in a cell are the archive's own."""
    kind = type(value)
    if kind is int:
        return str(value)
    if value is None:
        return ""
    text = value if kind is str else blob_text(value) if kind is bytes else str(value)
    if len(text) <= max_chars and text.isprintable() and "  " not in text and text[:1] != " " != text[-1:]:
        return text  # nearly every cell: nothing to escape, fold or cut (any space but " " is not printable)
    text = " ".join(visible(text).split())
    if highlight and HIGHLIGHT[0] in text:
        text = text.replace(HIGHLIGHT[0], BOLD[0]).replace(HIGHLIGHT[1], BOLD[1])
    if _width(text) <= max_chars:
        return text
    if "\033" not in text:
        return text[: max_chars - 1] + "…"
    out, shown = [], 0
    for piece in _ANSI_PIECES.split(text):
        if _ANSI.fullmatch(piece):
            out.append(piece)
        elif shown < max_chars - 1:
            out.append(piece[: max_chars - 1 - shown])
            shown += len(out[-1])
    return "".join(out) + BOLD[1] + "…"
