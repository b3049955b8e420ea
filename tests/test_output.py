"""Rows in each format: what programs parse and what people read."""

from __future__ import annotations

import csv
import io
import json

import pytest

from archive.output import HIGHLIGHT, MAX_CELL, WIDE_COLUMNS, emit, table

COLUMNS = ["id", "name", "note"]
ROWS = [(1, "Müller, Jan", 'sagt "Hallo"\nund geht'), (22, "Ole", None)]


def render(fmt, columns=COLUMNS, rows=ROWS) -> str:
    out = io.StringIO()
    emit(columns, rows, fmt, out)
    return out.getvalue()


def test_csv_has_a_header_and_quotes_what_needs_it():
    parsed = list(csv.reader(io.StringIO(render("csv"))))
    assert parsed[0] == COLUMNS
    assert parsed[1] == ["1", "Müller, Jan", 'sagt "Hallo"\nund geht']
    assert parsed[2] == ["22", "Ole", ""]


def test_json_is_an_array_of_objects_with_unicode_as_is():
    text = render("json")
    assert "Müller" in text  # not \u00fc
    assert json.loads(text) == [dict(zip(COLUMNS, r)) for r in ROWS]


def test_ndjson_is_one_object_per_line():
    text = render("ndjson")
    assert text.endswith("\n") and len(text.splitlines()) == len(ROWS)
    assert [json.loads(line) for line in text.splitlines()] == [dict(zip(COLUMNS, r)) for r in ROWS]


def test_empty_results():
    assert json.loads(render("json", rows=[])) == []
    assert render("ndjson", rows=[]) == ""
    assert render("csv", rows=[]) == "id,name,note\n"
    assert render("table", rows=[]).splitlines()[0].split() == COLUMNS
    assert render("table", columns=[], rows=[]) == ""


def test_table_aligns_numbers_right_and_text_left():
    head, rule, first, second = table(COLUMNS, ROWS).splitlines()
    assert rule.split() == ["-" * 2, "-" * len("Müller, Jan"), "-" * len('sagt "Hallo" und geht')]
    assert first.startswith(" 1  Müller, Jan") and second.startswith("22  Ole")
    assert 'sagt "Hallo" und geht' in first  # a line break inside a cell becomes a space
    assert second.rstrip() == second  # no trailing blanks


def test_table_cuts_long_cells_but_gives_snippets_more_room():
    long = "x" * 500
    _, _, row = table(["text"], [(long,)]).splitlines()
    assert len(row) == MAX_CELL and row.endswith("…")
    _, _, row = table(["snippet"], [(long,)]).splitlines()
    assert len(row) == WIDE_COLUMNS["snippet"] > MAX_CELL


def test_highlights_become_bold_and_take_no_room():
    bold, reset = "\033[1m", "\033[0m"
    start, end = HIGHLIGHT
    text = table(["a", "b"], [(f"{start}Ole{end}", "x"), ("Ole", "y")], highlight=True)
    assert f"{bold}Ole{reset}" in text
    shown = [line.replace(bold, "").replace(reset, "") for line in text.splitlines()]
    assert shown[2].index("x") == shown[3].index("y")
    cut = table(["a"], [(start + "z" * 300 + end,)], highlight=True).splitlines()[2]
    assert cut.endswith(reset + "…") and len(cut.replace(bold, "").replace(reset, "")) == MAX_CELL


def test_control_characters_in_a_table_are_shown_not_obeyed():
    hostile = "Der Film\x07 Drive\x1b[31m rot\x1b]0;PWNED\x07"
    text = table(["t\x1b[2J"], [(hostile,)], highlight=True)
    assert "\x1b" not in text and "\x07" not in text
    head, _, row = text.splitlines()
    assert head == "t\\x1b[2J" and row == "Der Film\\x07 Drive\\x1b[31m rot\\x1b]0;PWNED\\x07"
    # The text's own colour codes are not the archive's: escaped, with highlight or without.
    assert "\x1b" not in table(["t"], [("\x1b[1mlaut\x1b[0m",)])


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv"])
def test_control_characters_reach_programs_exactly(fmt):
    hostile = "Drive\x1b[31m rot\x1b]0;PWNED\x07"
    text = render(fmt, ["t"], [(hostile,)])
    if fmt == "csv":
        assert list(csv.reader(io.StringIO(text))) == [["t"], [hostile]]
    else:
        assert json.loads(text.splitlines()[0].lstrip("[").rstrip("]")) == {"t": hostile}


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        render("xml")


def test_table_aligns_every_kind_of_number_right():
    _, _, first, second = table(["n"], [(True,), (2.5,)]).splitlines()
    assert first == "True" and second == " 2.5"
    _, _, first, second = table(["n"], [(None,), (12,)]).splitlines()
    assert first == "" and second == "12"


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "table"])
def test_a_blob_is_hexadecimal_text_in_every_format(fmt):
    text = render(fmt, ["b", "n"], [(b"\xff\x00", 1), (b"", 2)])
    if fmt == "csv":
        assert list(csv.reader(io.StringIO(text))) == [["b", "n"], ["FF00", "1"], ["", "2"]]
    elif fmt == "table":
        assert [line.split() for line in text.splitlines()[2:]] == [["FF00", "1"], ["2"]]
    else:
        decoded = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
        assert decoded == [{"b": "FF00", "n": 1}, {"b": "", "n": 2}]


@pytest.mark.parametrize("columns, expected", [
    (["a", "a"], ["a", "a_2"]),
    (["a", "a", "a"], ["a", "a_2", "a_3"]),
    (["a", "a", "a_2"], ["a", "a_3", "a_2"]),  # a column really named a_2 keeps its name
    (["id", "name"], ["id", "name"]),
])
def test_duplicate_column_names_are_kept_apart(columns, expected):
    rows = [tuple(range(len(columns)))]
    assert json.loads(render("json", columns, rows)) == [dict(zip(expected, rows[0]))]
    assert json.loads(render("ndjson", columns, rows)) == dict(zip(expected, rows[0]))
    assert next(csv.reader(io.StringIO(render("csv", columns, rows)))) == expected
    assert render("table", columns, rows).splitlines()[0].split() == expected


def test_table_aligns_wide_combining_and_zero_width_characters_by_display_width():
    # Display widths counted by hand: 黒澤明 6 (wide), NFD Müller 6 (the combining
    # diaeresis takes none), 😀 2, a zero-width joiner 0.
    names = ["黒澤明", "Mu\u0308ller", "😀 Film", "Gos\u200dling", "Ole"]
    widths = [6, 6, 7, 7, 3]
    lines = table(["name", "b"], [(n, "x") for n in names]).splitlines()
    assert lines[0] == "name" + " " * 3 + "  b" and lines[1] == "-" * 7 + "  -"
    assert lines[2:] == [n + " " * (7 - w) + "  x" for n, w in zip(names, widths)]


def test_numbers_beside_wide_text_stay_right_aligned():
    lines = table(["t", "n"], [("黒澤明", 1), ("Ole", 100)]).splitlines()
    assert lines[2:] == ["黒澤明    1", "Ole     100"]


def test_wide_and_combining_text_is_cut_by_display_width():
    cut = table(["t"], [("黒" * 100,)]).splitlines()[2]
    assert cut == "黒" * 39 + "…"  # 78 columns and the ellipsis: a 40th would need 81
    cut = table(["t"], [("e\u0301" * 100,)]).splitlines()[2]
    assert cut == "e\u0301" * 79 + "…"  # every accent kept with its letter
    bold, reset = "\033[1m", "\033[0m"
    start, end = HIGHLIGHT
    cut = table(["t"], [(start + "澤" * 100 + end,)], highlight=True).splitlines()[2]
    assert cut == bold + "澤" * 39 + reset + "…"


def test_latin_text_with_german_punctuation_is_as_wide_as_it_is_long():
    text = "„Drive“ – Gößling, Ælfred … 12 €"
    assert table(["t", "b"], [(text, "x"), ("a", "y")]).splitlines()[3] == "a" + " " * (len(text) - 1) + "  y"
