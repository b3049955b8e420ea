"""The form of a name (archive/text/forms.py and the names step of mentions.py): what a
span takes in and leaves out, and the canonical name it gets. Invented sentences; each
test says what must be found, with its exact span and name, and what must not."""

from __future__ import annotations

import pytest

from archive.text import analyse


def spans(text: str) -> set[tuple[str, str, str]]:
    """(span as written, kind, canonical name) of every mention."""
    return {(text[m.start : m.end], m.kind, m.name) for m in analyse(text).mentions}


@pytest.mark.parametrize(("text", "span", "name"), [
    ("Der Häuptling Tarun Vel (K. R. Vijay Kumar Jr.) zieht los.", "K. R. Vijay Kumar Jr.", "K. R. Vijay Kumar Jr."),
    ("Gedreht hat ihn der Regisseur P.K. Adeyemi, der in Lagos lebt.", "P.K. Adeyemi", "P.K. Adeyemi"),
    ('Der Film des Regisseurs T.O. "Storm" Balogun läuft im Kino.', 'T.O. "Storm" Balogun', 'T.O. "Storm" Balogun'),
    ("Zu Gast ist die Historikerin Samira al-Hakim, die dazu forscht.", "Samira al-Hakim", "Samira al-Hakim"),
    ("Die Regie führte Konrad Albrecht von Hohenfels mit ruhiger Hand.", "Konrad Albrecht von Hohenfels",
     "Konrad Albrecht von Hohenfels"),
])
def test_a_name_takes_in_what_belongs_to_it(text, span, name):
    found = spans(text)
    assert (span, "person", name) in found
    inner = [s for s, kind, _ in found if s != span and s in span]
    assert inner == []  # no piece of it is a mention of its own (`Storm` as a film)


def test_a_particle_after_a_whole_name_stays_a_preposition_before_a_noun_or_a_second_name():
    assert ("Jan Kowalczyk", "person", "Jan Kowalczyk") in spans(
        "Damit sprach der Regisseur Jan Kowalczyk von Schuld frei.")
    found = spans("Ein Film von Tom Tykwer von Max Ernst.")
    assert {("Tom Tykwer", "person", "Tom Tykwer"), ("Max Ernst", "person", "Max Ernst")} <= found


def test_a_noun_before_a_name_is_not_part_of_it():
    found = spans("Die Vertriebsleiterin Olga Brandt, gespielt von Nina Hoss, will mehr.")
    assert ("Olga Brandt", "character", "Olga Brandt") in found
    assert not any(s.startswith("Vertriebsleiterin") for s, _, _ in found)


def test_a_name_stops_at_the_end_of_a_credit_line():
    text = "Regie: Tom Ellery\nMit: Ute Klasen, Walter Brenning\nDo 12.3. 20:00 · Sa 14.3. 17:30\n\nEin Film."
    found = spans(text)
    assert ("Walter Brenning", "person", "Walter Brenning") in found
    assert not any("\n" in s for s, _, _ in found)


def test_initials_run_together_do_not_end_a_sentence():
    analysis = analyse("Die Regie führte A.B. Okoro. Dann kam der Erfolg.")
    assert len(analysis.sentences) == 2
    assert ("A.B. Okoro", "person") in {(m.surface, m.kind) for m in analysis.mentions}
