"""Real persons: by a given name, by a role noun (`Regisseur Refn`), by `von` after a
work, by a credit line (`Regie: …`), listed surnames, a making verb, a passive agent;
names no list knows are in unknown_names.py."""

from __future__ import annotations

from archive.text.forms import nickname_end
from archive.text.german import is_listed_name, is_noun, is_place

from archive.text.rules.registry import rule
from archive.text.rules.series import names_a_series

from archive.text.lexicon import words, ARTICLES, CREDIT_LABELS, ENGLISH_TITLE_STARTS, GIVEN_NAMES_THAT_ARE_NOUNS, KIN_NOUNS, NAME_PARTICLES, TITLE_LABELS
from archive.text.tokens import make_token
from archive.text.view import Candidate, SentenceView, after_adjectives, is_initial, is_unknown_word, unknown_word
from archive.text.words import (
    KIN_FORMS,
    POSSESSIVES,
    MADE_BY,
    MADE_NOUNS,
    YEAR,
    given_or_initial,
    genitive_form,
    is_given,
    is_person_noun,
    is_plain_noun,
    is_work_noun,
    role_cue,
    split_compound,
)


@rule("person.given-name", priority=60, triggers=given_or_initial, examples={
    "Gestern sah ich, wie Juliette Binoche über den Platz ging.": {"Juliette Binoche": "person"},
    "Nach dem Golden Globe traf sie Lena Marić.": {"Lena Marić": "person"},
    "Schon Jonas Bergs Verfilmung war kühl.": {"Jonas Bergs": "person"},
})
def _persons_by_given_name(view: SentenceView) -> list[Candidate]:
    out, toks, i = [], view.tokens, 0
    while i < len(toks):
        tok = toks[i]
        if not tok.is_cap or not (is_given(tok.text) or is_initial(toks, i)):
            i += 1
            continue
        # `der Roman Stiller`: after an article a given name that is also a noun is the noun
        # (but `den Antonio Banderas spielt` is a relative clause and a name)
        # … and a given name between an article and `von` is a noun too (`die Romane von Mick Herron`)
        after_article = view.word(i - 1).lower() in ARTICLES and (
            tok.text in GIVEN_NAMES_THAT_ARE_NOUNS or view.word(i + 1) in ("von", "vom")
            or view.word(i - 1) in ("ein", "eine", "einen", "einem", "einer")) \
            or tok.text in GIVEN_NAMES_THAT_ARE_NOUNS and view.word(i + 1) in ("von", "vom")  # `Roman von X`
        if tok.is_word and not after_article and not _genitive_before_noun(view, i) and not _noun_here(view, i):
            j = view.name_run(i)
            if j - i == 3 and is_plain_noun(toks[j - 1].text) and not is_given(toks[i + 1].text) \
                    and toks[i + 1].text not in NAME_PARTICLES:  # `Friedrich von Aalen` is whole
                j -= 1  # `Tilda Swinton Englisch sprechen`: the noun after a name of two words
            nickname = nickname_end(view, j) if j == i + 1 and j < len(toks) else None
            if nickname is not None:  # `Marc „Gorehound“ Pietsch`
                out.append(Candidate(tok.start, nickname, "person", "given"))
                i = j
                continue
            if j - i >= 2 and _institution(toks[j - 1].text):
                i = j  # `den Golden Globe`, `Miramax Pictures`: a prize, a company
                continue
            if j - i >= 2:
                first = i - 1 if _given_before_initial(view, i) else i
                start, end = view.span(first, j)
                out.append(Candidate(start, end, "person", "given"))
                i = j
                continue
        i += 1
    return out


def _given_before_initial(view: SentenceView, i: int) -> bool:
    """`Giona A. Nazzaro`: a capitalised word the lexicon does not know, right before a
    middle initial, is the given name, listed or not."""
    toks = view.tokens
    return i > 0 and is_initial(toks, i) and toks[i - 1].is_word and is_unknown_word(toks[i - 1].text) \
        and toks[i - 1].end < toks[i].start


# Before a given name that is a German noun too, these make it the noun: `zwei Tage`,
# `ihr Baby`, `am Rand`; after a contraction of a preposition and an article no run of
# names is a person's (`im Val X`: a place).
_QUANTITIES = frozenset("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig hundert tausend einige "
                        "etliche mehrere viele wenige beide paar".split())
_CONTRACTIONS = frozenset("am im ins ans aufs beim vom zum zur".split())


def _noun_here(view: SentenceView, i: int) -> bool:
    """The given name at token i is a noun or a place's first word here, by the word before it."""
    before = view.word(i - 1)
    if before in _CONTRACTIONS:
        return "-" not in view.tokens[i].text  # but `im Wim-Wenders-Film`
    return is_noun(view.tokens[i].text) and (before.lower() in _QUANTITIES or before.isdigit() or before in POSSESSIVES)


INSTITUTION_TAILS = words("institution_tails")


def _institution(last: str) -> bool:
    """A last word that names a prize, a company or a school (`Globe`, `Pictures`,
    `Academy`), unless it is a surname too (`Park`, `Band`)."""
    return last in INSTITUTION_TAILS and not is_given(last) and not is_listed_name(last)


def _genitive_before_noun(view: SentenceView, i: int) -> bool:
    """`Antons Schwester`, `Lenas Vater`: a given name in the genitive before a kin noun
    or a plain noun is its owner, not the first half of a full name."""
    word, nxt = view.tokens[i].text, view.word(i + 1)
    if is_given(word) and genitive_form(nxt) and nxt not in KIN_FORMS and view.word(i + 2)[:1].isupper():
        return False  # `Hannes Holms Verfilmung`: a given name of its own, then a surname's genitive
    return (word.endswith("s") and is_given(word[:-1])
            and bool(nxt) and (nxt in KIN_NOUNS or is_plain_noun(nxt)))


@rule("person.role-noun", priority=80, triggers=role_cue, examples={
    "Regisseur Kowalczyk zeigt uns die Stadt.": {"Kowalczyk": "person"},
    "Der Film von Ilse Obradović ist laut.": {"Ilse Obradović": "person"},
})
def _persons_by_role_noun(view: SentenceView) -> list[Candidate]:
    """`Regisseur Refn`; and `von` after a work or a quoted title: `„Parasite“ von Bong Joon-ho`."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-1]):
        if tok.text in ("führte", "führt") and view.word(i - 1) == "Regie":
            j = view.name_run(i + 1)  # `Regie führte Hirokazu Kore-eda`
            if j - (i + 1) >= 2 or j > i + 1 and is_given(toks[i + 1].text):
                start, end = view.span(i + 1, j)
                out.append(Candidate(start, end, "person", "role-cue"))
            continue
        if tok.text == "von" and names_a_series(view, i):
            continue  # `die zweite Staffel von Dark`: a series, in series.py
        if tok.text == "von" and i > 0 and (toks[i - 1].text in "“”«»‹›\"" or is_work_noun(toks[i - 1].text)
                                            or toks[i - 1].text in MADE_BY):
            j = view.name_run(i + 1)
            # after a noun that is not a work (`Musik von Hamburg`), one word is too little
            whole = j - (i + 1) >= 2 or is_given(view.word(i + 1)) or toks[i - 1].text not in MADE_NOUNS
            if j == i + 2 and (is_plain_noun(toks[i + 1].text) or is_place(toks[i + 1].text)):
                continue  # `eine Serie von Artikeln`, `Bilder von Berlin`
            if j > i + 1 and not YEAR.fullmatch(view.word(i + 1)) and whole:
                start, end = view.span(i + 1, j)
                out.append(Candidate(start, end, "person", "role-cue"))
            continue
        if not (tok.is_word and is_person_noun(tok.text)) or "-" in tok.text and split_compound(tok) is not tok:
            continue
        if view.word(i + 1) == "wie":  # `Regisseure wie Petzold, Schanelec oder Arslan`
            k = i + 2
            while k < len(toks):
                j = view.name_run(k)
                if j == k:
                    break
                start, end = view.span(k, j)
                out.append(Candidate(start, end, "person", "role-cue"))
                if view.word(j) not in (",", "und", "oder", "sowie"):
                    break
                k = j + 1
            continue
        j = view.name_run(i + 1)
        if j > i + 1:
            start, end = view.span(i + 1, j)
            out.append(Candidate(start, end, "person", "role-cue"))
    return out


COMPANY_WORDS = words("company_words")
_ENTRY_ENDS = (",", "und", "/", "&", ";", "")


@rule("person.credit-line", priority=80, triggers=(":",), examples={
    "Regie: Ilse Obradović. Mit: Tom Ellery, Walter Brenning": {"Ilse Obradović": "person", "Walter Brenning": "person"},
})
def _credits(view: SentenceView) -> list[Candidate]:
    """Credit lines: `Regie: Bong Joon-ho. Mit: Paula Beer, Franz Rogowski` give persons,
    `Originaltitel: The Bear` a title, up to a separator (`|`, `·`) where an info line
    lists its facts."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-2]):
        if toks[i + 1].text != ":" or not tok.is_word:
            continue
        if tok.text in TITLE_LABELS:
            if i > 0 and toks[i - 1].text not in ".|·•(,;–" and "\n" not in view.text[toks[i - 1].end : tok.start]:
                continue  # `… der beste Film: Edward Bergers Neuverfilmung …`: prose, no label
            k = i + 2
            j = k
            while j < len(toks) and toks[j].text not in ",;().|·•" and not YEAR.fullmatch(toks[j].text):
                j += 1  # `Originaltitel: X | USA 2024 | 119 Min.`: a separator ends the title
            if j > k and toks[k].is_cap:
                start, end = view.span(k, j)
                out.append(Candidate(start, end, "film", "role-cue"))
            continue
        if tok.text not in CREDIT_LABELS:
            continue
        k = i + 2
        if toks[k].text in GIVEN_NAMES_THAT_ARE_NOUNS and view.word(k + 1) in ("von", "vom"):
            k += 2  # `Vorlage: Roman von X`: the noun, then who wrote it
        while k < len(toks):
            j = view.name_run(k)
            if j == k:
                break
            if j > k and j + 1 < len(toks) and toks[j].is_cap and toks[j].is_word and view.word(j + 1) in _ENTRY_ENDS:
                j += 1  # `Darsteller: Jasna Fritzi Bauer, …`: an entry runs to its comma, a noun (`Bauer`) too
            if j == k + 1 and (is_place(toks[k].text) or is_plain_noun(toks[k].text)):
                break  # `…⏎Deutschland/Frankreich 2024`, `Zur Ausstattung: Bild und Ton sind …`: no credit
            if toks[k].text in ENGLISH_TITLE_STARTS or any(t.text in COMPANY_WORDS for t in toks[k:j]):
                pass  # `Produktion: Studio Ghibli`, `Musik: The Animals`: a company, a band
            elif j - k >= 2 or is_given(toks[k].text) or view.word(j) in (",", ".", "und", "/", "&", ";", ""):
                start, end = view.span(k, j)
                out.append(Candidate(start, end, "person", "role-cue"))
            if view.word(j) not in (",", "und", "/", "&"):
                break
            k = j + 1
    return out


@rule("person.surnames-listed", priority=40, triggers=(",",), also=(("und", "oder", "sowie"), is_unknown_word),
      examples={
    "Obradović, Kowalczyk, Brenning und Haase bitten zur Kasse.": {"Obradović": "person", "Haase": "person"},
})
def _surnames_listed(view: SentenceView) -> list[Candidate]:
    """`Kowalczyk, Brenning, Obradović und Haase`: three or more capitalised words the
    lexicon does not know, listed, are surnames."""
    toks, out = view.tokens, []
    i = 0
    while i < len(toks):
        items, k = [], i
        while k < len(toks) and unknown_word(toks[k]) and (k + 1 == len(toks) or not toks[k + 1].is_cap):
            items.append(k)
            if view.word(k + 1) not in (",", "und", "oder", "sowie"):
                break
            k += 2
        if len(items) >= 3 and view.word(items[-2] + 1) != "," and not all(is_given(toks[m].text) for m in items):
            out += [Candidate(toks[m].start, toks[m].end, "person", "list") for m in items]  # (given names: figures'
            # first names as often as persons', `Jonas, Martha und Ulrich treffen …`; the name passes type them)
        i = (items[-1] if items else i) + 1
    return out


# Before a place far more often than before a person: `in Tel Aviv`, `nach Rio`.
PLACE_PREPOSITIONS = frozenset("in im nach aus bei nahe nördlich südlich östlich westlich".split())


@rule("person.info-line", priority=80, triggers=("Von", "Mit"), examples={
    "F 2023. 151 Min. Von Hanyo Abu-Asrad. Mit Tuschak Vosnitz, Lale Ekinci.": {
        "Hanyo Abu-Asrad": "person", "Tuschak Vosnitz": "person", "Lale Ekinci": "person"},
})
def persons_in_info_line(view: SentenceView) -> list[Candidate]:
    """`Von X.` and `Mit Y, Z.`: the short sentences of an info line (`F 2023. 151 Min.
    Von X. Mit Y, Z.`) are names only, listed after `Von` or `Mit`, each of them no noun."""
    toks = view.tokens
    start = next((m for m, t in enumerate(toks) if t.text in ("Von", "Mit") and (m == 0 or toks[m - 1].text == ".")),
                 None)  # `151 Min. Von X.`: an abbreviation kept it in one sentence
    if start is None or len(toks) - start > 16 or toks[-1].text != ".":
        return []
    out, k = [], start + 1
    while k < len(toks) - 1:
        j = view.name_run(k)
        if j == k or j - k == 1 and is_plain_noun(toks[k].text) or view.word(j) not in (",", "und", "."):
            return []  # a sentence, not a list of names
        out.append(Candidate(*view.span(k, j), "person", "role-cue"))
        k = j + 1
    return out


MAKING_VERBS = words("making_verbs")


@rule("person.making-verb", priority=55, triggers=MAKING_VERBS, examples={
    "Haarvik inszeniert das mit großer Ruhe.": {"Haarvik": "person"},
    "Am Ende verfilmte Obradović den Roman doch.": {"Obradović": "person"},
})
def persons_by_making_verb(view: SentenceView) -> list[Candidate]:
    """`Haarvik inszeniert …`: a lone name the lexicon does not know, right before a
    verb of making a film (the main clause goes on after it), or right after it before
    an article (`verfilmte X den Roman`), is a real person: characters seldom stage,
    cast or edit."""
    out, toks = [], view.tokens
    for v, tok in enumerate(toks):
        if tok.text not in MAKING_VERBS:
            continue
        before = v - 1
        if before >= 0 and unknown_word(toks[before]) and not is_given(toks[before].text) \
                and view.word(v + 1) not in ",.;:!?)" and (before == 0 or not toks[before - 1].is_cap) \
                and view.word(before - 1).lower() not in ARTICLES:
            out.append(Candidate(toks[before].start, toks[before].end, "person", "work-cue"))
        after = v + 1
        if after < len(toks) and unknown_word(toks[after]) and not is_given(toks[after].text) \
                and view.word(after + 1).lower() in ARTICLES and v > 0:
            out.append(Candidate(toks[after].start, toks[after].end, "person", "work-cue"))
    return out


MANNER_NOUNS = words("manner_nouns")


@rule("person.genitive-work", priority=55, examples={
    "Obradovićs neuer Film ist ein Wagnis.": {"Obradovićs": "person"},
    "Man spürt Haarviks kühle Strenge.": {"Haarviks": "person"},
})
def persons_by_genitive_work(view: SentenceView) -> list[Candidate]:
    """`Obradovićs neuer Film`, `Bressons Strenge`: a name no lexicon knows, in the
    genitive before a work noun or a noun for a maker's manner (adjectives between), is
    who made the work."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-1]):
        word = tok.text
        if word[-1] != "s" or not tok.is_cap or not genitive_form(word) or view.word(i - 1).lower() in ARTICLES \
                or (i > 0 and toks[i - 1].is_cap and toks[i - 1].is_word):
            continue  # a full name is the given-name rule's
        k = after_adjectives(view, i + 1)
        if not (k < len(toks) and toks[k].is_cap and (is_work_noun(toks[k].text) or toks[k].text in MANNER_NOUNS)):
            continue
        stem = make_token(tok.start, tok.end - 1, word[:-1])
        if unknown_word(stem) and not is_given(stem.text) and not is_plain_noun(word):
            out.append(Candidate(tok.start, tok.end, "person", "work-cue"))
    return out


PASSIVE_AUXILIARIES = frozenset("wird wurde werden wurden".split())


@rule("person.passive-agent", priority=55, triggers=PASSIVE_AUXILIARIES, examples={
    "Der Vater wird von Lissabon Haarvik mit großer Ruhe gespielt.": {"Lissabon Haarvik": "person"},
})
def persons_as_passive_agent(view: SentenceView) -> list[Candidate]:
    """`wird von X Y gespielt`, `wurde von X Y inszeniert`: the agent of a passive,
    a full name (whatever its first word: `Lissabon` is a city too), is a real person."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-2]):
        if tok.text not in PASSIVE_AUXILIARIES:
            continue
        k = i + 1 if view.word(i + 1) == "von" else i + 2 if view.word(i + 2) == "von" and \
            toks[i + 1].text[:1].islower() else None  # `wird auch von …`
        if k is None:
            continue
        j = view.name_run(k + 1, limit=3)
        if j - (k + 1) >= 2 and not is_plain_noun(toks[k + 1].text):
            out.append(Candidate(*view.span(k + 1, j), "person", "work-cue"))
    return out


SIBLING_TAILS = ("Brüder", "Brüdern", "Schwestern", "Geschwister", "Geschwistern")


@rule("person.siblings-compound", priority=50, examples={
    "Die Haarvik-Brüder drehen wieder in Oslo.": {"Haarvik": "person"},
})
def persons_in_siblings_compound(view: SentenceView) -> list[Candidate]:
    """`die Haarvik-Brüder`, `die Wachowski-Schwestern`: a name no lexicon knows before
    a hyphen and a noun for siblings is the family name of real film makers."""
    out, text = [], view.text[view.sentence.start : view.sentence.end]
    if "-Brüder" not in text and "-Schwestern" not in text and "-Geschwister" not in text:
        return out  # most sentences: one substring search, not a walk over the tokens
    for tok in view.tokens:
        head, _, tail = tok.text.rpartition("-")
        if tail not in SIBLING_TAILS or not head or "-" in head or not head[:1].isupper():
            continue
        name = make_token(tok.start, tok.start + len(head), head)
        if unknown_word(name) and not is_given(head):
            out.append(Candidate(name.start, name.end, "person", "compound"))
    return out


@rule("person.alias", priority=58, triggers=("alias",), examples={
    "Das Biopic über Johann Brenner alias Zarkow setzt auf die Hits.": {
        "Johann Brenner": "person", "Zarkow": "person"},
})
def persons_by_alias(view: SentenceView) -> list[Candidate]:
    """`Hans Hölzel alias Falco`: after a full name, `alias` gives the same one's other
    name (a stage name, a code name; arbitration makes it a character when the first is
    one)."""
    out, toks = [], view.tokens
    for k in range(2, len(toks) - 1):
        if toks[k].text != "alias" or not toks[k + 1].is_cap or not is_given(toks[k - 2].text) \
                or view.name_run(k - 2) != k:
            continue
        end = view.name_run(k + 1)
        if end > k + 1 and not (end == k + 2 and is_plain_noun(toks[k + 1].text)):
            out.append(Candidate(*view.span(k + 1, end), "person", "alias"))
    return out
