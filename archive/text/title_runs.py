"""Where an unquoted title runs in a sentence: from a token (title_run), back to its
start (title_start_before), and after a full name's genitive. Walks over SentenceView,
shared by the title rules and forms."""

from __future__ import annotations

from archive.text.english import is_english
from archive.text.lexicon import ARTICLES, CHANNELS, FUNCTION_WORDS, KIN_NOUNS
from archive.text.tokens import Token
from archive.text.view import Candidate, SentenceView, genitive_apostrophe, year_after
from archive.text.words import (
    ADJECTIVE_END,
    CAPITALIZED_ARTICLES,
    ENGLISH_LOWER,
    ENGLISH_ONLY,
    LEADING_PREPOSITIONS,
    RELATIVE_STARTS,
    TITLE_INNER,
    TITLE_STARTS,
    genitive_form,
    is_cue_noun,
    is_given,
    is_name_word,
    split_compound,
)


def title_run(view: SentenceView, i: int) -> int:
    """End index of an unquoted title starting at token i (see docs/extraction.md)."""
    toks = view.tokens
    if view.word(i + 1) == "," and view.word(i + 2) in RELATIVE_STARTS:
        j = i + 2
        while j < len(toks) and toks[j].text not in ".;:!?()„“»«›‹\"":
            j += 1
        return j
    last = i + 1
    k = i + 1
    while k < len(toks):
        tok = toks[k]
        if tok.text in ("von", "aus", "ein", "eine", "einen", "einem", "einer"):
            break  # `Drive von Refn`, `Der kalte Zug von 1957`: the maker or the year follows;
            # `… Small Things Like These eine Oberin spielt`: an object follows
        if tok.is_number:
            last = k + 1
        elif tok.is_word and tok.is_cap:
            if is_cue_noun(tok.text) and tok.text not in KIN_NOUNS \
                    or genitive_form(tok.text) and k + 1 < len(toks) and toks[k + 1].is_cap \
                    and not (toks[k - 1].is_cap and not is_given(toks[k - 1].text)):
                break  # `Refns Großstadtkrimi`; but `Small Things Like These`, `Der Mann ohne …` run on
            if is_given(tok.text) and view.name_run(k) - k >= 2 and toks[k - 1].text not in ("der", "des") \
                    and toks[k - 1].text.lower() not in ENGLISH_ONLY:  # `Save the Green Planet`, `The Long Goodbye`
                break  # a person's name begins: `Debüt Pi zeigte Darren Aronofsky` (not `Die Ehe der Maria Braun`)
            last = k + 1
            if split_compound(tok) is not tok:
                break
        elif tok.is_word and tok.text[0].islower() and ADJECTIVE_END.search(tok.text) \
                and tok.text not in FUNCTION_WORDS and tok.text not in ENGLISH_ONLY and not attributive_position(toks, k):
            break  # `Pi zeigte`: a verb, not an adjective before a noun
        elif tok.is_word and (tok.text in FUNCTION_WORDS or tok.text in ENGLISH_ONLY or ADJECTIVE_END.search(tok.text)) \
                and tok.text not in _NOT_IN_TITLES:
            if view.word(k + 1) in CHANNELS:
                break  # `die Serie Blood Sisters auf Netflix`: where it runs, not its title
            if tok.text in ARTICLES and all(is_english(t.text) or t.text.lower() in ENGLISH_ONLY for t in toks[i:k]):
                break  # `in Perfect Days den Toilettenputzer spielen`: an English title, then German words
            pass  # `Der Mann ohne …`, `Top of the Lake`
        else:
            break
        k += 1
        if k - i > 12:
            break
    return last


# Adverbs and conjunctions: an unquoted title does not run on over them.
_NOT_IN_TITLES = frozenset((
    "nicht", "auch", "nur", "schon", "noch", "immer", "wieder", "sehr", "ganz", "so", "als", "wie",
    "dann", "da", "hier", "nun", "jetzt", "doch", "aber", "denn", "sondern", "mal", "erst", "bereits",
    "selbst", "sogar", "zwar", "etwa", "ob", "weil", "wenn", "dass", "daß", "obwohl", "während",
))


def attributive_position(toks: list[Token], k: int) -> bool:
    """An adjective inside a title follows an article or another adjective: `die sexuellen Neurosen`."""
    prev = toks[k - 1] if k > 0 else None
    return prev is not None and prev.is_word and (
        prev.text.lower() in FUNCTION_WORDS or (prev.text[0].islower() and bool(ADJECTIVE_END.search(prev.text))))


def titles_opened_by(view: SentenceView, openers: frozenset[str], min_tokens: int, in_prose: bool = False) -> list[Candidate]:
    """Unquoted titles that a capitalized word opens mid-sentence, after a word (`Wer Das
    weiße Band mochte`, `seit So finster die Nacht`): a title run of `min_tokens` or more
    that ends capitalized; `in_prose`: only after a lower-case word (no headline in title case)."""
    out, toks = [], view.tokens
    for k in range(1, len(toks) - 1):
        if toks[k].text not in openers or not toks[k - 1].is_word \
                or in_prose and not any(t.is_word and t.text[:1].islower() for t in toks[:k]):
            continue
        j = title_run(view, k)
        if j - k >= min_tokens and toks[j - 1].is_cap:
            start, end = view.span(k, j)
            out.append(Candidate(start, end, "film", "title-start", year_after(view, j)))
    return out


def title_start_before(view: SentenceView, k: int) -> tuple[int | None, bool]:
    """Where the title that ends at token k-1 (before a year) starts, and whether a
    capitalized article opens it. Walks back over capitalized words, numbers, function
    words and attributive adjectives; stops at punctuation, a verb, a cue noun, or a
    genitive that belongs to a person (`Martin Scorseses Taxi Driver`, but `Leningrad
    Cowboys Go America` is one title). A capitalized article in that stretch opens the
    title (`mit Der junge Törless`, `Die Ehe der Maria Braun`); without one, only the
    words of `TITLE_INNER` and English ones may be lower-case."""
    toks = view.tokens
    i = k
    while i > 0 and k - i < 10:
        tok = toks[i - 1]
        if tok.is_number or _ampersand(toks, i - 1):
            pass
        elif not tok.is_word:
            break
        elif tok.is_cap:
            if is_cue_noun(tok.text) and tok.text not in KIN_NOUNS:
                break
            if i < k and genitive_form(tok.text) and not is_given(tok.text):
                before = toks[i - 2] if i >= 2 else None
                if before is None or not (before.is_word and before.is_cap) or is_given(before.text):
                    break
        elif not (tok.text in FUNCTION_WORDS or tok.text in ENGLISH_LOWER
                  or (ADJECTIVE_END.search(tok.text) and i < k and toks[i].is_cap)):
            break
        i -= 1
    article = next((m for m in range(i, k) if toks[m].text in CAPITALIZED_ARTICLES), None)
    if article is not None and article < k - 1:
        return article, True
    start = k
    while start > i and (toks[start - 1].is_cap or toks[start - 1].is_number or _ampersand(toks, start - 1)
                         or toks[start - 1].text in TITLE_INNER or toks[start - 1].text in ENGLISH_ONLY):
        start -= 1
    while start < k and not (toks[start].is_cap or toks[start].is_number):
        start += 1  # a title opens capitalized
    if start == k or (start == 0 and k == 1 and toks[0].text.lower() in FUNCTION_WORDS):
        return None, False
    if start == 0 and k > 1 and (toks[0].text.lower() in LEADING_PREPOSITIONS or toks[0].text.lower() in _NOT_IN_TITLES):
        start = 1  # `Nach Dogtooth (2009)`, `Schon Kinetta (2005)`; `Im Juli (2000)` stays
    return start, False


def _ampersand(toks: list[Token], k: int) -> bool:
    """`Deadpool & Wolverine`, `Thelma & Louise`: `&` between capitalized words joins one title."""
    return toks[k].text == "&" and 0 < k < len(toks) - 1 and toks[k - 1].is_cap and toks[k + 1].is_cap


def after_genitive_name(view: SentenceView, k: int) -> tuple[int, int] | None:
    """`Fassbinders Angst essen Seele auf (1974)`, `Wenders' Der Himmel über Berlin (1987)`:
    a name in the genitive opens the title that the year at token k closes. Returns the
    title's first token and the name's last, when the name lies within eight words before
    k with only words that are not cue nouns between, and the title is one a capitalized
    run could not have found (it holds lower-case words or opens with `Der`, `Was`…) or
    follows a genitive apostrophe. The farthest such name wins: `Olivier Peeles Lowlands
    Rising` has a genitive inside its title."""
    toks = view.tokens
    found = None
    for g in range(k - 2, max(k - 10, -1), -1):
        tok = toks[g]
        if g > 0 and genitive_apostrophe(toks, g) and toks[g + 1].is_cap:
            return g + 1, g - 1  # `Wenders’ Der Himmel über Berlin`
        if not tok.is_word or is_cue_noun(tok.text):
            break
        if is_name_word(tok) and genitive_form(tok.text) and not is_given(tok.text) and toks[g + 1].is_cap:
            title = toks[g + 1 : k]
            if any(not t.is_cap for t in title) or title[0].text.lower() in TITLE_STARTS:
                found = (g + 1, g)
    return found


_LINKS = ENGLISH_ONLY | {"der", "des"}


def english_title_after_full_genitive(view: SentenceView, k: int) -> bool:
    """`Francis Ford Coppolas Apocalypse Now`, `Tim Mielants’ Small Things`: after the
    genitive of a full name (a given name first), two capitalized words that are neither
    cue nouns nor German function words begin a title; German prose seldom has two
    capitalized words in a row (`Spielbergs Kamera` has one)."""
    toks = view.tokens
    plain = lambda t: t.is_word and t.is_cap and not is_cue_noun(t.text) and t.text.lower() not in FUNCTION_WORDS
    if k + 1 >= len(toks) or not plain(toks[k]):
        return False
    if not plain(toks[k + 1]) and not (toks[k + 1].text in _LINKS and k + 2 < len(toks) and plain(toks[k + 2])):
        return False  # two capitalized words, or `Lichter der Großstadt`, `Hell or High Water`
    name_end = k - 2 if toks[k - 1].text in ("'", "’") and k >= 2 else k - 1
    prev = toks[name_end]
    if name_end == k - 1 and not genitive_form(prev.text) or name_end < k - 1 and prev.text[-1] not in "sxzß":
        return False
    return name_end >= 1 and is_given(toks[name_end - 1].text) and is_name_word(prev) \
        and (not is_given(toks[k].text) or view.name_run(k) - k < 2)


def split_at_known_titles(found: list, names: dict[int, str], written: dict[int, str], titles: set[str], known) -> set[str]:
    """`zwischen Der graue Hafen und Das kalte Herz`: a title run that went on past `und`
    is two films when the words on one side are a title the review or the archive names
    elsewhere; `found` (candidate, sentence), `names` and `written` (by the candidate's id)
    change in place. The titles, updated."""
    out, named = set(titles), titles | known.films | known.review_films
    for n, (c, s) in enumerate(list(found)):
        name = names[id(c)]
        if c.kind != "film" or " und " not in name or len(name) != c.end - c.start \
                or name in known.films or name in known.review_films:  # the archive knows the whole
            continue
        cut = next((p for p in _und_positions(name) if {name[:p], name[p + 5 :]} & (named - {name})), None)
        if cut is None or not name[cut + 5 :][:1].isupper():
            continue
        left = type(c)(c.start, c.start + cut, "film", c.cue, None, c.genitive_context, c.rule)
        right = type(c)(c.start + cut + 5, c.end, "film", c.cue, c.year, c.genitive_context, c.rule)
        found[found.index((c, s))] = (left, s)
        found.append((right, s))
        for part, text in ((left, name[:cut]), (right, name[cut + 5 :])):
            names[id(part)] = written[id(part)] = text
        out.discard(name)
        out |= {name[:cut], name[cut + 5 :]}
    return out


def _und_positions(name: str) -> list[int]:
    at, out = name.find(" und "), []
    while at >= 0:
        out.append(at)
        at = name.find(" und ", at + 1)
    return out
