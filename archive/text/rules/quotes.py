"""Titles in quotation marks of every style (`„Shut In“`, `»Drive«`, `*Drive*`),
unless they are speech, a term, a nickname, a song or a book."""

from __future__ import annotations

from archive.text.rules.registry import rule

from archive.text.german import is_noun
from archive.text.lexicon import ARTICLES, COMPOUND_HEADS
from archive.text.tokens import Token
from archive.text.view import Candidate, SentenceView, genitive_apostrophe, year_after
from archive.text.words import (
    ARTICLES_CAPITALIZED,
    OPEN_QUOTES,
    OTHER_WORKS,
    SINGING,
    SPEECH_VERBS,
    genitive_form,
    is_character_noun,
    is_given,
    is_name_word,
    is_plain_noun,
    is_work_noun,
)


@rule("film.quoted", priority=90, triggers=OPEN_QUOTES, examples={
    "Der Thriller „Nebelhafen“ läuft ab Donnerstag.": {"Nebelhafen": "film"},
    "Damals kannte jeder Zandors „Sternwind“-Songtext.": {"Zandors": "person"},
})
def _quoted_titles(view: SentenceView) -> list[Candidate]:
    out = []
    toks = view.tokens
    i = 0
    while i < len(toks):
        tok = toks[i]
        closers = OPEN_QUOTES.get(tok.text)
        if closers is None or (tok.text in "'\"" and i > 0 and toks[i - 1].end == tok.start and toks[i - 1].is_word):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and toks[j].text not in closers:
            j += 1
        if j >= len(toks) or j == i + 1:
            i += 1
            continue
        if tok.text == "*" and not _markdown_emphasis(view, i, j):
            i += 1
            continue
        if i > 0 and is_given(toks[i - 1].text) and j + 1 < len(toks) and is_name_word(toks[j + 1]) \
                and toks[j + 1].text not in ARTICLES_CAPITALIZED:
            i = j + 1  # `Silke »Alberich« Haller`: a nickname inside a name, not a title
            continue
        inner = toks[i + 1 : j]
        tail = _glued_tail(view, j)
        maker = _maker_before_quote(view, i)
        if maker:  # `Falcos „Titanic“`, `Hirokazu Kore-edas „…“`: whoever made it
            out.append(Candidate(*maker, "person", "given"))
        if tail and any(tail.startswith(w) for w in OTHER_WORKS):
            i = j + 1  # `„Titanic“-Songtext`: a song
            continue
        if i > 0 and is_character_noun(toks[i - 1].text) and len(inner) <= 3 and all(t.is_cap for t in inner):
            # `der Kinosuperheld „Birdman“`: a figure's name in quotes
            out.append(Candidate(inner[0].start, inner[-1].end, "character", "character-cue"))
            i = j + 1
            continue
        if len(inner) == 1 and is_plain_noun(inner[0].text) and view.word(i - 1) == "(" and view.word(j + 1) == ")":
            i = j + 1  # `die Befreiung („Erlösung“)`: a gloss on a word, no title
            continue
        if tail in COMPOUND_HEADS or tail and is_work_noun(tail) or _looks_like_title(view, i, j, inner):
            start, end = inner[0].start, inner[-1].end
            while end > start and view.text[end - 1] in ".,;:":  # „Titel.“ keeps its own !? only
                end -= 1
            out.append(Candidate(start, end, "film", "quoted", year_after(view, j + 1)))
            if i > 1 and genitive_apostrophe(toks, i - 1):
                # `Yorgos Lanthimos’ „Arme Kreaturen“`: whoever made it, given name known or not
                first = i - 2
                while first > 0 and i - 2 - first < 2 and is_name_word(toks[first - 1]) and toks[first - 1].is_cap:
                    first -= 1
                ps, pe = view.span(first, i - 1)
                out.append(Candidate(ps, pe, "person", "given"))
        i = j + 1
    return out


def _maker_before_quote(view: SentenceView, i: int) -> tuple[int, int] | None:
    """A name in the genitive right before an opening quote, not at the sentence's start
    and no German noun: `Falcos „Titanic“`. Its offsets, given names before it included."""
    toks = view.tokens
    before = toks[i - 1] if i > 1 else None
    if before is None or not (before.is_cap and genitive_form(before.text) and is_name_word(before)) \
            or is_noun(before.text) or before.end == toks[i].start:
        return None
    first = i - 1
    while first > 1 and i - 1 - first < 2 and is_name_word(toks[first - 1]) and not is_noun(toks[first - 1].text):
        first -= 1
    return view.span(first, i)


def _glued_tail(view: SentenceView, j: int) -> str:
    """The compound tail glued to a closing quote at token j: `„Twilight“-Saga` -> `Saga`."""
    toks = view.tokens
    if j + 2 < len(toks) and toks[j + 1].text in "-‐" and toks[j + 1].start == toks[j].end \
            and toks[j + 2].start == toks[j + 1].end and toks[j + 2].is_word:
        return toks[j + 2].text
    return ""


def _markdown_emphasis(view: SentenceView, i: int, j: int) -> bool:
    """`*Drive*`: single asterisks hugging their words (Markdown italics, used for titles)."""
    toks = view.tokens
    return (toks[i + 1].start == toks[i].end and toks[j].start == toks[j - 1].end
            and view.word(i - 1) != "*" and view.word(j + 1) != "*"
            and not (i > 0 and toks[i - 1].end == toks[i].start))


def _looks_like_title(view: SentenceView, i: int, j: int, inner: list[Token]) -> bool:
    first = inner[0]
    if not (first.is_cap or first.is_number):
        return False
    words = [t for t in inner if t.is_word]
    if not words or len(words) > (8 if view.tokens[i].text == "*" else 12):
        return False
    if any(t.text in ("·", "|", "•") for t in inner):
        return False  # `*Gepostet am 12. März von … · Kategorie: …*`: a byline, not a title
    if view.word(j + 1) == "," and view.word(j + 2) in SPEECH_VERBS:
        return False
    before = view.word(i - 1)
    if before in OTHER_WORKS or any(view.word(m) in SINGING for m in (*range(i - 3, i), *range(j + 1, j + 7))):
        return False  # `den Song »Moon River«`, `singt sie »Greatest Love of All« von …`
    if before.lower() in ARTICLES and not is_work_noun(view.word(i - 2)) and i >= 1:
        # `die »Beauty Pageants«`: an article right before quotes marks a quoted term
        return False
    return True
