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


def emit(columns: Sequence[str], rows: Iterable[Sequence], fmt: str = "table", out: TextIO | None = None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        out.write(json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=2) + "\n")
    elif fmt == "ndjson":
        for row in rows:
            out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
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
    cells = [[_cell(v, WIDE_COLUMNS.get(c, MAX_CELL)) for v, c in zip(row, columns)] for row in rows]
    widths = [max([len(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [all(isinstance(row[i], (int, float)) or row[i] is None for row in rows) and rows != []
               for i in range(len(columns))]

    def line(values: Sequence[str]) -> str:
        padded = []
        for v, w, num in zip(values, widths, numeric):
            pad = " " * (w - _width(v))
            padded.append(pad + v if num else v + pad)
        return "  ".join(padded).rstrip() + "\n"

    text = line(list(columns)) + line(["-" * w for w in widths])
    return text + "".join(line(r) for r in cells)


def _width(text: str) -> int:
    """Characters a terminal shows: colour codes take no room."""
    return len(_ANSI.sub("", text)) if "\033" in text else len(text)


def _cell(value, max_chars: int = MAX_CELL) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).split())
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
