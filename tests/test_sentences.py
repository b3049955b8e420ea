"""Sentence splitting (archive.text.sentences): offsets into the text, German
abbreviations and ordinals, wrapped lines, paragraphs, one sentence per line."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.text import split_sentences

SEED = Path(__file__).resolve().parent.parent / "seeds" / "drive-refn.txt"


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_the_sample_review_is_23_sentences_one_per_line():
    text = SEED.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    assert len(lines) == 23
    assert texts(text) == lines


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Er mag Filme, z. B. Westerns. Sie nicht.", ["Er mag Filme, z. B. Westerns.", "Sie nicht."]),
        ("Er mag Filme, z.B. Westerns. Sie nicht.", ["Er mag Filme, z.B. Westerns.", "Sie nicht."]),
        ("Es spielen u. a. Ryan Gosling und Carey Mulligan. Gut.",
         ["Es spielen u. a. Ryan Gosling und Carey Mulligan.", "Gut."]),
        ("Dr. Mabuse ist zurück. Prof. Dr. Brinkmann lacht.", ["Dr. Mabuse ist zurück.", "Prof. Dr. Brinkmann lacht."]),
        ("Der Film startet am 3. Oktober in Berlin. Danach in Wien.",
         ["Der Film startet am 3. Oktober in Berlin.", "Danach in Wien."]),
        ("Das 20. Jahrhundert war kurz. Das 21. auch.", ["Das 20. Jahrhundert war kurz.", "Das 21. auch."]),
        ("Die Premiere war am 12. 3. 2011 in Cannes. Viel Applaus.",
         ["Die Premiere war am 12. 3. 2011 in Cannes.", "Viel Applaus."]),
        ("Regie führte J. J. Abrams. Die Musik schrieb M. Giacchino.",
         ["Regie führte J. J. Abrams.", "Die Musik schrieb M. Giacchino."]),
        ("Ist das Kunst? Ja! Oder nicht … Vielleicht.", ["Ist das Kunst?", "Ja!", "Oder nicht …", "Vielleicht."]),
        ("Er sagt: „Fahr los.“ Dann fährt sie.", ["Er sagt: „Fahr los.“", "Dann fährt sie."]),
        ("Die Version 2.5 kostet 3.50 Euro. Teuer.", ["Die Version 2.5 kostet 3.50 Euro.", "Teuer."]),
        ("Der Film endet. und dann kommt nichts.", ["Der Film endet. und dann kommt nichts."]),
    ],
    ids=["z. B.", "z.B.", "u. a.", "Dr. Prof.", "3. Oktober", "20. Jahrhundert", "date", "initials",
         "? ! …", "quote", "decimals", "lower case after period"],
)
def test_sentence_ends(text, expected):
    assert texts(text) == expected


def test_wrapped_lines_inside_a_paragraph_do_not_end_a_sentence():
    text = (
        "Der Film beginnt langsam, fast\n"
        "zögernd, mit einer Fahrt durch die\n"
        "nächtliche Stadt. Dann aber zieht\n"
        "er an und lässt nicht mehr los.\n"
    )
    assert texts(text) == [
        "Der Film beginnt langsam, fast\nzögernd, mit einer Fahrt durch die\nnächtliche Stadt.",
        "Dann aber zieht\ner an und lässt nicht mehr los.",
    ]


def test_a_blank_line_ends_a_sentence_even_without_a_period():
    text = "Drive\n\nEin Film von Nicolas Winding Refn\n\n  \nMit Ryan Gosling in der Hauptrolle, der\nkaum spricht."
    assert texts(text) == [
        "Drive",
        "Ein Film von Nicolas Winding Refn",
        "Mit Ryan Gosling in der Hauptrolle, der\nkaum spricht.",
    ]


def test_one_sentence_per_line_even_when_a_line_starts_lower_case():
    text = "Das ist der erste Satz.\nder zweite beginnt klein.\nDer dritte ist normal.\n"
    assert texts(text) == ["Das ist der erste Satz.", "der zweite beginnt klein.", "Der dritte ist normal."]


def test_a_whole_review_on_one_line():
    one_line = " ".join(line.strip() for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip())
    sentences = texts(one_line)
    assert len(sentences) == 23
    assert sentences[0].startswith("Das überrascht nicht")
    assert sentences[-1].endswith("werden zu lassen.")


def test_offsets_are_trimmed_in_order_and_cover_every_word():
    text = "  Erster Satz.   Zweiter Satz!\n\n\tDritter Satz?  "
    sentences = split_sentences(text)
    assert texts(text) == ["Erster Satz.", "Zweiter Satz!", "Dritter Satz?"]
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))


def test_long_text_without_a_sentence_end_is_one_sentence():
    text = "wort " * 20_000
    sentences = split_sentences(text)
    assert len(sentences) == 1
    assert (sentences[0].start, sentences[0].end) == (0, len(text) - 1)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n"])
def test_no_sentences_in_nothing(text):
    assert split_sentences(text) == []


def test_each_line_of_a_credit_block_is_its_own_segment():
    prose = "Das ist ein sehr langer Satz über den Film, der die typische Zeile lang macht. " * 3
    text = ("Nachtfahrt\n\nRegie: Ute van der Klasen\nDrehbuch: Ute van der Klasen, Tom Ellery\n"
            "Kamera: Jonas Haase\nLand/Jahr: Schweden 2024\n\n" + prose + "\n\n" + prose)
    from archive.text import analyse

    persons = {(m.surface, m.name) for m in analyse(text).mentions if m.kind == "person"}
    assert ("Ute van der Klasen", "Ute van der Klasen") in persons
    assert ("Jonas Haase", "Jonas Haase") in persons
    assert not any("\n" in surface for surface, _ in persons)
