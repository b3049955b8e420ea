"""A film named after its own figure (the film `X` about a woman called X): where the
review has X act, X is the figure; where it speaks of the work, the film. Invented
sentences only."""

from archive.text import analyse

HEAD = "Marlene\n\nRegie: Jonas Haber. Mit Ute Klasen, Tom Ellery.\n\n"


def kinds_at(text):
    return [(m.start, m.kind) for m in analyse(text).mentions if m.surface.startswith("Marlene")]


def kind_of(text, phrase):
    at = text.index(phrase) + phrase.index("Marlene")
    return dict(kinds_at(text))[at]


def test_the_figure_acts_and_the_work_is_spoken_of():
    text = HEAD + ("Marlene ist ein stiller Film über eine Bäuerin. Marlene (Ute Klasen) lebt allein auf dem Hof. "
                   "Marlenes Mutter ist krank, und Marlene pflegt sie. Später verlässt Marlene das Dorf. "
                   "Am Ende ist Marlene ein gelungenes Debüt. Marlene erzählt davon ohne Eile.")
    assert kind_of(text, "Marlene\n") == "film"
    assert kind_of(text, "Marlene ist ein stiller") == "film"
    assert kind_of(text, "Marlene (Ute") == "character"
    assert kind_of(text, "Marlenes Mutter") == "character"
    assert kind_of(text, "Marlene pflegt") == "character"
    assert kind_of(text, "Marlene das Dorf") == "character"
    assert kind_of(text, "Marlene ein gelungenes") == "film"
    assert kind_of(text, "Marlene erzählt") == "film"
    assert ("Marlene", "Ute Klasen") in {(r.character, r.actor) for r in analyse(text).roles}


def test_a_quoted_title_leaves_every_bare_use_to_the_figure():
    text = HEAD + ("„Marlene“ ist ein stiller Film. Marlene (Ute Klasen) lebt allein. Am Ende bleibt Marlene allein, "
                   "und „Marlene“ bleibt im Kopf.")
    assert kind_of(text, "„Marlene“ ist") == "film"
    assert kind_of(text, "Marlene allein,") == "character"
    assert kind_of(text, "„Marlene“ bleibt") == "film"


def test_a_title_no_cue_makes_a_figure_stays_the_film_when_it_seems_to_act():
    text = HEAD + "Marlene ist ein stiller Film. Später verlässt Marlene die Festivals ohne Preis. Marlene pflegt den Ton."
    assert all(kind == "film" for _, kind in kinds_at(text))
