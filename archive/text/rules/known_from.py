"""The works an actor is known from: `die man aus Nordlicht und Civil War kennt`, `kennt
man aus Tatort`, `bekannt aus Der Untergang`. German says so of films and series, so each
item is a title, whatever words it holds; an article, a place, a plural or abstract noun
alone, a genitive before a noun or a lower-case last word says it is none (`aus der Serie
X`, `aus Berlin`, `aus Filmen`, `aus Erfahrung`, `aus Tschechows Stücken`, `aus Angst
schweigt`)."""

from __future__ import annotations

from archive.text.german import is_place
from archive.text.lexicon import words
from archive.text.rules.registry import rule
from archive.text.view import Candidate, SentenceView
from archive.text.tokens import Token
from archive.text.words import genitive_form, is_cue_noun, is_given, is_plain_noun

KNOWING_WORDS = words("knowing_words")
_IDIOMS = words("source_idioms")  # `durch Zufall`, `bekannt aus Funk und Fernsehen`
_SOURCES = frozenset(("aus", "durch"))
_JOINS = frozenset((",", "und", "oder", "sowie"))
_MAX_ITEM = 6  # tokens
_PLURAL_ENDS = ("en", "ern", "s", "e")  # `aus Filmen`, `aus Interviews`: no article, so a plural noun
_ABSTRACT_ENDS = ("ung", "heit", "keit", "schaft", "ion", "tät", "nis", "tum")  # `aus Erfahrung`, `durch Zufall`


def _items(view: SentenceView, k: int, stop: int) -> list[tuple[int, int]] | None:
    """Token ranges of the items from k to stop, split at `,`, `und`, `oder`, `sowie`;
    None when one of them is no title."""
    toks, out, i = view.tokens, [], k
    while i < stop:
        j = i
        while j < stop and toks[j].text not in _JOINS:
            j += 1
        if not _a_title(view, i, j):
            return None
        out.append((i, j))
        i = j + 1
    return out or None


def _a_title(view: SentenceView, i: int, j: int) -> bool:
    toks = view.tokens
    if not 0 < j - i <= _MAX_ITEM or not (toks[i].is_word and toks[i].is_cap) or toks[i].text.isupper() \
            or toks[j - 1].is_word and not toks[j - 1].is_cap:
        return False  # `Wer aus Angst schweigt, kennt …`: a verb ends it
    first = toks[i].text
    if is_place(first) or is_cue_noun(first) or any(not t.is_word and t.text not in "'’&:-" for t in toks[i:j]):
        return False  # `aus Berlin`, `aus dem Theater`; a quote, a bracket: another rule's
    if j - i == 1:
        return not (is_plain_noun(first) and first.endswith(_PLURAL_ENDS + _ABSTRACT_ENDS)) and first not in _IDIOMS
    if genitive_form(first) and toks[i + 1].is_cap or is_given(first) and toks[i + 1].is_cap and not is_plain_noun(toks[i + 1].text):
        return False  # `aus Tschechows Stücken`, `bekannt durch Wim Wenders`
    return True


@rule("film.known-from", priority=65, triggers=KNOWING_WORDS, also=(_SOURCES,), examples={
    "Ute Klasen, die man aus Nordlicht und Kalter Hafen kennt, spielt die Mutter.": {
        "Ute Klasen": "person", "Nordlicht": "film", "Kalter Hafen": "film"},
    "Tom Ellery kennt man aus Wellenbrecher, hier ist er der Vater.": {"Wellenbrecher": "film"},
    "Ute Klasen, bekannt aus Graue Wellen, spielt mit.": {"Graue Wellen": "film"},
})
def _known_from(view: SentenceView) -> list[Candidate]:
    """`aus X und Y kennt`: the items between `aus` and the verb; `kennt man (ihn) aus X`,
    `bekannt aus X`: the items from `aus` or `durch` to the clause's end."""
    toks, out = view.tokens, []
    for k, tok in enumerate(toks[:-1]):
        if tok.text not in _SOURCES:
            continue
        verb = next((m for m in range(k + 1, min(k + 2 + 3 * _MAX_ITEM, len(toks)))
                     if toks[m].text in KNOWING_WORDS or toks[m].text in ".;:!?()„“\"" or _clause_comma(toks, m)), None)
        if verb is not None and toks[verb].text in KNOWING_WORDS and tok.text == "aus":
            stop = verb  # `die man aus X kennt`, `aus X bekannt`
        elif any(t.text in KNOWING_WORDS for t in toks[max(0, k - 3) : k]):
            stop = next((m for m in range(k + 1, len(toks)) if toks[m].text in ".;:!?()" or _clause_comma(toks, m)),
                        len(toks))  # `bekannt aus X, spielt`
        else:
            continue
        for i, j in _items(view, k + 1, stop) or ():
            start, end = view.span(i, j)
            out.append(Candidate(start, end, "film", "title-start"))
    return out


def _clause_comma(toks: list[Token], m: int) -> bool:
    """Token m is a comma that ends the clause (`bekannt aus X, spielt`), not one between
    two items (`aus X, Y und Z`): no capitalised word follows it."""
    return toks[m].text == "," and not (m + 1 < len(toks) and toks[m + 1].is_cap)
