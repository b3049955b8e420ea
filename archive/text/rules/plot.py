"""Figures of a plot summary named by what they are in the story: a police rank
(`Kommissar Ma`), with no article or adjective before it; the actor who plays one, with
words about them (`X, gespielt von der erst zwanzigjährigen Y`)."""

from __future__ import annotations

from archive.text.german import is_noun, is_place, lexicon
from archive.text.lexicon import words
from archive.text.view import Candidate, SentenceView, backward_name_run, describes_a_part
from archive.text.words import is_name_word, is_person_noun, is_work_noun, kin
from archive.text.lexicon import ARTICLES, EVERYDAY_PERSON_NOUNS, FUNCTION_WORDS
from archive.text.words import POSSESSIVES, is_adjective, is_given
from archive.text.rules.characters import PREPOSITIONS, _creature, _someone_in_a_story, part_before_comma
from archive.text.rules.registry import rule


POLICE_RANKS = words("police_ranks")
_RANK_TAILS = tuple(r.lower() for r in POLICE_RANKS if len(r) >= 8)


def police_rank(word: str) -> bool:
    """`Kommissar`, `Hauptkommissarin`: a detective's rank."""
    return word in POLICE_RANKS or word[:1].isupper() and word.lower().endswith(_RANK_TAILS)


@rule("character.police-rank", priority=75, triggers=police_rank, examples={
    "Das Lokal läuft, weil Kommissar Ma ein Rezept mitbringt.": {"Ma": "character"},
    "Am Ende steht Inspektor Jacques Clouseau im Regen.": {"Jacques Clouseau": "character"},
    "Dann ruft Hauptkommissarin Odenthal an.": {"Odenthal": "character"},
})
def after_police_rank(view: SentenceView) -> list[Candidate]:
    """A detective's rank, then a name of one or two words (not a noun the lexicon lists,
    nor a place: `Kommissar Zufall`; a compound it only guesses may be a name: `Wallander`)."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-1]):
        if not (tok.is_cap and police_rank(tok.text)) or not is_name_word(toks[i + 1]):
            continue
        j = view.name_run(i + 1, limit=2)
        if j == i + 2 and (toks[i + 1].text in lexicon().nouns or is_place(toks[i + 1].text)):
            continue
        out.append(Candidate(*view.span(i + 1, j), "character", "character-cue"))
    return out


PLAYED = ("gespielt", "verkörpert", "dargestellt")
_PLAYED_ARTICLES = ("der", "dem", "einem", "einer")
_CLAUSE_ENDS = (",", ".", ";", ")", "–", "")


@rule("character.played-by-described", priority=75, triggers=PLAYED, also=(("von",), (",",)), examples={
    "Lio, gespielt von der erst zwanzigjährigen Newcomerin Ute Klasen, schweigt.": {"Lio": "character",
                                                                                  "Ute Klasen": "person"},
    "Am Ende zögert Varek, verkörpert von dem großen Tom Ellery, lange.": {"Varek": "character",
                                                                            "Tom Ellery": "person"},
    "Mira, von der großartigen Ute Klasen mit stoischer Würde gespielt, bleibt.": {"Mira": "character",
                                                                                  "Ute Klasen": "person"},
})
def played_by_described(view: SentenceView) -> list[Candidate]:
    """`X, gespielt von der erst zwanzigjährigen Y,` and `X, von der großartigen Y mit
    stoischer Würde gespielt,`: a name, a comma, `von`, the actor with an article and
    words that describe them, and a participle of playing that closes the clause (the
    plain `X, gespielt von Y` is character.played-by's)."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if tok.text != "von" or i < 2:
            continue
        comma = i - 2 if toks[i - 1].text in PLAYED and toks[i - 2].text == "," else i - 1
        if toks[comma].text != ",":
            continue
        k = i + 1
        if view.word(k) in _PLAYED_ARTICLES:
            k += 1
        while k < len(toks) and toks[k].is_word and toks[k].text[:1].islower() and k - i <= 4:
            k += 1  # `der erst zwanzigjährigen`
        if k < len(toks) and is_person_noun(toks[k].text):
            k += 1  # `der jungen Newcomerin Y`
        actor_end = view.name_run(k) if k < len(toks) and is_name_word(toks[k]) else k
        if actor_end - k < 2 or k == i + 1:
            continue  # a full name, after an article or words about the actor
        if comma == i - 1:  # `X, von Y … gespielt,`: the participle closes the clause
            close = next((m for m in range(actor_end, min(actor_end + 6, len(toks) + 1))
                          if view.word(m) in _CLAUSE_ENDS), None)
            if close is None or close == actor_end or view.word(close - 1) not in PLAYED:
                continue
        out += part_before_comma(view, comma, k, actor_end)
    return out


_OPENING = frozenset("„“»«‚‘\"'›‹")
_NICKNAMING = ("genannt", "nennen", "nennt", "nannten", "nannte", "gerufen", "rufen", "ruft")


@rule("character.called-quoted", priority=91, triggers=_NICKNAMING, also=(("nur",),), examples={
    "Der Fahrer, von allen nur „der Admiral“ genannt, schweigt.": {"Admiral": "character"},
    "Ihr Bruder, den alle nur »Pitter« nennen, lacht.": {"Pitter": "character"},
})
def nickname_in_quotes(view: SentenceView) -> list[Candidate]:
    """`von allen nur „der Admiral“ genannt`: `nur`, a quoted name (an article before it
    stays out, a noun is a name here), then a verb of calling: stronger than a quoted title."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-4]):
        if tok.text != "nur" or toks[i + 1].text not in _OPENING:
            continue
        k = i + 3 if view.word(i + 2) in ("der", "die", "das") else i + 2
        j = view.name_run(k, limit=2) if k < len(toks) and toks[k].is_cap and toks[k].is_word else k
        if j == k or view.word(j) not in _OPENING or view.word(j + 1) not in _NICKNAMING:
            continue
        out.append(Candidate(*view.span(k, j), "character", "nickname-quoted"))  # over film.quoted
    return out


_PRONOUN_PLAYS = ("spielt", "spielte", "verkörpert", "verkörperte", "mimt", "mimte")


@rule("character.play-verb-pronoun", priority=75, triggers=_PRONOUN_PLAYS, also=(("er", "sie"), (",",)), examples={
    "In „Nachtfahrt“ spielt er Sang-hyeon, einen verschuldeten Wäschereibesitzer.": {"Sang-hyeon": "character"},
    "Danach verkörpert sie Varuka, eine junge Lehrerin.": {"Varuka": "character"},
    "In „Nordlicht“ spielt er Kjell Brzęczyk, einen Fallensteller.": {"Kjell Brzęczyk": "character"},
})
def play_verb_with_a_pronoun(view: SentenceView) -> list[Candidate]:
    """`spielt er X, einen …`: a play verb, `er` or `sie` as who plays, and a name
    described as someone in apposition (not `spielt sie Chopin`, `spielt er Tennis`)."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-4]):
        if tok.text not in _PRONOUN_PLAYS or toks[i + 1].text not in ("er", "sie") or not is_name_word(toks[i + 2]):
            continue
        j = view.name_run(i + 2, limit=3)
        if j == i + 3 and toks[i + 2].text in lexicon().nouns:
            continue
        if view.word(j) == "," and describes_a_part(view, j + 1):
            out.append(Candidate(*view.span(i + 2, j), "character", "character-cue"))
    return out


_NAMING = ("heißt", "hieß")
_NAMING_ADVERBS = ("übrigens", "auch", "eigentlich", "tatsächlich", "nämlich")
_DEFINITE = ("der", "die", "das", "Der", "Die", "Das")


@rule("character.noun-named", priority=75, triggers=_NAMING, examples={
    "Der Falke heißt übrigens Ak-Kanat und ist der Star.": {"Ak-Kanat": "character"},
    "Die Tochter heißt Varuka.": {"Varuka": "character"},
    "Herr Badii, wie der Lebensmüde heißt, schweigt.": {"Badii": "character"},
})
def named_by_noun(view: SentenceView) -> list[Candidate]:
    """`Der Falke heißt übrigens X`: someone of the story by a noun (a person in a story,
    an animal) is given a name; `X, wie der Lebensmüde heißt,`: the name, then the noun
    (or an adjective made a noun) it belongs to. Not a film maker (`Der Regisseur heißt
    X`), a work (`, wie der Film heißt`) or a place."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if tok.text not in _NAMING or i < 2:
            continue
        k = i + 2 if view.word(i + 1) in _NAMING_ADVERBS else i + 1
        if view.word(i - 2) in _DEFINITE and (_someone_in_a_story(view.word(i - 1)) or kin(view.word(i - 1))) \
                and k < len(toks) and is_name_word(toks[k]):
            j = view.name_run(k, limit=2)
            if view.word(j) in (",", ".", ";", "und", "") and not (j == k + 1 and toks[k].text in lexicon().nouns):
                out.append(Candidate(*view.span(k, j), "character", "character-cue"))
        noun = view.word(i - 1)
        if i >= 5 and view.word(i - 2) in _DEFINITE and view.word(i - 3) == "wie" and view.word(i - 4) == "," \
                and noun[:1].isupper() and not is_work_noun(noun) and not is_person_noun(noun) \
                and (_someone_in_a_story(noun) or not is_noun(noun)):
            start = backward_name_run(view, i - 4, limit=3)
            if start < i - 4 and not is_place(toks[start].text) and not (
                    i - 4 - start == 1 and toks[start].text in lexicon().nouns):
                out.append(Candidate(*view.span(start, i - 4), "character", "character-cue"))
    return out


@rule("character.figure-apposition", priority=75, triggers=(",",), examples={
    "Vorneweg marschiert Sorge, ein zotteliges Geschöpf mit langen Ohren.": {"Sorge": "character"},
    "Im Turm wacht Hoffnung, die müde Köchin, jede Nacht.": {"Hoffnung": "character"},
    "Dazu kommt Flimmo, ein Plüschhase aus dem Kinderzimmer.": {"Flimmo": "character"},
})
def figures_in_apposition(view: SentenceView) -> list[Candidate]:
    """`Sorge, ein zotteliges Geschöpf`, `Hoffnung, die müde Köchin`: one
    capitalised word used bare (no article, adjective or preposition before it), then
    in apposition a creature noun, or adjectives and a noun for someone in a story: a
    named figure, though the word be a German noun (a feeling, an animal)."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if tok.text != "," or i == 0 or view.word(i + 1) not in ("ein", "eine", "der", "die", "das"):
            continue
        k = i + 2
        while is_adjective(view.word(k)) and view.word(k) not in FUNCTION_WORDS:
            k += 1
        noun = view.word(k)
        if not (_creature(noun) or k > i + 2 and noun in EVERYDAY_PERSON_NOUNS):
            continue
        name, before = toks[i - 1], view.word(i - 2)
        if not (name.is_cap and name.is_word and is_name_word(name)) or is_given(name.text) or is_place(name.text):
            continue  # a given name is the apposition rule's
        if before.lower() in ARTICLES | POSSESSIVES | PREPOSITIONS or is_adjective(before) \
                or before[:1].isupper() and i >= 2 and toks[i - 2].is_word:
            continue  # `die Angst, ein …`, `vor Angst, …`, or part of a longer name
        out.append(Candidate(name.start, name.end, "character", "character-cue"))
    return out

