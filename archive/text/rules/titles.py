"""Titles without quotation marks: after a work noun (`sein neuer Film Drive`), after
a director's genitive, before a year, in a series compound (`Pusher-Reihe`), after an
English article, listed in a series' brackets, in an info line, in brackets after a
person."""

from __future__ import annotations

import re

from archive.text.lexicon import ADDRESS_TITLES
from archive.text.words import kin

from archive.text.rules.registry import rule

from archive.text.german import is_noun, is_place
from archive.text.english import is_english
from archive.text.lexicon import ARTICLES, CAST_LABELS, CHANNELS, words, ENGLISH_TITLE_STARTS, FUNCTION_WORDS, SERIES_HEADS, VERSION_WORDS
from archive.text.title_runs import after_genitive_name, english_title_after_full_genitive, title_run, title_start_before, titles_opened_by
from archive.text.view import Candidate, SentenceView, backward_name_run, year_after
from archive.text.words import (
    CAPITALIZED_ARTICLES,
    ENGLISH_LOWER,
    ENGLISH_ONLY,
    OPEN_QUOTES,
    POSSESSIVES,
    SERIES_TAILS,
    TITLE_STARTS,
    YEAR,
    genitive_form,
    genitive_or_apostrophe,
    is_adjective,
    is_cue_noun,
    is_given,
    is_name_word,
    is_plain_noun,
    is_work_noun,
    series_compound,
    split_compound,
)


def _work_noun_or_compound(word: str) -> bool:
    """`Film`, and a compound ending in one: `Netflix-Serie`, `Tarantino-Film`."""
    return is_work_noun(word) or "-" in word and is_work_noun(word.rsplit("-", 1)[1])


@rule("film.work-noun", priority=55, triggers=_work_noun_or_compound, examples={
    "Dennoch gleitet sein neuer Film Nachtfahrt nie ab.": {"Nachtfahrt": "film"},
    "In der Netflix-Serie Kaltfront spielt Jella Haase eine Agentin.": {"Kaltfront": "film"},
})
def _titles_after_work_noun(view: SentenceView) -> list[Candidate]:
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-1]):
        if not (tok.is_word and _work_noun_or_compound(tok.text)) or tok.text.isupper():
            continue  # `KRIMI DES TAGES`: a work noun in capitals is a page's rubric
        k = i + 1
        if view.word(k) in ("heißt", "hieß") and k + 1 < len(toks):
            k += 1  # `Sein neuer Film heißt Monster`
        nxt = toks[k]
        if not (nxt.is_word and nxt.is_cap) or is_cue_noun(nxt.text):
            continue
        if is_given(nxt.text) and view.name_run(k) - k >= 2:
            continue  # `ein Film Wim Wenders'`: a person, not a title
        j = title_run(view, k)
        if j == k + 1 and genitive_form(nxt.text) and is_place(nxt.text[:-1]) and not is_place(nxt.text):
            continue  # `die erfolgreichsten Filme Südkoreas`: where they were made (`der Film Fargo` is one)
        start, end = view.span(k, j)
        # an English function word inside holds it together (`Save the Green Planet`: no person)
        cue = "title-start" if any(t.text in ENGLISH_ONLY for t in toks[k:j]) else "work-cue"
        out.append(Candidate(start, end, "film", cue, year_after(view, j)))
    return out


@rule("film.after-genitive-name", priority=65, triggers=genitive_or_apostrophe, examples={
    "Wie in Fatih Akins Aus dem Nichts geht es um Rache.": {"Aus dem Nichts": "film"},
})
def _titles_after_genitive_name(view: SentenceView) -> list[Candidate]:
    """`François Truffauts Die amerikanische Nacht`: a capitalized article or preposition
    in mid-sentence after a name in the genitive starts a title."""
    out, toks = [], view.tokens
    for k in range(2, len(toks)):
        tok = toks[k]
        prev = toks[k - 1]
        if not (prev.text in ("'", "’") or prev.is_cap and genitive_form(prev.text)):
            continue  # nearly every token: no genitive before it
        if english_title_after_full_genitive(view, k):
            j = title_run(view, k)  # `Francis Ford Coppolas Apocalypse Now`
            if j >= k + 2:
                start, end = view.span(k, j)
                out.append(Candidate(start, end, "film", "work-cue", year_after(view, j)))
            continue
        if not (tok.is_word and tok.is_cap and tok.text.lower() in TITLE_STARTS):
            continue
        if not (prev.is_word and prev.is_cap and genitive_form(prev.text) and is_name_word(prev)):
            continue
        j = title_run(view, k)
        if j > k + 1:  # both ends marked: it outranks a name inside (`Die Ehe der Maria Braun`)
            start, end = view.span(k, j)
            out.append(Candidate(start, end, "film", "title-start", year_after(view, j)))
    return out


@rule("film.before-year", priority=62, triggers=("(", "von", "aus"), examples={
    "Sein Debüt war damals Walhalla Rising (2009), roh und still.": {"Walhalla Rising": "film"},
})
def _titles_before_year(view: SentenceView) -> list[Candidate]:
    """`in Walhalla Rising (2009)`, `Taxi Driver von 1976`; after a name in the genitive
    the whole title, lower-case words and all (`Fassbinders Angst essen Seele auf (1974)`)."""
    out, toks = [], view.tokens
    for k in range(1, len(toks)):
        if toks[k].text not in ("(", "von", "aus") or not toks[k - 1].is_word:
            continue
        year = year_after(view, k)
        if year is None:
            continue
        found = after_genitive_name(view, k)
        if found is not None:  # both ends marked: stronger than a title run's guess
            title, maker = found
            start, end = view.span(title, k)
            out.append(Candidate(start, end, "film", "genitive-year", year))
            start, end = view.span(backward_name_run(view, maker, limit=2), maker + 1)
            out.append(Candidate(start, end, "person", "given"))  # `Fassbinders`: who made it
        if not toks[k - 1].is_cap:
            continue
        i, anchored = title_start_before(view, k)
        if i is None:
            continue
        if split_compound(toks[k - 1]) is not toks[k - 1]:
            continue  # `Pusher-Reihe (1996)`: the compound rule has it
        if i == k - 1 and is_plain_noun(toks[i].text) and i > 0 and (
                view.word(i - 1) in ARTICLES or is_adjective(view.word(i - 1)) or view.word(i - 1) == "(" != view.word(k)):
            continue  # `ein unscharfes Standbild von 1982`, `(Wiederholung von 2019)`: a noun, not a title
        if toks[k - 1].text == "Uhr":
            continue  # `ZDF, 21.45 Uhr (Wiederholung von 2019)`: a programme slot
        start, end = view.span(i, k)
        out.append(Candidate(start, end, "film", "title-start" if anchored else "year-cue", year))
    return out


@rule("film.series-compound", priority=50, triggers=series_compound, examples={
    "Das gilt für die ganze Nebelhafen-Reihe.": {"Nebelhafen": "film"},
    "Er drehte das Broken Lantern-Remake.": {"Broken Lantern": "film"},
})
def _titles_in_compounds(view: SentenceView) -> list[Candidate]:
    """`Pusher-Reihe`: a capitalized word before a series noun is a title; an English
    one takes the English words before it (`das Evil Dead-Remake`, `der Star Wars-Saga`:
    German writes an English title's compound with one hyphen)."""
    out, toks = [], view.tokens
    for k, tok in enumerate(toks):
        if tok.is_word and tok.is_cap and "-" in tok.text:
            parts = tok.text.split("-")
            if len(parts) == 2 and parts[1] in SERIES_HEADS \
                    and parts[0].lower() not in FUNCTION_WORDS and not is_cue_noun(parts[0]) \
                    and not parts[0].isupper() and parts[0] not in CHANNELS:
                i = k
                while is_english(parts[0]) and i > 0 and k - i < 3 and toks[i - 1].is_word and toks[i - 1].is_cap \
                        and is_english(toks[i - 1].text) and toks[i - 1].text.lower() not in FUNCTION_WORDS:
                    i -= 1
                out.append(Candidate(toks[i].start, tok.start + len(parts[0]), "film", "compound"))
    return out


@rule("film.series-parts", priority=55, triggers=("(",), examples={
    "Die Jahreszeiten-Trilogie (Frost, Glut, Regen) endet hier.": {"Frost": "film", "Regen": "film"},
})
def _titles_listed_after_series_noun(view: SentenceView) -> list[Candidate]:
    """`die Farbentrilogie (Blau, Weiß, Rot)`: the parts of a series listed in brackets."""
    out, toks = [], view.tokens
    for k in range(1, len(toks) - 3):
        if toks[k].text != "(" or not toks[k - 1].is_word or not toks[k - 1].text.lower().endswith(SERIES_TAILS):
            continue
        close = next((m for m in range(k + 1, min(len(toks), k + 30)) if toks[m].text == ")"), None)
        if close is None:
            continue
        items, start = [], k + 1
        for m in range(k + 1, close + 1):
            if toks[m].text in (",", ")", "und"):
                items.append((start, m))
                start = m + 1
        if len(items) >= 2 and all(a < b and toks[a].is_cap and not YEAR.fullmatch(toks[a].text) for a, b in items):
            out += [Candidate(*view.span(a, b), "film", "work-cue") for a, b in items]
    return out


@rule("film.info-line", priority=70, triggers=("(",), examples={
    "Ein starker Film.\n(Greta Lindholm, Schweden 2019, 104 Min.)": {"Greta Lindholm": "film"},
})
def _title_in_info_brackets(view: SentenceView) -> list[Candidate]:
    """`(Hannah Arendt, Deutschland 2012, 113 Min.)`: an info line in brackets names the
    film first, then a country or its code and a year."""
    toks = view.tokens
    if len(toks) < 6 or toks[0].text != "(":
        return []
    comma = next((m for m in range(1, min(len(toks), 14)) if toks[m].text == ","), None)
    if comma is None or comma == 1 or comma + 2 >= len(toks) or not toks[1].is_cap:
        return []
    country, year = toks[comma + 1], toks[comma + 2]
    if not country.is_cap or not YEAR.fullmatch(year.text):
        return []
    return [Candidate(*view.span(1, comma), "film", "genitive-year", int(year.text))]


@rule("film.after-person-in-brackets", priority=62, triggers=("(",), examples={
    "Dass Julia Brandt (Hidden Harbour) hier überzeugt, freut uns.": {"Hidden Harbour": "film", "Julia Brandt": "person"},
})
def _title_in_brackets_after_person(view: SentenceView) -> list[Candidate]:
    """`Bill Murray (St. Vincent)`, `Sofia Coppola (The Virgin Suicides - Verlorene Jugend)`:
    after a full name (a given name first), brackets that hold no name, no number and
    no lower-case verb hold a film the person made or played in."""
    out, toks = [], view.tokens
    if toks and toks[0].text in CAST_LABELS and sum(t.text == "(" for t in toks) >= 2:
        return []  # `Mit Tom Ellery (Jonas Haase), Ute Klasen (Berti)`: a cast list's brackets hold parts
    for k in range(2, len(toks) - 2):
        if toks[k].text != "(" or not (is_given(toks[k - 2].text) and is_name_word(toks[k - 1])):
            continue
        close = next((m for m in range(k + 1, min(len(toks), k + 12)) if toks[m].text == ")"), None)
        if close is None or close == k + 1 or not toks[k + 1].is_cap or is_given(toks[k + 1].text) \
                or toks[k + 1].text in ADDRESS_TITLES or kin(toks[k + 1].text):  # `(Frau Beckmann)`: a name
            continue
        inner = toks[k + 1 : close]
        if any(t.is_number or t.text in ",;:" or t.is_word and not t.is_cap and t.text not in ENGLISH_LOWER
               for t in inner) or len(inner) == 1 and (is_noun(inner[0].text) or is_place(inner[0].text)):
            continue  # (`Ethan Hunt (Cruise)` beside Tom Cruise is read as part and actor after: arbitration.py)
        out.append(Candidate(inner[0].start, inner[-1].end, "film", "year-cue"))
    return out


@rule("film.english-article", priority=55, triggers=ENGLISH_TITLE_STARTS, examples={
    "Danach kam The Quiet Harbour ins Kino.": {"The Quiet Harbour": "film"},
})
def _english_titles(view: SentenceView) -> list[Candidate]:
    """`The Whale`, `A Beautiful Day`: an English article before capitalized words is a
    title in German prose."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-1]):
        if tok.text in ENGLISH_TITLE_STARTS and i > 0 and toks[i + 1].is_word and toks[i + 1].is_cap:
            j = i + 1
            while j < len(toks) and toks[j].is_word and (toks[j].is_cap or toks[j].text in ENGLISH_LOWER):
                j += 1
            while j > i + 1 and not toks[j - 1].is_cap:
                j -= 1
            if _listed_with_persons(view, i, j):
                continue  # `The Lanterns, Hanna Brenning, Milo Klasen`: a band
            start, end = view.span(i, j)
            out.append(Candidate(start, end, "film", "work-cue", year_after(view, j)))
    return out


def _listed_with_persons(view: SentenceView, i: int, j: int) -> bool:
    """Tokens i..j-1 open a list of full names (`, Hanna Brenning, Milo Klasen`): what is
    listed first among musicians or actors is a band or a person, not a film."""
    def full_name(a: int) -> bool:
        return 0 <= a and a + 1 < len(view.tokens) and is_given(view.word(a)) and is_name_word(view.tokens[a + 1])
    return view.word(j) == "," and full_name(j + 1) and view.word(j + 3) == "," and full_name(j + 4)


@rule("film.capitalized-article", priority=65, triggers=("Der", "Die", "Das", "Ein", "Eine"), examples={
    "Wer Das stille Haus mochte, wird auch hier froh.": {"Das stille Haus": "film"},
})
def _titles_after_capitalized_article(view: SentenceView) -> list[Candidate]:
    """`Wer Das weiße Band mochte`: mid-sentence, after a word, a capitalized article
    can only open a title (after a colon, a dash or a quote it may open a sentence)."""
    return titles_opened_by(view, CAPITALIZED_ARTICLES, 2)


_COPULAS = frozenset("ist war bleibt wird wäre".split())
# An adjective or a participle put first (`Spannend ist der Film`), not a title
_PREDICATIVE = re.compile(r"(?:isch|ig|lich|bar|sam|haft|los|voll|end|ell|iv|ant|ent)$|^ge\w{3,}(?:en|t)$")
_DETERMINERS = frozenset("der die das ein eine einer eines kein keine keiner dieser diese dieses jener "
                         "sein seine seiner ihr ihre ihrer".split())


@rule("film.is-a-film", priority=55, triggers=_COPULAS, examples={
    "Trotzdem: Nachtfähre ist einer dieser kleinen europäischen Filme.": {"Nachtfähre": "film"},
    "Nachtfähre ist der zweite Langfilm von Ilse Kowalczyk.": {"Nachtfähre": "film"},
    "Nachtfähre ist der Film des Sommers.": {"Nachtfähre": "film"},
})
def _titles_said_to_be_films(view: SentenceView) -> list[Candidate]:
    """`X ist der zweite Langfilm von …`, `Trotzdem: X ist einer dieser kleinen Filme`:
    what opens a clause and is said to be a film (an article, adjectives, a work noun
    after the copula) is its title."""
    out, toks = [], view.tokens
    for k in range(1, len(toks) - 2):
        if toks[k].text not in _COPULAS or toks[k + 1].text not in _DETERMINERS:
            continue
        m = k + 2
        while m < len(toks) and m - k <= 5 and (toks[m].text in _DETERMINERS or is_adjective(toks[m].text)):
            m += 1
        if m >= len(toks) or not is_work_noun(toks[m].text):
            continue
        i, _ = title_start_before(view, k)
        if i is None or not (i == 0 or view.word(i - 1) in (":", "–", "—")) or toks[i].text.lower() in FUNCTION_WORDS:
            continue
        if is_cue_noun(toks[i].text) or is_given(toks[i].text) and view.name_run(i) - i >= 2:
            continue  # `Der Film ist …`, `Tom Ellery ist …`: no title
        if k - i == 1 and _PREDICATIVE.search(toks[i].text.lower()) and not is_noun(toks[i].text):
            continue  # `Komisch ist der Film`, `Getragen wird der Film von …`: the film is the subject
        if k - i == 1 and m == k + 2 and toks[k + 1].text == "der" and not _film_is_defined(view, m + 1):
            continue  # `Stark ist der Film dort, wo …`: `der Film` alone is the subject, a word put first
        out.append(Candidate(*view.span(i, k), "film", "work-cue"))
    return out


_RELATIVES = frozenset("der die das den dem dessen deren welcher welche".split())


def _film_is_defined(view: SentenceView, at: int) -> bool:
    """`der Film` said of a title goes on to say which (`des Jahres`, `, der alle …`)."""
    word = view.word(at)
    return word in ("des", "der", "eines", "einer") or word == "," and view.word(at + 1) in _RELATIVES


# After these a run of English words is a common noun of German prose (`ein Road Movie`,
# `im Happy End`), not a title.
_NOUN_PHRASE_BEFORE = ARTICLES | POSSESSIVES | frozenset("im am zum zur beim vom ins".split())
# `Universal Pictures`, `Golden Globes`, `Sundance Film Festival`: a company, prize or place.
_INSTITUTION_TAILS = words("institution_tails")
# Inside an English run, capitalized: `Who Are We`, `Lost in Silence`
ENGLISH_FUNCTION = frozenset(ENGLISH_LOWER | {"am", "are", "be", "i", "me", "we", "you", "it", "not", "no"})


@rule("film.english-words", priority=55, examples={
    "Die Vergleiche liegen nahe: Broken Lanterns wegen der Musik, sonst nichts.": {"Broken Lanterns": "film"},
    "Wie in Lost in Silence geht es um Einsamkeit.": {"Lost in Silence": "film"},
})
def _english_titles_without_article(view: SentenceView) -> list[Candidate]:
    """`Broken Lanterns wegen …`, `wie in Lost in Silence`: two or more capitalized
    words that are common English words German seldom uses (the English lexicon), with
    English function words between, are an English title; not after an article (`ein
    Road Movie`), not a place, a company or a prize, not a name (`Will Smith`)."""
    out, toks = [], view.tokens
    k = 0
    while k < len(toks):
        j = _english_run(view, k)
        if j == k:
            k += 1
            continue
        caps = [t for t in toks[k:j] if t.is_cap]
        if len(caps) >= 2 and view.word(k - 1).lower() not in _NOUN_PHRASE_BEFORE \
                and view.word(k - 1) not in OPEN_QUOTES and not _subtitle_after(view, j) \
                and not (k > 0 and toks[k - 1].is_word and toks[k - 1].is_cap) \
                and caps[-1].text not in _INSTITUTION_TAILS and caps[-1].text not in VERSION_WORDS and not is_place(" ".join(t.text for t in toks[k:j])) \
                and not (is_given(toks[k].text) and is_name_word(toks[k + 1])) and not _listed_with_persons(view, k, j):
            start, end = view.span(k, j)
            out.append(Candidate(start, end, "film", "work-cue", year_after(view, j)))
        k = j
    return out


def _subtitle_after(view: SentenceView, j: int) -> bool:
    """`Hold On – Keiner kommt davon`: a dash and a capitalized word after the run
    begin a German subtitle whose end no rule can tell; better no title than half of one."""
    return view.word(j) in ("–", "—", "-", ":") and view.tokens[j + 1].is_cap if j + 1 < len(view.tokens) else False


def _english_run(view: SentenceView, k: int) -> int:
    """End index of the run of English title words from token k (k itself when none):
    capitalized English words, English function words between them (`in`, `of`, `Am`)."""
    toks, j, end = view.tokens, k, k
    while j < len(toks) and toks[j].is_word:
        word = toks[j].text
        if toks[j].is_cap and (not word.isupper() or word == "I") and (is_english(word) or j > k and word.lower() in ENGLISH_FUNCTION):
            end = j = j + 1
        elif j > k and word in ENGLISH_LOWER:
            j += 1
        else:
            break
    return end


_ONE_WORD_CUES = frozenset("dessen deren".split())


@rule("film.english-word", priority=55, triggers=_ONE_WORD_CUES, examples={
    "Er teilte den Preis mit Zandor und dessen Stranded.": {"Stranded": "film"},
})
def _one_english_word_after_a_cue(view: SentenceView) -> list[Candidate]:
    """`Zandor und dessen Stranded`: one capitalized common English word that is
    no German noun, no name, no place, after a relative possessive, is the title of
    that person's film (`dessen Frau` is German; after `in`, `mit`, `nach` such a word
    found nothing more on held-out or dev reviews, so those stay out)."""
    out, toks = [], view.tokens
    for k in range(1, len(toks)):
        tok = toks[k]
        if view.word(k - 1) not in _ONE_WORD_CUES or not (tok.is_word and tok.is_cap and is_english(tok.text)):
            continue
        if is_noun(tok.text) or is_given(tok.text) or is_place(tok.text) or k + 1 < len(toks) and toks[k + 1].is_cap:
            continue
        out.append(Candidate(tok.start, tok.end, "film", "work-cue", year_after(view, k + 1)))
    return out
