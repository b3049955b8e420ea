"""The analysis is linear in the names of one sentence (issue 13): 8,000 names once took
minutes (each name compared with every other), now they take about a second."""

from __future__ import annotations

import time

from archive.text import analyse


def test_a_sentence_of_many_names_is_analysed_in_linear_time():
    names = [f"{('Anna', 'Tom', 'Lena', 'Paul')[i % 4]} Qzx{i:05d}" for i in range(8000)]
    text = "Mit " + ", ".join(names[:-1]) + " und " + names[-1] + "."
    started = time.perf_counter()
    analysis = analyse(text)
    took = time.perf_counter() - started
    assert len(analysis.mentions) == 8000
    assert analysis.mentions[-1].name == names[-1]
    # quadratic work took minutes at this size; linear work takes seconds even on a loaded machine
    assert took < 90, f"{took:.0f} s for 8,000 names"


def test_a_zero_width_joiner_or_space_inside_a_name_does_not_cut_it():
    for invisible in ("\u200d", "\u200b", "\u00ad"):
        text = f"Gestern sah ich Ryan Gos{invisible}ling im Kino. Danach sprach Gos{invisible}ling lange."
        found = [(m.surface, m.kind, m.name) for m in analyse(text).mentions]
        assert found == [(f"Ryan Gos{invisible}ling", "person", "Ryan Gosling"),
                         (f"Gos{invisible}ling", "person", "Ryan Gosling")]
