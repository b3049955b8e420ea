"""Fictional persons by the nouns and brackets around them: with their actor in
brackets (`Irene (Carey Mulligan)`), after a character, kin or everyday person noun
(`Figur des Travis Bickle`, `Tochter Greta`, `die junge Fischerin Kiriko`), in
apposition (`Brad Sloan, ein Mann …`), `gespielt von`, `namens`, `genannt`. The play
verbs and `als` are in casting.py."""

from __future__ import annotations

from archive.text.german import is_noun, is_place
from archive.text.lexicon import (
    ADDRESS_TITLES,
    ARTICLES,
    CREDIT_LABELS,
    EVERYDAY_PERSON_NOUNS,
    FUNCTION_WORDS,
    KIN_NOUNS,
    NOT_GIVEN_NAMES,
    RULER_TITLES,
    words,
)
from archive.text.names import NAME_SUFFIXES
from archive.text.view import (
    ANY_PARTICLE,
    Candidate,
    SentenceView,
    backward_name_run,
    paired,
    year_after,
)
from archive.text.words import (
    ADJECTIVE_END,
    POSSESSIVES,
    everyday_person,
    everyday_person_noun,
    is_adjective,
    is_character_noun,
    is_given,
    is_name_word,
    is_person_noun,
    is_plain_noun,
    KIN_FORMS,
    kin,
)
from archive.text.rules.registry import rule



@rule("character.bracket", priority=82, triggers=("(",), examples={
    "Seine Nachbarin Irene (Carey Mulligan) wohnt nebenan.": {"Irene": "character", "Carey Mulligan": "person"},
    "Im Haus wohnen Mira (Aiko Tanabe, rechts) und Kenji (Kazuro).": {"Kenji": "character", "Kazuro": "person"},
    "In den Rückblenden sieht man Tom Ellery (Jonas).": {"Jonas": "character", "Tom Ellery": "person"},
    "Davor kam Nordlicht (Greta Lindholm, 2014), ein stiller Film.": {"Nordlicht": "film", "Greta Lindholm": "person"},
})
def characters_in_brackets(view: SentenceView) -> list[Candidate]:
    """`Irene (Carey Mulligan)`: character, then actor in brackets (or the other way round)."""
    out, toks = [], view.tokens
    for k, tok in enumerate(toks):
        inner_end = _name_in_brackets(view, k) if tok.text == "(" else None
        if inner_end is None:
            continue
        outer = backward_name_run(view, k)
        if outer >= k - 1 and _code_name(view, k, inner_end):  # `Elster (Jasna Fritzi Bauer) knackt Tresore`
            out += paired(Candidate(*view.span(k - 1, k), "character", "bracket"),
                          Candidate(*view.span(k + 1, inner_end), "person", "paren-actor"))
            continue
        if outer < k and year_after(view, k) is not None:
            # `Ojuju (C.J. Obasi, 2014)`: a maker and a year, so a film before (film.before-year's); no part
            out.append(Candidate(*view.span(k + 1, inner_end), "person", "paren-actor"))
            continue
        if outer == k or k - outer == 1 and is_plain_noun(toks[outer].text) and not kin(view.word(outer - 1)) \
                and not (_creature(toks[outer].text) and view.word(outer - 1) in (",", ":")):
            # `des Pfarrers (…)`, `seinen Chefredakteur (Jörg Hartmann)`: a noun, then only the actor; but
            # a credit names an animal figure by its noun (`Stimmen: Mahito (…), Graureiher (…)`)
            if inner_end - (k + 1) >= 2 and (outer < k or k > 0 and toks[k - 1].is_cap and is_noun(toks[k - 1].text)):
                out.append(Candidate(*view.span(k + 1, inner_end), "person", "paren-actor"))
            continue
        outer = _character_start(view, outer, k)
        # Reviews write `Figur (Darsteller)` far more often than the reverse, so a
        # person-like name in brackets makes the name before it the character.
        if k - outer >= 2 and is_given(toks[outer].text) and not is_given(toks[k + 1].text):
            continue  # `Julia Brandt (Hidden Harbour)`: a full name, then a title (another rule's)
        inner_is_person = inner_end - (k + 1) >= 2 or is_given(toks[k + 1].text) or (
            k - outer == 1 and not is_noun(toks[k + 1].text) and not is_place(toks[k + 1].text))  # `Chika (Kaho)`
        if k - outer >= 2 and is_given(toks[outer].text) and inner_end - (k + 1) == 1 and is_given(toks[k + 1].text):
            # `Joe Kalder (Aaron)`: a full name, then a given name alone: the actor, then the part
            out += paired(Candidate(*view.span(k + 1, inner_end), "character", "character-cue"),
                          Candidate(*view.span(outer, k), "person", "paren-actor"))
        elif inner_is_person:  # `der neidische Danglars (Patrick Mille)` too
            out += paired(Candidate(*view.span(outer, k), "character", "bracket"),
                          Candidate(*view.span(k + 1, inner_end), "person", "paren-actor"))
    return out


def _code_name(view: SentenceView, k: int, inner_end: int) -> bool:
    """A noun alone before the actor's full name in brackets, with no article, opening a
    clause and followed by its verb, is a figure's name (a code name: `Funk (Frederick
    Lau) ist für die Kameras zuständig`); not a trade (`Kamera (Frank Griebe) ist …`), a
    kin or a person noun (`Mutter (…)`, `Polizist (…)`)."""
    toks = view.tokens
    if k == 0 or inner_end - (k + 1) < 2 or not is_given(toks[k + 1].text) or view.word(k - 2) not in ("", ",", "und", ";"):
        return False
    word = toks[k - 1].text
    if not (toks[k - 1].is_cap and is_noun(word)) or word in CREDIT_LABELS or kin(word) or is_person_noun(word) \
            or everyday_person(word) or is_character_noun(word):
        return False
    return view.word(inner_end) == ")" and view.word(inner_end + 1)[:1].islower()


def _name_in_brackets(view: SentenceView, k: int) -> int | None:
    """The end of the name that fills the brackets opening at token k, or is followed
    there by a comma (`(Armie Hammer, „Lone Ranger“)`); None when there is none."""
    toks = view.tokens
    close = next((m for m in range(k + 1, min(len(toks), k + 17)) if toks[m].text == ")"), None)
    if close is None:
        return None
    inner_end = view.name_run(k + 1)
    if inner_end == k + 1:
        return None
    inner_end = _rest_of_name_in_brackets(view, inner_end, close)
    if inner_end != close and toks[inner_end].text != ",":
        return None
    return inner_end


def _rest_of_name_in_brackets(view: SentenceView, j: int, close: int) -> int:
    """Where a name that stopped at token j still runs on to the closing bracket: a
    particle and a name word (`(Klaus Maria von Brandauer)`: `von` after two names begins
    a phrase in running prose, never right before the bracket closes), a suffix with its
    full stop (`(N. T. Rama Rao Jr.)`, `(Robert Downey Jr., 40)`), a third word that is a
    noun too."""
    toks = view.tokens
    m = j
    while m < close and toks[m].text in ANY_PARTICLE:
        m += 1
    if j < m == close - 1 and is_name_word(toks[m]) and not is_place(toks[m].text):
        return close
    if j == close - 1 >= 3 and toks[j].is_cap and toks[j].is_word and toks[j - 3].text == "(" and is_given(toks[j - 2].text):
        return close  # `(Jasna Fritzi Bauer)`: a given name, a second name, a noun (`Bauer`) to the bracket
    stop = j + 1 if toks[j].text in NAME_SUFFIXES else j  # `jr` is no name word: the run ends before it
    if toks[stop].text == "." and toks[stop - 1].text in NAME_SUFFIXES and toks[stop - 1].end == toks[stop].start \
            and (stop + 1 == close or toks[stop + 1].text == ","):
        return stop + 1
    return j


def _character_start(view: SentenceView, outer: int, k: int) -> int:
    """Where the character's name before the brackets at k starts: not at a noun after
    an article or adjective (`die Engel Damiel (…)`), not at an everyday person noun
    (`Ermittler Gedeon Winter (…)`), at the given name when there is one (`der Gymnasiast
    Paul Bäumer (…)`)."""
    toks = view.tokens
    before = view.word(outer - 1)
    if k - outer >= 2 and (not is_given(toks[outer].text) or k - outer >= 3 and is_given(toks[outer + 1].text)) \
            and (before.lower() in ARTICLES or is_adjective(before)):
        outer += 1
    if k - outer >= 3 and toks[outer].text in ANY_PARTICLE and is_plain_noun(toks[outer + 1].text):
        outer += 2  # `der Turm von Direktorin Pell (…)`: a preposition and a title, then the name
    while k - outer >= 2 and everyday_person(toks[outer].text):
        outer += 1
    given_at = next((m for m in range(outer, k) if is_given(toks[m].text)), outer)
    return max(outer, given_at)


APPOSITION_ARTICLES = ("ein", "eine", "einen", "einem", "einer", "der", "die")


def _someone(word: str) -> bool:
    """`Kellnerin`, `Mann`, and compounds on an everyday person noun (`Taschendiebin`)."""
    return word in EVERYDAY_PERSON_NOUNS or everyday_person_noun(word)


@rule("character.apposition", priority=75, triggers=(",",), also=(APPOSITION_ARTICLES, _someone),
      examples={
    "Brad Sloan, ein Mann in den besten Jahren, hat alles.": {"Brad Sloan": "character"},
    "Später steht Lena, die schüchterne Kellnerin, im Regen.": {"Lena": "character"},
    "Nebenan wohnt Herr Brzęczyk, ein Journalist.": {"Brzęczyk": "character"},
})
def characters_in_apposition(view: SentenceView) -> list[Candidate]:
    """`Brad Sloan, ein Mann in den besten Jahren`: a name, then an everyday person noun
    in apposition (not a role noun: `Refn, der Regisseur` is real)."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if tok.text != "," or i == 0 or view.word(i + 1) not in APPOSITION_ARTICLES:
            continue
        k = i + 2  # adjectives, not an article: `X, der den Schmuggler Y spielte` is a relative clause
        while is_adjective(view.word(k)) and view.word(k) not in FUNCTION_WORDS:
            k += 1
        if k < len(toks) and _someone(toks[k].text):  # `Grace, eine Taschendiebin`
            start = backward_name_run(view, i, limit=3)
            if start < i and (i - start >= 2 or is_given(toks[start].text) or view.word(start - 1) in ADDRESS_TITLES
                              or kin(view.word(start - 1))) and not (  # `ihr Ehemann Kerem, einen …`
                    start > 0 and (is_person_noun(toks[start - 1].text) or toks[start - 1].text == "(")) \
                    and not (i - start >= 2 and toks[k].text in KIN_NOUNS and view.word(i + 1) in ("der", "die")):
                # `Ada Brenner, die Witwe`: a full name that is someone's relative may be real
                out.append(Candidate(*view.span(start, i), "character", "character-cue"))
    return out


@rule("character.played-by", priority=75, triggers=("gespielt",), examples={
    "Nadja, gespielt von Paula Beer, schweigt.": {"Nadja": "character", "Paula Beer": "person"},
    "Iris, wieder von Kati Outinen gespielt, schweigt.": {"Iris": "character", "Kati Outinen": "person"},
})
def characters_played_by(view: SentenceView) -> list[Candidate]:
    """`Nadja, gespielt von Paula Beer` and `Iris, wieder von Kati Outinen gespielt`."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if tok.text != "gespielt":
            continue
        if view.word(i + 1) == "von" and view.word(i - 1) == "," and i > 1:
            actor_end = view.name_run(i + 2)
            if actor_end > i + 2:
                out += part_before_comma(view, i - 1, i + 2, actor_end)
        elif i > 2:
            actor = backward_name_run(view, i)
            by = actor - 1
            comma = next((m for m in range(by - 1, max(by - 4, -1), -1) if toks[m].text == ","), None)
            if actor < i and view.word(by) == "von" and comma is not None \
                    and all(toks[m].text[:1].islower() for m in range(comma + 1, by)):
                out += part_before_comma(view, comma, actor, i)
    return out


def part_before_comma(view: SentenceView, comma: int, actor: int, actor_end: int) -> list[Candidate]:
    """The name (up to three words) that ends at the comma at token `comma`, as a part,
    paired with the actor at tokens actor..actor_end: `Nadja, gespielt von Paula Beer`."""
    start = backward_name_run(view, comma, limit=3)
    if start >= comma:
        return []
    return paired(Candidate(*view.span(start, comma), "character", "character-cue"),
                  Candidate(*view.span(actor, actor_end), "person", "paren-actor"))


CREATURE_NOUNS = words("creature_nouns")
CREATURE_TAILS = tuple(n.lower() for n in CREATURE_NOUNS)
PREPOSITIONS = frozenset("an auf aus bei durch für gegen hinter in im mit nach neben ohne über um unter von vom "
                         "vor zu zum zur zwischen wegen trotz seit".split())


def _creature(noun: str) -> bool:
    """`Wesen`, `Roboter`, and compounds on them (`Plüschhase`)."""
    return noun in CREATURE_NOUNS or noun[:1].isupper() and noun.lower().endswith(CREATURE_TAILS)


CONTRACTED_ARTICLES = frozenset({"vom", "zum", "zur", "beim", "im", "am"})
_CLAUSE_STARTS = frozenset({"während", "weil", "als", "wo", "wenn", "und", "bis", "dass", "daß", "ob", ","})


def _someone_in_a_story(word: str) -> bool:
    """`Fischerin`, `Esel`, capitalised: a person or an animal in a story."""
    return everyday_person_noun(word) or _creature(word)


@rule("character.everyday-noun", priority=75, triggers=_someone_in_a_story, examples={
    "Dort lebt die junge Fischerin Kiriko allein.": {"Kiriko": "character"},
    "Mit ihnen zieht der dreibeinige Hund Baldo.": {"Baldo": "character"},
})
def characters_after_everyday_noun(view: SentenceView) -> list[Candidate]:
    """`die junge Fischerin Kiriko`: an article or possessive, adjectives, a noun for
    someone in a story (not a role noun, not a kin noun: those may be real), a name."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        if not (tok.is_cap and i > 0 and nxt.is_cap and (everyday_person(tok.text) or _creature(tok.text))
                and is_name_word(nxt)
                and nxt.text not in NOT_GIVEN_NAMES and nxt.text[:-1] not in NOT_GIVEN_NAMES):
            continue
        k = i - 1
        while k > 0 and is_adjective(toks[k].text) and toks[k].text not in FUNCTION_WORDS:
            k -= 1
        # `vom Kohlenhändler X` too, and right after a conjunction (`während Schutzpolizist X`)
        if toks[k].text.lower() in ARTICLES | POSSESSIVES | CONTRACTED_ARTICLES \
                or k == i - 1 and toks[k].text in _CLAUSE_STARTS and tok.text not in RULER_TITLES:
            out.append(Candidate(*view.span(i + 1, view.name_run(i + 1, limit=2)), "character", "character-cue"))
    return out


@rule("character.named", priority=75, triggers=("namens", "genannt", "genannte", "genannten"), examples={
    "Sie hat einen Hund namens Chaplin.": {"Chaplin": "character"},
    "Der Fahrer, von allen nur Driver genannt, schweigt.": {"Driver": "character"},
})
def characters_named(view: SentenceView) -> list[Candidate]:
    """`ein Hund namens Chaplin`; `von allen nur Driver genannt`."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if tok.text == "namens":
            j = view.name_run(i + 1, limit=3)
            if j > i + 1:
                out.append(Candidate(*view.span(i + 1, j), "character", "character-cue"))
        elif tok.text in ("genannt", "genannte", "genannten") and i > 0:
            start = backward_name_run(view, i, limit=2)
            if start < i and not (start > 0 and toks[start - 1].text in ARTICLES):
                out.append(Candidate(*view.span(start, i), "character", "character-cue"))
    return out


@rule("character.noun", priority=75, triggers=is_character_noun, examples={
    "Die Figur des Travis Bickle ist berühmt.": {"Travis Bickle": "character"},
    "Früher war er der Superheld Zorrax, heute nicht mehr.": {"Zorrax": "character"},
})
def characters_after_character_noun(view: SentenceView) -> list[Candidate]:
    """`Figur des Travis Bickle`, `Rolle der jungen Irene`, `Superheld Zorrax` (one word
    the lexicon does not know is a name too)."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if not (tok.is_word and is_character_noun(tok.text)):
            continue
        k = i + 2 if view.word(i + 1) in ("des", "der", "von") else i + 1
        while k < len(toks) and (toks[k].text == "," or (toks[k].is_word and not toks[k].is_cap
                                                            and ADJECTIVE_END.search(toks[k].text)
                                                            and toks[k].text not in FUNCTION_WORDS)):
            k += 1  # adjectives (`der jungen Irene`), not `, wie sie John le Carré …`
        j = view.name_run(k)
        if j > k and (j - k >= 2 or is_given(toks[k].text) or not is_noun(toks[k].text)):
            out.append(Candidate(*view.span(k, j), "character", "character-cue"))
    return out


def _owner_in_genitive(word: str) -> bool:
    """`Nikos`, `Lenas`: a given name in the genitive, owning the kin noun after it."""
    return len(word) > 3 and word.endswith("s") and word[0].isupper() and is_given(word[:-1])


@rule("character.kin", priority=75, triggers=KIN_FORMS, examples={
    "Seine Tochter Greta lacht.": {"Greta": "character"},
    "In Gegenwart des kleinen Sohnes Jonas streiten sie.": {"Jonas": "character"},
    "Er zieht mit seinem besten Freund Milosz los.": {"Milosz": "character"},
    "Dann weint Lenas Mutter Odrun leise.": {"Odrun": "character"},
    "Nur die Nachbarin Wibbe schaut zu.": {"Wibbe": "character"},
})
def characters_after_kin_noun(view: SentenceView) -> list[Candidate]:
    """`Tochter Greta` (a given name), `seine Mutter Hisako` (after a possessive any name;
    not `Mutter Natur`), a kin noun in the genitive too (`des Sohnes Jonas`)."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-1]):
        if not tok.is_word or is_character_noun(tok.text) or not kin(tok.text):
            continue
        j = view.name_run(i + 1)
        k = i - 1  # `seinem besten Freund Milosz`: adjectives between the possessive and the noun
        while k > 0 and is_adjective(toks[k].text) and toks[k].text not in FUNCTION_WORDS and not toks[k].is_cap:
            k -= 1
        owner = view.word(k)
        if j == i + 2 and (is_given(toks[i + 1].text) or owner.lower() in POSSESSIVES
                           or _owner_in_genitive(owner)
                           or owner.lower() in ARTICLES and not is_plain_noun(toks[i + 1].text)):
            out.append(Candidate(*view.span(i + 1, j), "character", "character-cue"))
    return out
