"""Questions about one word that the extraction rules share: is it a work noun (`Film`,
`Spätwestern`), a person noun (`Regisseurin`), a character noun (`Figur`), a given name,
a word a name may be made of, a genitive? The word lists live in lexicon.py and
data/, the German lexicon in german.py; this module only asks them."""

from __future__ import annotations

from archive.text.german import is_noun
from archive.text.lexicon import (
    CAST_LABELS,
    words,
    ADDRESS_TITLES,
    ARTICLES,
    CHARACTER_NOUNS,
    COMPOUND_HEADS,
    EVERYDAY_PERSON_NOUNS,
    FUNCTION_WORDS,
    KIN_NOUNS,
    PERSON_NOUNS,
    SECOND_PARTICLES,
    SERIES_HEADS,
    WORK_NOUNS,
    given_names,
)
from archive.text.tokens import Token, make_token

import functools
import re


WORK_SUFFIXES = tuple(sorted(words("work_suffixes")))


PERSON_SUFFIXES = tuple(sorted(words("person_suffixes")))


KIN_TAILS = tuple(k.lower() + e for k in KIN_NOUNS for e in ("", "n", "s") if len(k) >= 5)


CHARACTER_SUFFIXES = tuple(sorted(words("character_suffixes")))


ADJECTIVE_END = re.compile(r"(e|en|em|er|es|ste|sten|stem)$")


YEAR = re.compile(r"1[89]\d\d|20\d\d")


OPEN_QUOTES = {"*": "*", "„": "“”\"", "“": "”\"", "»": "«", "«": "»", "›": "‹", "‹": "›", "\"": "\"", "‚": "‘’'", "'": "'", "‘": "’"}
CLOSE_QUOTES = frozenset("“”«»\"'‘’›‹*")  # what may close a quotation


SPEECH_VERBS = words("speech_verbs")


RELATIVE_STARTS = words("relative_starts")


_CAST_LABEL_TAILS = tuple(label.lower() for label in CAST_LABELS if len(label) >= 6)


def is_cast_label(word: str) -> bool:
    """`Darsteller`, `Mit`, `D`, and a compound of a long one: `Originalstimmen`, `Hauptdarsteller`."""
    return word in CAST_LABELS or word[:1].isupper() and word.lower().endswith(_CAST_LABEL_TAILS)


GENRE_WORDS = words("genre_words")  # genres that name no work alone (`Horror`); `Komödie` is a work noun


def is_genre(word: str) -> bool:
    """`Komödie`, `Horror`, `Heist-Thriller`, `ANIMATION`: a genre, a page's label over a
    title or before its facts, not the title."""
    word = word.capitalize() if word.isupper() else word
    last = word.rsplit("-", 1)[-1].capitalize()
    return word in GENRE_WORDS or is_work_noun(word) or last in GENRE_WORDS or is_work_noun(last)


RUBRIC_TAILS = tuple(words("rubric_tails"))  # `Kritik`, `Filmtipp`: a page's layout


def is_rubric(word: str) -> bool:
    """`Serienkritik`, `Filmtipp`, `DOKUMENTARFILM`, `Horror`: a word of the page's layout."""
    return word.lower().endswith(RUBRIC_TAILS) or is_genre(word)


@functools.lru_cache(maxsize=65536)
def is_work_noun(word: str) -> bool:
    """`Film`, `Spätwestern`; not a kin noun that ends like one (`Halbschwestern`)."""
    return word in WORK_NOUNS or (word[:1].isupper() and word.lower().endswith(WORK_SUFFIXES) and "-" not in word
                                  and not word.lower().endswith(KIN_TAILS))


@functools.lru_cache(maxsize=65536)
def is_person_noun(word: str) -> bool:
    return word in PERSON_NOUNS or (word[:1].isupper() and word.lower().endswith(PERSON_SUFFIXES))


@functools.lru_cache(maxsize=65536)
def is_character_noun(word: str) -> bool:
    return word in CHARACTER_NOUNS or (word[:1].isupper() and word.lower().endswith(CHARACTER_SUFFIXES))


@functools.lru_cache(maxsize=65536)
def is_cue_noun(word: str) -> bool:
    """A noun that cues a mention, also a kin noun in the genitive (`seines Großvaters`)."""
    return (is_work_noun(word) or is_person_noun(word) or is_character_noun(word) or word in KIN_NOUNS
            or word[-1:] == "s" and (word[:-1] in KIN_NOUNS or word[-2:] == "es" and word[:-2] in KIN_NOUNS))


# Lower-case words of English titles: `I Hired a Contract Killer`, `Killers of the Flower Moon`.
ENGLISH_LOWER = words("english_lower")


# Capitalized mid-sentence, these begin a title rather than continue a name: `Akins Aus dem Nichts`.
TITLE_STARTS = ARTICLES | frozenset("aus in im am an auf vom von zum zur mit nach über unter wie was wer wo "
                                    "und oder als für ohne".split())


def is_name_word(tok: Token) -> bool:
    """Could be part of a name: capitalized, not a function word, not a noun that cues one,
    not built like an abstract German noun."""
    return tok.is_cap and tok.is_word and could_be_name(tok.text)


CLAUSE_OPENERS = words("clause_openers")


@functools.lru_cache(maxsize=65536)
def could_be_name(word: str) -> bool:
    return (word.lower() not in FUNCTION_WORDS and word.lower() not in CLAUSE_OPENERS and not is_cue_noun(word) and not looks_like_noun(word)
            and word not in ADDRESS_TITLES)


# Person nouns as compound tails: `Nachtportier` no, `Gelegenheitsarbeiter` yes.
PERSON_TAILS = tuple(n.lower() for n in EVERYDAY_PERSON_NOUNS if len(n) >= 4)


COMPOUND_PERSON_TAILS = tuple(n for n in PERSON_TAILS if len(n) >= 7)


# Endings of German nouns that no name has (`Filmgeschichte`, `Freiheit`, `Verfilmungen`);
# not `-ung` alone: Hartung, Herzsprung.
NOUN_ENDINGS = ("heit", "keit", "schaft", "ismus", "ität", "geschichte", "ungen", "ierung", "ation")


def looks_like_noun(word: str) -> bool:
    """`Filmgeschichte`, `Freiheit`; and compounds on a person noun, inflected or not
    (`Supermarktangestellten`, `Bauarbeiter`), but not names that end like one (`Neubauer`,
    `Hartmann`: the tails are seven letters or more)."""
    if word.endswith(NOUN_ENDINGS):
        return True
    lower = word.lower()
    return any(stem.endswith(COMPOUND_PERSON_TAILS) and len(stem) >= 10
               for stem in (lower, lower[:-1], lower[:-2]))


@functools.lru_cache(maxsize=65536)
def is_plain_noun(word: str) -> bool:
    """A German noun and no given name: alone, it is no name (`von Artikeln`,
    `seinen Chefredakteur (…)`); a cue for a name still wins (`Ehemann Standard (…)`)."""
    return is_noun(word) and not is_given(word)


@functools.lru_cache(maxsize=65536)
def is_given(word: str) -> bool:
    first = word.split("-")[0]
    names = given_names()
    known = first in names or not first.isascii() and _unaccented(first) in names
    return known and word.lower() not in FUNCTION_WORDS


# Letters German does not use, to their plain forms: `Kōji` is `Koji`, `Tarık` is `Tarik`.
_PLAIN = str.maketrans("ōūāēīŌŪĀĒĪıİşŞğĞçÇłŁřŘšŠžŽčČćĆńŃ", "ouaeiOUAEIiIsSgGcClLrRsSzZcCcCnN")


def _unaccented(word: str) -> str:
    """The word with the letters German lacks made plain (German words have none, so
    no German word becomes a name by this)."""
    return word.translate(_PLAIN)


def split_compound(tok: Token) -> Token:
    """`Pusher-Reihe` -> `Pusher`; `Coster-Waldau` stays whole (the same token)."""
    text = tok.text
    if "-" not in text and "‐" not in text:
        return tok  # nearly every token: no compound
    kept = _compound_name_part(text)
    if kept is None:
        return tok
    return make_token(tok.start, tok.start + len(kept), kept)


@functools.lru_cache(maxsize=16_384)
def _compound_name_part(text: str) -> str | None:
    """What `split_compound` keeps of a hyphenated word, or None when it keeps it whole."""
    if ROMANIZED_GIVEN.fullmatch(text[:-1] if text.endswith("s") else text):
        return None  # `Hou Hsiao-hsiens`: a romanized given name in the genitive, not a compound
    parts = _HYPHENS.split(text)
    keep = len(parts)
    while keep > 1 and (lower_tail(parts[keep - 1]) or parts[keep - 1] in COMPOUND_HEADS
                        or is_work_noun(parts[keep - 1])):
        keep -= 1
    if keep == len(parts):
        return None
    return text[: len("-".join(parts[:keep]))]  # both hyphens are one character


_HYPHENS = re.compile(r"[-‐]")


# A Korean or Chinese given name: two romanized syllables, the second lower case (`Joon-ho`).
ROMANIZED_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,6}")


def lower_tail(part: str) -> bool:
    """A lower-case compound tail that is no part of a name: `Kitsch-as-Kitsch-can` is
    not a name, `Joon-ho` and `Yeo-jeong` are; `Hitchcock-artig` is an adjective."""
    return part[:1].islower() and (len(part) > 5 or part in ("artig", "haft", "esk", "like", "los", "voll", "mäßig"))


@functools.lru_cache(maxsize=65536)
def genitive_form(word: str) -> bool:
    # not after an accented e: `Dantès`, `Agnès`, `Mercédès` are whole names
    return len(word) > 3 and word.endswith("s") and word[-2] not in "sxzßèéê" and word[-2].isalpha()


# Kin nouns and their genitives: `Tochter`, `des kleinen Sohnes`; the weak ones declined
# (`seinem Kollegen`).
KIN_FORMS = frozenset(k + ending for k in KIN_NOUNS for ending in ("", "s", "es")) | words("kin_weak_forms")


def kin(word: str) -> bool:
    """A kin noun, also in the genitive: `Tochter`, `des kleinen Sohnes`."""
    return word in KIN_FORMS


POSSESSIVES = words("possessives")


# Before `als`, these say how someone appears in a part: `ist als Molly zu sehen`.
APPEARS_AS = words("appears_as_verbs")


def two_names_after(toks: list[Token], j: int) -> bool:
    """`Jules und Jim von François Truffaut`: after the `von` at token j a name of two
    words is whoever made it; the particle takes one surname (`Lars von Trier`, `von der
    Leyen`)."""
    k = j + 1
    while k < len(toks) and toks[k].text in SECOND_PARTICLES:
        k += 1
    return k + 1 < len(toks) and is_name_word(toks[k]) and is_name_word(toks[k + 1])


def modified_after(toks: list[Token], k: int) -> bool:
    """Token k may be what a genitive before it modifies: a capitalised word or an
    adjective (`Carmys Mutter`, `Carmys neuer Freund`), not a comma or a verb (`Nelson
    Carlo de los Santos Arias, der …`: the name's own last word)."""
    return k < len(toks) and toks[k].is_word and (toks[k].is_cap or is_adjective(toks[k].text))


def is_adjective(word: str) -> bool:
    """Lower case with an adjective ending: `junge`, `arbeitslosen` (also some verbs: a guess)."""
    return word[:1].islower() and bool(ADJECTIVE_END.search(word))


def names_a_person(noun: str) -> bool:
    """`Lehrerin`, `Industriellensohn`: a listed everyday person noun, or a compound on one."""
    return noun in EVERYDAY_PERSON_NOUNS or (noun[:1].isupper() and noun.lower().endswith(PERSON_TAILS))


NATIONALITY_NOUNS = words("nationality_nouns")


@functools.lru_cache(maxsize=65536)
def names_someone(noun: str) -> bool:
    """A noun that names someone before a name in apposition: a trade (`Regisseurin`,
    `Fischer`, compounds on them, a noun for an agent: `Flugzeugkonstrukteur`) or a people (`der Japaner`, `dem Franzosen`, `des
    Koreaners`, `die Iranerin`)."""
    return is_person_noun(noun) or names_a_person(noun) or len(noun) >= 7 and noun.endswith(_AGENT_ENDINGS) or any(
        noun.endswith(tail) and noun[: len(noun) - len(tail)] in NATIONALITY_NOUNS for tail in ("", "s", "n", "en", "nen"))


# Endings of nouns for someone by what they do: `Flugzeugkonstrukteur`, `Pianistin`, `Psychologe`.
_AGENT_ENDINGS = tuple(stem + tail for stem in ("eur", "ist", "loge", "soph", "graf", "naut") for tail in ("", "in", "en"))


@functools.lru_cache(maxsize=65536)
def everyday_person(noun: str) -> bool:
    """A noun for someone in a story, not for a film maker: `Fischerin`, `Spielzeughändler`
    (a compound on a listed noun), not `Sängerin` (it cues a real person too)."""
    if is_person_noun(noun) or noun in KIN_NOUNS:
        return False  # `ihr Bruder Tom Berg` may well be a real brother
    if noun.lower().startswith(FILM_TRADE_HEADS) and noun not in EVERYDAY_PERSON_NOUNS:
        return False  # `die Kinobesitzerin X`, `der Rechteinhaber X`: the film trade's, real
    return names_a_person(noun) or noun.endswith("in") and names_a_person(noun[:-2])  # `Fischerin`


FILM_TRADE_HEADS = tuple(sorted(words("film_trade_heads")))


ARTICLES_CAPITALIZED = frozenset(a.capitalize() for a in ARTICLES)


# Works that are not films, things said or written (`der Satz „…“`), and places and
# groups whose quoted name is theirs (`im Hotel „…“`, `die Band „…“`): no film follows.
OTHER_WORKS = words("other_works") | words("quoted_texts") | words("named_places")


OTHER_WORK_TAILS = tuple(w.lower() for w in OTHER_WORKS if len(w) >= 4)


@functools.lru_cache(maxsize=65536)
def is_other_work(word: str) -> bool:
    """`Roman`, `Aufschrift`, also a compound on one (`Bestsellerroman`, `Titelsong`,
    `Romanvorlage`); not a work noun that ends like one (`Kassenhit`)."""
    return word in OTHER_WORKS or (word[:1].isupper() and word.lower().endswith(OTHER_WORK_TAILS)
                                   and not is_work_noun(word))


# Verbs of singing: a quoted title beside them is a song.
SINGING = words("singing_verbs")


# Before `von`, these say who made something: `unter der Regie von`, `inszeniert von`.
MADE_NOUNS = words("made_nouns")


MADE_BY = MADE_NOUNS | words("made_by") | words("art_works")


LIFE_DATE_WORDS = words("life_date_words")


# Lower-case words that sit inside titles without a leading article: `Schatten im
# Paradies`, `Lichter der Vorstadt`, `Reise ins Zauberland` (not `in`, `mit`, `und`,
# which far more often lead up to a title).
TITLE_INNER = words("title_inner")


CAPITALIZED_ARTICLES = frozenset("Der Die Das Ein Eine".split())


ENGLISH_ONLY = ENGLISH_LOWER - FUNCTION_WORDS  # `a`, `of`, `the`; not `in`, `an`


# Opening a sentence before a title, these lead up to it far more often than they begin it.
LEADING_PREPOSITIONS = words("leading_prepositions")


SERIES_TAILS = tuple(h.lower() for h in SERIES_HEADS | {"Serie", "Filme", "Zyklus"})


# Word tests as rule triggers (`@rule(..., triggers=TEST)`): a rule finds nothing in a
# sentence none of whose tokens passes its test, so the registry skips it there (each
# word is tested once a process, not once a sentence).

def given_or_initial(word: str) -> bool:
    """A capitalised given name, or one capital letter (`L.` of `Samuel L. Jackson`)."""
    return word[:1].isupper() and (len(word) == 1 or is_given(word))


def role_cue(word: str) -> bool:
    """`Regie führte X`, `Film von X`, `Regisseur X`."""
    return word in ("führte", "führt", "von") or word[:1].isalpha() and is_person_noun(word)


def genitive_or_apostrophe(word: str) -> bool:
    """`Fatih Akins`, and the apostrophe of `Wenders’`."""
    return word in ("'", "’") or word[:1].isupper() and genitive_form(word)


def series_compound(word: str) -> bool:
    """`Pusher-Reihe`: a compound on a series noun."""
    return "-" in word and word.rsplit("-", 1)[1] in SERIES_HEADS


def everyday_person_noun(word: str) -> bool:
    """`Fischerin`, capitalised: someone in a story."""
    return word[:1].isupper() and everyday_person(word)
