"""One sentence as tokens, with the walks over them that the rules share: the name
that starts (or ends) at a token, the year after one, the proposal (`Candidate`) a rule
makes. Where an unquoted title runs is in title_runs.py."""

from __future__ import annotations

from archive.text.german import is_noun, is_place
from archive.text.lexicon import ADDRESS_TITLES, ARTICLES, CREDIT_LABELS, FUNCTION_WORDS, KIN_NOUNS, NAME_PARTICLES, SECOND_PARTICLES
from archive.text.spans import Kind, Sentence
from archive.text.tokens import Token, tokenize
from archive.text.words import (
    ADJECTIVE_END,
    could_be_name,
    LIFE_DATE_WORDS,
    POSSESSIVES,
    TITLE_STARTS,
    YEAR,
    genitive_form,
    is_adjective,
    is_character_noun,
    is_given,
    is_name_word,
    is_person_noun,
    kin,
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
    nickname: tuple[int, int] | None = None  # a figure named in full: the span of the nickname it is given


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
        if words and split_compound(toks[i - 1]) is not toks[i - 1]:
            break  # `die Netflix-Serie Kleo spielt`: a compound ends a name, as in name_run
        i -= 1
        words += 1
        if i > 2 and is_initial(toks, i - 2) and toks[i - 1].end == toks[i].start - 1:
            i -= 2  # `Claus D. Clausnitzer`: the initial and its full stop
            continue
        if i > 1 and words < limit and toks[i - 1].text in NAME_PARTICLES and is_name_word(toks[i - 2]):
            i -= 1  # the particle; the name word before it comes next (so not at the limit:
            continue  # `an der Seite von Melly Böwe (…)` is no `von Melly Böwe`)
        if i > 2 and words < limit and is_initial(toks, i - 2) and is_name_word(toks[i - 3]):
            i -= 2  # `Claus D. Clausnitzer`: the initial; the given name before it comes next
            words += 1
            continue
        if i > 0 and genitive_form(toks[i - 1].text) and not is_given(toks[i - 1].text):
            break
    return i


RANKS = ("Dr", "Prof")


def after_title(view: SentenceView, k: int) -> int:
    """Token k, or past a form of address, a rank or a kin noun there and its full stop
    (`(Frau Beckmann)`, `(Prof. Karl Haase)`, `(Mr. Blum)`)."""
    word = view.word(k)
    if word in ADDRESS_TITLES or word in RANKS or kin(word):
        return k + 2 if view.word(k + 1) == "." and word[-1:] != "." else k + 1
    return k


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


def describes_a_part(view: SentenceView, k: int) -> bool:
    """An apposition from token k describes the part a play verb names: a person
    (`einen Toilettenreiniger`, describes_a_person), or in the accusative any noun
    (`einen jungen Heimatarmisten`: the object of a play verb is a part, so a noun no
    list knows will do; not `einen ihrer Lieblinge`)."""
    if describes_a_person(view, k):
        return True
    if view.word(k) != "einen" or view.word(k + 1) in POSSESSIVES or view.word(k + 1) in ("der", "dieser"):
        return False  # `einen ihrer Lieblinge`, `einen der …`: one of several, no part
    noun = view.word(after_adjectives(view, k + 1))
    return noun[:1].isupper() and noun.isalpha()


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
