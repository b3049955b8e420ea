"""Rows to stdout in the format asked: a table for people, JSON, CSV or NDJSON for programs."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TextIO

FORMATS = ("table", "json", "csv", "ndjson")
MAX_CELL = 80
# Columns that carry a highlighted excerpt get more room in a table.
WIDE_COLUMNS = {"snippet": 120}
_ANSI = re.compile(r"\033\[[0-9;]*m")
_WHOLE_NUMBERS = {int, type(None)}
_NUMBERS = {int, float, bool, type(None)}


def emit(columns: Sequence[str], rows: Iterable[Sequence], fmt: str = "table", out: TextIO | None = None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        # One object a line, as sqlite-utils writes it: readable, and each line goes through
        # json's C encoder (indent=2 takes its Python one, three times slower).
        encode = json.JSONEncoder(ensure_ascii=False).encode
        out.write("[" + ",\n ".join([encode(dict(zip(columns, row))) for row in rows]) + "]\n")
    elif fmt == "ndjson":
        encode = json.JSONEncoder(ensure_ascii=False).encode
        out.writelines([encode(dict(zip(columns, row))) + "\n" for row in rows])
    elif fmt == "csv":
        if not columns:
            return
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "table":
        out.write(table(columns, list(rows)))
    else:
        raise ValueError(f"unknown format {fmt!r}")


def table(columns: Sequence[str], rows: list[Sequence]) -> str:
    """Columns aligned, numbers to the right, long cells cut with `…`; empty for no columns."""
    if not columns:
        return ""
    by_column, numeric, coloured = [], [], False
    for name, values in zip(columns, zip(*rows) if rows else [()] * len(columns)):
        types = set(map(type, values))
        if types <= _WHOLE_NUMBERS:  # ids and counts: no cell to fold, cut or measure twice
            cells = [str(v) if v is not None else "" for v in values]
        else:
            limit = WIDE_COLUMNS.get(name, MAX_CELL)
            cells = [_cell(v, limit) for v in values]
            coloured = coloured or "\033" in "".join(cells)
        by_column.append(cells)
        numeric.append(bool(values) and types <= _NUMBERS)
    measure = _width if coloured else len
    widths = [max(len(c), max(map(measure, cells), default=0)) for c, cells in zip(columns, by_column)]
    header = [list(columns), ["-" * w for w in widths]]
    if not coloured:  # the common case, in C: one format string for every line
        template = "  ".join(f"{{:{'>' if num else '<'}{w}}}" for w, num in zip(widths, numeric))
        lines = [template.format(*values).rstrip() for values in header + list(zip(*by_column))]
        return "\n".join(lines) + "\n"

    def line(values: Sequence[str]) -> str:
        padded = []
        for v, w, num in zip(values, widths, numeric):
            pad = " " * (w - _width(v))
            padded.append(pad + v if num else v + pad)
        return "  ".join(padded).rstrip() + "\n"

    return "".join(line(r) for r in header + list(zip(*by_column)))


def _width(text: str) -> int:
    """Characters a terminal shows: colour codes take no room."""
    return len(_ANSI.sub("", text)) if "\033" in text else len(text)


def _cell(value, max_chars: int = MAX_CELL) -> str:
    kind = type(value)
    if kind is int:
        return str(value)
    if value is None:
        return ""
    text = value if kind is str else str(value)
    if len(text) <= max_chars and text.isprintable() and "  " not in text and text[:1] != " " != text[-1:]:
        return text  # nearly every cell: nothing to fold or cut (any space but " " is not printable)
    text = " ".join(text.split())
    if _width(text) <= max_chars:
        return text
    if "\033" not in text:
        return text[: max_chars - 1] + "…"
    out, shown = [], 0
    for piece in re.split(f"({_ANSI.pattern})", text):
        if _ANSI.fullmatch(piece):
            out.append(piece)
        elif shown < max_chars - 1:
            out.append(piece[: max_chars - 1 - shown])
            shown += len(out[-1])
    return "".join(out) + "\033[0m…"
