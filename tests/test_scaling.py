"""A sentence of thousands of names is analysed whole (issue 13: it once took minutes, each
name compared with every other). How long it takes is a figure, not a test:
benchmarks/long_sentence.py prints it for 1,000 to 8,000 names."""

from __future__ import annotations

from archive.text import analyse


def test_a_sentence_of_many_names_finds_every_name():
    names = [f"{('Anna', 'Tom', 'Lena', 'Paul')[i % 4]} Qzx{i:05d}" for i in range(8000)]
    text = "Mit " + ", ".join(names[:-1]) + " und " + names[-1] + "."
    analysis = analyse(text)
    assert [m.name for m in analysis.mentions] == names
    assert all(m.kind == "person" for m in analysis.mentions)


def test_a_zero_width_joiner_or_space_inside_a_name_does_not_cut_it():
    for invisible in ("\u200d", "\u200b", "\u00ad"):
        text = f"Gestern sah ich Ryan Gos{invisible}ling im Kino. Danach sprach Gos{invisible}ling lange."
        found = [(m.surface, m.kind, m.name) for m in analyse(text).mentions]
        assert found == [(f"Ryan Gos{invisible}ling", "person", "Ryan Gosling"),
                         (f"Gos{invisible}ling", "person", "Ryan Gosling")]


def test_a_sentence_of_many_names_that_all_grow_keeps_each_whole():
    # each name takes in its `Jr.` (archive/text/forms.py), and no grown name is taken to cut into another
    names = [f"{('Anna', 'Tom', 'Lena', 'Paul')[i % 4]} Qzx{i:05d} Jr." for i in range(3000)]
    text = "Mit " + ", ".join(names[:-1]) + " und " + names[-1] + "."
    analysis = analyse(text)
    assert [m.surface for m in analysis.mentions] == names
    assert all(m.kind == "person" for m in analysis.mentions)
