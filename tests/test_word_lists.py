"""The word lists in archive/text/data/words/: one word class a file, no word twice in
a file, and no word in two classes that say opposite things."""

from __future__ import annotations

from importlib import resources

import pytest

from archive.text.lexicon import words

FOLDER = resources.files("archive.text") / "data" / "words"
LISTS = sorted(p.name[:-4] for p in FOLDER.iterdir() if p.name.endswith(".txt"))

# Classes no word may share: a person noun names a real role, a character noun a
# fictional one, a work noun a film; a song or book is no film; speech is no play.
OPPOSITES = [
    ("person_nouns", "character_nouns"), ("person_nouns", "work_nouns"), ("person_nouns", "kin_nouns"),
    ("character_nouns", "work_nouns"), ("kin_nouns", "work_nouns"), ("other_works", "work_nouns"),
    ("speech_verbs", "play_verbs"), ("channels", "series_heads"), ("address_titles", "person_nouns"),
    ("title_labels", "credit_labels"),
]


def test_there_is_a_list_for_each_word_class_the_rules_use():
    assert {"work_nouns", "person_nouns", "character_nouns", "kin_nouns", "play_verbs", "function_words"} <= set(LISTS)


@pytest.mark.parametrize("name", LISTS)
def test_a_list_holds_each_word_once_and_no_empty_or_spaced_entry(name):
    entries = [line.split("#", 1)[0].strip() for line in (FOLDER / f"{name}.txt").read_text("utf-8").split("\n")]
    entries = [e for e in entries if e]
    assert entries, f"{name} is empty"
    assert len(entries) == len(set(entries)), sorted({e for e in entries if entries.count(e) > 1})
    assert all(" " not in e for e in entries)


@pytest.mark.parametrize(("a", "b"), OPPOSITES)
def test_no_word_is_in_two_classes_that_contradict(a, b):
    assert not words(a) & words(b), sorted(words(a) & words(b))
