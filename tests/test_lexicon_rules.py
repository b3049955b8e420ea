"""Rules that lean on the German lexicon (archive.text.german) and on the layout of a
text. Every sentence is invented for the test; each test says what must be found, not
only what must not."""

from __future__ import annotations

from archive.text import analyse, split_sentences
from archive.text.german import is_noun, is_place


def kinds(text: str) -> dict[str, str]:
    return {m.surface: m.kind for m in analyse(text).mentions}


def names(text: str) -> dict[str, str]:
    return {m.surface: m.name for m in analyse(text).mentions}


def test_the_lexicon_knows_inflected_nouns_compounds_and_swiss_spelling_but_not_names():
    assert is_noun("Briefen") and is_noun("Schwiegereltern") and is_noun("Chefsekretärin")
    assert is_noun("Grossmutter")  # Swiss spelling of Großmutter
    assert not is_noun("Kowalczyk") and not is_noun("Nakamura")
    assert is_place("Kopenhagen")


def test_a_noun_after_a_possessive_is_no_character_but_the_actor_in_brackets_is_a_person():
    text = "Er beschimpft seinen Chefredakteur (Tobias Brenner) bei jeder Gelegenheit."
    found = kinds(text)
    assert found.get("Tobias Brenner") == "person"
    assert "Chefredakteur" not in found


def test_a_kin_noun_before_a_word_and_brackets_still_makes_a_character():
    found = kinds("Ihr Ehemann Hoffnung (Tobias Brenner) kommt aus dem Gefängnis.")
    assert found == {"Hoffnung": "character", "Tobias Brenner": "person"}


def test_von_before_a_plain_noun_names_nobody():
    found = kinds("Sie schrieb eine Serie von Reportagen, und der Film von Ilse Kowalczyk zeigt das.")
    assert found.get("Ilse Kowalczyk") == "person"
    assert "Reportagen" not in found


def test_a_character_noun_before_one_unknown_word_makes_a_character():
    found = kinds("Früher war er der Superheld Zorrax, heute spielt er Theater.")
    assert found.get("Zorrax") == "character"


def test_a_quoted_name_after_a_character_noun_is_a_character_not_a_film():
    found = kinds("Tom Ellery leidet als früherer Kinoheld „Feuerkrähe“ an seinem Ruhm.")
    assert found.get("Feuerkrähe") == "character"
    assert found.get("Tom Ellery") == "person"


def test_names_in_brackets_with_more_after_a_comma_and_one_word_names():
    text = "Im Haus wohnen Mira (Aiko Tanabe, rechts) und Kenji (Kazuro), zwei Geschwister."
    found = kinds(text)
    assert found == {"Mira": "character", "Aiko Tanabe": "person", "Kenji": "character", "Kazuro": "person"}
    assert {(r.character, r.actor) for r in analyse(text).roles} >= {("Mira", "Aiko Tanabe"), ("Kenji", "Kazuro")}


def test_a_real_role_noun_after_als_keeps_a_person():
    found = kinds("Das Buch schrieb kein Geringerer als Altmeister Howard Pemberton.")
    assert found.get("Howard Pemberton") == "person"


def test_who_plays_along_with_mit_is_a_person():
    found = kinds("Neben ihr spielen auch Walter Brenning und Ute Klasen mit.")
    assert found.get("Walter Brenning") == "person" and found.get("Ute Klasen") == "person"


def test_a_genitive_name_before_a_quoted_song_is_a_person_and_the_song_no_film():
    text = "Schon Zandors „Mondlicht“-Songtext sagte es, und das wusste auch Zandor."
    found = kinds(text)
    assert found.get("Zandors") == "person" and names(text)["Zandors"] == "Zandor"
    assert "Mondlicht" not in found


def test_a_quoted_title_before_a_series_noun_counts_after_an_article():
    assert kinds("Das erinnert an die „Sternfall“-Saga.").get("Sternfall") == "film"


def test_a_character_named_by_a_definite_apposition_takes_the_full_name_along():
    text = "Lena Marić geht durch die Stadt. Später steht Lena, die schüchterne Kellnerin, im Regen."
    found = kinds(text)
    assert found.get("Lena Marić") == "character" and found.get("Lena") == "character"


def test_a_genitive_before_adjectives_with_a_comma_is_taken_off_the_name():
    text = "Regisseur Pierre-Luc Gauthiers verspielter, reich ausgestatteter Liebesfilm ist schön."
    assert names(text).get("Pierre-Luc Gauthiers") == "Pierre-Luc Gauthier"


def test_a_short_heading_line_ends_a_segment_but_wrapped_prose_joins():
    text = ("Die Hände des Paul Weller\nNatürlich sieht man hier zuerst die Hände, die in jeder Szene etwas\n"
            "Neues greifen, als wäre das Greifen selbst die Handlung des ganzen Films.")
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences[0] == "Die Hände des Paul Weller"
    assert len(sentences) == 2 and "etwas\nNeues" in sentences[1]
    assert kinds(text).get("Paul Weller") == "person"


def test_regie_before_a_full_stop_ends_the_sentence():
    text = "Er führte Regie. Dann kam der Erfolg."
    assert [text[s.start : s.end] for s in split_sentences(text)] == ["Er führte Regie.", "Dann kam der Erfolg."]


def test_a_kin_noun_in_the_genitive_before_a_given_name_makes_a_character():
    assert kinds("In Gegenwart des kleinen Sohnes Jonas streiten sie.").get("Jonas") == "character"


def test_an_english_heading_is_the_reviews_title_and_its_film():
    text = "The Keeper of Small Hours\n\nDer Film erzählt von Nora Lindqvist, die nachts einen Leuchtturm hütet."
    a = analyse(text)
    assert kinds(text).get("The Keeper of Small Hours") == "film"
    assert a.subject == "The Keeper of Small Hours"


def test_a_heading_in_capitals_takes_the_title_the_body_writes_out():
    text = "STILLE ÜBER HAMBURG\n\nIn „Die Stille über Hamburg“ wandert Tom Ellery durch den Hafen."
    assert names(text)["STILLE ÜBER HAMBURG"] == "Die Stille über Hamburg"


def test_a_credit_heading_names_the_film_before_its_cast_and_a_plain_noun_title_stays_there():
    text = "Sehnsucht :: Walter Brenning, Ute Klasen\n\nAus Sehnsucht fährt sie ans Meer. Walter Brenning bleibt."
    a = analyse(text)
    films = [m.surface for m in a.mentions if m.kind == "film"]
    assert films == ["Sehnsucht"] and a.mentions[0].start == 0
    assert kinds(text).get("Ute Klasen") == "person"


def test_a_german_headline_with_no_cue_is_no_title():
    text = "Versteckt hinter dem Vorhang\n\nDer Film von Ilse Kowalczyk zeigt eine Familie."
    assert [m.kind for m in analyse(text).mentions] == ["person"]


def test_the_parts_of_a_series_listed_in_brackets_are_films_and_a_short_title_takes_the_long_one():
    text = "Die Jahreszeiten-Trilogie (Frost, Glut, Regen) beginnt mit „Drei Zeiten: Frost“."
    found = kinds(text)
    assert found.get("Glut") == "film" and found.get("Regen") == "film"
    assert names(text)["Frost"] == "Drei Zeiten: Frost"


def test_an_info_line_in_brackets_names_the_film_first():
    text = "Ein starker Film.\n(Greta Lindholm, Schweden 2019, 104 Min., Regie: Ilse Kowalczyk)"
    found = kinds(text)
    assert found.get("Greta Lindholm") == "film"
    assert found.get("Ilse Kowalczyk") == "person"


def test_brackets_after_a_full_name_that_hold_no_name_hold_a_title():
    text = "Dass Julia Brandt (Hidden Harbour) hier wieder überzeugt, freut uns."
    found = kinds(text)
    assert found == {"Julia Brandt": "person", "Hidden Harbour": "film"}


def test_a_genitive_before_brackets_and_adjectives_is_taken_off_the_name():
    text = "Pierre-Luc Gauthiers („Sturmhöhe“) verspielter, reich ausgestatteter Liebesfilm."
    assert names(text).get("Pierre-Luc Gauthiers") == "Pierre-Luc Gauthier"


def test_three_unknown_words_listed_are_surnames_and_nouns_listed_are_not():
    found = kinds("Obradović, Kowalczyk, Brenning und Haarlem-Smit bitten zur Kasse. Brot, Butter und Käse auch.")
    assert {k for k, v in found.items() if v == "person"} >= {"Obradović", "Kowalczyk", "Brenning"}
    assert not {"Brot", "Butter", "Käse"} & set(found)


def test_given_names_listed_are_the_first_names_of_the_reviews_figures_not_surnames():
    found = kinds("Tom Ellery spielt Jonas Brenner, Ute Klasen spielt Martha Lind und Walter Brenning spielt "
                  "Ulrich Haase. Jonas, Martha und Ulrich suchen den Hund im Moor.")
    assert {found.get(w) for w in ("Jonas", "Martha", "Ulrich")} == {"character"}
    assert found.get("Tom Ellery") == "person" and found.get("Jonas Brenner") == "character"


def test_two_unknown_words_after_a_colon_are_a_name_but_not_after_an_article():
    found = kinds("Ein Lied auf die Freiheit: Ildikó Vasarhelyi erzählt davon. Das sieht die Tuschak Vosnitz.")
    assert found.get("Ildikó Vasarhelyi") == "person"
    assert "Tuschak Vosnitz" not in found


def test_two_unknown_words_that_are_a_place_or_follow_a_place_preposition_are_no_name():
    found = kinds("Sie zieht von Tel Aviv nach New York. Dort wartet Hanyo Abu-Asrad, ein Freund.")
    assert "Tel Aviv" not in found and "New York" not in found
    assert found.get("Hanyo Abu-Asrad") in ("person", "character")


def test_a_noun_before_brackets_with_a_full_name_gives_the_actor():
    found = kinds("Am Beispiel des Pfarrers (Ruprecht Hainzl) zeigt der Film die Enge.")
    assert found == {"Ruprecht Hainzl": "person"}


def test_a_quoted_plain_noun_in_brackets_is_a_gloss_not_a_title():
    found = kinds("Der Film „Blaue Stunde“ handelt von der Befreiung („Erlösung“) einer Witwe.")
    assert found == {"Blaue Stunde": "film"}


def test_commands_that_analyse_nothing_never_load_the_lexicon():
    import subprocess
    import sys

    code = ("import sys; from click.testing import CliRunner; from archive.cli import cli; "
            "r = CliRunner().invoke(cli, ['--help']); assert r.exit_code == 0, r.output; "
            "r = CliRunner().invoke(cli, ['query', '--help']); assert r.exit_code == 0, r.output; "
            "print(sorted(m for m in sys.modules if m.startswith('archive.text')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_place_listed_before_a_name_is_no_name():
    found = kinds("Tom Ellery dreht in Los Angeles, Ute Klasen spielt Irene.")
    assert found == {"Tom Ellery": "person", "Ute Klasen": "person", "Irene": "character"}


def test_a_role_noun_before_a_surname_that_is_also_a_noun_makes_a_person():
    assert kinds("Regisseur Hammer zeigt uns die Stadt.") == {"Hammer": "person"}


def test_a_quote_after_a_speech_verb_and_a_colon_or_a_long_quoted_sentence_is_no_title():
    text = ("Dann fragt sie nur: „Wohin gehst du, Tom?“ In „Nachtfahrt“ heißt es: "
            "„Wer nicht wagt, der hat am Ende auch nichts zu verlieren“.")
    assert [(m.surface, m.kind) for m in analyse(text).mentions if m.kind == "film"] == [("Nachtfahrt", "film")]


def test_a_short_quoted_title_with_a_comma_is_still_a_title():
    assert kinds("Dann kam „Wer früher stirbt, ist länger tot“ ins Kino.") == {
        "Wer früher stirbt, ist länger tot": "film"}
