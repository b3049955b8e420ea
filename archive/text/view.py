"""One sentence as tokens, with the walks over them that the rules share: the name
that starts (or ends) at a token, the title that runs from one, the year after one,
the proposal (`Candidate`) a rule makes."""

from __future__ import annotations

from archive.text.german import is_noun, is_place
from archive.text.lexicon import ARTICLES, CHANNELS, CREDIT_LABELS, FUNCTION_WORDS, KIN_NOUNS, NAME_PARTICLES, SECOND_PARTICLES
from archive.text.spans import Kind, Sentence
from archive.text.tokens import Token, tokenize
from archive.text.words import (
    ADJECTIVE_END,
    CAPITALIZED_ARTICLES,
    could_be_name,
    ENGLISH_LOWER,
    ENGLISH_ONLY,
    LEADING_PREPOSITIONS,
    LIFE_DATE_WORDS,
    RELATIVE_STARTS,
    TITLE_INNER,
    TITLE_STARTS,
    YEAR,
    genitive_form,
    is_adjective,
    is_character_noun,
    is_cue_noun,
    is_given,
    is_name_word,
    is_person_noun,
    modified_after,
    two_names_after,
    names_a_person,
    split_compound,
)

import functools
import operator
from dataclasses import dataclass


ANY_PARTICLE = NAME_PARTICLES | SECOND_PARTICLES
# Function words that, capitalised after a name word, run on in the name (those of
# TITLE_STARTS begin a title instead): the set once, not once a token.
_INNER_FUNCTION_WORDS = FUNCTION_WORDS - TITLE_STARTS
_text = operator.itemgetter(2)  # a Token's text


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
    rule: str = ""  # the registered rule that proposed it (set by the registry)
    pair: tuple[int, int] | None = None  # a character's: the span of the actor the rule says plays it


class SentenceView:
    """One sentence's tokens with the helpers the cue rules share."""

    def __init__(self, text: str, index: int, sentence: Sentence):
        self.text = text
        self.index = index
        self.sentence = sentence
        self.tokens = tokenize(text, sentence.start, sentence.end)
        self.words = set(map(_text, self.tokens))  # to skip at once the rules it cannot feed
        # a blank line inside (only a sentence made by hand holds one): names stop there
        self._blank_line = text.find("\n\n", sentence.start, sentence.end) >= 0
        self._positions: dict[str, list[int]] | None = None

    def positions(self, word: str) -> list[int]:
        """Where `word` stands among the tokens, in order (the index made on first use)."""
        if self._positions is None:
            self._positions = {}
            for k, text in enumerate(map(_text, self.tokens)):
                self._positions.setdefault(text, []).append(k)
        return self._positions.get(word, [])

    def word(self, i: int) -> str:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def name_run(self, i: int, limit: int = 4, allow_genitive_inside: bool = False) -> int:
        """End index (exclusive) of the name starting at token i: name words and particles."""
        toks, j = self.tokens, i
        count = 0
        while j < len(toks) and count < limit:
            tok = toks[j]
            if self._blank_line and j > i and "\n\n" in self.text[toks[j - 1].end : tok.start]:
                break
            if is_initial(toks, j) and (j > i or is_name_word(toks[j + 2]) or is_initial(toks, j + 2)):
                j += 2  # `Samuel L. Jackson`, `J. J. Abrams`
                continue
            if j > i and tok.text in CREDIT_LABELS and j + 1 < len(toks) and toks[j + 1].text == ":":
                break  # `Regie: Ilse Obradović Buch: …`: the next label on the same line
            if is_name_word(tok) or (j > i and tok.is_cap and (tok.text in KIN_NOUNS or tok.text.lower() in
                                                                 _INNER_FUNCTION_WORDS)):
                if count >= 3 and genitive_form(tok.text) and not allow_genitive_inside and not is_given(tok.text) \
                        and modified_after(toks, j + 1):
                    break  # `Jamie Lee Curtis Carmys Mutter`: a fourth word in the genitive is someone else's
                j += 1
                if tok.text.lower() not in ANY_PARTICLE:  # `Nelson Carlos De Los Santos Arias`
                    count += 1
                if genitive_form(tok.text) and not allow_genitive_inside and not is_given(tok.text):
                    break
                if split_compound(tok) is not tok:
                    break
                continue
            # `von` and `zu` are German prepositions too: after a whole name (`Jan Müller von
            # Schuld`) they begin a phrase; right after a given name they are particles.
            german_preposition = tok.text in ("von", "vom", "zu", "zum") and (count >= 2 or two_names_after(toks, j))
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


def is_initial(toks: list[Token], j: int) -> bool:
    """`L.` of Samuel L. Jackson: one capital letter, a full stop, a name word after."""
    return (j + 2 < len(toks) and len(toks[j].text) == 1 and toks[j].is_cap and toks[j + 1].text == "."
            and toks[j + 1].start == toks[j].end and (toks[j + 2].is_cap and toks[j + 2].is_word))


def genitive_context(view: SentenceView, end: int) -> bool | None:
    rest = view.text[end : view.sentence.end]
    if rest[:1] in ("'", "’", "ʼ"):
        return None
    words = rest.split(None, 6)
    if not words:
        return False
    word = words[0]
    if word.endswith(":") and word[:-1] in CREDIT_LABELS:
        return False  # `Buch: Tom Haas Kamera: …`: a label follows, no noun the genitive modifies
    if word[0] in "„“»«›‹\"'‚":
        return True
    if word[0] == "(":  # `Jeunets („Delicatessen“) ideenreicher Film`: what follows the bracket counts
        close = rest.find(")", 0, 80)
        return False if close < 0 else genitive_context(view, end + close + 1) is True
    word = word.strip(",.;:!?()")
    if not word:
        return False
    if word[0].isupper() or word[0].isdigit():
        return True  # `Scorseses Taxi Driver`, `Akins Aus dem Nichts`
    # an adjective before a noun (`Romaneks tieftraurigen Science-fiction`), not a verb
    # (`Jenkins gehören zu`): the word after it is capitalized
    if word.lower() in FUNCTION_WORDS or not ADJECTIVE_END.search(word):
        return False
    for n, following in enumerate(words[1:]):  # `Jeunets ideenreicher, opulent ausgestatteter Märchenfilm`
        following = following.strip(",.;:!?")
        if following[:1].isupper():
            return n == 0 or is_noun(following)
        if not following or following.lower() in FUNCTION_WORDS:
            return False
    return False


def genitive_apostrophe(toks: list[Token], a: int) -> bool:
    """Token a is the apostrophe of a genitive glued to a name: `Lanthimos’`, `Wenders'`."""
    return (toks[a].text in ("'", "’") and toks[a - 1].end == toks[a].start
            and toks[a - 1].text[-1] in "sxzß" and is_name_word(toks[a - 1]))


def year_after(view: SentenceView, k: int) -> int | None:
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


def backward_name_run(view: SentenceView, k: int, limit: int = 3) -> int:
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


def after_adjectives(view: SentenceView, k: int) -> int:
    while is_adjective(view.word(k)):
        k += 1
    return k


def role_noun_then_name(view: SentenceView, k: int) -> tuple[int, int] | None:
    """`Kommissar Thiel`, `die junge Lehrerin Carla Nowak` after `als`: adjectives, a noun
    for a person, then a name (any, a given name not needed): its token range."""
    if view.word(k).lower() in ARTICLES:
        k += 1
    k = after_adjectives(view, k)
    noun = view.word(k)
    if is_person_noun(noun):
        return None  # `als Altmeister James Ivory`: a real role, a real person
    if not (names_a_person(noun) or is_character_noun(noun)) or k + 1 >= len(view.tokens):
        return None  # `als Industriellensohn Alfred Nyssen`: a compound on a person noun counts
    if not is_name_word(view.tokens[k + 1]):
        return None
    j = view.name_run(k + 1, limit=3)
    return (k + 1, j) if j > k + 1 else None


def describes_a_person(view: SentenceView, k: int) -> bool:
    """`einen müden Toilettenreiniger`, `eine Lehrerin`, `ein Mann`: an indefinite article,
    adjectives, and a noun for a person (one the lists know, also as the tail of a
    compound, or a masculine agent in -er, a feminine one in -in)."""
    article = view.word(k)
    if article not in ("ein", "eine", "einen", "einem", "einer"):
        return False
    k = after_adjectives(view, k + 1)
    noun = view.word(k)
    if not noun[:1].isupper():
        return False
    return (names_a_person(noun)
            or (article == "einen" and noun.endswith("er")) or (article == "eine" and noun.endswith("in"))
            or noun.endswith(("ige", "igen", "iger", "liche", "lichen", "licher")))  # `einen Neunzehnjährigen`


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
                    and toks[k - 1].text not in ENGLISH_ONLY:  # `Save the Green Planet`
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
                  or (ADJECTIVE_END.search(tok.text) and i < k and toks[i].is_cap)):
            break
        i -= 1
    article = next((m for m in range(i, k) if toks[m].text in CAPITALIZED_ARTICLES), None)
    if article is not None and article < k - 1:
        return article, True
    start = k
    while start > i and (toks[start - 1].is_cap or toks[start - 1].is_number
                         or toks[start - 1].text in TITLE_INNER or toks[start - 1].text in ENGLISH_ONLY):
        start -= 1
    while start < k and not (toks[start].is_cap or toks[start].is_number):
        start += 1  # a title opens capitalized
    if start == k or (start == 0 and k == 1 and toks[0].text.lower() in FUNCTION_WORDS):
        return None, False
    if start == 0 and k > 1 and (toks[0].text.lower() in LEADING_PREPOSITIONS or toks[0].text.lower() in _NOT_IN_TITLES):
        start = 1  # `Nach Dogtooth (2009)`, `Schon Kinetta (2005)`; `Im Juli (2000)` stays
    return start, False


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


def ends_in_mit(view: SentenceView, k: int) -> bool:
    """The clause from token k ends in the particle `mit` (`mitspielen`)."""
    toks = view.tokens
    end = k
    while end < len(toks) and toks[end].text not in ",.;:!?)":
        end += 1
    return end > k and toks[end - 1].text == "mit"


def unknown_word(tok: Token) -> bool:
    """A capitalised word the lexicon does not know: no noun, no place, no function word."""
    return is_unknown_word(tok.text)


@functools.lru_cache(maxsize=65536)
def is_unknown_word(word: str) -> bool:
    """`unknown_word` of a token written so (a word's flags come from its text)."""
    first = word[0]
    return (first.isalpha() and first.isupper() and not word.isupper() and could_be_name(word)
            and not is_noun(word) and not is_place(word))


def paired(character: Candidate, actor: Candidate) -> list[Candidate]:
    """A character and the actor a rule says plays it: the cast comes from these pairs."""
    character.pair = (actor.start, actor.end)
    return [character, actor]
