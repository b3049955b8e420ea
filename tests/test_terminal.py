"""Control characters reach a person's terminal as visible escapes, never as commands."""

import os

from archive.terminal import visible


def test_escape_sequences_are_written_out():
    assert visible("Der Film\x07 Drive\x1b[31m rot\x1b]0;PWNED\x07") == "Der Film\\x07 Drive\\x1b[31m rot\\x1b]0;PWNED\\x07"


def test_c1_controls_and_delete_are_written_out():
    assert visible("a\x9bb\x7fc") == "a\\x9bb\\x7fc"


def test_line_ends_and_tabs_stay():
    assert visible("eins\tzwei\ndrei") == "eins\tzwei\ndrei"


def test_bytes_of_a_file_name_that_are_not_utf8_show_as_bytes():
    assert visible(os.fsdecode(b"kritik-\xff\xfe.txt")) == "kritik-\\xff\\xfe.txt"


def test_ordinary_german_text_is_unchanged():
    text = "Müller, Gößling und Ælfred – „Drive“ (2011) … 黒澤明"
    assert visible(text) is text
