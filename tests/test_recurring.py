"""A plot summary's figures named by one recurring name, with no cue: characters."""

from archive.text import analyse
from analysed import kinds



def test_a_lone_name_that_recurs_is_a_character():
    text = ("Der Regisseur Tom Ellery erzählt von einem Dorf am Meer.\n\n"
            "Jeden Morgen geht Brakkeno zum Hafen. Dort wartet Brakkeno auf das Boot. "
            "Als der Sturm kommt, bleibt Brakkeno allein zurück.")
    found = kinds(text)
    assert ("Brakkeno", "character") in found
    assert ("Tom Ellery", "person") in found


def test_a_given_name_that_recurs_alone_makes_the_full_name_a_character():
    text = ("Am Anfang kehrt Tomás Varga in sein Heimatdorf zurück.\n\n"
            "Dort zögert Tomás lange. Erst im Winter lacht Tomás wieder. "
            "Regisseur Tom Ellery filmt das ruhig.")
    found = kinds(text)
    assert ("Tomás Varga", "character") in found
    assert ("Tomás", "character") in found


def test_a_real_person_named_again_by_the_surname_stays_a_person():
    text = ("Der neue Film von Walter Brenning ist ruhig.\n\n"
            "Brenning filmt lange Einstellungen. Dann wechselt Brenning das Tempo. "
            "Am Ende zeigt Brenning ein Gesicht.")
    found = kinds(text)
    assert ("Walter Brenning", "person") in found
    assert ("Brenning", "person") in found
    assert not any(kind == "character" for _, kind in found)


def test_a_noun_or_place_that_recurs_is_no_character():
    text = ("Der Film spielt in Berlin.\n\n"
            "In Berlin regnet es. Später zieht die Familie nach Berlin. "
            "Die Sehnsucht bleibt, und die Sehnsucht wächst, bis die Sehnsucht siegt.")
    assert not any(kind == "character" for _, kind in kinds(text))



def test_the_given_name_may_recur_in_the_genitive():
    text = ("Im Dorf verschwindet Tomás Varga spurlos.\n\n"
            "Tomás' Mutter sucht ihn. Tomás Schwester schweigt, und Tomás Vater trinkt. "
            "Regisseur Tom Ellery zeigt das ohne Eile.")
    assert ("Tomás Varga", "character") in kinds(text)


def test_a_series_figure_named_in_the_genitive_is_a_character():
    text = ("Im Wald verschwindet Anton Brandt.\n\n"
            "Dann sucht Antons Schwester ihn. Antons Vater schweigt. "
            "Die Serie von Tom Ellery erzählt davon.")
    found = kinds(text)
    assert ("Anton Brandt", "character") in found
    assert ("Antons", "character") in found
    assert not any(" " in surface and surface.startswith("Antons") for surface, _ in found)


def test_a_recurring_lone_name_written_after_a_persons_one_word_name_is_that_persons_surname():
    text = ("Seit Jahren filmt Zandorak Weerapan Menschen im Schlaf.\n\n"
            "Zandoraks Filme sind lang. Man hat Weerapan gern verglichen. Später drehte Weerapan in Kolumbien. "
            "Zuletzt hat Weerapan gesagt, er freue sich.")
    analysis = analyse(text)
    found = {(m.surface, m.kind, m.name) for m in analysis.mentions}
    assert ("Weerapan", "person", "Zandorak Weerapan") in found
    assert not any(kind == "character" for _, kind, _ in found)


def test_a_noun_that_is_a_given_name_too_does_not_recur_as_a_figure_after_an_article():
    text = ("Die Regisseurin verfilmt den Roman mit Geduld. Wer den Roman kennt, staunt. "
            "Der Film verkürzt den Roman, doch Brakkeno geht jeden Tag zum Hafen. Brakkeno schweigt. "
            "Am Ende sitzt Brakkeno allein am Kai.\n\nZUM WEITERLESEN\nIlse Varga: Der Kai. Roman. Kiepe, 300 Seiten.")
    found = kinds(text)
    assert ("Brakkeno", "character") in found
    assert not any(surface == "Roman" for surface, _ in found)


def test_a_given_name_before_a_surname_that_is_a_noun_too_is_not_alone():
    text = ("Die Regisseurin wagt sich an Thomas Manns Roman. Brakkeno geht zum Hafen. "
            "Thomas Manns Sätze sind lang. Brakkeno schweigt. Wie bei Thomas Mann bleibt Brakkeno allein.")
    found = kinds(text)
    assert ("Thomas Manns", "person") in found and ("Brakkeno", "character") in found
    assert not any(kind == "character" for surface, kind in found if "Thomas" in surface)


def test_a_given_name_that_is_a_noun_after_an_article_is_the_noun_not_a_recurring_figure():
    text = ("Der Film beginnt im Garten.\n\nDie Iris blüht dort, und die Iris welkt. Der Duft der Iris bleibt. "
            "Später pflückt jemand die Iris, dann fällt die Iris. Am Ende liegt die Iris im Schnee, und die Iris ist tot.")
    assert not any(kind == "character" for _, kind in kinds(text))


def test_a_figures_name_that_is_a_noun_is_the_noun_after_a_preposition_with_its_article():
    text = ("Kommissarin Winter (Ute Klasen) ermittelt in den Bergen. Im Winter verschwinden hier Leute, "
            "und Winter fragt nach. Sie sitzt im Park, und Ernst (Tom Ellery) redet mit einem Ernst, der ansteckt.")
    found = {(m.start, m.kind) for m in analyse(text).mentions}
    assert (text.index("Winter fragt"), "character") in found and (text.index("Ernst (Tom"), "character") in found
    assert not any(start == text.index("Winter verschwinden") for start, _ in found)
    assert not any(start == text.index("Ernst, der") for start, _ in found)
