"""Real persons no list of names knows: two words no lexicon knows (`Hanyo Abu-Asrad
erzählt`), a family name before a Korean or Chinese given name (`Bong Joon-ho`), a
foreign given name before a surname that is a German noun too (`Şerif Gören`), and a
lone name with a genitive apostrophe (`Euripides' Iphigenie`, `Haneke’s „…“`)."""

from __future__ import annotations

from archive.text.german import is_place
from archive.text.lexicon import ARTICLES, CHANNELS, ENGLISH_TITLE_STARTS, FUNCTION_WORDS, VERSION_WORDS
from archive.text.names import syllable_given_name
from archive.text.rules.persons import PLACE_PREPOSITIONS, _institution
from archive.text.rules.registry import rule
from archive.text.view import Candidate, SentenceView, genitive_apostrophe, is_unknown_word, unknown_word
from archive.text.words import OPEN_QUOTES, genitive_form, is_cue_noun, is_given, is_name_word, is_other_work, is_plain_noun, names_someone

# After a comma these open a relative clause, whose subject may follow: `, den X Y spielt`.
RELATIVE_PRONOUNS = frozenset(("der", "die", "das", "den", "dem", "deren", "dessen"))


GERMAN_LETTERS = frozenset("äöüßÄÖÜ")


def _family_name_first(toks, i: int) -> bool:
    """A short capitalised word, then a Korean or Chinese given name of two syllables
    (`Park Chan-wook`, `Wong Kar-wai`): the family name comes first."""
    first = toks[i].text
    return (2 <= len(first) <= 5 and toks[i].is_cap and toks[i].is_word and first.lower() not in FUNCTION_WORDS
            and toks[i + 1].start == toks[i].end + 1 and syllable_given_name(toks[i + 1].text))


def _foreign_then_noun(toks, i: int) -> bool:
    """`Şerif Gören`: after a given name spelt with a letter German lacks, a surname that
    is a German noun too; neither word a genitive (`Kieślowskis Hang`)."""
    return (_foreign(toks[i].text) and is_name_word(toks[i + 1]) and not genitive_form(toks[i].text)
            and not genitive_form(toks[i + 1].text))


def _place_then_foreign(toks, i: int) -> bool:
    """`Lech Wałęsa`: a word the lexicon knows only as a place (a given name in many
    languages is a river or town too), then a surname spelt with a letter German lacks."""
    first, second = toks[i].text, toks[i + 1].text
    return (toks[i].is_cap and is_place(first) and not is_plain_noun(first) and first.lower() not in FUNCTION_WORDS
            and unknown_word(toks[i + 1]) and _foreign(second) and not genitive_form(second))


def _foreign(word: str) -> bool:
    """Spelt with a letter German does not use (`ō`, `ş`, `ł`, `ř`): no German word."""
    return any(ord(ch) > 127 and ch.isalpha() and ch not in GERMAN_LETTERS for ch in word)


# `bei` is far more often `bei Godard assistiert` than `bei Paris` before two words no lexicon knows.
PLACES_BEFORE = PLACE_PREPOSITIONS - {"bei"}


def _a_noun(word: str) -> bool:
    """A noun, also a compound on a work the lexicon lacks (`Jugendroman`)."""
    return is_plain_noun(word) or is_cue_noun(word) or is_other_work(word)


@rule("person.unknown-words", priority=30, last_resort=True, triggers=is_unknown_word, examples={
    "Hymne auf das Leben: Hanyo Abu-Asrad erzählt davon.": {"Hanyo Abu-Asrad": "person"},
    "Ŝura Ŭlanov hat nur eine Szene.": {"Ŝura Ŭlanov": "person"},
    "Bae Sung-min hat nur eine Szene.": {"Bae Sung-min": "person"},
    "Später erzählt Şenay Göre davon.": {"Şenay Göre": "person"},
    "Der Film ist vom Koreaner Tavo Heinaluoma.": {"Tavo Heinaluoma": "person"},
    "Dabei hilft ihm Lech Ŭlanović sehr.": {"Lech Ŭlanović": "person"},
    "Das Buch, das Tarvo Heinaluoma schrieb, ist dünn.": {"Tarvo Heinaluoma": "person"},
})
def _unknown_full_names(view: SentenceView) -> list[Candidate]:
    """`Hany Abu-Assad huldigt …`: two capitalised words in a row that the lexicon does
    not know, not at a sentence's start (after a colon or a bracket is fine) and not
    after an article, are a name; a relative pronoun after a comma is no article (`der
    Polizist, den X Y spielt`: the clause's subject)."""
    toks, out = view.tokens, []
    for i in range(0, len(toks) - 1):
        if "-" in toks[i + 1].text and _family_name_first(toks, i):  # `Bong Joon-ho`, though `Bong` is a noun
            if i == 0 or toks[i - 1].text.lower() not in ARTICLES:
                out.append(Candidate(*view.span(i, i + 2), "person", "unknown"))
            continue
        if not (unknown_word(toks[i]) and (unknown_word(toks[i + 1]) or _foreign_then_noun(toks, i))
                or _place_then_foreign(toks, i)) \
                or _institution(toks[i + 1].text) \
                or toks[i].text in ENGLISH_TITLE_STARTS:  # `The Animals`: a band or a title
            continue
        if i + 2 < len(toks) and toks[i + 2].is_cap and toks[i + 2].is_word:
            continue  # three or more: more likely a title
        if i == 0:  # at a sentence's start only a name spelt with letters German lacks: `Ŝura Ŭlanov sagt`
            if _foreign(toks[0].text) or _foreign(toks[1].text):
                out.append(Candidate(*view.span(0, 2), "person", "unknown"))
            continue
        prev = toks[i - 1]
        if prev.text.lower() in ARTICLES and not (prev.text in RELATIVE_PRONOUNS and view.word(i - 2) == ","):
            continue
        foreign = _foreign(toks[i].text) or _foreign(toks[i + 1].text)
        opening = i == 1 and prev.text.lower() in FUNCTION_WORDS  # `Wer X Y einmal begegnet ist`
        if prev.is_cap and prev.is_word and not opening and not names_someone(prev.text) \
                and not (foreign and _a_noun(prev.text)) \
                or i == 1 and prev.text not in ":(" and not opening or prev.text in OPEN_QUOTES:
            continue  # but `das Vorbild Ŝura Ŭlanov`, `der Japaner X Y`: a noun before a name
        if prev.text.lower() in PLACES_BEFORE or is_place(f"{toks[i].text} {toks[i + 1].text}"):
            continue  # `in Tel Aviv`, `New York`
        out.append(Candidate(*view.span(i, i + 2), "person", "unknown"))
    return out


_APOSTROPHES = ("'", "’")
_ENGLISH_GENITIVE = ("’s", "'s")


def _apostrophe_genitive(word: str) -> bool:
    return word in _APOSTROPHES or len(word) > 4 and word.endswith(_ENGLISH_GENITIVE)


@rule("person.apostrophe-genitive", priority=55, triggers=_apostrophe_genitive, examples={
    "Dass der Film auf Zandoris' Iphigenie beruht, ist klar.": {"Zandoris": "person"},
    "Sie debütierte in Obradović’s „Nachtfahrt“.": {"Obradović": "person"},
})
def persons_by_apostrophe_genitive(view: SentenceView) -> list[Candidate]:
    """`Euripides' Iphigenie`, `Haneke’s „Das weiße Band“`: one capitalised word no
    lexicon knows (no noun, place or given name), with the apostrophe of a genitive
    (after -s, -x, -z, or the English `’s`), before a capitalised word or a quoted title
    is whose work or kin that is: a person. A full name is the given-name rule's."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-1]):
        if tok.text in _APOSTROPHES:
            if i < 1 or not genitive_apostrophe(toks, i):
                continue
            name, stem = i - 1, toks[i - 1].text
        elif tok.text.endswith(_ENGLISH_GENITIVE) and len(tok.text) > 4:
            name, stem = i, tok.text[:-2]
        else:
            continue
        nxt = toks[i + 1]
        if not (nxt.is_cap and nxt.is_word or nxt.text in OPEN_QUOTES) or view.word(name - 1).lower() in ARTICLES \
                or nxt.text in VERSION_WORDS \
                or name > 0 and toks[name - 1].is_cap and toks[name - 1].is_word:
            continue
        if is_unknown_word(stem) and not is_given(stem):
            out.append(Candidate(toks[name].start, toks[name].start + len(stem), "person", "work-cue"))
    return out


# `mit X verglichen`: the forms of `vergleichen` that close a comparison with `mit X`.
_COMPARED = frozenset("verglichen vergleicht vergleichen verglich vergleiche".split())


@rule("person.compared", priority=45, triggers=("bei", "la", "mit"), also=((*_COMPARED, "wie", "Wie", "à", "a"),), examples={
    "Man hat sie gern mit Haarvik verglichen.": {"Haarvik": "person"},
    "Wie bei Obradović dauern die Einstellungen lange.": {"Obradović": "person"},
    "Eine Szene à la Zandori folgt.": {"Zandori": "person"},
})
def persons_compared(view: SentenceView) -> list[Candidate]:
    """`mit Tarkowski verglichen`, `wie bei Bresson`, `à la Fellini`: critics compare with
    film makers (`in` compares with films: `wie in X`); a name of one to three words no
    lexicon knows (no noun, place, given name or channel) there is a real person."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if tok.text == "bei" and view.word(i - 1).lower() == "wie" or tok.text == "la" and view.word(i - 1) in ("à", "a"):
            k = i + 1
        elif tok.text == "mit" and i + 2 < len(toks):
            k = i + 1
        else:
            continue
        j = k
        while j < len(toks) and j - k < 3 and unknown_word(toks[j]) and not is_given(toks[j].text) \
                and not genitive_form(toks[j].text) and toks[j].text not in CHANNELS:
            j += 1
        if j == k or tok.text == "mit" and view.word(j) not in _COMPARED:
            continue
        out.append(Candidate(*view.span(k, j), "person", "work-cue"))
    return out
