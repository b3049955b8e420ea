"""Titles cited the way film writing cites a work: `Titel (Regisseur, Jahr)`, the
convention of filmographies, lists of films mentioned and essays alike."""

from __future__ import annotations

import re

from archive.text.rules.registry import rule

from archive.text.german import is_listed_name, is_noun, is_place
from archive.text.lexicon import ARTICLES, CHANNELS, CREDIT_LABELS, FUNCTION_WORDS, ORGANISATION_ACRONYMS, TITLE_LABELS, VERSION_WORDS, words
from archive.text.title_runs import english_title_after_full_genitive, title_run, title_start_before, titles_opened_by
from archive.text.view import Candidate, SentenceView, genitive_apostrophe, year_after
from archive.text.words import (
    CLOSE_QUOTES,
    YEAR,
    genitive_form,
    genitive_or_apostrophe,
    is_cue_noun,
    is_given,
    is_name_word,
    is_genre,
    is_rubric,
    split_compound,
)


@rule("film.director-year", priority=84, triggers=("(",), examples={
    "Ojuju (Tom Ellery, 2014)": {"Ojuju": "film", "Tom Ellery": "person"},
    "Danach sah sie Nachtfähre (Ilse Kowalczyk, 2019) zum dritten Mal.": {"Nachtfähre": "film"},
})
def _titles_before_director_and_year(view: SentenceView) -> list[Candidate]:
    """`Ojuju (C.J. Obasi, 2014)`, `Die Frau, die singt – Incendies (Denis Villeneuve,
    2010)`: a full name and a year in brackets after a title say who made it and when:
    what comes before is a film, never a figure the actor plays (`Irene (Carey
    Mulligan)` has no year). A list line (the bracket ends its segment, which opens a
    line) is the title from the line's start, commas and dashes and all."""
    out, toks = [], view.tokens
    for k in range(1, len(toks) - 4):
        if toks[k].text != "(" or not toks[k - 1].is_word and toks[k - 1].text not in "!?":
            continue
        name_end = view.name_run(k + 1)
        close = name_end + 2
        if name_end - (k + 1) < 2 or view.word(name_end) != "," or not YEAR.fullmatch(view.word(name_end + 1)) \
                or view.word(close) != ")" or is_place(" ".join(t.text for t in toks[k + 1 : name_end])):
            continue  # `(New York, 2014)`: where, not who
        start = _list_line_start(view, k, close)
        if start is None:
            start, _ = title_start_before(view, k)
        if start is None:
            continue
        year = int(view.word(name_end + 1))
        out.append(Candidate(*view.span(start, k), "film", "cited", year))
        out.append(Candidate(*view.span(k + 1, name_end), "person", "paren-actor"))
    return out


def _list_line_start(view: SentenceView, k: int, close: int) -> int | None:
    """The first token of the line when the bracket at k..close ends a line of a list:
    what stands before it on that line is short, opens capitalized and holds no
    sentence's punctuation."""
    toks, text = view.tokens, view.text
    if close + 1 < len(toks) and "\n" not in text[toks[close].end : toks[close + 1].start]:
        return None
    first = k
    while first > 0 and "\n" not in text[toks[first - 1].end : toks[first].start]:
        first -= 1
    if first == 0 and view.sentence.start > 0 and text[view.sentence.start - 1] != "\n":
        return None
    if k - first > 10 or not toks[first].is_cap or any(t.text in ".;:()" for t in toks[first:k]):
        return None
    return first


TITLE_OPENING_WORDS = words("title_opening_words")


@rule("film.capitalized-opener", priority=62, triggers=TITLE_OPENING_WORDS, examples={
    "Wer sie zuletzt in Ilse Kowalczyks Gegen die Flut gesehen hat, erschrickt.": {"Gegen die Flut": "film"},
    "Der beste Vampirfilm seit So finster die See kommt aus Norwegen.": {"So finster die See": "film"},
})
def _titles_after_capitalized_opener(view: SentenceView) -> list[Candidate]:
    """`seit So finster die Nacht`: mid-sentence, after a word, in prose (a lower-case
    word before it: no headline in title case), a capitalized preposition, pronoun or
    adverb (title_opening_words.txt) opens a title of three words or more; two may be
    the start of a longer one (`Im Westen` of `Im Westen nichts Neues`)."""
    return titles_opened_by(view, TITLE_OPENING_WORDS, 3, in_prose=True)


@rule("film.one-word-after-full-genitive", priority=65, triggers=genitive_or_apostrophe, examples={
    "Sie verweist auf Ilse Kowalczyks Atlantique, in dem das Meer eine Macht hat.": {"Atlantique": "film"},
    "Das erinnert an Tom Ellerys Vasquinha.": {"Vasquinha": "film"},
})
def _one_word_title_after_full_genitive(view: SentenceView) -> list[Candidate]:
    """`Mati Diops Atlantique`, `Christopher Nolans Oppenheimer`: after the genitive of a
    full name (a given name first), one capitalized word that is no German noun, place,
    function word or name of someone is the title of that person's work; what German
    prose puts there is a noun (`Spielbergs Karriere`, `Mati Diops Vater`)."""
    out, toks = [], view.tokens
    for k in range(2, len(toks)):
        tok = toks[k]
        if not (tok.is_word and tok.is_cap) or tok.text.isupper() or not _after_full_genitive(view, k):
            continue
        if is_noun(tok.text) or is_place(tok.text) or is_cue_noun(tok.text) or tok.text.lower() in FUNCTION_WORDS \
                or view.name_run(k) - k >= 2 or split_compound(tok) is not tok:
            continue
        if k + 1 < len(toks) and toks[k + 1].is_word and toks[k + 1].is_cap or english_title_after_full_genitive(view, k):
            continue  # two capitalized words: another rule's (`Apocalypse Now`, `Hell or High Water`), or a name
        out.append(Candidate(tok.start, tok.end, "film", "title-start", year_after(view, k + 1)))
    return out


def _after_full_genitive(view: SentenceView, k: int) -> bool:
    """Token k follows a full name in the genitive: `Mati Diops`, `Todd Phillips’` (not
    `José Luis Alcaine`: a given name in -s is no genitive)."""
    toks = view.tokens
    name_end = k - 2 if toks[k - 1].text in ("'", "’") else k - 1
    if name_end < 1:
        return False
    prev = toks[name_end]
    if name_end == k - 1 and not (prev.is_cap and genitive_form(prev.text) and not is_given(prev.text)) \
            or name_end < k - 1 and not genitive_apostrophe(toks, k - 1):
        return False
    return is_given(toks[name_end - 1].text) and is_name_word(prev)


_ORIGINAL = frozenset(("Original", "Originaltitel"))
_GERMAN_ONLY = FUNCTION_WORDS - words("english_lower")  # `einem`, `und`: a German remark, no title


@rule("film.original-after-quote", priority=84, triggers=("(",), examples={
    "Sie spielte schon in „Der stille Hafen“ (Le port silencieux) die Mutter.": {
        "Der stille Hafen": "film", "Le port silencieux": "film"},
})
def _original_after_quote(view: SentenceView) -> list[Candidate]:
    """`„Ein Prophet“ (Un prophète)`: a bracket right after a quoted title holds its original
    (or its translation) when it is a title's words: capitalised, no digits or labels, no
    person, place or channel, no version (`Director’s Cut`) and no German remark
    (`(Carey Mulligan in einem Kurzauftritt)`)."""
    toks, out = view.tokens, []
    for k in range(1, len(toks) - 2):
        if toks[k].text != "(" or toks[k - 1].text not in CLOSE_QUOTES or not toks[k + 1].is_cap:
            continue
        end = next((m for m in range(k + 1, min(k + 10, len(toks))) if toks[m].text == ")"), None)
        inner = toks[k + 1 : end] if end else []
        if not inner or not all(t.is_word or t.text in "'’-&" for t in inner):
            continue
        first, texts = inner[0].text, [t.text for t in inner]
        if is_place(first) or first.isupper() or first in CHANNELS or first in CREDIT_LABELS \
                or VERSION_WORDS & set(texts) or _GERMAN_ONLY & ({w.lower() for w in texts[1:]} | {first.lower()} - ARTICLES) \
                or len(inner) == 1 and (is_listed_name(first) or _surname_in(view.text, first)) \
                or is_given(first) and len(inner) >= 2 and is_name_word(inner[1]) \
                or len(inner) == 1 and is_noun(first):
            continue
        out.append(Candidate(inner[0].start, inner[-1].end, "film", "cited"))
    return out


def _surname_in(text: str, word: str) -> bool:
    """The review writes the word after a given name somewhere (`Christian Petzold`): in
    `„Transit“ (Petzold)` it is the director, not an original title."""
    return any(is_given(m.group(1)) for m in re.finditer(r"(\w+) " + re.escape(word) + r"\b", text))


@rule("film.original-title", priority=62, triggers=_ORIGINAL, examples={
    "Der Durchbruch kam mit Nachtfähre (2009), im Original Kynodontas.": {"Kynodontas": "film"},
    "Original: Nu ploua niciodata la mare. Rumänien 2023.": {"Nu ploua niciodata la mare": "film"},
})
def _original_titles(view: SentenceView) -> list[Candidate]:
    """`im Original Kynodontas`, `Originaltitel: The Zone of Interest`, an info block's
    `Original: Nu aștepta prea mult de la sfârșitul lumii.`: what the film is called
    where it was made. After a colon the label's value runs to the full stop, lower-case
    words and all; without one a title runs (`Im Original leihen …` opens no title)."""
    out, toks = [], view.tokens
    for k, tok in enumerate(toks[:-1]):
        if tok.text not in _ORIGINAL:
            continue
        first = k + 2 if toks[k + 1].text == ":" else k + 1
        if first >= len(toks) or not toks[first].is_cap or is_cue_noun(toks[first].text):
            continue
        if first == k + 2:
            end = next((m for m in range(first, len(toks)) if toks[m].text in ".;()"), len(toks))
            if end - first > 12:
                continue
        else:
            end = title_run(view, first)
            if end == first + 1 and (is_noun(toks[first].text) or is_place(toks[first].text)):
                continue  # `im Original Englisch`: a language
        out.append(Candidate(*view.span(first, end), "film", "year-cue", year_after(view, end)))
    return out


_COUNTRY = r"[A-ZÄÖÜ][\wÄÖÜäöüß.]*"
# `Club Zero. GB/AT 2023.`, `Riefenstahl. Dokumentarfilm, Deutschland 2024.`,
# `Konklave⏎USA/GB 2024 · R: …`, `Perfect Days, Japan/Deutschland 2023, 124 Minuten`
# `Titel⏎(Original) FIN/D 2023, 81 Min.`, `TITEL (Original, F 1969, R: …)`: the original in
# brackets opens the next line, or the bracket after the title holds the facts
_INFO_BLOCK = re.compile(
    rf"([A-ZÄÖÜ0-9][^\n·|•]{{0,90}}?)(\.[ \t]+|\n(?:\((?P<below>[^()\n]+)\)[ \t]+)?|,[ \t]+|[ \t]+[·|•][ \t]+"
    rf"|[ \t]+\((?:(?P<inside>[^()\n,]+),[ \t]+)?)(?:[A-ZÄÖÜ][\wäöü-]*film,[ \t]*)?"
    rf"(?P<countries>{_COUNTRY}(?:[ \t]*/[ \t]*{_COUNTRY})*),?[ \t]+(?:1[89]|20)\d\d\b")
_ORIGINAL_IN_BRACKETS = re.compile(r"^(.+?) \(([^()]+)\)$")
_BRACKET_LABEL = re.compile(r"(?:Originaltitel|Original|OT|Titel):\s*")


@rule("film.info-block", priority=70, examples={
    "Ein starker Film.\n\nNordwind Zero. AT/DE 2023. 110 Min. Von Ilse Kowalczyk.": {"Nordwind Zero": "film"},
    "Ein starker Film.\n\nHarbour Lights (Havets ljus)\nSchweden/Dänemark 2024 · 118 Min.": {
        "Harbour Lights": "film", "Havets ljus": "film"},
    "Ein starker Film.\n\nNordwind: Teil Zwei · Norwegen 2024 · 166 Min.": {"Nordwind: Teil Zwei": "film"},
    "Ein starker Film.\n\nHerbstgold\n(Syysmetsä) FIN/S 2021, 94 Min. R: Mika Laaksonen.": {
        "Herbstgold": "film", "Syysmetsä": "film", "Mika Laaksonen": "person"},
    "Ein starker Film.\n\nDER KLEINE SOLDAT (Le petit soldat, F 1963, R: Jean Godin)\nEin Deserteur in Genf.": {
        "DER KLEINE SOLDAT": "film", "Le petit soldat": "film", "Jean Godin": "person"},
})
def _titles_opening_an_info_block(view: SentenceView) -> list[Candidate]:
    """An info block names the film on its first line, before the countries and the year
    (on the same line after a full stop, a comma or a separator, `X · USA 2024 · 166 Min.`,
    `X | USA 2023 | 169 Min.`, or on the next line), the original
    title in brackets after it: `Der dritte Mann (The Third Man). GB 1949. Regie: …`."""
    text, sentence = view.text, view.sentence
    starts = []
    if text.startswith("(", sentence.start) and text[sentence.start - 1 : sentence.start] == "\n":
        starts.append(text.rfind("\n", 0, sentence.start - 1) + 1)  # the title above `(Original) FIN 2023`
    at = sentence.start
    while 0 <= at < sentence.end:
        if at == 0 or text[at - 1] == "\n":
            starts.append(at)
        at = text.find("\n", at, sentence.end)
        at = at + 1 if at >= 0 else -1
    return [c for at in starts for c in _info_block_title(view, at) if sentence.start <= c.start and c.end <= sentence.end]


def _info_block_title(view: SentenceView, at: int) -> list[Candidate]:
    text, sentence = view.text, view.sentence
    m = _INFO_BLOCK.match(text, at)
    if m is None or m.end(1) > sentence.end or len(m.group(1).split()) > 10:
        return []
    brackets = _ORIGINAL_IN_BRACKETS.match(m.group(1).rstrip())
    if _labelled(brackets.group(1) if brackets else m.group(1)):
        return []
    if m.group(2).lstrip(" \t").startswith("(") and ("(" in m.group(1) or not _bracket_ends_line(text, m.end(2))):
        return []  # `Er drehte damals (BRD 1981) …`: facts in brackets close a title's own line
    countries = re.split(r"\s*/\s*", m.group("countries"))
    if not all(is_place(c) or c.isupper() and len(c) <= 3 for c in countries):
        return []  # `Regie Tom 2023`: no country
    title = m.group(1).rstrip()
    if " " not in title and is_genre(title):
        return []  # `Tragikomödie, USA 2022, 126 Min.`, `Animation, USA 2015`: the genre, the title stands above
    if m.group(2).startswith(",") and (is_given(title.split()[0]) or not is_place(countries[0])):
        return []  # `Rainer Werner Fassbinder, BRD 1974`: the director, not the title
    if title.endswith(".") or any(w[:1].islower() for w in title.split()[:1]):
        return []
    parts = [(brackets.start(1), brackets.end(1)), (brackets.start(2), brackets.end(2))] if brackets else [(0, len(title))]
    original = "below" if m.group("below") else "inside" if m.group("inside") else None
    if original and not brackets and _a_title(m.group(original)):
        parts.append((m.start(original) - at, m.end(original) - at))
    label = _BRACKET_LABEL.match(title, parts[-1][0]) if brackets else None
    if label:  # `X (Originaltitel: Y)`: the label is no part of the original
        parts[-1] = (label.end(), parts[-1][1])
    year = int(re.search(r"(?:1[89]|20)\d\d", text[m.end("countries") : m.end()]).group())
    cue = "cited" if len(parts) > 1 else "genitive-year"  # stronger than `Figur (Darsteller)`
    return [Candidate(at + a, at + b, "film", cue, year) for a, b in parts]


def _bracket_ends_line(text: str, at: int) -> bool:
    """The bracket open before `at` closes at the end of its line."""
    end = text.find("\n", at)
    line = text[at : end if end >= 0 else len(text)].rstrip()
    return line.endswith(")") and "(" not in line


def _a_title(words: str) -> bool:
    """What a capsule's bracket holds before its facts is the original title, not a
    genre, a place or a remark (`(Dokumentarfilm, D 2023)`, `(OmU, F 2019)`)."""
    first = words.split()[0]
    return first[:1].isupper() and not first.isupper() and not is_genre(first) and not is_place(first) \
        and not VERSION_WORDS & set(words.split())


def _labelled(line: str) -> bool:
    """`Regie: X`, `INFO: F`, `Kritik: X`: a label opens the line, no title (`Mission:
    Impossible – Dead Reckoning. USA 2023` holds its colon): the colon's head is a label
    (credit_labels.txt, title_labels.txt), a rubric's word or in capitals, or a list
    follows it (`Tags: Iran, Cannes 2024`)."""
    head, colon, tail = line.partition(":")
    if not colon:
        return False
    return len(head.split()) != 1 or "," in tail or head.isupper() or head in CREDIT_LABELS or head in TITLE_LABELS \
        or head in _ORIGINAL \
        or is_rubric(head)


def _in_capitals(word: str) -> bool:
    return word.isupper() and sum(ch.isalpha() for ch in word) >= 2 and "-" not in word


@rule("film.capitals", priority=55, triggers=_in_capitals, examples={
    "Wer seine früheren Filme kennt, THE QUIET HARBOUR oder GRETEL & HANSEL, weiß es.": {
        "THE QUIET HARBOUR": "film", "GRETEL & HANSEL": "film"},
    "Cage kennt man als Meme: NORDWIND, PIG, jetzt das hier.": {"NORDWIND": "film"},
})
def _titles_in_capitals(view: SentenceView) -> list[Candidate]:
    """Some outlets write titles in capitals (`zwischen SIEBEN und ZODIAC`, `aus IT
    FOLLOWS`): in a sentence of prose, two words in capitals or more (`&` between), or
    one of five letters or more, are a title; an abbreviation is short (`FBI`, `USA`,
    `FSK`), a label ends in a colon (`AUTORIN:`), a glued one is a compound (`FBI-Agentin`)."""
    toks = view.tokens
    if sum(t.is_word and t.text[:1].islower() for t in toks) < 3 \
            or any(toks[m].text in CREDIT_LABELS and view.word(m + 1) == ":" for m in range(len(toks))):
        return []  # a heading, an info or a credit line (`Verleih: …`), not prose
    out, k = [], 0
    while k < len(toks):
        j = k
        while j < len(toks) and (toks[j].is_word and _in_capitals(toks[j].text)
                                 or toks[j].text == "&" and j > k and j + 1 < len(toks) and _in_capitals(toks[j + 1].text)):
            j += 1
        if j == k:
            k += 1
            continue
        letters = [sum(ch.isalpha() for ch in t.text) for t in toks[k:j] if t.is_word]
        start, end = toks[k].start, toks[j - 1].end
        glued = j < len(toks) and toks[j].start == end and toks[j].text in ("-", ":") \
            or start > 0 and view.text[start - 1] not in _OPEN_SPACE or end < len(view.text) and view.text[end] not in _CLOSE_SPACE
        channel = any(t.text.capitalize() in CHANNELS for t in toks[k:j])
        if not glued and not channel and view.word(j) != ":" and (
                len(letters) >= 2 and max(letters) >= 4 or len(letters) == 1 and letters[0] >= 5 and _a_word_not_an_acronym(view, toks[k].text)):
            out.append(Candidate(start, end, "film", "work-cue", year_after(view, j)))
        k = j
    return out


def _a_word_not_an_acronym(view: SentenceView, word: str) -> bool:
    """One word in capitals is a title only when it reads as a word: it has a vowel and
    begins as a word can (not `NSDAP`); it is no organisation (`UNESCO`, `BAFTA`;
    organisation_acronyms.txt), no abbreviation the lexicon lists in capitals (`NATO`),
    and the review writes it nowhere as a plain name (`Unicef`, `Netflix` elsewhere: a
    name or a shout, not how this outlet writes titles)."""
    if not _VOWEL.search(word) or word in ORGANISATION_ACRONYMS or is_noun(word):
        return False
    if word[0] not in _VOWELS and word[1] not in _VOWELS and word[:2] not in _ONSETS:
        return False
    return re.search(r"(?<!\w)" + re.escape(word[0] + word[1:].lower()) + r"(?!\w)", view.text) is None


_VOWELS = frozenset("AEIOUÄÖÜY")
_VOWEL = re.compile(r"[AEIOUÄÖÜY]")
# how a German or English word may begin with two consonants (`SCHREI`, `STRAY`, `PFAU`)
_ONSETS = frozenset("BL BR CH CL CR DR DW FL FR GL GN GR KL KN KR KW PF PH PL PR PS SC SH SK SL SM SN SP ST SW SZ "
                    "TH TR TS TW WR ZW".split())
# a word in capitals stands between these (not inside `\x1b]0;PWNED\x07` or `FBI-Agentin`)
_OPEN_SPACE = frozenset(" \t\n(„“\"»«‚'")
_CLOSE_SPACE = frozenset(" \t\n,.;!?)“”\"«»‘'")
