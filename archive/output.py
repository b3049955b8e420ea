"""Rows to stdout in the format asked: a table for people, JSON, CSV or NDJSON for programs."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import TextIO

FORMATS = ("table", "json", "csv", "ndjson")
MAX_CELL = 80


def emit(columns: Sequence[str], rows: Iterable[Sequence], fmt: str = "table", out: TextIO | None = None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        out.write(json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=2) + "\n")
    elif fmt == "ndjson":
        for row in rows:
            out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        out.write(table(columns, list(rows)))


def table(columns: Sequence[str], rows: list[Sequence]) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [all(isinstance(row[i], (int, float)) or row[i] is None for row in rows) and rows != []
               for i in range(len(columns))]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w)
                         for v, w, num in zip(values, widths, numeric)).rstrip() + "\n"

    text = line(list(columns)) + line(["-" * w for w in widths])
    return text + "".join(line(r) for r in cells)


def _cell(value) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"
