"""Figures of a plot summary that no actor introduces, found by what the story makes
them (an occupation, a rank, a nickname, kin) and not taken for the film's makers.
Invented sentences only."""

from archive.text import analyse
from analysed import kinds



def test_an_everyday_occupation_before_a_name_makes_a_figure_also_as_a_compound():
    found = kinds("Sie wohnt bei dem Kioskbesitzer Varek und der alten Haushälterin Ilmira. "
                  "Dann hilft ihr der Automechaniker Torvik.")
    assert {("Varek", "character"), ("Ilmira", "character"), ("Torvik", "character")} <= found


def test_a_film_makers_noun_before_a_name_makes_a_person_not_a_figure():
    found = kinds("Am Set trifft man die Stuntfrau Tina Kurz und den Kostümbildner Jonas Haase.")
    assert ("Tina Kurz", "person") in found and ("Jonas Haase", "person") in found
    assert not any(kind == "character" for _, kind in found)


def test_a_weak_kin_noun_declined_before_a_name_makes_a_figure():
    found = kinds("Als man ihm und seinem Kollegen Varek etwas vorwirft, schweigt er.")
    assert ("Varek", "character") in found


def test_a_detectives_rank_before_a_name_makes_a_figure_but_not_before_a_noun():
    found = kinds("Der Fall geht gut aus, weil Kommissar Varek ein Rezept mitbringt.")
    assert ("Varek", "character") in found
    assert not any(kind == "character" for _, kind in kinds("Am Ende hilft nur Kommissar Zufall."))


def test_the_actor_described_after_gespielt_von_is_paired_with_the_figure():
    analysis = analyse("Die Jüngste, Lio, gespielt von der erst zwanzigjährigen Newcomerin Ute Klasen, bleibt. "
                       "Mira, von der großartigen Jana Berg mit stoischer Ruhe verkörpert, weiß mehr.")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert {("Lio", "character"), ("Ute Klasen", "person"), ("Mira", "character"), ("Jana Berg", "person")} <= found
    assert {(r.character, r.actor) for r in analysis.roles} >= {("Lio", "Ute Klasen"), ("Mira", "Jana Berg")}


def test_a_place_described_as_filmed_by_someone_is_no_figure():
    found = kinds("Paris, von der großen Agnès Varda oft gefilmt, leuchtet.")
    assert not any(kind == "character" for _, kind in found)


def test_a_noun_as_a_persons_nickname_is_a_figure():
    found = kinds("Ein Mann, den alle nur den Kranich nennen, führt sie. Der Jüngste, den alle nur Küken nennen, "
                  "lacht. Da ist ihre Tochter, die man nur Spätzchen ruft. Der Fahrer wird nur „der Admiral“ genannt.")
    assert {("Kranich", "character"), ("Küken", "character"), ("Spätzchen", "character"),
            ("Admiral", "character")} <= found


def test_a_noun_as_a_things_nickname_is_no_figure():
    found = kinds("Die Stadt, die alle nur das Loch nennen, brennt. Was alle nur Kino nennen, ist hier Theater.")
    assert not any(kind == "character" for _, kind in found)


def test_kin_named_after_a_plural_in_apposition_or_after_a_possessive_are_figures():
    found = kinds("Es geht um zwei alte Brüder, Ota und Vlasta, und ihren Hof. "
                  "Seine beiden Töchter Rezvan und Sarnai schweigen.")
    assert {("Ota", "character"), ("Vlasta", "character"), ("Rezvan", "character"), ("Sarnai", "character")} <= found


def test_siblings_named_in_full_with_no_ones_stay_film_makers():
    found = kinds("Die Brüder Paolo und Vittorio Taviani drehten es. Die Brüder Dardenne, Jean-Pierre und Luc, "
                  "drehen wieder.")
    assert not any(kind == "character" for _, kind in found)


def test_a_part_played_by_a_pronoun_is_a_figure_when_described_as_someone():
    assert ("Sang-hyeon", "character") in kinds("In „Nachtfahrt“ spielt er Sang-hyeon, einen verschuldeten Wirt.")
    assert not any(kind == "character" for _, kind in kinds("Am Klavier spielt sie Chopin, einen ihrer Lieblinge."))


def test_a_lone_name_twice_once_the_subject_of_a_plot_verb_at_a_sentences_start_is_a_figure():
    text = ("Stille Tage\n\nRegie: Tom Ellery. Mit: Ute Klasen, Jonas Haase\n\n"
            "Varek putzt Toiletten in Tokio. Abends liest er. Am Ende, wenn Varek lacht, versteht man ihn.")
    found = kinds(text)
    assert ("Varek", "character") in found
    assert ("Ute Klasen", "person") in found and ("Tom Ellery", "person") in found


def test_a_channel_or_a_found_person_opening_a_sentence_is_no_figure():
    text = ("Stille Tage\n\nRegie: Tom Ellery.\n\nNetflix bringt den Film im Mai. Den Film gibt es bei Netflix. "
            "Ellery beobachtet genau. Am Ende, wenn Ellery schweigt, wird es still.")
    assert not any(kind == "character" for _, kind in kinds(text))


def test_an_animal_in_a_credit_list_is_a_figure_named_by_its_noun():
    text = ("Der Film ist schön.\n\nRegie: Tom Ellery. Originalstimmen: Mahito (Soma Kato), Graureiher (Jonas Haase), "
            "Himi (Ute Klasen).\n")
    found = kinds(text)
    assert ("Graureiher", "character") in found and ("Jonas Haase", "person") in found
    assert ("Jonas Haase", "person") in kinds("Er spricht mit dem Pfarrer (Jonas Haase) lange.")
    assert not any(kind == "character" for _, kind in kinds("Er spricht mit dem Pfarrer (Jonas Haase) lange."))


def test_a_name_given_to_someone_of_the_story_by_a_noun_is_a_figure_but_not_a_makers():
    found = kinds("Der Falke heißt übrigens Ak-Kanat und ist der Star. Herr Varek, wie der Lebensmüde heißt, schweigt.")
    assert {("Ak-Kanat", "character"), ("Varek", "character")} <= found
    assert not any(kind == "character" for _, kind in kinds("Der Regisseur heißt übrigens Ellery und ist jung. "
                                                             "Nachtfahrt, wie der Film heißt, läuft."))


def test_an_apposition_on_a_compound_person_noun_or_after_a_kin_noun_makes_a_figure():
    found = kinds("Neu im Team ist Grace, eine Taschendiebin, die alles stiehlt. "
                  "Es geht auch um ihren Ehemann Varek, einen Bauunternehmer mit Verbindungen.")
    assert {("Grace", "character"), ("Varek", "character")} <= found
    assert not any(kind == "character" for _, kind in kinds("Er dreht mit Tom Ellery, einem Kameramann aus Wien."))


def test_a_lone_name_opening_a_sentence_before_a_film_makers_verb_is_no_figure():
    text = "Stille Tage\n\nKowalczyk dreht wieder in Tokio. Am Ende, wenn Kowalczyk die Kamera ruhen lässt, wird es still."
    assert not any(kind == "character" for _, kind in kinds(text))


def test_a_being_of_myth_before_a_name_is_a_figure():
    found = kinds("Er trifft den Vampir Orlok im Schloss, und die Engel Varek und Lior sehen zu.")
    assert ("Orlok", "character") in found and ("Varek", "character") in found


def test_a_real_persons_nickname_and_siblings_named_by_the_definite_article_make_no_figure():
    found = kinds("Franz Beckenbauer, den alle nur den Kaiser nennen, lacht. "
                  "Die Brüder, Joel und Ethan, drehten danach einen Western.")
    assert not any(kind == "character" for _, kind in found)


def test_a_compound_of_the_film_trade_on_an_everyday_noun_makes_no_figure():
    found = kinds("Die Kinobesitzerin Ute Klasen zeigt ihn trotzdem, und der Rechteinhaber Warner schweigt. "
                  "Die Kameraassistentin Jana Berg lacht.")
    assert not any(kind == "character" for _, kind in found)
    assert ("Varek", "character") in kinds("Er trifft den Rechtsanwalt Varek.")


def test_a_full_name_after_an_everyday_trade_noun_is_a_figure():
    for text in ("Im Hafen kocht der Gastronom Piet Hallström, bis man eine Leiche findet.",
                 "Dort trifft sie den Industriellen Piet Hallström auf einem Ball.",
                 "Er verliebt sich in die Wäscherin Piet Hallström."):
        assert ("Piet Hallström", "character") in kinds(text), text
    assert ("Piet Hallström", "person") in kinds("Im Hafen dreht der Regisseur Piet Hallström, bis es regnet.")
