"""The form of a name: where a person's or character's span starts and ends, once the
rules have found it. The rules find a name by its cue; this step fixes its edges by
what names look like (docs/extraction.md, "Forms of names"):

- a name takes what belongs to it: a suffix with its full stop (`N. T. Rama Rao Jr.`),
  an initial's full stop (`C.J.`), a nickname in quotes inside it (`C.J. "Fiery"
  Obasi`), an Arabic article glued to a surname (`Yasmin al-Khatib`), and `von`/`zu`
  with a surname after a name of two words (`Florian Henckel von Donnersmarck`);
- a name leaves what is not part of it: a noun before it (`Marketingchefin Doris
  Goethe`), and the line after a line break that is no wrapping (`Norman Briski⏎Mi …`).

Pure functions over a SentenceView and the rules' Candidates."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, insort

from archive.text.german import is_place
from archive.text.lexicon import ADDRESS_TITLES, FUNCTION_WORDS, words
from archive.text.names import NAME_SUFFIXES, syllable_given_name  # `Jr`, `Sr`: written with a full stop
from archive.text.tokens import Token
from archive.text.title_runs import title_run
from archive.text.view import Candidate, SentenceView, genitive_context, unknown_word, year_after
from archive.text.words import genitive_form, is_given, is_name_word, is_plain_noun, is_work_noun, names_a_person

SECOND_PARTICLES = words("second_particles")
GLUED_PARTICLES = tuple(p + "-" for p in words("glued_particles"))  # `al-`, `el-`: `al-Khatib`
QUOTE_PAIRS = {'"': '"', "„": "“", "“": "”", "»": "«", "«": "»", "‚": "‘", "›": "‹"}


def reshape(view: SentenceView, candidates: list[Candidate]) -> list[Candidate]:
    """The rules' proposals for one sentence with the edges of their names fixed; a
    proposal that a grown name now covers is dropped, and a pair that pointed at the
    old span of an actor points at the new one."""
    at = _At(view)
    spans = _Spans(candidates)
    moved: dict[tuple[int, int], tuple[int, int]] = {}
    for c in candidates:
        if c.kind == "film":
            end = _subtitle_end(view, at, c, candidates)
            start = _main_title_start(view, at, c, candidates)
            if (start, end) != (c.start, c.end):
                moved[(c.start, c.end)] = (start, end)
                spans.move(c, start, end)
                c.start, c.end = start, end
                c.genitive_context = genitive_context(view, c.end)
            continue
        old = (c.start, c.end)
        start, end = _trimmed(view, at, c.start, c.end)
        if end <= start:
            start, end = old
        end = _grown(view, at, start, end)
        start = _grown_back(view, at, start, end)
        if (start, end) != old and spans.cut_into(c, start, end):
            start, end = old  # `Ryan Gosling „Drive“ Ryan Gosling`: no nickname there, two names
        if (start, end) != old:
            spans.move(c, start, end)
            c.start, c.end = start, end
            moved[old] = (c.start, c.end)
            c.genitive_context = genitive_context(view, c.end)
    candidates = [c for c in candidates if c.kind == "film" or not _place_adjective_first(view, at, c)
                  and not _INITIAL_ALONE.fullmatch(view.text[c.start : c.end])]  # `o. A.⏎Regie: …`: no name
    if not moved:
        return candidates
    new_spans = set(moved.values())
    cover: dict[int, tuple[int, int]] = {}  # token start -> the grown span over it
    for c in candidates:
        if (c.start, c.end) in new_spans:
            k = at.start(c.start)
            while k is not None and k < len(view.tokens) and view.tokens[k].end <= c.end:
                cover[view.tokens[k].start] = (c.start, c.end)
                k += 1
    out = []
    for c in candidates:
        if c.pair in moved:
            c.pair = moved[c.pair]
        g = cover.get(c.start)
        if g is not None and c.end <= g[1] and g != (c.start, c.end):
            continue  # `Fiery` inside `C.J. "Fiery" Obasi`, `Goethe` inside `… von Goethe`
        out.append(c)
    return out


class _Spans:
    """The proposals' spans as they are now, sorted by start and by end, so that whether
    a grown name cuts into another proposal costs the proposals in its own span, not all
    of the sentence's (a credit line of thousands of names that all grow, `… Jr.`, was
    quadratic; `benchmarks/long_sentence.py --grow`)."""

    __slots__ = ("by_start", "by_end", "seq")

    def __init__(self, candidates: list[Candidate]):
        self.seq = {id(c): k for k, c in enumerate(candidates)}
        self.by_start = sorted((c.start, k, c) for k, c in enumerate(candidates))
        self.by_end = sorted((c.end, k, c) for k, c in enumerate(candidates))

    def move(self, c: Candidate, start: int, end: int) -> None:
        """`c` is now at start..end (its fields not yet set)."""
        k = self.seq[id(c)]
        for entries, before, after in ((self.by_start, c.start, start), (self.by_end, c.end, end)):
            if before != after:
                del entries[bisect_left(entries, (before, k), key=_first_two)]
                insort(entries, (after, k, c), key=_first_two)

    def cut_into(self, c: Candidate, start: int, end: int) -> bool:
        """Whether the span start..end of `c` would end or start inside another proposal,
        not covering it: one that starts inside it and ends after it, or ends inside it
        and starts before it."""
        at = bisect_left(self.by_start, start + 1, key=_first)
        for o_start, _, o in self.by_start[at : bisect_left(self.by_start, end, key=_first)]:
            if o is not c and o.end > end:
                return True
        at = bisect_left(self.by_end, start + 1, key=_first)
        for o_end, _, o in self.by_end[at : bisect_left(self.by_end, end, key=_first)]:
            if o is not c and o.start < start:
                return True
        return False


def _first(entry: tuple) -> int:
    return entry[0]


def _first_two(entry: tuple) -> tuple[int, int]:
    return entry[0], entry[1]


DASHES = ("–", "—", "-")
# A sequel's number after a title: a roman numeral from II, a number below 100 (`3D`,
# which the tokenizer parts, is read in _subtitle_end).
_SEQUEL = re.compile(r"(?:X{0,2}(?:IX|IV|V?I{1,3}|V)|X{1,2})|[2-9]|[1-9][0-9]")
_INITIAL_ALONE = re.compile(r"[A-ZÄÖÜ]\.?")


def title_end(view: SentenceView, film: Candidate, candidates: list[Candidate]) -> int:
    """Where a film found again ends, its subtitle or sequel number included."""
    return _subtitle_end(view, _At(view), film, candidates)


def _subtitle_end(view: SentenceView, at: _At, film: Candidate, candidates: list[Candidate]) -> int:
    """`The Dry – Lügen der Vergangenheit`: a title, a dash between spaces (or a colon
    after it: `Alien: Romulus`), and a subtitle (a title run, or a film found right there)
    are one title, as release titles are written; so are a title and a sequel's number.
    Not when the subtitle holds a name (`Drive – Ryan Gosling spielt`) or is one function
    word or plain noun that no rule took for a film."""
    toks = view.tokens
    k = at.end(film.end)
    if k is None or k + 1 >= len(toks):
        return film.end
    if toks[k + 1].text == "3" and view.word(k + 2) == "D" and toks[k + 1].start == film.end + 1 \
            and toks[k + 2].start == toks[k + 1].end:
        return toks[k + 2].end  # `Saw 3D`, which the tokenizer parts
    if _SEQUEL.fullmatch(toks[k + 1].text) and toks[k + 1].text != "I" and toks[k + 1].start == film.end + 1 \
            and not (k + 2 < len(toks) and toks[k + 2].is_word and is_plain_noun(toks[k + 2].text)):
        return toks[k + 1].end  # `Saw X`, `Deadpool 2`: a sequel (not `nach Drive 2 Jahre`)
    if k + 2 >= len(toks):
        return film.end
    colon = toks[k + 1].text == ":" and toks[k + 1].start == film.end  # `Alien: Romulus`
    if not colon and (toks[k + 1].text not in DASHES or toks[k + 1].start == film.end
                      or "\n" in view.text[film.end : toks[k + 1].start]):
        return film.end  # `- A⏎- B`: a list's bullet, not a dash
    s = k + 2
    first = toks[s]
    if not (first.is_cap or first.is_number) or first.start == toks[k + 1].end:
        return film.end
    end_tok = title_run(view, s)
    end = toks[end_tok - 1].end
    there = [c for c in candidates if c.kind == "film" and c.start == first.start]
    if there:
        end = max(end, max(c.end for c in there))
    if any(c.kind != "film" and first.start <= c.start < end for c in candidates):
        return film.end
    sub = [t for t in toks[s:] if t.end <= end]
    words_ = [t for t in sub if t.is_word]
    if not there and len(words_) == 1 and (words_[0].text.lower() in FUNCTION_WORDS or is_plain_noun(words_[0].text)):
        return film.end
    if not (sub[-1].is_cap or sub[-1].is_number):
        return film.end
    film.year = film.year or next((c.year for c in there if c.year), None) or year_after(view, s + len(sub))
    return end


def _main_title_start(view: SentenceView, at: _At, film: Candidate, candidates: list[Candidate]) -> int:
    """`dem bemühten Spiral: From the Book of Saw`, `am Ende von Logan – The Wolverine`:
    a film found after a colon or a spaced dash is the subtitle of the one word before
    it, in mid-sentence after a lower-case word or a work noun (`Stummfilmklassiker X –
    Y`), when that word is capitalized and no noun, function word or other mention
    (`Das Fazit: The …`, `sagt Ilse: …` stay)."""
    toks = view.tokens
    k = at.start(film.start)
    if k is None or k < 3:
        return film.start
    sep, word, before = toks[k - 1], toks[k - 2], toks[k - 3]
    colon = sep.text == ":" and sep.start == word.end
    dash = sep.text in ("–", "—") and sep.start > word.end and film.start > sep.end \
        and "\n" not in view.text[word.end : film.start]
    if not (colon or dash) or not (word.is_word and word.is_cap) \
            or not (before.is_word and (before.text[:1].islower() or is_work_noun(before.text))):
        return film.start
    if word.text.lower() in FUNCTION_WORDS or is_plain_noun(word.text) or is_given(word.text) and not dash \
            or any(c is not film and c.start < word.end and c.end > word.start for c in candidates):
        return film.start
    return word.start


def _place_adjective_first(view: SentenceView, at: _At, c: Candidate) -> bool:
    """`in der Bukarester Geschäftswelt`: a place's adjective (`Berliner`, `Kölner`)
    opens no name of two words or more."""
    k = at.start(c.start)
    if k is None or k + 1 >= len(view.tokens) or view.tokens[k + 1].start >= c.end:
        return False
    first = view.tokens[k].text
    return first.endswith("er") and not is_given(first) and is_place(first[:-2])


class _At:
    """A sentence's tokens found by offset in log time, so that fixing a name costs its
    own tokens, not the sentence's (`benchmarks/long_sentence.py`)."""

    __slots__ = ("toks",)

    def __init__(self, view: SentenceView):
        self.toks = view.tokens

    def start(self, offset: int) -> int | None:
        k = bisect_left(self.toks, offset, key=_start)
        return k if k < len(self.toks) and self.toks[k].start == offset else None

    def end(self, offset: int) -> int | None:
        k = bisect_left(self.toks, offset, key=_end)
        return k if k < len(self.toks) and self.toks[k].end == offset else None

    def words(self, start: int, end: int) -> int:
        i, j = self.start(start), self.end(end)
        return 0 if i is None or j is None else sum(1 for t in self.toks[i : j + 1] if t.is_word)


def _start(tok: Token) -> int:
    return tok.start


def _end(tok: Token) -> int:
    return tok.end


def _trimmed(view: SentenceView, at: _At, start: int, end: int) -> tuple[int, int]:
    """Cut a noun before the name (`Marketingchefin Doris Goethe`) and the line after a
    line break that ends a line of its own (`Norman Briski⏎Mi`)."""
    cut = view.text.find("\n", start, end)
    if cut >= 0 and not _wrapped(view.text, cut):
        end = cut
        while end > start and view.text[end - 1].isspace():
            end -= 1
    first = at.start(start)
    if first is not None and first + 1 < len(view.tokens):
        head, nxt = view.tokens[first], view.tokens[first + 1]
        if nxt.start < end and nxt.is_cap and is_plain_noun(head.text) and (
                is_given(nxt.text) or _name_of_two_words_after(view, first + 1, end)):
            start = nxt.start
    return start, end


def _name_of_two_words_after(view: SentenceView, k: int, end: int) -> bool:
    """Tokens k.. up to `end` are a name of two words or more, the first no word the
    lexicon knows (`Unteroffizier Oh Kyeong-pil`), while the noun before them does not
    open a Korean or Chinese name itself (`Song Kang-ho`)."""
    toks = view.tokens
    return (k + 1 < len(toks) and toks[k + 1].end <= end and unknown_word(toks[k])
            and not syllable_given_name(toks[k].text) and is_name_word(toks[k + 1]))


def _wrapped(text: str, cut: int) -> bool:
    """A line break at `cut` is wrapping when the line it ends is about as long as the
    text's long lines and is no `Label: value` line."""
    line_start = text.rfind("\n", 0, cut) + 1
    line = text[line_start:cut]
    return len(line) >= 0.8 * _long_line(text) and not re.match(r"\s*[A-ZÄÖÜ][\w/&-]*:\s", line)


@functools.lru_cache(maxsize=64)
def _long_line(text: str) -> int:
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    return lengths[(len(lengths) * 3) // 4] if lengths else 0


def _grown(view: SentenceView, at: _At, start: int, end: int) -> int:
    """The end of the name once what belongs to it is taken in, repeatedly: `C.J.`,
    `"Fiery" Obasi`, `Jr.`, `al-Khatib`, `von Goethe`."""
    toks = view.tokens
    while True:
        k = at.end(end)
        if k is None or k + 1 >= len(toks):
            return end
        last, nxt = toks[k], toks[k + 1]
        glued = nxt.start == last.end
        if nxt.text == "." and glued and (len(last.text) == 1 and last.is_cap or last.text in NAME_SUFFIXES):
            end = nxt.end  # `C.J.`, `Jr.`
            continue
        if nxt.text in NAME_SUFFIXES and not glued:
            end = nxt.end
            continue
        if not glued and nxt.text.lower().startswith(GLUED_PARTICLES) and len(nxt.text) > 3 \
                and nxt.text[3:4].isupper():
            end = nxt.end  # `al-Khatib`
            continue
        nickname = nickname_end(view, k + 1)
        if nickname is not None:
            end = nickname
            continue
        if nxt.text in ("von", "zu") and at.words(start, end) >= 2:
            particle_end = _surname_after_particle(view, k + 1)
            if particle_end is not None:
                end = particle_end
                continue
        return end


_GERMAN_LETTERS = re.compile(r"[A-Za-zÄÖÜäöüß'’-]+")


def _grown_back(view: SentenceView, at: _At, start: int, end: int) -> int:
    """`Yılmaz Güneys »Yol«`: a name of one word that a rule found by a cue after it
    takes in a given name, or a word the lexicon does not know, right before it (at a
    sentence's start only a given name or a word spelt with a letter German lacks)."""
    k = at.start(start)
    if k is None or k == 0:
        return start
    particle = _capital_particle_before(view.tokens, k)
    if particle is not None:
        return particle
    if view.tokens[k].end != end:
        return start  # one token: `Güneys`
    before = view.tokens[k - 1]
    if before.end + 1 != start or not before.is_cap or not unknown_word(before) and not is_given(before.text) \
            or genitive_form(before.text) and not is_given(before.text) or names_a_person(before.text) \
            or before.text in ADDRESS_TITLES:  # `Major Calloway`: a form of address stays out (GUIDELINES)
        return start
    if k - 1 == 0 and not is_given(before.text) and _GERMAN_LETTERS.fullmatch(before.text):
        return start
    return before.start


# Particles that open a name written capitalised, and no German word so written (not
# `Von`, `Da`, `Du`, `Le`: `Von Anfang an`, `Da sitzt er`).
CAPITAL_PARTICLES = frozenset(("De", "Del", "Della", "Di", "Dos", "Van"))


def _capital_particle_before(toks: list[Token], k: int) -> int | None:
    """`De los Santos Arias`, `Van der Beek`: a capitalised particle, and the particles
    after it, right before the name at token k belong to it; their start."""
    m = k
    while m > 0 and toks[m - 1].text in SECOND_PARTICLES and toks[m - 1].end + 1 == toks[m].start:
        m -= 1
    if m > 0 and toks[m - 1].text in CAPITAL_PARTICLES and toks[m - 1].end + 1 == toks[m].start:
        return toks[m - 1].start
    return None


def nickname_end(view: SentenceView, q: int) -> int | None:
    """`C.J. "Fiery" Obasi`: a quote of one or two capitalised words right inside a name,
    a name word after it; the end of that name word."""
    toks = view.tokens
    close = QUOTE_PAIRS.get(toks[q].text)
    if close is None:
        return None
    for n in (1, 2):
        c = q + n + 1
        if c + 1 < len(toks) and toks[c].text == close and all(is_name_word(t) for t in toks[q + 1 : c]) \
                and toks[q + 1].start == toks[q].end and toks[c].start == toks[c - 1].end \
                and is_name_word(toks[c + 1]) and not is_plain_noun(toks[c + 1].text) \
                and not is_given(toks[c + 1].text):  # `X Y „Drive“ Ryan Z`: a second name begins
            return toks[c + 1].end
    return None


def _surname_after_particle(view: SentenceView, p: int) -> int | None:
    """After a name of two words, `von`/`zu` and one capitalised word that is no noun,
    no place and no given name is the surname (`Johann Wolfgang von Goethe`); `Jan
    Müller von Schuld` is a phrase, `X Y von Max Z` names a second person."""
    toks = view.tokens
    s = p + 1
    if s < len(toks) and toks[s].text in ("der", "dem", "und"):
        s += 1  # `von der Schulenburg`, `von und zu Guttenberg`
        if toks[s - 1].text == "und" and (s >= len(toks) or toks[s].text != "zu"):
            return None
        if toks[s - 1].text == "und":
            s += 1
    if s >= len(toks):
        return None
    word = toks[s]
    if not is_name_word(word) or is_plain_noun(word.text) or is_given(word.text) or is_place(word.text):
        return None
    if s + 1 < len(toks) and is_name_word(toks[s + 1]):
        return None  # another name follows: not a surname alone
    return word.end
