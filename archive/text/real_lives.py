"""A biopic's figures are real: GUIDELINES.md types a real person portrayed in a film as
a person, though brackets, a cast list or a play verb introduce them as a role
(`Barbara Sukowa (Hannah Arendt)`). No rule can know from one sentence that Hannah
Arendt lived; the review can say so by calling its film a biopic. It says what kind of
film it reviews early, so a biopic noun in its first third (or first 1,200
characters) counts, and a biopic named in passing later (another film) does not.
Then the figures it names in full are persons; a figure named by one name alone (an
invented friend, a nickname) stays a character."""

from __future__ import annotations

import re
from bisect import bisect_right

from archive.text.lexicon import words

BIOPIC_NOUNS = words("biopic_nouns")

# Searched as plain lower-case text, so also as a compound's tail (`Musikerbiopic`): a
# word at a time cost a tenth of the analysis.
_LOWER = tuple(sorted({n.lower() for n in BIOPIC_NOUNS}))


def tells_a_real_life(text: str) -> bool:
    """The review calls the film it reviews a biopic (`das Biopic`, `ein Musikerbiopic`)."""
    head = text[: max(1200, len(text) // 3)].lower()
    return any(noun in head for noun in _LOWER)


def real_figures(text: str, characters: set[str], persons: set[str]) -> set[str]:
    """The characters of a biopic review that are real persons: those named in full,
    and a surname alone whose full name the review gives (`Arendt (Barbara Sukowa)`)."""
    if not tells_a_real_life(text):
        return set()
    full = {name for name in characters if " " in name}
    surnames = {name.rsplit(" ", 1)[1] for name in full | persons if " " in name}
    return full | {name for name in characters if " " not in name and name in surnames}


# A documentary films real people: `der Dokumentarfilm`, `eine Musikdoku`, a festival of
# them (`Dokumentarfilmfestival`); not the plural in passing (`nach Dokumentarfilmen über …`).
_DOCUMENTARY = re.compile(r"dokumentarfilm(?!en\b)|doku\b|dokus\b", re.IGNORECASE)
# Cues that make a name a figure of a story without saying that anyone plays it
# (`Schwester Benedikta`, `ihren Grossvater Józef Wójcik`, `den jungen Anselm`).
_STORY_CUES = frozenset({"character-cue", "lone-given"})
_PART_CUES = frozenset({"bracket", "cast-list", "play-object"})


def filmed_people(text: str, found: list, names: dict[int, str], characters: set[str]) -> set[str]:
    """The characters of a documentary's review that are the real people it films: the
    review calls its film a documentary early (as `tells_a_real_life` reads a biopic), no
    one in it is played (no actor, no part in brackets or a cast list, no play verb), and
    the name is a figure only by a noun or an apposition, or recurs alone with no cue.
    `found`: the first pass's (Candidate, sentence)."""
    if not characters or "oku" not in text and "OKU" not in text \
            or not _DOCUMENTARY.search(text, 0, max(1200, len(text) // 3)):
        return set()
    cues: dict[str, set[str]] = {}
    for c, _ in found:
        if c.pair or c.cue in _PART_CUES:
            return set()  # someone is played: a fiction film is reviewed too
        if c.kind == "character":
            cues.setdefault(names[id(c)], set()).add(c.cue)
    return {name for name in characters if cues.get(name, _STORY_CUES) <= _STORY_CUES}


# `Beide Hauptfiguren sind historische Persönlichkeiten`, `Alle drei sind reale Figuren`,
# `die es wirklich gegeben hat`: the review says its figures lived. Not when it says
# they are not, or only modelled on someone (an invented name for a real model stays a
# character: GUIDELINES.md).
_SAID_REAL = re.compile(
    r"\b(?:ist|sind|war|waren)\b[^.!?;]{0,40}?\b(?:historisch|real)(?:e|en|er)?\s+"
    r"(?:Figur|Figuren|Person|Personen|Persönlichkeit|Persönlichkeiten|Gestalt|Gestalten)\b"
    r"|\bhistorisch verbürgt|\b(?:gab es|hat es)\b[^.!?;]{0,30}?\b(?:wirklich|tatsächlich)\b")
_NOT_BEFORE = re.compile(r"\b(?:nicht|kein\w*|erfunden\w*|fiktiv\w*)\b")  # before the phrase: `sind keine realen`
_MODELLED = re.compile(r"\b(?:angelehnt|nachempfunden|inspiriert|Vorbild\w*|erfunden\w*|fiktiv\w*)\b")
# `Hilde Sarnow, die 1943 hingerichtet wurde`: a relative clause right after a name
# that dates a death or a birth in the past tense (a plot summary speaks in the present).
_LIFE_CLAUSE = re.compile(
    r"^,\s+(?:der|die)\b[^,.;!?]{0,60}?\b(?:1[0-9]\d\d|20[0-2]\d)\b[^,.;!?]{0,60}?\b(?:hingerichtet|ermordet|"
    r"gestorben|starb|verstarb|geboren|erschossen|getötet|umgebracht|lebte|gelebt)\b")


# `Die echte Vera Lind, inzwischen über siebzig, …`: the real one beside the part.
_REAL_BEFORE = re.compile(r"\b(?:der|die|den|dem|des)\s+(?:echte|reale|wirkliche|historische)[nrms]?\s+$", re.I)


def said_real(text: str, sentences: list[tuple[int, int]], named: list[tuple[int, str, int, int]],
              characters: set[str]) -> set[str]:
    """Characters the review itself says are real persons: named in a sentence that says
    so, or (when that sentence names none) in the sentence before, or in full in the
    paragraph before (`… Raju (Ram Charan) … ⏎⏎Beide Hauptfiguren sind historische
    Persönlichkeiten`); a name followed by a dated life (`X, die 1943 hingerichtet
    wurde`) or called the real one (`die echte X`); a figure named in full who shares a
    surname with one of them (a real family); and the first or last word of such a name
    used alone. `named`: (sentence, name, start, end) of each character mention found.
    Each pattern is searched once over the whole text (most reviews hold none)."""
    if not named:
        return set()
    real: set[str] = set()
    said = list(_SAID_REAL.finditer(text)) if any(hint in text for hint in _SAID_HINTS) else []
    if said:
        real |= _named_where_said(text, sentences, named, said)
    if any(hint in text for hint in _LIFE_HINTS):
        real |= {name for _, name, _, end in named if " " in name and _LIFE_CLAUSE.search(text[end : end + 160])}
    if any(hint in text for hint in _REAL_HINTS):
        real |= {name for _, name, start, _ in named if _REAL_BEFORE.search(text[max(0, start - 30) : start])}
    if not real:
        return real
    real &= characters
    families = {name.rsplit(" ", 1)[1] for name in real if " " in name}
    real |= {name for name in characters if " " in name and name.rsplit(" ", 1)[1] in families}
    words = {word for name in real if " " in name for word in (name.split(" ")[0], name.rsplit(" ", 1)[1])}
    return real | {name for name in characters if " " not in name and name in words}  # `Raju`, `Hilde`


# Words one of the patterns needs, looked for first as plain substrings (a regular
# expression tried at every `ist` of a review cost more than all the rest of this).
_SAID_HINTS = ("historisch", "reale", "realen", "wirklich", "tatsächlich")
_LIFE_HINTS = ("hingerichtet", "ermordet", "gestorben", "starb", "geboren", "erschossen", "getötet", "umgebracht",
               "lebte", "gelebt")
_REAL_HINTS = ("echte", "reale", "wirkliche", "historische")


def _named_where_said(text: str, sentences: list[tuple[int, int]], named: list[tuple[int, str, int, int]],
                      said: list[re.Match]) -> set[str]:
    """The characters a sentence that says its figures lived speaks of (see said_real)."""
    by_sentence: dict[int, list[str]] = {}
    for s, name, _, _ in named:
        by_sentence.setdefault(s, []).append(name)
    starts = [start for start, _ in sentences]
    real: set[str] = set()
    for match in said:
        s = bisect_right(starts, match.start()) - 1
        if s < 0:
            continue
        start, end = sentences[s]
        if match.end() > end or _NOT_BEFORE.search(text, start, match.end()) \
                or _MODELLED.search(text, start, end):
            continue
        if by_sentence.get(s):
            real |= set(by_sentence[s])
        elif s > 0 and by_sentence.get(s - 1) and "\n\n" not in text[sentences[s - 1][1] : start]:
            real |= set(by_sentence[s - 1])
        else:
            real |= {name for k in _paragraph_before(text, sentences, s) for name in by_sentence.get(k, ()) if " " in name}
    return real


def _paragraph_before(text: str, sentences: list[tuple[int, int]], s: int) -> list[int]:
    """The sentences of the paragraph before sentence s's (s's own before it, if any, too)."""
    out, breaks = [], 0
    for k in range(s - 1, -1, -1):
        if "\n\n" in text[sentences[k][1] : sentences[k + 1][0]]:
            breaks += 1
            if breaks == 2:
                break
        out.append(k)
    return out
