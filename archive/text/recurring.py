"""Characters of a plot summary that no cue introduces: a single name used again and again.

Critics name real people by their surname, which the rules find with a cue (`Regisseur X`,
a full name first). A plot summary names its figures by one name, often one no lexicon
knows (`Jeden Morgen geht Brakkeno zum Hafen`), and with no bracket or apposition. So a single
capitalised word that is no noun, no place and no part of a name already found, written
alone three times or more (once at least inside a sentence), is a character; and a full
name found only by its given name is a character when that given name then recurs alone
(`Tomás Varga kehrt heim … Tomás zögert … Tomás lacht`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from .german import is_noun, is_place
from .lexicon import ARTICLES, FUNCTION_WORDS, GIVEN_NAMES_THAT_ARE_NOUNS, KIN_NOUNS, words
from .names import family_name_first
from .view import Candidate, SentenceView
from .lexicon import CHANNELS
from .words import could_be_name, is_adjective, is_plain_noun

MIN_ALONE = 3  # a real person's surname recurs too, but a found one is never counted
MIN_GIVEN_ALONE = 2
MIN_ACTING_ALONE = 2  # fewer, when the name once opens a sentence as the subject of a plot verb


def _alone(view: SentenceView):
    """(word, its index) for each capitalised word with no name beside it."""
    toks = view.tokens
    # is_name_word of each token, once (a word's flags come from its text)
    named = [t.is_cap and t.is_word and could_be_name(t.text) for t in toks]
    last = len(toks) - 1
    for k, tok in enumerate(toks):
        if not (named[k] and len(tok.text) >= 3):
            continue
        if k > 1 and named[k - 1] and toks[k - 1].end == tok.start - 1:
            continue
        if k > 0 and toks[k - 1].text[-1:].isdigit():
            continue  # `120 Min.`, `3 Std.`: a unit after a number
        if k > 0 and toks[k - 1].text.lower() in _ARTICLES_BEFORE_NOUNS and is_noun(tok.text):
            continue  # `den Roman`, `des Romans`, `mit einem Ernst`: the noun, though a given name too
        if k < last and named[k + 1] and toks[k + 1].start == tok.end + 1:
            continue
        yield tok.text, k


_ARTICLES_BEFORE_NOUNS = ARTICLES | {"eines", "dieser", "diesen", "diesem", "dieses", "jener", "jenen"}


def recurring_characters(views: list[SentenceView], persons: set[str], films: set[str],
                         given_persons: set[str]) -> set[str]:
    """Names to take for characters: lone names that recur, and the given-name-only
    persons whose given name recurs alone (the full name and the given name)."""
    taken = {w for name in persons | films | given_persons for w in name.replace("-", " ").split(" ")} \
        - {name.split(" ")[0] for name in given_persons if not family_name_first(name)}
    counts: Counter[str] = Counter()
    before: Counter[tuple[str, str]] = Counter()  # (word, the word after it)
    inside: set[str] = set()
    acting: set[str] = set()
    for view in views[1:] if len(views) > 1 else views:
        for text, k in _alone(view):
            counts[text] += 1
            before[(text, view.word(k + 1))] += 1
            if k:
                inside.add(text)
            elif _plot_verb(view.word(1)) and view.word(1) not in MAKING_VERBS:
                acting.add(text)  # `Hirayama putzt öffentliche Toiletten`
    for full in given_persons:  # `Thomas Manns`: a given name before its surname (a noun too) is not alone;
        first, last = full.split(" ")[0], full.rsplit(" ", 1)[-1]  # a kin noun is a surname only when declined
        if before[(first, last + "s")] or before[(first, last)] and last not in KIN_NOUNS:  # as one (not `Tomás Vater`)
            counts[first] -= before[(first, last)] + before[(first, last + "s")]
    # fold the genitive (`Hirokos` with `Hiroko`)
    for word in list(counts):
        if word.endswith("s") and word[:-1] in counts:
            counts[word[:-1]] += counts[word]
            inside |= {word[:-1]} if word in inside else set()
    out: set[str] = set()
    for full in given_persons:
        first = full.split(" ")[0]
        last = full.rsplit(" ", 1)[-1]  # a real person is named again by the surname
        alone = counts[first] + counts[first + "s"] if first + "s" in counts and first not in counts else counts[first]
        if family_name_first(full):
            continue  # `Park` alone for `Park Chan-wook` is his family name, as a person is named
        if " " in full and alone >= MIN_GIVEN_ALONE and inside & {first, first + "s"} and alone > counts[last]:
            out |= {full, first}
    for word, n in counts.items():
        if n < (MIN_ACTING_ALONE if word in acting else MIN_ALONE) or word not in inside or word in taken \
                or word.endswith("s") and (
                word[:-1] in counts or word[:-1] in taken):  # `Bongs` of a found `Bong Joon-ho`
            continue
        if is_plain_noun(word) or is_place(word) or (word.isupper() and len(word) > 1) or word in CHANNELS:
            continue
        out.add(word)
    return out


def surnames_written_after(text: str, persons: set[str], lone: set[str]) -> set[str]:
    """`Apichatpong Weerasethakul …`, later `Weerasethakul` alone: a lone name that recurs,
    which the review also writes right after a person's one-word name, is that person's
    surname, and the two words are the person's full name (the rules found only the first,
    as `Apichatpongs Filme`)."""
    singles = [p for p in persons if " " not in p]
    if not singles or not lone:
        return set()
    return {f"{p} {w}" for w in lone if " " not in w for p in singles
            if re.search(rf"(?<!\w){re.escape(p)}\s{re.escape(w)}(?!\w)", text)}


# Before a noun used as a noun, not as a figure's name: `vor lauter Sorge`, `eine andere Hoffnung`.
# Not a definite article (`der Joker` names a figure), nor a preposition (`mit Standard`).
_NOUN_DETERMINERS = frozenset("ein eine einen einem einer eines kein keine keinen keinem keiner keines lauter viel "
                              "viele mehr wenig etwas solche solcher".split())


_CONTRACTED = frozenset("im am vom zum zur beim ins ans aufs".split())


def used_as_noun(view: SentenceView, start: int) -> bool:
    """The figure's name at offset `start` is a German noun used as one here: after an
    indefinite article or a determiner, or an adjective after one (`eine andere Hoffnung`),
    or a preposition with its article (`im Winter`)."""
    toks = view.tokens
    k = bisect_left(toks, start, key=lambda t: t.start)
    if k == len(toks) or toks[k].start != start or not (is_plain_noun(toks[k].text) or toks[k].text in GIVEN_NAMES_THAT_ARE_NOUNS):
        return False  # a given name that is mostly a noun counts (`mit einem Ernst`), not `eine Charlotte spielt`
    before = view.word(k - 1).lower()
    if before in _CONTRACTED and is_plain_noun(toks[k].text):
        return True  # `im Winter`, `im Park`: a preposition and its article
    return before in _NOUN_DETERMINERS or is_adjective(before) and view.word(k - 2).lower() in _NOUN_DETERMINERS


def quoted_noun_titles(found: list[tuple[Candidate, int]], names: dict[int, str]) -> set[str]:
    """Titles that are a German noun (`Heimat`, `Das Lehrerzimmer`) and that every cue
    found in quotation marks: a critic who quotes such a title quotes it each time, so
    the bare word elsewhere is the noun (`was aus Liebe wird`)."""
    cues: dict[str, set[str]] = {}
    for c, _ in found:
        if c.kind == "film":
            cues.setdefault(names[id(c)], set()).add(c.cue)
    return {title for title, seen in cues.items() if seen == {"quoted"} and _a_noun_title(title)}


def _a_noun_title(title: str) -> bool:
    words = title.split(" ")
    if len(words) == 2 and words[0].lower() in ARTICLES:
        words = words[1:]
    return len(words) == 1 and is_plain_noun(words[0])


WORK_SUBJECT_VERBS = words("work_subject_verbs")
MAKING_VERBS = words("making_verbs") | words("filming_verbs")
_QUOTES = "„“”»«›‹\"‚‘’'"


def figure_titles(found: list[tuple[Candidate, int]], names: dict[int, str], characters: set[str]) -> dict[str, bool]:
    """Titles that a first-pass cue also makes a figure's name (the film `X` about a woman
    called X: `X (Ute Klasen)`, `Xs Mutter`), each with whether every cue found the title
    quoted or as the heading (then a bare `X` is the figure, as a critic who quotes a
    title quotes it each time)."""
    cues: dict[str, set[str]] = {}
    for c, _ in found:
        if c.kind == "film" and names[id(c)] in characters:
            cues.setdefault(names[id(c)], set()).add(c.cue)
    return {title: seen <= {"quoted", "heading"} for title, seen in cues.items()}


def acts_as_figure(view: SentenceView, start: int, end: int, quoted_only: bool) -> bool:
    """A bare occurrence (offsets start..end) of a title that is also a figure's name is the
    figure: always when the review quotes the title, else when it is the subject of a
    verb no work is the subject of (`X pflegt ihre Mutter`, `Später verlässt X das Dorf`)."""
    text = view.text
    if text[start - 1 : start] in _QUOTES or text[end : end + 1] in _QUOTES:
        return False
    if quoted_only:
        return True
    toks = view.tokens
    k = bisect_left(toks, start, key=lambda t: t.start)
    j = bisect_left(toks, end, key=lambda t: t.start)
    return _plot_verb(view.word(j)) or _plot_verb(view.word(k - 1)) and (
        k == 1 or view.word(k - 2)[:1].isupper() or view.word(k - 2) in (",", "und", "dann"))


def _plot_verb(word: str) -> bool:
    """A lower-case finite verb in the third person singular (`pflegt`, `verlässt`), none
    that a work is the subject of."""
    return (len(word) > 3 and word.isalpha() and word.islower() and word.endswith("t")
            and word not in WORK_SUBJECT_VERBS and word not in FUNCTION_WORDS and not word.endswith("lich"))


def listed_with_a_film(text: str, c: Candidate, found: list[Candidate] | tuple, occurrences) -> bool:
    """A title used as a noun elsewhere stands in a list with another film of the sentence
    (`zwischen Heimat und Der graue Hafen`, `Heimat, Y oder Z`): here it is the title."""
    films = [o for o in found if o.kind == "film"] + [o for o, _ in occurrences if o.kind == "film" and o is not c]
    return any(text[o.end : c.start] in _LIST_GLUE or text[c.end : o.start] in _LIST_GLUE for o in films)


_LIST_GLUE = frozenset((" und ", " oder ", ", ", " sowie "))
