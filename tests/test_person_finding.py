"""Finding real persons (branch `persons`): family names written first, lone surnames
with a grammatical cue, and what is no person (a place, a heading, a noun run into a
name). Invented sentences; each test says what must be found and what must not."""

from __future__ import annotations

from archive.text import analyse
from analysed import kinds


def spans(text: str) -> set[tuple[str, str, str]]:
    """(span as written, kind, canonical name) of every mention."""
    return {(text[m.start : m.end], m.kind, m.name) for m in analyse(text).mentions}


def at(text: str, surface: str, nth: int = 0):
    """The mention whose span is the nth occurrence of `surface`, or None."""
    start = -1
    for _ in range(nth + 1):
        start = text.find(surface, start + 1)
    assert start >= 0, f"test text lacks {surface!r}"
    return next((m for m in analyse(text).mentions if m.start == start and m.end == start + len(surface)), None)


def test_a_family_name_written_first_that_is_a_noun_names_the_person_alone():
    text = ("Song Dae-hyun spielt den Vater. Song bleibt ruhig, und Songs Blick sagt alles. "
            "Im Abspann läuft ein Song von ihm; den Song kennt jeder.")
    for surface, nth in (("Song", 1), ("Songs", 0)):
        m = at(text, surface, nth)
        assert m is not None and (m.kind, m.name) == ("person", "Song Dae-hyun")
    assert at(text, "Song", 3) is None and at(text, "Song", 4) is None  # `ein Song`, `den Song`: the noun


def test_a_shared_family_name_is_the_one_written_out_last_before_it():
    text = ("Als Kommissar Park Dong-su (Lee Tae-oh) ermittelt er in einem Dorf. Später kehrt Park an den "
            "Graben zurück. Der Film stammt von Park Min-jae. Park und Lee drehten danach noch zwei Filme.")
    assert (at(text, "Park", 1).kind, at(text, "Park", 1).name) == ("character", "Park Dong-su")
    assert (at(text, "Park", 3).kind, at(text, "Park", 3).name) == ("person", "Park Min-jae")


def test_a_romanized_given_name_in_the_genitive_is_no_compound():
    assert ("Hou Wen-jiens", "person", "Hou Wen-jien") in spans("Man denkt an Hou Wen-jiens lange Einstellungen.")


def test_a_rank_noun_before_a_name_no_lexicon_knows_stays_out_of_it():
    found = spans("In „Nachtzug“ spielt er den Unteroffizier Oh Tae-gyun.")
    assert any(span == "Oh Tae-gyun" for span, _, _ in found)
    assert not any("Unteroffizier" in span for span, _, _ in found)


def test_two_words_no_lexicon_knows_after_a_noun_for_a_people_or_a_trade_are_a_name():
    assert ("Tavo Heinaluoma", "person", "Tavo Heinaluoma") in spans("Der Film ist vom Koreaner Tavo Heinaluoma.")
    assert ("Tavo Heinaluoma", "person", "Tavo Heinaluoma") in spans("Es spielt die Iranerin Tavo Heinaluoma.")
    assert any(span == "Tavo Heinaluoma" for span, _, _ in spans("Sie kennt den Flugzeugbauer Tavo Heinaluoma gut."))
    assert ("Tavo Heinaluoma", "person", "Tavo Heinaluoma") in spans("Ein Film über den Ingenieur Tavo Heinaluoma.")
    # but not after a noun for no one: a band, a firm, a hotel
    assert not any(kind == "person" for _, kind, _ in spans("Sie hört die Band Tavo Heinaluoma gern."))


def test_two_words_no_lexicon_knows_after_an_opening_function_word_or_bei_are_a_name():
    text = "Wer Tavo Heinaluoma einmal begegnet ist, vergisst ihn nicht. Sie hat bei Ondro Vaskelis assistiert."
    found = spans(text)
    assert ("Tavo Heinaluoma", "person", "Tavo Heinaluoma") in found
    assert ("Ondro Vaskelis", "person", "Ondro Vaskelis") in found


def test_a_foreign_name_after_a_compound_on_a_work_is_its_author():
    found = spans("Der Film folgt einem Jugendroman Ŝura Ŭlanovs aus dem Jahr 1937.")
    assert any(span == "Ŝura Ŭlanovs" and kind == "person" for span, kind, _ in found)


def test_a_given_name_ending_in_s_before_a_surname_in_the_genitive_is_one_name():
    assert ("Jonas Bergs", "person", "Jonas Berg") in spans("Schon Jonas Bergs Verfilmung war kühl. Berg lacht.")


def test_an_actor_with_an_initial_before_the_part_in_brackets_is_the_whole_name():
    found = spans("Mit: Tom Ellery (Jonas Haase), Claus D. Brennecke (Herbert Kohl), Ute Klasen (Mira Brandt)")
    assert ("Claus D. Brennecke", "person", "Claus D. Brennecke") in found
    assert ("Herbert Kohl", "character", "Herbert Kohl") in found


def persons(text: str) -> set[str]:
    return {span for span, kind, _ in spans(text) if kind == "person"}


def test_a_given_name_that_is_a_noun_after_a_number_a_possessive_or_a_contraction_is_no_name():
    assert persons("Drei Tage Urlaub bekommt sie, dann muss sie zurück.") == set()
    assert persons("Sie versteckt ihr Baby Nuri im Schuppen.") == set()
    assert persons("Er wohnt am Rand von Lissabon und fährt Taxi.") == set()
    assert persons("Die Schwestern leben in einem Kloster im Val Fondo.") == set()


def test_a_noun_after_a_name_of_two_words_stays_out():
    assert persons("Er spricht Koreanisch, während Lena Marić und Tom Ellerby Englisch sprechen.") == {
        "Lena Marić", "Tom Ellerby"}


def test_a_place_or_a_noun_after_a_credit_label_is_no_person():
    found = persons("Regie: Ilse Obradović\nMit: Tom Ellery, Ute Klasen\nDeutschland/Frankreich 2024, 110 Min.\n")
    assert "Frankreich" not in found and "Deutschland" not in found and "Ute Klasen" in found
    assert persons("Zur Ausstattung: Bild und Ton sind tadellos.") == set()


def test_a_noun_phrase_before_a_play_verb_is_no_actor():
    assert persons("Wobei man sagen muss: Kritische Fragen stellt der Film nicht.") == set()


def test_an_initial_alone_is_no_name():
    found = persons("Japan 2023, 124 Min., o. A.\nRegie: Ilse Obradović. Mit: Tom Ellery\n")
    assert "A." not in found and "Ilse Obradović" in found


def test_a_word_no_lexicon_knows_in_a_comparison_with_a_maker_is_a_person():
    assert "Haarvik" in persons("Man hat sie gern mit Haarvik verglichen.")
    assert "Obradović" in persons("Wie bei Obradović dauern die Einstellungen lange.")
    assert "Zandori" in persons("Eine Szene à la Zandori folgt.")
    # `mit X` without the verb, `wie in X` (a film), a place or a channel: no person
    for text in ("Sie fährt mit Haarvik nach Hause.", "Wie in Haarvik dauern die Einstellungen lange.",
                 "Man hat den Film mit Lissabon verglichen.", "Wie bei Netflix üblich, endet es offen."):
        assert persons(text) == set(), text


def test_a_genitive_before_a_noun_for_a_makers_manner_is_a_person():
    assert "Haarviks" in persons("Man spürt Haarviks kühle Strenge in jeder Einstellung.")
    assert persons("Man spürt Haarviks kühle Hände.") == set()  # a figure's hands


def test_two_surnames_of_names_found_in_full_run_together_are_two_mentions():
    text = ("Regie führte Tarvo Heinaluoma. Produziert hat Lale Obradović. "
            "Am Ende holt der echte Heinaluoma Obradović am Tor ab.")
    found = spans(text)
    assert ("Heinaluoma", "person", "Tarvo Heinaluoma") in found
    assert ("Obradović", "person", "Lale Obradović") in found
    assert not any(span == "Heinaluoma Obradović" for span, _, _ in found)


def test_a_place_then_a_surname_spelt_with_a_letter_german_lacks_is_a_name():
    assert "Lech Ŭlanović" in persons("Dabei hilft ihm Lech Ŭlanović sehr.")
    assert persons("Der Zug fährt von Lech nach Łowicz.") == set()  # places, not a name


def test_a_conjunction_opening_a_sentence_is_no_part_of_a_name():
    found = kinds("Seitdem Ute Klasen spielt, ist alles anders.")
    assert found == {("Ute Klasen", "person")}  # not `Seitdem Ute Klasen`, the actor read back from the verb


def test_an_unlisted_given_name_before_a_middle_initial_belongs_to_the_name():
    found = {m.surface: m.kind for m in analyse("Der Leiter Zavro K. Mellinghus lobte ihn, Gestern K. Brandt nicht.").mentions}
    assert found.get("Zavro K. Mellinghus") == "person"
    assert "Gestern K. Brandt" not in found


def test_alias_after_a_full_name_gives_the_same_ones_other_name_but_no_plain_noun():
    found = {m.surface: (m.kind, m.name) for m in analyse(
        "Das Biopic über Johann Brenner alias Zarkow setzt auf die Hits. Später singt Zarkow allein. "
        "Er tritt als Johann Brenner alias Hafen auf.").mentions}
    assert found["Zarkow"] == ("person", "Zarkow")
    assert found["Johann Brenner"][0] == "person"
    assert "Hafen" not in found


def test_a_credit_lines_entry_runs_to_its_comma_and_its_name_is_taken_whole_elsewhere():
    text = ("Regie: Ilse Obradović\nDarsteller: Tom Ellery, Ute Klasen Fischer, Jonas Haase\n\n"
            "Pfau (Ute Klasen Fischer) knackt Tresore, und Ute Klasen Fischer ist die Überraschung des Films.\n")
    for nth in range(3):
        m = at(text, "Ute Klasen Fischer", nth)
        assert m is not None and m.kind == "person" and m.name == "Ute Klasen Fischer", nth


def test_a_surname_that_is_a_noun_is_the_noun_after_a_determiner_and_the_name_in_a_clause():
    text = ("Tom Ellery kennt das Kino von Ilse Mann gut. Ein müder Mann sitzt am Tresen, und der vierte Mann "
            "kommt zu spät. Es ist die Geschichte, mit der Mann berühmt wurde.")
    assert at(text, "Mann", 1) is None and at(text, "Mann", 2) is None
    lone = at(text, "Mann", 3)
    assert lone is not None and lone.kind == "person" and lone.name == "Ilse Mann"


def test_a_name_with_a_particle_keeps_its_last_word_and_a_preposition_with_a_title_is_no_part_of_a_name():
    text = "Die Feier beginnt am Morgen. Friedrich von Aalen reist an, und alle kommen in den Turm von Direktorin Pell (Ute Klasen)."
    found = spans(text)
    assert ("Friedrich von Aalen", "person", "Friedrich von Aalen") in found
    assert ("Pell", "character", "Pell") in found
    assert not any(s.startswith("von") for s, _, _ in found)
