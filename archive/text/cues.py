"""The first pass of the extraction: in one sentence, the spans its cues mark as a
person, a character or a film. Quotation marks and work nouns around titles (`der
Thriller „Shut In“`, `sein neuer Film Drive`), a year after a title (`Walhalla Rising
(2009)`), given names and role nouns before persons (`Regisseur Refn`), and the ways
reviews introduce characters (`Irene (Carey Mulligan)`, `Figur des Travis Bickle`,
`X spielt Andreas`). Each rule proposes candidates; `first_pass` settles overlaps by
the strength of the cue. See docs/extraction.md."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass

from archive.text.lexicon import (
    ADDRESS_TITLES,
    ARTICLES,
    CAST_NOUNS,
    CHANNELS,
    CHARACTER_NOUNS,
    COMPOUND_HEADS,
    CREDIT_LABELS,
    ENGLISH_TITLE_STARTS,
    EVERYDAY_PERSON_NOUNS,
    FUNCTION_WORDS,
    GIVEN_NAMES_THAT_ARE_NOUNS,
    KIN_NOUNS,
    NAME_PARTICLES,
    NOT_GIVEN_NAMES,
    PERSON_NOUNS,
    PLAY_VERBS,
    SECOND_PARTICLES,
    SERIES_HEADS,
    TITLE_LABELS,
    WORK_NOUNS,
    Known,
    given_names,
)
from archive.text.german import is_noun, is_place
from archive.text.spans import Kind, Sentence, Taken
from archive.text.tokens import Token, make_token, tokenize

OPEN_QUOTES = {"*": "*", "„": "“”\"", "“": "”\"", "»": "«", "«": "»", "›": "‹", "‹": "›", "\"": "\"", "‚": "‘’'", "'": "'", "‘": "’"}
SPEECH_VERBS = frozenset("sagt sagte meint meinte erklärt erklärte ruft rief fragt fragte antwortet schreibt".split())
RELATIVE_STARTS = frozenset("was wer wie wo wenn dass daß warum".split())
_WORK_SUFFIXES = ("film", "films", "filme", "serie", "thriller", "drama", "dramas", "komödie", "krimi",
                  "western", "doku", "debüt", "streifen", "movie", "musical", "epos", "satire", "märchen")
_PERSON_SUFFIXES = ("regisseur", "regisseurin", "darsteller", "darstellerin", "schauspieler", "schauspielerin",
                    "filmer", "filmerin", "autor", "autorin", "produzent", "produzentin", "komponist",
                    "komponistin", "star", "sänger", "sängerin", "musiker", "musikerin", "kameramann")
_KIN_TAILS = tuple(k.lower() + e for k in KIN_NOUNS for e in ("", "n", "s") if len(k) >= 5)
_CHARACTER_SUFFIXES = ("figur", "protagonist", "protagonistin", "held", "heldin")
_ADJECTIVE_END = re.compile(r"(e|en|em|er|es|ste|sten|stem)$")
YEAR = re.compile(r"1[89]\d\d|20\d\d")

PRIORITY = {"bracket": 82, "list": 40, "genitive-year": 70, "title-start": 65, "quoted": 90, "play-object": 85, "role-cue": 80, "character-cue": 75, "paren-actor": 78, "given": 60,
            "work-cue": 55, "year-cue": 62, "compound": 50, "known": 45, "unknown": 30}


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    kind: Kind
    cue: str
    year: int | None = None
    # followed by what a genitive modifies (`Scorseses Taxi Driver`): True; by a genitive
    # apostrophe (`Wenders’ Film`, the name is whole): None
    genitive_context: bool | None = False


@functools.lru_cache(maxsize=65536)
def is_work_noun(word: str) -> bool:
    """`Film`, `Spätwestern`; not a kin noun that ends like one (`Halbschwestern`)."""
    return word in WORK_NOUNS or (word[:1].isupper() and word.lower().endswith(_WORK_SUFFIXES) and "-" not in word
                                  and not word.lower().endswith(_KIN_TAILS))


@functools.lru_cache(maxsize=65536)
def is_person_noun(word: str) -> bool:
    return word in PERSON_NOUNS or (word[:1].isupper() and word.lower().endswith(_PERSON_SUFFIXES))


@functools.lru_cache(maxsize=65536)
def is_character_noun(word: str) -> bool:
    return word in CHARACTER_NOUNS or (word[:1].isupper() and word.lower().endswith(_CHARACTER_SUFFIXES))


@functools.lru_cache(maxsize=65536)
def is_cue_noun(word: str) -> bool:
    """A noun that cues a mention, also a kin noun in the genitive (`seines Großvaters`)."""
    return (is_work_noun(word) or is_person_noun(word) or is_character_noun(word) or word in KIN_NOUNS
            or word[-1:] == "s" and (word[:-1] in KIN_NOUNS or word[-2:] == "es" and word[:-2] in KIN_NOUNS))


# Lower-case words of English titles: `I Hired a Contract Killer`, `Killers of the Flower Moon`.
ENGLISH_LOWER = frozenset("of the a an in on at to for and or with from by is my your his her our their".split())

# Capitalized mid-sentence, these begin a title rather than continue a name: `Akins Aus dem Nichts`.
TITLE_STARTS = ARTICLES | frozenset("aus in im am an auf vom von zum zur mit nach über unter wie was wer wo "
                                    "und oder als für ohne".split())


def is_name_word(tok: Token) -> bool:
    """Could be part of a name: capitalized, not a function word, not a noun that cues one,
    not built like an abstract German noun."""
    return tok.is_cap and tok.is_word and _could_be_name(tok.text)


@functools.lru_cache(maxsize=65536)
def _could_be_name(word: str) -> bool:
    return (word.lower() not in FUNCTION_WORDS and not is_cue_noun(word) and not looks_like_noun(word)
            and word not in ADDRESS_TITLES)


# Person nouns as compound tails: `Nachtportier` no, `Gelegenheitsarbeiter` yes.
_PERSON_TAILS = tuple(n.lower() for n in EVERYDAY_PERSON_NOUNS if len(n) >= 4)

_COMPOUND_PERSON_TAILS = tuple(n for n in _PERSON_TAILS if len(n) >= 7)

# Endings of German nouns that no name has (`Filmgeschichte`, `Freiheit`, `Verfilmungen`);
# not `-ung` alone: Hartung, Herzsprung.
_NOUN_ENDINGS = ("heit", "keit", "schaft", "ismus", "ität", "geschichte", "ungen", "ierung", "ation")


def looks_like_noun(word: str) -> bool:
    """`Filmgeschichte`, `Freiheit`; and compounds on a person noun, inflected or not
    (`Supermarktangestellten`, `Bauarbeiter`), but not names that end like one (`Neubauer`,
    `Hartmann`: the tails are seven letters or more)."""
    if word.endswith(_NOUN_ENDINGS):
        return True
    lower = word.lower()
    return any(stem.endswith(_COMPOUND_PERSON_TAILS) and len(stem) >= 10
               for stem in (lower, lower[:-1], lower[:-2]))


@functools.lru_cache(maxsize=65536)
def is_plain_noun(word: str) -> bool:
    """A German noun and no given name: alone, it is no name (`von Artikeln`,
    `seinen Chefredakteur (…)`); a cue for a name still wins (`Ehemann Standard (…)`)."""
    return is_noun(word) and not is_given(word)


@functools.lru_cache(maxsize=65536)
def is_given(word: str) -> bool:
    first = word.split("-")[0]
    return first in given_names() and word.lower() not in FUNCTION_WORDS


def split_compound(tok: Token) -> Token:
    """`Pusher-Reihe` -> `Pusher`; `Coster-Waldau` stays whole."""
    parts = re.split(r"[-‐]", tok.text)
    if len(parts) < 2:
        return tok
    keep = len(parts)
    while keep > 1 and (_lower_tail(parts[keep - 1]) or parts[keep - 1] in COMPOUND_HEADS
                        or is_work_noun(parts[keep - 1])):
        keep -= 1
    if keep == len(parts):
        return tok
    text = tok.text[: len("-".join(parts[:keep]))]  # both hyphens are one character
    return make_token(tok.start, tok.start + len(text), text)


def _lower_tail(part: str) -> bool:
    """A lower-case compound tail that is no part of a name: `Kitsch-as-Kitsch-can` is
    not a name, `Joon-ho` and `Yeo-jeong` are; `Hitchcock-artig` is an adjective."""
    return part[:1].islower() and (len(part) > 5 or part in ("artig", "haft", "esk", "like", "los", "voll", "mäßig"))


_ANY_PARTICLE = NAME_PARTICLES | SECOND_PARTICLES


class SentenceView:
    """One sentence's tokens with the helpers the cue rules share."""

    def __init__(self, text: str, index: int, sentence: Sentence):
        self.text = text
        self.index = index
        self.sentence = sentence
        self.tokens = tokenize(text, sentence.start, sentence.end)
        self.words = {t.text for t in self.tokens}  # to skip at once the rules it cannot feed

    def word(self, i: int) -> str:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def name_run(self, i: int, limit: int = 4, allow_genitive_inside: bool = False) -> int:
        """End index (exclusive) of the name starting at token i: name words and particles."""
        toks, j = self.tokens, i
        count = 0
        while j < len(toks) and count < limit:
            tok = toks[j]
            if j > i and tok.start - toks[j - 1].end > 0 and "\n\n" in self.text[toks[j - 1].end : tok.start]:
                break
            if _is_initial(toks, j) and (j > i or is_name_word(toks[j + 2]) or _is_initial(toks, j + 2)):
                j += 2  # `Samuel L. Jackson`, `J. J. Abrams`
                continue
            if is_name_word(tok) or (j > i and tok.is_cap and (tok.text in KIN_NOUNS or tok.text.lower() in
                                                                 FUNCTION_WORDS - TITLE_STARTS)):
                if count >= 3 and genitive_form(tok.text) and not allow_genitive_inside and not is_given(tok.text):
                    break  # `Jamie Lee Curtis Carmys Mutter`: a fourth word in the genitive is someone else's
                j += 1
                if tok.text.lower() not in _ANY_PARTICLE:  # `Nelson Carlos De Los Santos Arias`
                    count += 1
                if genitive_form(tok.text) and not allow_genitive_inside and not is_given(tok.text):
                    break
                if split_compound(tok) is not tok:
                    break
                continue
            # `von` and `zu` are German prepositions too: after a whole name (`Jan Müller von
            # Schuld`) they begin a phrase; right after a given name they are particles.
            german_preposition = tok.text in ("von", "vom", "zu", "zum") and count >= 2
            if j > i and j + 1 < len(toks) and not german_preposition and (
                    tok.text in NAME_PARTICLES or tok.text in SECOND_PARTICLES and toks[j - 1].text in NAME_PARTICLES):
                nxt = j + 1
                if toks[nxt].text in SECOND_PARTICLES and nxt + 1 < len(toks):
                    nxt += 1  # `von der Leyen`, `de la Iglesia`
                if is_name_word(toks[nxt]):
                    j = nxt
                    continue
            if tok.text in ("'", "’") and j > i and j + 1 < len(toks) and toks[j + 1].start == tok.end \
                    and toks[j - 1].end == tok.start and is_name_word(toks[j + 1]):
                j += 1
                continue
            break
        return j

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Offsets of tokens i..j-1, the last one cut to its name part if it is a compound."""
        last = split_compound(self.tokens[j - 1])
        return self.tokens[i].start, last.end


def _is_initial(toks: list[Token], j: int) -> bool:
    """`L.` of Samuel L. Jackson: one capital letter, a full stop, a name word after."""
    return (j + 2 < len(toks) and len(toks[j].text) == 1 and toks[j].is_cap and toks[j + 1].text == "."
            and toks[j + 1].start == toks[j].end and (toks[j + 2].is_cap and toks[j + 2].is_word))


@functools.lru_cache(maxsize=65536)
def genitive_form(word: str) -> bool:
    # not after an accented e: `Dantès`, `Agnès`, `Mercédès` are whole names
    return len(word) > 3 and word.endswith("s") and word[-2] not in "sxzßèéê" and word[-2].isalpha()


def find_candidates(view: SentenceView, known: Known) -> list[Candidate]:
    out: list[Candidate] = []
    for rule, needs in _RULES:
        if needs is None or not needs.isdisjoint(view.words):
            out.extend(rule(view))
    out.extend(_known_entities(view, known))
    for c in out:
        c.genitive_context = _genitive_context(view, c.end)
    return out


def _genitive_context(view: SentenceView, end: int) -> bool | None:
    rest = view.text[end : view.sentence.end]
    if rest[:1] in ("'", "’", "ʼ"):
        return None
    words = rest.split(None, 6)
    if not words:
        return False
    word = words[0]
    if word[0] in "„“»«›‹\"'‚":
        return True
    if word[0] == "(":  # `Jeunets („Delicatessen“) ideenreicher Film`: what follows the bracket counts
        close = rest.find(")", 0, 80)
        return False if close < 0 else _genitive_context(view, end + close + 1) is True
    word = word.strip(",.;:!?()")
    if not word:
        return False
    if word[0].isupper() or word[0].isdigit():
        return True  # `Scorseses Taxi Driver`, `Akins Aus dem Nichts`
    # an adjective before a noun (`Romaneks tieftraurigen Science-fiction`), not a verb
    # (`Jenkins gehören zu`): the word after it is capitalized
    if word.lower() in FUNCTION_WORDS or not _ADJECTIVE_END.search(word):
        return False
    for n, following in enumerate(words[1:]):  # `Jeunets ideenreicher, opulent ausgestatteter Märchenfilm`
        following = following.strip(",.;:!?")
        if following[:1].isupper():
            return n == 0 or is_noun(following)
        if not following or following.lower() in FUNCTION_WORDS:
            return False
    return False


def _genitive_apostrophe(toks: list[Token], a: int) -> bool:
    """Token a is the apostrophe of a genitive glued to a name: `Lanthimos’`, `Wenders'`."""
    return (toks[a].text in ("'", "’") and toks[a - 1].end == toks[a].start
            and toks[a - 1].text[-1] in "sxzß" and is_name_word(toks[a - 1]))


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
            out.append(Candidate(start, end, "film", "quoted", _year_after(view, j + 1)))
            if i > 1 and _genitive_apostrophe(toks, i - 1):
                # `Yorgos Lanthimos’ „Arme Kreaturen“`: whoever made it, given name known or not
                first = i - 2
                while first > 0 and i - 2 - first < 2 and is_name_word(toks[first - 1]) and toks[first - 1].is_cap:
                    first -= 1
                ps, pe = view.span(first, i - 1)
                out.append(Candidate(ps, pe, "person", "given"))
        i = j + 1
    return out


ARTICLES_CAPITALIZED = frozenset(a.capitalize() for a in ARTICLES)


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


# Works that are not films, and verbs of singing: a quoted title beside them is a song or a book.
OTHER_WORKS = frozenset("""Song Songs Lied Lieds Lieder Hit Schlager Album Single Platte Roman Romans Romane
    Buch Buches Bücher Novelle Erzählung Gedicht Theaterstück Stück Oper Sinfonie Symphonie Ballade Arie
    Zeitschrift Zeitung Magazin Artikel Essay Kurzgeschichte Bestseller Comic Hörspiel Podcast Videospiel
    Ausstellung Motto Slogan""".split())
SINGING = frozenset("singt sang singen gesungen summt summte trällert trällerte".split())


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


def _year_after(view: SentenceView, k: int) -> int | None:
    """`(2009)`, `(USA 2011)`, `(2011, Regie: X)` or `von 1976` right after token k-1;
    not a life date (`(geb. 1980)`, `(*1980)`) and not several years."""
    w = view.word(k)
    if w == "(":
        inside = []
        for m in range(k + 1, min(k + 12, len(view.tokens))):
            if view.tokens[m].text == ")":
                years = [t for t in inside if YEAR.fullmatch(t)]
                if len(years) == 1 and not LIFE_DATE_WORDS & set(inside) and (inside[0] == years[0] or inside[0][:1].isupper()):
                    return int(years[0])
                return None
            inside.append(view.tokens[m].text)
        return None
    if w in ("von", "aus") and YEAR.fullmatch(view.word(k + 1)):
        return int(view.word(k + 1))
    return None


LIFE_DATE_WORDS = frozenset({"geb", "geboren", "Jahrgang", "*", "†", "gest", "gestorben", "Jg"})


def _persons_by_given_name(view: SentenceView) -> list[Candidate]:
    out, toks, i = [], view.tokens, 0
    while i < len(toks):
        tok = toks[i]
        if not tok.is_cap or not (is_given(tok.text) or _is_initial(toks, i)):
            i += 1
            continue
        # `der Roman Stiller`: after an article a given name that is also a noun is the noun
        # (but `den Antonio Banderas spielt` is a relative clause and a name)
        # … and a given name between an article and `von` is a noun too (`die Romane von Mick Herron`)
        after_article = view.word(i - 1).lower() in ARTICLES and (
            tok.text in GIVEN_NAMES_THAT_ARE_NOUNS or view.word(i + 1) in ("von", "vom")
            or view.word(i - 1) in ("ein", "eine", "einen", "einem", "einer"))  # `so ein Golden Globe`
        if tok.is_word and not after_article:
            j = view.name_run(i)
            if j - i >= 2:
                start, end = view.span(i, j)
                out.append(Candidate(start, end, "person", "given"))
                i = j
                continue
        i += 1
    return out


# Before `von`, these say who made something: `unter der Regie von`, `inszeniert von`.
MADE_NOUNS = frozenset("Drehbuch Buch Musik Kamera".split())
MADE_BY = MADE_NOUNS | frozenset("Regie inszeniert gedreht geschrieben produziert komponiert erdacht verfilmt "
                                 "adaptiert".split())


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
        if tok.text == "von" and i > 0 and (toks[i - 1].text in "“”«»‹›\"" or is_work_noun(toks[i - 1].text)
                                            or toks[i - 1].text in MADE_BY):
            j = view.name_run(i + 1)
            # after a noun that is not a work (`Musik von Hamburg`), one word is too little
            whole = j - (i + 1) >= 2 or is_given(view.word(i + 1)) or toks[i - 1].text not in MADE_NOUNS
            if j == i + 2 and is_plain_noun(toks[i + 1].text):
                continue  # `eine Serie von Artikeln`
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
        if j > i + 1 and not (j == i + 2 and is_plain_noun(toks[i + 1].text)):
            start, end = view.span(i + 1, j)
            out.append(Candidate(start, end, "person", "role-cue"))
    return out


def _credits(view: SentenceView) -> list[Candidate]:
    """Credit lines: `Regie: Bong Joon-ho. Mit: Paula Beer, Franz Rogowski` give persons,
    `Originaltitel: The Bear` a title."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-2]):
        if toks[i + 1].text != ":" or not tok.is_word:
            continue
        if tok.text in TITLE_LABELS:
            k = i + 2
            j = k
            while j < len(toks) and toks[j].text not in ",;()." and not YEAR.fullmatch(toks[j].text):
                j += 1
            if j > k and toks[k].is_cap:
                start, end = view.span(k, j)
                out.append(Candidate(start, end, "film", "role-cue"))
            continue
        if tok.text not in CREDIT_LABELS:
            continue
        k = i + 2
        while k < len(toks):
            j = view.name_run(k)
            if j == k:
                break
            if j - k >= 2 or is_given(toks[k].text) or view.word(j) in (",", ".", "und", "/", "&", ";", ""):
                start, end = view.span(k, j)
                out.append(Candidate(start, end, "person", "role-cue"))
            if view.word(j) not in (",", "und", "/", "&"):
                break
            k = j + 1
    return out


def _backward_name_run(view: SentenceView, k: int, limit: int = 3) -> int:
    """Start index of the name that ends at token k-1, particles included (`Fernand de
    Morcerf`)."""
    toks, i, words = view.tokens, k, 0
    while i > 0 and words < limit and is_name_word(toks[i - 1]):
        i -= 1
        words += 1
        if i > 1 and toks[i - 1].text in NAME_PARTICLES and is_name_word(toks[i - 2]):
            i -= 1  # the particle; the name word before it comes next
            continue
        if i > 0 and genitive_form(toks[i - 1].text) and not is_given(toks[i - 1].text):
            break
    return i


def _characters_in_brackets(view: SentenceView) -> list[Candidate]:
    """`Irene (Carey Mulligan)`: character, then actor in brackets (or the other way round)."""
    out, toks = [], view.tokens
    for k, tok in enumerate(toks):
        if tok.text != "(":
            continue
        close = k + 1
        while close < len(toks) and toks[close].text != ")" and close - k < 16:
            close += 1
        if close >= len(toks) or toks[close].text != ")":
            continue
        inner_end = view.name_run(k + 1)
        if inner_end == k + 1 or inner_end != close and toks[inner_end].text != ",":
            continue  # `(Armie Hammer, „Lone Ranger“)`: the actor, then what else they played
        outer = _backward_name_run(view, k)
        if outer == k:
            if inner_end - (k + 1) >= 2 and k > 0 and toks[k - 1].is_cap and is_noun(toks[k - 1].text):
                out.append(Candidate(*view.span(k + 1, inner_end), "person", "paren-actor"))  # `des Pfarrers (…)`
            continue
        if k - outer == 1 and is_plain_noun(toks[outer].text) and not _kin(view.word(outer - 1)):
            if inner_end - (k + 1) >= 2:  # `seinen Chefredakteur (Jörg Hartmann)`: only the actor
                ps, pe = view.span(k + 1, inner_end)
                out.append(Candidate(ps, pe, "person", "paren-actor"))
            continue
        before = view.word(outer - 1)
        if k - outer >= 2 and (not is_given(toks[outer].text) or k - outer >= 3 and is_given(toks[outer + 1].text)) \
                and (before.lower() in ARTICLES or _is_adjective(before)):
            outer += 1  # `die Engel Damiel (…)`, `der arbeitslose Bergmann Taisto Kasurinen (…)`: a noun
        while k - outer >= 2 and _everyday_person(toks[outer].text):
            outer += 1  # `Ermittler Gedeon Winter (…)`
        given_at = next((m for m in range(outer, k) if is_given(toks[m].text)), outer)
        if given_at > outer:
            outer = given_at  # `der Gymnasiast Paul Bäumer (…)`: the name starts at the given name
        # Reviews write `Figur (Darsteller)` far more often than the reverse, so a
        # person-like name in brackets makes the name before it the character.
        if k - outer >= 2 and is_given(toks[outer].text) and not is_given(toks[k + 1].text):
            continue  # `Julia Brandt (Hidden Harbour)`: a full name, then a title (another rule's)
        inner_is_person = inner_end - (k + 1) >= 2 or is_given(toks[k + 1].text) or (
            k - outer == 1 and not is_noun(toks[k + 1].text) and not is_place(toks[k + 1].text))  # `Chika (Kaho)`
        outer_is_person = k - outer >= 2 and is_given(toks[outer].text)
        if inner_is_person:  # `der neidische Danglars (Patrick Mille)` too
            cs, ce = view.span(outer, k)
            ps, pe = view.span(k + 1, inner_end)
            out += [Candidate(cs, ce, "character", "bracket"), Candidate(ps, pe, "person", "paren-actor")]
        elif outer_is_person and inner_end - (k + 1) == 1 and is_given(toks[k + 1].text):
            ps, pe = view.span(outer, k)
            cs, ce = view.span(k + 1, inner_end)
            out += [Candidate(cs, ce, "character", "character-cue"), Candidate(ps, pe, "person", "paren-actor")]
    return out


def _characters_by_noun(view: SentenceView) -> list[Candidate]:
    """`Figur des Travis Bickle`, `Rolle der Irene`, `Nachbarin Irene`, `Driver genannt`."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if tok.text == "," and i > 0 and view.word(i + 1) in ("ein", "eine", "einen", "einem", "einer", "der", "die"):
            k = _after_adjectives(view, i + 2)  # `Brad Sloan, ein Mann in den besten Jahren`: a noun in apposition
            if k < len(toks) and toks[k].text in EVERYDAY_PERSON_NOUNS:
                start = _backward_name_run(view, i, limit=3)
                if start < i and (i - start >= 2 or is_given(toks[start].text)) and not (
                        start > 0 and (is_person_noun(toks[start - 1].text) or toks[start - 1].text == "(")):
                    cs, ce = view.span(start, i)
                    out.append(Candidate(cs, ce, "character", "character-cue"))
            continue
        if not tok.is_word:
            continue
        if tok.text == "gespielt" and view.word(i + 1) == "von" and view.word(i - 1) == "," and i > 1:
            start = _backward_name_run(view, i - 1, limit=3)  # `Nadja, gespielt von Paula Beer`
            actor_end = view.name_run(i + 2)
            if start < i - 1 and actor_end > i + 2:
                cs, ce = view.span(start, i - 1)
                ps, pe = view.span(i + 2, actor_end)
                out += [Candidate(cs, ce, "character", "character-cue"), Candidate(ps, pe, "person", "paren-actor")]
            continue
        if tok.text == "gespielt" and i > 2:  # `Iris, wieder von Kati Outinen gespielt, …`
            actor = _backward_name_run(view, i)
            by = actor - 1
            comma = next((m for m in range(by - 1, max(by - 4, -1), -1) if toks[m].text == ","), None)
            if actor < i and view.word(by) == "von" and comma is not None \
                    and all(toks[m].text[:1].islower() for m in range(comma + 1, by)):
                start = _backward_name_run(view, comma, limit=3)
                if start < comma:
                    cs, ce = view.span(start, comma)
                    ps, pe = view.span(actor, i)
                    out += [Candidate(cs, ce, "character", "character-cue"),
                            Candidate(ps, pe, "person", "paren-actor")]
            continue
        if tok.is_cap and i > 0 and i + 1 < len(toks) and toks[i + 1].is_cap and _everyday_person(tok.text) \
                and is_name_word(toks[i + 1]) \
                and toks[i + 1].text not in NOT_GIVEN_NAMES and toks[i + 1].text[:-1] not in NOT_GIVEN_NAMES:
            k = i - 1  # `die junge Fischerin Kiriko`: an article, adjectives, a noun for a person, a name
            while k > 0 and _is_adjective(toks[k].text) and toks[k].text not in FUNCTION_WORDS:
                k -= 1
            if toks[k].text.lower() in ARTICLES | POSSESSIVES:
                j = view.name_run(i + 1, limit=2)
                cs, ce = view.span(i + 1, j)
                out.append(Candidate(cs, ce, "character", "character-cue"))
                continue
        if tok.text == "namens":  # `ein Hund namens Chaplin`, `eine Frau namens Ansa`
            j = view.name_run(i + 1, limit=3)
            if j > i + 1:
                cs, ce = view.span(i + 1, j)
                out.append(Candidate(cs, ce, "character", "character-cue"))
            continue
        if tok.text in ("genannt", "genannte", "genannten") and i > 0:
            start = _backward_name_run(view, i, limit=2)
            if start < i and not (start > 0 and toks[start - 1].text in ARTICLES):
                cs, ce = view.span(start, i)
                out.append(Candidate(cs, ce, "character", "character-cue"))
            continue
        if is_character_noun(tok.text):
            k = i + 1
            if view.word(k) in ("des", "der", "von"):
                k += 1
            while k < len(toks) and (toks[k].text == "," or (toks[k].is_word and not toks[k].is_cap
                                                                and _ADJECTIVE_END.search(toks[k].text)
                                                                and toks[k].text not in FUNCTION_WORDS)):
                k += 1  # adjectives (`der jungen Irene`), not `, wie sie John le Carré …`
            j = view.name_run(k)
            if j > k and (j - k >= 2 or is_given(toks[k].text) or not is_noun(toks[k].text)):
                cs, ce = view.span(k, j)
                out.append(Candidate(cs, ce, "character", "character-cue"))
        elif _kin(tok.text) and i + 1 < len(toks):
            j = view.name_run(i + 1)
            # `Tochter Greta`; after a possessive any name (`seine Mutter Hisako`; not `Mutter Natur`)
            if j == i + 2 and (is_given(toks[i + 1].text) or view.word(i - 1).lower() in POSSESSIVES):
                cs, ce = view.span(i + 1, j)
                out.append(Candidate(cs, ce, "character", "character-cue"))
    return out


def _characters_by_verb(view: SentenceView) -> list[Candidate]:
    """`Coster-Waldau spielt Andreas, ...`, `verkörpert X die Romanautorin Delphine`,
    `Bleibtreu als humorvoller Wäschehändler David`: the name that ends the object."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        subject_before = i > 0 and toks[i - 1].is_word and toks[i - 1].is_cap and (
            is_name_word(toks[i - 1]) or i > 1 and is_given(toks[i - 2].text))
        if tok.text in PLAY_VERBS:
            if tok.text in ("gibt", "gab") and (not subject_before or view.word(i + 1) == "es"):
                continue  # `es gibt`, `Als Extras gibt es …`: there is, not plays
            actor = _backward_name_run(view, i)
            if i - actor >= 2 and toks[actor].text not in NOT_GIVEN_NAMES:
                # `Mišel Matičević gibt dem Unterweltkönig …`: who plays is a person
                ps, pe = view.span(actor, i)
                out.append(Candidate(ps, pe, "person", "given"))
            if i > 0 and toks[i - 1].text in CAST_NOUNS:
                # `Die Hauptrolle spielt Swann Arlaud`: the name after it is the actor
                j = view.name_run(i + 1)
                if j - (i + 1) >= 2:
                    start, end = view.span(i + 1, j)
                    out.append(Candidate(start, end, "person", "role-cue"))
                continue
            k = i + 1
            end = k
            while end < len(toks) and toks[end].text not in ",.;:!?)" and toks[end].text != "und":
                end += 1
            if _ends_in_mit(view, k):
                continue  # `spielen auch Peter Falk und Curt Bois mit`: who plays along, not whom
        elif tok.text in ("ist", "war") and i + 2 < len(toks) and is_given(toks[i + 1].text):
            # `Jean-Paul Belmondo ist Michel Poiccard, …`: a full name is another full name
            subject = _backward_name_run(view, i)
            j = view.name_run(i + 1, limit=3)
            same = [t.text for t in toks[subject:i]] == [t.text for t in toks[i + 1 : j]]
            if i - subject >= 2 and j - (i + 1) >= 2 and view.word(j) in (",", ".", ";", ":", "und", "") and not same:
                cs, ce = view.span(i + 1, j)
                out.append(Candidate(cs, ce, "character", "play-object"))
            continue
        elif tok.text == "als" and _role_noun_then_name(view, i + 1):
            # `ermitteln als Kommissar Thiel und Professor Boerne`: the noun says a person,
            # so the name needs no list
            role = _role_noun_then_name(view, i + 1)
            while role:
                cs, ce = view.span(*role)
                out.append(Candidate(cs, ce, "character", "play-object"))
                role = _role_noun_then_name(view, role[1] + 1) if view.word(role[1]) == "und" else None
            continue
        elif tok.text == "als" and view.word(i - 1) in APPEARS_AS and i + 1 < len(toks) and is_name_word(toks[i + 1]):
            # `Fries ist als Charlotte Ritter wieder die heimliche Hauptfigur`
            j = view.name_run(i + 1, limit=3)
            if j - (i + 1) >= 2 or is_given(toks[i + 1].text):
                cs, ce = view.span(i + 1, j)
                out.append(Candidate(cs, ce, "character", "play-object"))
            continue
        elif tok.text == "als" and i > 0 and toks[i - 1].is_cap and is_name_word(toks[i - 1]):
            if view.word(i + 1).lower() in FUNCTION_WORDS - ARTICLES or is_person_noun(view.word(i + 1)):
                continue  # `Anders als bei Jean-Luc Godard`: a comparison, no role
            k, end = i + 1, min(len(toks), i + 5)
            stop = next((m for m in range(k, end) if toks[m].text in ",.;:!?)"), end)
            end = stop  # `Pattinson als Reiher, Christian Bale als Shoichi`: not past the comma
        elif tok.text == "als" and i + 1 < len(toks) and is_name_word(toks[i + 1]):
            # `Ferrera hat als Gloria, eine Angestellte, …`: a name, then a person apposition;
            # `Gish wartet als Rachel Cooper …`: a given name after a verb. Not `, als X kam`
            # (a clause: when) nor `älter als X` (a comparison).
            j = view.name_run(i + 1, limit=3)
            prev = view.word(i - 1)
            comparison = len(prev) >= 4 and prev.endswith("er") or prev in ("anders", "mehr", "eher", "so", ",")
            someones = genitive_form(toks[j - 1].text) and view.word(j)[:1].isupper()  # `als Romans Mutter`
            if view.word(j) == "," and _describes_a_person(view, j + 1) \
                    or not comparison and not someones and prev[:1].islower() and is_given(toks[i + 1].text):
                cs, ce = view.span(i + 1, j)
                out.append(Candidate(cs, ce, "character", "play-object"))
            continue
        else:
            continue
        # the last name in the object that starts with a given name; after `spielt`
        # with no name before it, the first name is the subject (`In X spielt Agathe
        # Rousselle eine Frau`), so it does not count
        names = []
        m = k
        while m < end:
            if toks[m].is_word and toks[m].is_cap and is_given(toks[m].text):
                j = min(view.name_run(m), end)
                if j > m:
                    names.append((m, j))
                    m = j
                    continue
            m += 1
        if tok.text != "als" and not subject_before:
            if k < len(toks) and is_name_word(toks[k]):  # `spielt DiCaprio den Heimkehrer Ernest Burkhart`
                subject_end = view.name_run(k)
                if view.word(subject_end) == "," and _describes_a_person(view, subject_end + 1):
                    names = [(k, subject_end)]  # `…, spielt Roman Kogler, einen Neunzehnjährigen`: the object
                else:
                    names = [n for n in names if n[0] >= subject_end]
            else:
                names = names[1:]
        elif not names and tok.text != "als" and k < len(toks) and is_name_word(toks[k]):
            # `Yakusho spielt Hirayama, einen Toilettenreiniger`: a name no list knows, made
            # a character by the apposition after it (`spielt Klavier` has none)
            j = view.name_run(k, limit=3)
            if view.word(j) == "," and _describes_a_person(view, j + 1):
                names = [(k, j)]
        best = names[-1] if names else None
        if best:
            cs, ce = view.span(*best)
            out.append(Candidate(cs, ce, "character", "play-object"))
            # `spielen das Ehepaar Tim und Milena Engels, …`: a second name joined by `und`
            # that ends the clause is played too (`… Tim und Lena spielt Bob` is not)
            if view.word(best[1]) == "und" and best[1] + 1 < len(toks) and is_name_word(toks[best[1] + 1]):
                j = view.name_run(best[1] + 1, limit=3)
                if j >= len(toks) or toks[j].text in ",.;:!?)":
                    cs, ce = view.span(best[1] + 1, j)
                    out.append(Candidate(cs, ce, "character", "play-object"))
    return out


def _kin(word: str) -> bool:
    """A kin noun, also in the genitive: `Tochter`, `des kleinen Sohnes`."""
    return word in KIN_NOUNS or word[-1:] == "s" and (word[:-1] in KIN_NOUNS or word[-2:] == "es" and word[:-2] in KIN_NOUNS)


def _ends_in_mit(view: SentenceView, k: int) -> bool:
    """The clause from token k ends in the particle `mit` (`mitspielen`)."""
    toks = view.tokens
    end = k
    while end < len(toks) and toks[end].text not in ",.;:!?)":
        end += 1
    return end > k and toks[end - 1].text == "mit"


POSSESSIVES = frozenset("sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer deren dessen".split())

# Before `als`, these say how someone appears in a part: `ist als Molly zu sehen`.
APPEARS_AS = frozenset("ist war sind waren glänzt glänzte brilliert brillierte überzeugt überzeugte agiert "
                       "agierte erscheint erschien".split())


def _is_adjective(word: str) -> bool:
    """Lower case with an adjective ending: `junge`, `arbeitslosen` (also some verbs: a guess)."""
    return word[:1].islower() and bool(_ADJECTIVE_END.search(word))


def _after_adjectives(view: SentenceView, k: int) -> int:
    while _is_adjective(view.word(k)):
        k += 1
    return k


def _names_a_person(noun: str) -> bool:
    """`Lehrerin`, `Industriellensohn`: a listed everyday person noun, or a compound on one."""
    return noun in EVERYDAY_PERSON_NOUNS or (noun[:1].isupper() and noun.lower().endswith(_PERSON_TAILS))


def _role_noun_then_name(view: SentenceView, k: int) -> tuple[int, int] | None:
    """`Kommissar Thiel`, `die junge Lehrerin Carla Nowak` after `als`: adjectives, a noun
    for a person, then a name (any, a given name not needed): its token range."""
    if view.word(k).lower() in ARTICLES:
        k += 1
    k = _after_adjectives(view, k)
    noun = view.word(k)
    if is_person_noun(noun):
        return None  # `als Altmeister James Ivory`: a real role, a real person
    if not (_names_a_person(noun) or is_character_noun(noun)) or k + 1 >= len(view.tokens):
        return None  # `als Industriellensohn Alfred Nyssen`: a compound on a person noun counts
    if not is_name_word(view.tokens[k + 1]):
        return None
    j = view.name_run(k + 1, limit=3)
    return (k + 1, j) if j > k + 1 else None


@functools.lru_cache(maxsize=65536)
def _everyday_person(noun: str) -> bool:
    """A noun for someone in a story, not for a film maker: `Fischerin`, `Spielzeughändler`
    (a compound on a listed noun), not `Sängerin` (it cues a real person too)."""
    if is_person_noun(noun) or noun in KIN_NOUNS:
        return False  # `ihr Bruder Tom Berg` may well be a real brother
    return _names_a_person(noun) or noun.endswith("in") and _names_a_person(noun[:-2])  # `Fischerin`


def _describes_a_person(view: SentenceView, k: int) -> bool:
    """`einen müden Toilettenreiniger`, `eine Lehrerin`, `ein Mann`: an indefinite article,
    adjectives, and a noun for a person (one the lists know, also as the tail of a
    compound, or a masculine agent in -er, a feminine one in -in)."""
    article = view.word(k)
    if article not in ("ein", "eine", "einen", "einem", "einer"):
        return False
    k = _after_adjectives(view, k + 1)
    noun = view.word(k)
    if not noun[:1].isupper():
        return False
    return (_names_a_person(noun)
            or (article == "einen" and noun.endswith("er")) or (article == "eine" and noun.endswith("in"))
            or noun.endswith(("ige", "igen", "iger", "liche", "lichen", "licher")))  # `einen Neunzehnjährigen`


def _title_run(view: SentenceView, i: int) -> int:
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
            if is_given(tok.text) and view.name_run(k) - k >= 2 and toks[k - 1].text not in ("der", "des"):
                break  # a person's name begins: `Debüt Pi zeigte Darren Aronofsky` (not `Die Ehe der Maria Braun`)
            last = k + 1
            if split_compound(tok) is not tok:
                break
        elif tok.is_word and tok.text[0].islower() and _ADJECTIVE_END.search(tok.text) \
                and tok.text not in FUNCTION_WORDS and not _attributive_position(toks, k):
            break  # `Pi zeigte`: a verb, not an adjective before a noun
        elif tok.is_word and (tok.text in FUNCTION_WORDS or _ADJECTIVE_END.search(tok.text)) and tok.text not in (
            "nicht", "auch", "nur", "schon", "noch", "immer", "wieder", "sehr", "ganz", "so", "als", "wie",
            "dann", "da", "hier", "nun", "jetzt", "doch", "aber", "denn", "sondern", "mal", "erst", "bereits",
            "selbst", "sogar", "zwar", "etwa", "ob", "weil", "wenn", "dass", "daß", "obwohl", "während",
        ):
            pass
        else:
            break
        k += 1
        if k - i > 12:
            break
    return last


def _attributive_position(toks: list[Token], k: int) -> bool:
    """An adjective inside a title follows an article or another adjective: `die sexuellen Neurosen`."""
    prev = toks[k - 1] if k > 0 else None
    return prev is not None and prev.is_word and (
        prev.text.lower() in FUNCTION_WORDS or (prev.text[0].islower() and bool(_ADJECTIVE_END.search(prev.text))))


def _titles_after_work_noun(view: SentenceView) -> list[Candidate]:
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-1]):
        if not (tok.is_word and is_work_noun(tok.text)):
            continue
        k = i + 1
        if view.word(k) in ("heißt", "hieß") and k + 1 < len(toks):
            k += 1  # `Sein neuer Film heißt Monster`
        nxt = toks[k]
        if not (nxt.is_word and nxt.is_cap) or is_cue_noun(nxt.text):
            continue
        if is_given(nxt.text) and view.name_run(k) - k >= 2:
            continue  # `ein Film Wim Wenders'`: a person, not a title
        j = _title_run(view, k)
        start, end = view.span(k, j)
        out.append(Candidate(start, end, "film", "work-cue", _year_after(view, j)))
    return out


def _titles_after_genitive_name(view: SentenceView) -> list[Candidate]:
    """`François Truffauts Die amerikanische Nacht`: a capitalized article or preposition
    in mid-sentence after a name in the genitive starts a title."""
    out, toks = [], view.tokens
    for k in range(2, len(toks)):
        tok = toks[k]
        prev = toks[k - 1]
        if not (prev.text in ("'", "’") or prev.is_cap and genitive_form(prev.text)):
            continue  # nearly every token: no genitive before it
        if _english_title_after_full_genitive(view, k):
            j = _title_run(view, k)  # `Francis Ford Coppolas Apocalypse Now`
            if j >= k + 2:
                start, end = view.span(k, j)
                out.append(Candidate(start, end, "film", "work-cue", _year_after(view, j)))
            continue
        if not (tok.is_word and tok.is_cap and tok.text.lower() in TITLE_STARTS):
            continue
        if not (prev.is_word and prev.is_cap and genitive_form(prev.text) and is_name_word(prev)):
            continue
        j = _title_run(view, k)
        if j > k + 1:  # both ends marked: it outranks a name inside (`Die Ehe der Maria Braun`)
            start, end = view.span(k, j)
            out.append(Candidate(start, end, "film", "title-start", _year_after(view, j)))
    return out


def _english_title_after_full_genitive(view: SentenceView, k: int) -> bool:
    """`Francis Ford Coppolas Apocalypse Now`, `Tim Mielants’ Small Things`: after the
    genitive of a full name (a given name first), two capitalized words that are neither
    cue nouns nor German function words begin a title; German prose seldom has two
    capitalized words in a row (`Spielbergs Kamera` has one)."""
    toks = view.tokens
    plain = lambda t: t.is_word and t.is_cap and not is_cue_noun(t.text) and t.text.lower() not in FUNCTION_WORDS
    if k + 1 >= len(toks) or not plain(toks[k]):
        return False
    if not plain(toks[k + 1]) and not (toks[k + 1].text in ("der", "des") and k + 2 < len(toks) and plain(toks[k + 2])):
        return False  # two capitalized words, or `Lichter der Großstadt`
    name_end = k - 2 if toks[k - 1].text in ("'", "’") and k >= 2 else k - 1
    prev = toks[name_end]
    if name_end == k - 1 and not genitive_form(prev.text) or name_end < k - 1 and prev.text[-1] not in "sxzß":
        return False
    return name_end >= 1 and is_given(toks[name_end - 1].text) and is_name_word(prev) \
        and (not is_given(toks[k].text) or view.name_run(k) - k < 2)


def _titles_before_year(view: SentenceView) -> list[Candidate]:
    """`in Walhalla Rising (2009)`, `Taxi Driver von 1976`; after a name in the genitive
    the whole title, lower-case words and all (`Fassbinders Angst essen Seele auf (1974)`)."""
    out, toks = [], view.tokens
    for k in range(1, len(toks)):
        if toks[k].text not in ("(", "von", "aus") or not toks[k - 1].is_word:
            continue
        year = _year_after(view, k)
        if year is None:
            continue
        found = _after_genitive_name(view, k)
        if found is not None:  # both ends marked: stronger than a title run's guess
            title, maker = found
            start, end = view.span(title, k)
            out.append(Candidate(start, end, "film", "genitive-year", year))
            start, end = view.span(_backward_name_run(view, maker, limit=2), maker + 1)
            out.append(Candidate(start, end, "person", "given"))  # `Fassbinders`: who made it
        if not toks[k - 1].is_cap:
            continue
        i, anchored = _title_start_before(view, k)
        if i is None:
            continue
        if split_compound(toks[k - 1]) is not toks[k - 1]:
            continue  # `Pusher-Reihe (1996)`: the compound rule has it
        start, end = view.span(i, k)
        out.append(Candidate(start, end, "film", "title-start" if anchored else "year-cue", year))
    return out


# Lower-case words that sit inside titles without a leading article: `Schatten im
# Paradies`, `Lichter der Vorstadt`, `Reise ins Zauberland` (not `in`, `mit`, `und`,
# which far more often lead up to a title).
_TITLE_INNER = frozenset("im ins am zum zur der des vom".split())
_CAPITALIZED_ARTICLES = frozenset("Der Die Das Ein Eine".split())
_ENGLISH_ONLY = ENGLISH_LOWER - FUNCTION_WORDS  # `a`, `of`, `the`; not `in`, `an`
# Opening a sentence before a title, these lead up to it far more often than they begin it.
_LEADING_PREPOSITIONS = frozenset("in nach mit seit bei für neben wie auch und wer".split())


def _title_start_before(view: SentenceView, k: int) -> tuple[int | None, bool]:
    """Where the title that ends at token k-1 (before a year) starts, and whether a
    capitalized article opens it. Walks back over capitalized words, numbers, function
    words and attributive adjectives; stops at punctuation, a verb, a cue noun, or a
    genitive that belongs to a person (`Martin Scorseses Taxi Driver`, but `Leningrad
    Cowboys Go America` is one title). A capitalized article in that stretch opens the
    title (`mit Der junge Törless`, `Die Ehe der Maria Braun`); without one, only the
    words of `_TITLE_INNER` and English ones may be lower-case."""
    toks = view.tokens
    i = k
    while i > 0 and k - i < 10:
        tok = toks[i - 1]
        if tok.is_number:
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
                  or (_ADJECTIVE_END.search(tok.text) and i < k and toks[i].is_cap)):
            break
        i -= 1
    article = next((m for m in range(i, k) if toks[m].text in _CAPITALIZED_ARTICLES), None)
    if article is not None and article < k - 1:
        return article, True
    start = k
    while start > i and (toks[start - 1].is_cap or toks[start - 1].is_number
                         or toks[start - 1].text in _TITLE_INNER or toks[start - 1].text in _ENGLISH_ONLY):
        start -= 1
    while start < k and not (toks[start].is_cap or toks[start].is_number):
        start += 1  # a title opens capitalized
    if start == k or (start == 0 and k == 1 and toks[0].text.lower() in FUNCTION_WORDS):
        return None, False
    if start == 0 and k > 1 and toks[0].text.lower() in _LEADING_PREPOSITIONS:
        start = 1  # `Nach Dogtooth (2009)`, `In Schatten im Paradies (1986)`; `Im Juli (2000)` stays
    return start, False


def _after_genitive_name(view: SentenceView, k: int) -> tuple[int, int] | None:
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
        if g > 0 and _genitive_apostrophe(toks, g) and toks[g + 1].is_cap:
            return g + 1, g - 1  # `Wenders’ Der Himmel über Berlin`
        if not tok.is_word or is_cue_noun(tok.text):
            break
        if is_name_word(tok) and genitive_form(tok.text) and not is_given(tok.text) and toks[g + 1].is_cap:
            title = toks[g + 1 : k]
            if any(not t.is_cap for t in title) or title[0].text.lower() in TITLE_STARTS:
                found = (g + 1, g)
    return found


def _titles_in_compounds(view: SentenceView) -> list[Candidate]:
    """`Pusher-Reihe`: a capitalized word before a series noun is a title."""
    out = []
    for tok in view.tokens:
        if tok.is_word and tok.is_cap and "-" in tok.text:
            parts = tok.text.split("-")
            if len(parts) == 2 and parts[1] in SERIES_HEADS \
                    and parts[0].lower() not in FUNCTION_WORDS and not is_cue_noun(parts[0]) \
                    and not parts[0].isupper() and parts[0] not in CHANNELS:
                out.append(Candidate(tok.start, tok.start + len(parts[0]), "film", "compound"))
    return out


def _titles_listed_after_series_noun(view: SentenceView) -> list[Candidate]:
    """`die Farbentrilogie (Blau, Weiß, Rot)`: the parts of a series listed in brackets."""
    out, toks = [], view.tokens
    for k in range(1, len(toks) - 3):
        if toks[k].text != "(" or not toks[k - 1].is_word or not toks[k - 1].text.lower().endswith(_SERIES_TAILS):
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


_SERIES_TAILS = tuple(h.lower() for h in SERIES_HEADS | {"Serie", "Filme", "Zyklus"})


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


def _title_in_brackets_after_person(view: SentenceView) -> list[Candidate]:
    """`Bill Murray (St. Vincent)`, `Sofia Coppola (The Virgin Suicides - Verlorene Jugend)`:
    after a full name (a given name first), brackets that hold no name, no number and
    no lower-case verb hold a film the person made or played in."""
    out, toks = [], view.tokens
    for k in range(2, len(toks) - 2):
        if toks[k].text != "(" or not (is_given(toks[k - 2].text) and is_name_word(toks[k - 1])):
            continue
        close = next((m for m in range(k + 1, min(len(toks), k + 12)) if toks[m].text == ")"), None)
        if close is None or close == k + 1 or not toks[k + 1].is_cap or is_given(toks[k + 1].text):
            continue
        inner = toks[k + 1 : close]
        if any(t.is_number or t.text in ",;:" or t.is_word and not t.is_cap and t.text not in ENGLISH_LOWER
               for t in inner) or len(inner) == 1 and (is_noun(inner[0].text) or is_place(inner[0].text)):
            continue
        out.append(Candidate(inner[0].start, inner[-1].end, "film", "year-cue"))
    return out


def _unknown_word(tok: Token) -> bool:
    """A capitalised word the lexicon does not know: no noun, no place, no function word."""
    return (tok.is_word and tok.is_cap and not tok.text.isupper() and is_name_word(tok) and not is_noun(tok.text)
            and not is_place(tok.text))


def _surnames_listed(view: SentenceView) -> list[Candidate]:
    """`Kowalczyk, Brenning, Obradović und Haase`: three or more capitalised words the
    lexicon does not know, listed, are surnames."""
    toks, out = view.tokens, []
    i = 0
    while i < len(toks):
        items, k = [], i
        while k < len(toks) and _unknown_word(toks[k]) and (k + 1 == len(toks) or not toks[k + 1].is_cap):
            items.append(k)
            if view.word(k + 1) not in (",", "und", "oder", "sowie"):
                break
            k += 2
        if len(items) >= 3 and view.word(items[-2] + 1) != ",":
            out += [Candidate(toks[m].start, toks[m].end, "person", "list") for m in items]
        i = (items[-1] if items else i) + 1
    return out


def _unknown_full_names(view: SentenceView) -> list[Candidate]:
    """`Hany Abu-Assad huldigt …`: two capitalised words in a row that the lexicon does
    not know, not at a sentence's start (after a colon or a bracket is fine) and not
    after an article, are a name."""
    toks, out = view.tokens, []
    for i in range(1, len(toks) - 1):
        prev = toks[i - 1]
        if not (_unknown_word(toks[i]) and _unknown_word(toks[i + 1])) or prev.text.lower() in ARTICLES:
            continue
        if i + 2 < len(toks) and toks[i + 2].is_cap and toks[i + 2].is_word:
            continue  # three or more: more likely a title
        if prev.is_cap and prev.is_word or i == 1 and prev.text not in ":(" or prev.text in OPEN_QUOTES:
            continue
        out.append(Candidate(*view.span(i, i + 2), "person", "unknown"))
    return out


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
            start, end = view.span(i, j)
            out.append(Candidate(start, end, "film", "work-cue", _year_after(view, j)))
    return out



def _known_entities(view: SentenceView, known: Known) -> list[Candidate]:
    """Names the archive already holds, looked up by their first word (so the cost is per
    token, not per stored name); a genitive -s belongs to the span."""
    index = known.by_first_word
    if not index:
        return []
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        for name, kind in index.get(tok.text, ()):
            parts = name.split(" ")
            if len(parts) > len(toks) - i:
                continue
            last = toks[i + len(parts) - 1]
            words = [t.text for t in toks[i : i + len(parts)]]
            if words[:-1] != parts[:-1] or last.text not in (parts[-1], parts[-1] + "s"):
                continue
            if i + len(parts) < len(toks) and toks[i + len(parts)].start == last.end and toks[i + len(parts)].is_word:
                continue
            out.append(Candidate(tok.start, last.end, kind, "known"))
    return out


def _choose(view: SentenceView, candidates: list[Candidate], taken: Taken) -> list[Candidate]:
    """Non-overlapping candidates: strongest cue first, then the longer span."""
    chosen: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (-PRIORITY[c.cue], -(c.end - c.start), c.start)):
        if c.end > c.start and taken.free(c.start, c.end):
            taken.take(c.start, c.end)
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _coordinated(view: SentenceView, chosen: list[Candidate], taken: Taken) -> list[Candidate]:
    """`Sandra Hüller, Milan Machado Graner und Swann Arlaud`: a name of two or more words
    listed with a person (or a character) is one too, given name known or not."""
    toks = view.tokens
    out: list[Candidate] = []
    for c in chosen:
        if c.kind == "film":
            continue
        first = bisect_left(toks, c.start, key=_start)
        last = bisect_left(toks, c.end, key=_end)
        if first == len(toks) or toks[first].start != c.start or last == len(toks) or toks[last].end != c.end:
            continue  # a span that cuts a token (`Tarantino-Film`)
        k = last + 1  # forwards: `…, B und C`
        while view.word(k) in (",", "und", "sowie"):
            j = view.name_run(k + 1, limit=3, allow_genitive_inside=True)  # `Yorgos` is no genitive here
            if j - (k + 1) < 2 or toks[k + 1].text in NOT_GIVEN_NAMES or not taken.free(toks[k + 1].start, toks[j - 1].end):
                break
            start, end = view.span(k + 1, j)
            out.append(Candidate(start, end, c.kind, "list"))
            taken.take(start, end)
            k = j
        k = first - 1  # backwards: `A, B und C` when only C was found
        while k > 0 and view.word(k) in (",", "und", "sowie"):
            i = _backward_name_run(view, k, limit=3)
            if k - i < 2 or toks[i].text in NOT_GIVEN_NAMES or not taken.free(toks[i].start, toks[k - 1].end) \
                    or (i > 0 and toks[i - 1].is_cap):
                break
            start, end = view.span(i, k)
            out.append(Candidate(start, end, c.kind, "list"))
            taken.take(start, end)
            k = i - 1
    return out


def _start(tok: Token) -> int:
    return tok.start


def _end(tok: Token) -> int:
    return tok.end




# Each rule, with the tokens a sentence must hold for it to find anything (None: no
# such test): most sentences hold none of the rarer cues, and skipping those rules saves
# a tenth of the analysis.
_RULES = (
    (_quoted_titles, frozenset(OPEN_QUOTES)),
    (_persons_by_given_name, None),
    (_persons_by_role_noun, None),
    (_characters_in_brackets, frozenset("(")),
    (_characters_by_noun, None),
    (_characters_by_verb, PLAY_VERBS | {"als", "ist", "war"}),
    (_titles_after_work_noun, None),
    (_titles_before_year, frozenset(("(", "von", "aus"))),
    (_titles_in_compounds, None),
    (_english_titles, ENGLISH_TITLE_STARTS),
    (_titles_listed_after_series_noun, frozenset("(")),
    (_surnames_listed, frozenset((",",))),
    (_title_in_info_brackets, frozenset("(")),
    (_title_in_brackets_after_person, frozenset("(")),
    (_titles_after_genitive_name, None),
    (_credits, frozenset(":")),
)


def first_pass(view: SentenceView, known: Known) -> list[Candidate]:
    """The sentence's mentions by their cues, without overlaps, names listed with them included."""
    taken = Taken(view.sentence.start, view.sentence.end)
    chosen = _choose(view, find_candidates(view, known), taken)
    chosen += _coordinated(view, chosen, taken)
    # the last resort, where no cue found anything: two words the lexicon does not know
    return chosen + _choose(view, _unknown_full_names(view), taken)
