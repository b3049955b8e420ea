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


def test_a_family_name_written_first_names_the_person_again_also_in_the_genitive():
    text = "Der neue Film von Hamaguchi Ryūsuke ist da. Hamaguchis Kamera ist ruhig. Hamaguchi erzählt langsam."
    found = spans(text)
    assert {("Hamaguchis", "person", "Hamaguchi Ryūsuke"), ("Hamaguchi", "person", "Hamaguchi Ryūsuke")} <= found


def test_a_genitive_after_a_work_noun_of_a_found_surname_is_the_person():
    found = spans("Regisseurin Lena Okafor zeigt ihr Debüt. Man kennt das frühe Werk Okafors gut.")
    assert ("Okafors", "person", "Lena Okafor") in found
    assert not any(kind == "film" for _, kind, _ in found)


def test_a_name_takes_in_the_word_before_it_that_no_lexicon_knows_but_not_a_noun():
    found = spans("Die Filmgeschichte kennt kaum ein Vorbild. Yılmaz Güneys »Yol« war ein Film der Wut.")
    assert ("Yılmaz Güneys", "person", "Yılmaz Güney") in found
    found = spans("Das Kino Güneys »Yol« war ein Film der Wut.")
    assert ("Güneys", "person", "Güney") in found
    found = spans("Im Hotel trifft er die Wachfrau Christina, die schweigt.")
    assert ("Christina", "character", "Christina") in found


def test_a_nickname_left_out_or_standing_for_the_given_name_is_the_same_name():
    text = 'Der Film des Regisseurs T.O. "Storm" Balogun läuft. Später sagt T.O. Balogun etwas. Balogun lacht.'
    found = spans(text)
    assert {("T.O. Balogun", "person", 'T.O. "Storm" Balogun'), ("Balogun", "person", 'T.O. "Storm" Balogun')} <= found


def test_a_noun_after_a_name_found_before_without_it_is_not_part_of_the_name():
    text = ("Der Ankläger Juan Carlos Varela (Peter Lanzani) kämpft. "
            "Dass Carlos Varela Jahrzehnte später Richter wurde, ahnt keiner.")
    found = spans(text)
    assert any(s == "Carlos Varela" for s, _, _ in found)
    assert not any("Jahrzehnte" in s for s, _, _ in found)


def test_a_full_name_found_by_its_given_name_whose_given_name_recurs_as_a_figure_is_that_figure():
    text = ("Zur Beerdigung kommt Aaron Falk aus Melbourne. Der Verdacht fiel auf Aaron. Aarons Freundin bleibt. "
            "In Rückblenden sieht man Joe Klocek (Aaron). Falk zögert. Falk geht. Falk bleibt. Falk lacht.")
    found = spans(text)
    assert {("Aaron Falk", "character", "Aaron Falk"), ("Aarons", "character", "Aaron Falk"),
            ("Falk", "character", "Aaron Falk")} <= found


@pytest.mark.parametrize(("text", "title"), [
    ("Im Thriller The Hollow – Schatten der Vergangenheit kehrt ein Ermittler zurück.",
     "The Hollow – Schatten der Vergangenheit"),
    ("Leichter war The Longing – Lügen und Lieder (2018), sein erster Film danach.", "The Longing – Lügen und Lieder"),
])
def test_a_title_a_dash_and_a_subtitle_are_one_title(text, title):
    found = spans(text)
    assert (title, "film", title) in found
    assert [s for s, kind, _ in found if kind == "film"] == [title]


def test_the_year_after_a_subtitle_is_the_whole_title_s():
    entities = analyse("Leichter war The Longing – Lügen und Lieder (2018), sein erster Film danach.").entities
    assert ("film", "The Longing – Lügen und Lieder", 2018) in {(e.kind, e.name, e.year) for e in entities}


@pytest.mark.parametrize("text", [
    "Er zeigte den Film Nachtfahrt – Tom Ellery spielt darin.",
    "Er sah den Film Nachtfahrt – Kino pur, sagte er.",
    "Er sah den Film Nachtfahrt – Das war 2011 – und staunte.",
])
def test_a_dash_after_a_title_in_prose_joins_nothing(text):
    found = spans(text)
    assert ("Nachtfahrt", "film", "Nachtfahrt") in found
    assert not any("–" in s for s, _, _ in found)


def test_a_suffix_is_no_surname_of_its_own():
    text = "Ram Charan und N. T. Rama Rao Jr., in Indien meist nur NTR Jr. genannt, sind Stars. Rao Jr. lacht."
    found = spans(text)
    assert ("Rao Jr.", "person", "N. T. Rama Rao Jr.") in found
    assert not any(s == "Jr." for s, _, _ in found)


def test_a_place_adjective_opens_no_name():
    assert spans("Beide Filme in der Bukarester Geschäftswelt spielen.") == set()
    assert ("Tom Tykwer", "person", "Tom Tykwer") in spans("Der Berliner Regisseur Tom Tykwer dreht.")


def test_a_quoted_title_between_two_names_is_no_nickname():
    """A quote between a full name and a given name is a title, and the two names stay two."""
    text = "Mit Jonas Wendrich „Kalter Hafen“ Jonas Wendrich wieder im Kino."
    found = sorted((m.surface, m.kind) for m in analyse(text).mentions)
    assert ("Jonas Wendrich", "person") in found
    assert all("„" not in surface for surface, _ in found)
    spans = sorted((m.start, m.end) for m in analyse(text).mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # no two mentions overlap


def test_a_last_word_ending_in_s_belongs_to_a_long_name_when_nothing_follows_for_it_to_own():
    text = "Regie führte Joaquim Pedro de los Santos Quiroas, der viel filmt."
    assert ("Joaquim Pedro de los Santos Quiroas", "person", "Joaquim Pedro de los Santos Quiroas") in spans(text)
    # before a noun or an adjective such a word is a genitive, someone else's
    assert ("Jamie Lee Curtis", "person", "Jamie Lee Curtis") in spans("Jamie Lee Curtis Tonys neuer Freund lacht.")


def test_a_capitalised_particle_before_a_name_belongs_to_it():
    text = "Regie führte Joaquim Pedro de los Santos Quiroas. Später zeigt De los Santos Quiroas mehr."
    assert ("De los Santos Quiroas", "person", "Joaquim Pedro de los Santos Quiroas") in spans(text)
    # a German word written like a particle is none: `Von Anfang an`
    assert not any(s.startswith("Von") for s, _, _ in spans("Von Anfang an spielt Santos Quiroas mit."))


def test_von_before_a_name_of_two_words_is_a_preposition_not_a_particle():
    found = spans("Ich sah Jules und Jim von Françoise Tarvel noch einmal.")
    assert ("Françoise Tarvel", "person", "Françoise Tarvel") in found
    assert not any(s.startswith("Jim") and kind == "person" for s, kind, _ in found)
    # one surname after the particle: the particle belongs to the name
    assert ("Lars von Trier", "person", "Lars von Trier") in spans("Lars von Trier dreht wieder.")
    assert ("Ursula von der Leyen", "person", "Ursula von der Leyen") in spans("Ursula von der Leyen spricht.")


def test_a_given_name_and_a_quoted_nickname_before_a_surname_are_one_name():
    found = spans("von Tomas „Nachtfalke“ Brenning\n\nDer Film beginnt. Brenning lacht.")
    assert ("Tomas „Nachtfalke“ Brenning", "person", "Tomas „Nachtfalke“ Brenning") in found
    assert ("Brenning", "person", "Tomas „Nachtfalke“ Brenning") in found
    assert not any(kind == "film" for _, kind, _ in found)  # the nickname is no title
    # a quoted title after a given name alone is no nickname: no name of three parts
    assert not any("„" in s for s, _, _ in spans("Wir sahen Tomas „Nachtfalke“ im Kino."))
def test_whether_a_grown_name_cuts_into_another_is_asked_of_its_neighbours_alone():
    # forms._Spans answers from sorted spans what comparing with every proposal answers,
    # also after spans have moved
    import random

    from archive.text.forms import _Spans
    from archive.text.view import Candidate

    def cuts(c, start, end, candidates):
        return any(o is not c and (start < o.start < end < o.end or o.start < start < o.end < end)
                   for o in candidates)

    rng = random.Random(7)
    for _ in range(200):
        candidates = []
        for _ in range(rng.randint(1, 12)):
            start = rng.randint(0, 30)
            candidates.append(Candidate(start, start + rng.randint(1, 8), "person", "given"))
        spans_ = _Spans(candidates)
        for c in candidates:
            start = max(0, c.start - rng.randint(0, 3))
            end = c.end + rng.randint(0, 6)
            assert spans_.cut_into(c, start, end) == cuts(c, start, end, candidates)
            if rng.random() < 0.5:
                spans_.move(c, start, end)
                c.start, c.end = start, end
