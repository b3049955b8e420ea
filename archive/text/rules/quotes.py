"""Titles in quotation marks of every style (`„Shut In“`, `»Drive«`, `*Drive*`),
unless they are speech, a term, a nickname, a song or a book."""

from __future__ import annotations

from archive.text.rules.registry import rule

from archive.text.german import is_noun
from archive.text.lexicon import ARTICLES, COMPOUND_HEADS, words
from archive.text.tokens import Token
from archive.text.view import Candidate, SentenceView, genitive_apostrophe, year_after
from archive.text.words import (
    ARTICLES_CAPITALIZED,
    CLOSE_QUOTES,
    OPEN_QUOTES,
    OTHER_WORKS,
    SINGING,
    SPEECH_VERBS,
    genitive_form,
    is_character_noun,
    is_given,
    is_name_word,
    is_other_work,
    is_plain_noun,
    is_work_noun,
)


@rule("film.quoted", priority=90, triggers=OPEN_QUOTES, examples={
    "Der Thriller „Nebelhafen“ läuft ab Donnerstag.": {"Nebelhafen": "film"},
    "Damals kannte jeder Zandors „Sternwind“-Songtext.": {"Zandors": "person"},
})
def quoted_titles(view: SentenceView) -> list[Candidate]:
    """Each quotation in the sentence, read by `_quoted`."""
    return [c for i, j in _quotations(view) for c in _quoted(view, i, j)]


def _quotations(view: SentenceView):
    """The token indexes (opening, closing) of each quotation in the sentence, in order."""
    toks, i = view.tokens, 0
    while i < len(toks):
        j = _closing_quote(view, i)
        if j is None:
            i += 1
            continue
        yield i, j
        i = j + 1


def rejected_quotes(view: SentenceView) -> list[tuple[int, int]]:
    """The spans of the quotations `_quoted` read as no title (speech, a term, a song, a
    book, a sentence with its own full stop): the second pass finds no film inside them,
    though their words are a title elsewhere (`treten dem „Club X“ bei`, `sagt „X.“`)."""
    out, toks = [], view.tokens
    for i, j in _quotations(view):
        start, end = toks[i].start, toks[j].end
        if not any(c.kind == "film" and start <= c.start < end for c in _quoted(view, i, j)):
            out.append((start, end))
    return out


def _closing_quote(view: SentenceView, i: int) -> int | None:
    """The token that closes a quotation opening at token i (not an apostrophe glued to a
    word, not an empty quote, `*` only as Markdown emphasis)."""
    toks = view.tokens
    tok = toks[i]
    closers = OPEN_QUOTES.get(tok.text)
    if closers is None or (tok.text in "'\"" and i > 0 and toks[i - 1].end == tok.start and toks[i - 1].is_word):
        return None
    j = next((m for m in range(i + 1, len(toks)) if toks[m].text in closers), None)
    if j is None or j == i + 1 or tok.text == "*" and not _markdown_emphasis(view, i, j):
        return None
    return j


def _quoted(view: SentenceView, i: int, j: int) -> list[Candidate]:
    """What the quotation from token i to j holds: a nickname inside a name (`Silke
    »Alberich« Haller`: nothing), a song (`„Titanic“-Songtext`), a figure after a
    character noun (`der Kinosuperheld „Birdman“`), a gloss (`(„Erlösung“)`), or a title;
    and whoever made it, named in the genitive before it."""
    toks = view.tokens
    if i > 0 and is_given(toks[i - 1].text) and j + 1 < len(toks) and is_name_word(toks[j + 1]) \
            and toks[j + 1].text not in ARTICLES_CAPITALIZED:
        return []
    inner, tail = toks[i + 1 : j], _glued_tail(view, j)
    maker = _maker_before_quote(view, i)
    out = [Candidate(*maker, "person", "given")] if maker else []
    if tail and any(tail.startswith(w) for w in OTHER_WORKS):
        return out
    if i > 0 and is_character_noun(toks[i - 1].text) and len(inner) <= 3 and all(t.is_cap for t in inner):
        return out + [Candidate(inner[0].start, inner[-1].end, "character", "character-cue")]
    if len(inner) == 1 and is_plain_noun(inner[0].text) and view.word(i - 1) == "(" and view.word(j + 1) == ")":
        return out
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
            out.append(Candidate(*view.span(first, i - 1), "person", "given"))
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


_TERM_BEFORE = frozenset("im am zum zur beim vom ins als".split())
_GLOSS_BEFORE = frozenset(("übersetzt", "wörtlich", "bedeutet", "bedeuten"))  # `übersetzt „…“`, `zu Deutsch „…“`: a gloss
_PROGRAMMES = words("programme_series")
_FIRST_PERSON = frozenset("Ich Wir Mir Mich Uns".split())
_RELATIVE = frozenset("der die das den dem denen deren dessen".split())


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
    if inner[-1].text == "." and len(words) >= 3 and len(inner[-2].text) > 1:
        return False  # `„Angst essen Seele auf.“`: a sentence quoted with its own full stop
    before = view.word(i - 1)
    if before == ":" and SPEECH_VERBS & {view.word(m) for m in range(i - 5, i - 1)}:
        return False  # `fragt sie nur: „Was heißt das?“`: speech
    if len(words) >= 7 and any(t.text == "," for t in inner) and not is_work_noun(before) \
            and 3 * sum(t.text[0].islower() for t in words) >= 2 * len(words):
        return False  # a quoted sentence, lower-case words, a comma: a quotation, not a title
    if is_other_work(before) or before == "," and is_other_work(view.word(i - 2)) or _sung(view, i, j):
        return False  # `den Song »Moon River«`, `ein altes Volkslied, „X“`, `singt sie »Greatest Love of All« von …`
    if view.word(j + 1) in _CALLING and _CALLED & {view.word(m) for m in range(i - 4, i)} \
            or before == "zu" and any(view.word(m).lower().startswith("tanz") for m in range(i - 4, i - 1)):
        return False  # `wenn sie ihn „Moritz“ nennt`, `von Boerne gern „X“ genannt`: someone called so (not `hat
        # „X“ als Vorbild genannt`); `Tanz zu „Boogie Wonderland“`: a song
    if before in _PROGRAMMES:
        return False  # `in seiner Reihe „Weltkino am Mittwoch“`: a programme of screenings
    if before.lower() in _GLOSS_BEFORE or before == "Deutsch" and view.word(i - 2) in ("zu", "auf") \
            or before == "," and _after_original_title(view, i - 1):
        return False  # `heißt übersetzt „Wie wollt ihr leben?“`, `Der Originaltitel „X“, „Y“`: a translation
    if len(words) >= 7 and first.text in _FIRST_PERSON and words[1].text[:1].islower():
        return False  # `„Ich wollte einen Film über das Schweigen machen“`: someone's words
    if view.word(i - 2) == "," and before in _RELATIVE and _verb_final(view, j + 1):
        return True  # `für alle, die „Solaris“ lieben,`: a relative pronoun, no article
    if before == "als" and view.word(i - 2) == "," and _verb_final(view, j + 1):
        return True  # `2017, als „X“ Millionen vor den Fernseher lockte,`: a conjunction, no label
    if (before.lower() in ARTICLES or before in _TERM_BEFORE) and not is_work_noun(view.word(i - 2)) and i >= 1:
        # `die »Beauty Pageants«`, `zur „Null-Toleranz-Politik“`, `nur als „Unseen Arkham
        # Prisoner“`: an article (also with a preposition) or `als` right before quotes
        # marks a quoted term or label
        return False
    return True


_CALLING = frozenset("nennt nennen nannte nannten genannt ruft rufen rief riefen".split())
_CALLED = frozenset("ihn sie es mich dich uns euch von".split())  # whom one calls so, or by whom


def _verb_final(view: SentenceView, k: int) -> bool:
    """The clause from token k to the next comma or the sentence's end ends in a word in
    lower case, as a relative clause ends in its verb (`die „X“ lieben,`); an apposition
    ends in a noun (`die »Neuen Wilden« des Kinos,`)."""
    toks = view.tokens
    end = next((m for m in range(k, len(toks)) if toks[m].text in _CLAUSE_ENDS), len(toks))
    last = toks[end - 1] if end > k else None
    return last is not None and last.is_word and last.text[:1].islower()


def _sung(view: SentenceView, i: int, j: int) -> bool:
    """A verb of singing beside the quotation from token i to j (`singt sie »X«`, `»X«
    sang sie`), past a film it was sung for (`„X“ für „Y“ sang`: X is the song, and Y,
    after `für` and another quotation, the film)."""
    if view.word(i - 1) == "für" and view.word(i - 2) in CLOSE_QUOTES:
        return False
    after = j + 7
    if view.word(j + 1) == "für" and view.word(j + 2) in OPEN_QUOTES:
        after = next((m for m in range(j + 3, len(view.tokens)) if view.word(m) in CLOSE_QUOTES), j) + 3
    clause_end = next((m for m in range(j + 2, after) if view.word(m) in _CLAUSE_ENDS), after)  # not `„X“ von
    # Männern, die kaum singen`: the singing of another clause
    return any(view.word(m) in SINGING for m in (*range(i - 3, i), *range(j + 1, clause_end)))


_CLAUSE_ENDS = frozenset(",;.:!?")  # what ends a clause: after a quotation, the scope of its verb


_DECLINED_BEFORE = frozenset("dem den des der im am zum vom beim ins".split())  # `mit dem`, `zum`: a case's article


def declined_titles(view: SentenceView, films: set[str]) -> list[tuple[int, int, str]]:
    """A title with its article (`films` open with `Der`, `Die`, `Das`), quoted without it after a declined one (`mit dem
    „Knochenmann“`, `zum „Knochenmann“` where the review names `Der Knochenmann`): the
    quotation the first pass read as a term is that film. Its span and the film's name."""
    toks = view.tokens
    if not any(t.text in OPEN_QUOTES for t in toks):
        return []
    tails = {f.split(" ", 1)[1]: f for f in films}
    out = []
    for i, j in _quotations(view):
        inner = view.text[toks[i].end : toks[j].start]
        if i > 0 and view.word(i - 1).lower() in _DECLINED_BEFORE and inner in tails:
            out.append((toks[i + 1].start, toks[j - 1].end, tails[inner]))
    return out


def _after_original_title(view: SentenceView, comma: int) -> bool:
    """The comma at token `comma` follows a quoted original title (`Der Originaltitel
    lautet „X“, „Y“`): what is quoted next is its gloss."""
    close = comma - 1
    if close < 2 or view.word(close) not in CLOSE_QUOTES:
        return False
    opening = next((m for m in range(close - 1, max(-1, close - 14), -1) if view.word(m) in OPEN_QUOTES), None)
    return opening is not None and bool({view.word(m) for m in range(opening - 3, opening)} & _ORIGINAL_CUES)


_ORIGINAL_CUES = frozenset(("Originaltitel", "Original", "lautet", "Originaltitels"))
