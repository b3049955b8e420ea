"""A biopic's figures are real: GUIDELINES.md types a real person portrayed in a film as
a person, though brackets, a cast list or a play verb introduce them as a role
(`Barbara Sukowa (Hannah Arendt)`). No rule can know from one sentence that Hannah
Arendt lived; the review can say so by calling its film a biopic, or by saying it
tells a life (`ein Film über die letzten Wochen von X`). It says what kind of film it
reviews early, so a biopic noun in its first third (or first 1,200 characters) counts;
later it counts unless it is another film's (`sein Biopic`, `das X-Biopic „…“`) or a
comparison (`anders als ein Biopic`), and on a page of several films only for its own
paragraph. Then the figures it names in full are persons, and by one name alone a
surname or given name of one of them, or a figure a title of rule or a family noun
introduces (`Kaiserin Elisabeth`, `der Vater Micha`); another figure named by one name
alone (an invented friend, a nickname) stays a character, and so does one the review
calls invented. Apart from biopics, the review may say of its figures that they lived
(said_real): `historische Figuren`, `sie alle hat es gegeben`, `nach der wahren Geschichte
von X`, `hat den Maler X porträtiert`, `die echte X`, `X (1898–1936)`."""

from __future__ import annotations

import re
from bisect import bisect_right

from archive.text.lexicon import RULER_TITLES as RULERS, words
from archive.text.words import is_other_work, is_person_noun, names_someone

BIOPIC_NOUNS = words("biopic_nouns")
FAMILY = words("family_nouns")
LIFE_SPANS = words("life_spans")
POSSESSIVES = words("possessives")

# Searched as plain lower-case text, so also as a compound's tail (`Musikerbiopic`): a
# word at a time cost a tenth of the analysis.
# A hyphened noun is also found spaced (`True-Crime`, `True Crime`).
_LOWER = tuple(sorted({n.lower() for n in BIOPIC_NOUNS} | {n.lower().replace("-", " ") for n in BIOPIC_NOUNS}))
# `ein Film über die letzten Wochen von X`, `ein Jahr aus dem Leben der Kaiserin`, `erzählt
# das Leben X`: a life told; a name or a ruler's title follows (not `die letzten Tage des
# Krieges`, `erzählt vom Leben einer Philosophin`).
# `will das kurze Leben des Wiener Expressionisten erzählen`: the verb may come last.
_LIFE_BEFORE = re.compile(r"\b(?:über|aus|erzählt|erzählen|schildert|schildern|will|wollen|versucht)\s+"
                          r"(?:das|die|den|dem|vom)\s+"
                          r"(?:(?:letzten|ersten|frühen|späten|jungen|kurze|kurzen|ganze|ganzen|bewegte|bewegten)\s+)?$")
# `über das Leben des Malers`, `der Wiener Komponistin`: a life noun before a trade (a person noun)
_TRADE_AFTER = re.compile(r"(?:[A-ZÄÖÜ]\w+er\s+|[a-zäöü]\w+e[nr]?\s+)?([A-ZÄÖÜ]\w+)")
# `Marie Kreutzers Film über Kaiserin Elisabeth`, `ein Porträt über Ilse Obradović`: a film about someone named
_FILM_ABOUT = re.compile(r"\b(?:Film|Spielfilm|Kinofilm|Porträt)\s+über\s+(?=[A-ZÄÖÜ])")
_LIFE_AFTER = re.compile(r"\s+(?:(?:von|des|der)\s+)?(?=\w)")
_LIFE_SPANS = tuple(sorted(LIFE_SPANS))


def _lives_told(text: str, cut: int) -> list[int]:
    """Where a name may follow a life told in text[:cut] (each life noun found as a
    plain substring first, the words around it tried only there)."""
    out = []
    for noun in _LIFE_SPANS:
        at = text.find(noun, 0, cut)
        while at >= 0:
            after = _LIFE_AFTER.match(text, at + len(noun))
            if after and _LIFE_BEFORE.search(text, max(0, at - 40), at):
                out.append(after.end())
            at = text.find(noun, at + 1, cut)
    return out


def tells_a_real_life(text: str, named: list[tuple[int, str, int, int]] = ()) -> bool:
    """The review tells a real life, anywhere in it (see biopic_scope)."""
    return bool(biopic_scope(text, named))


# `133 Min.`: a page with two of these reviews several films (capsules, a TV guide).
_RUNTIME = re.compile(r"\b\d{2,3}\s*Min(?:uten|\.|\b)")


def biopic_scope(text: str, named: list[tuple[int, str, int, int]] = ()) -> list[tuple[int, int]]:
    """Where the review's figures are real: the whole text when it calls the film it
    reviews a biopic (`das Biopic`, `ein Musikerbiopic`) in its first third, or says
    early that it tells a life (`ein Film über die letzten Wochen von X`: `named` holds
    (sentence, name, start, end) of the names found); or later where no possessive makes
    it another one's (`sein Biopic von damals`), no hyphen a compound on a figure (`das
    Peter-Pan-Biopic`) and no quoted title follows: the whole text, but on a page that
    reviews several films (two running times) only the paragraph that says it."""
    cut = max(1200, len(text) // 3)
    lower = text.lower()
    head = lower[:cut]
    if any(noun in head for noun in _LOWER) \
            or any(_names_after(at, named, text) or _trade_after(at, text) for at in _lives_told(text, cut)) \
            or any(_names_after(m.end(), named, text, full=True) for m in _FILM_ABOUT.finditer(text, 0, cut)):
        return [(0, len(text))]
    late = []
    for noun in _LOWER:
        at = lower.find(noun, cut)
        while at >= 0:
            if not _another_biopic(text, at, at + len(noun)):
                late.append(at)
            at = lower.find(noun, at + 1)
    if not late or len(_RUNTIME.findall(text)) < 2:
        return [(0, len(text))] if late else []
    return [(max(0, text.rfind("\n\n", 0, at)), len(text) if text.find("\n\n", at) < 0 else text.find("\n\n", at))
            for at in late]


_UNLIKE = frozenset(("als", "wie", "statt", "anstatt", "kein", "keine", "keinen", "keines", "nicht", "andere", "anderen"))


def _another_biopic(text: str, start: int, end: int) -> bool:
    """A biopic noun late in a review names another film, or none: a possessive, a
    comparison or a negation before it, a hyphen compound, a title in quotes right after
    it, or a word it only ends."""
    before = text[max(0, start - 40) : start].split()
    if start > 0 and (text[start - 1] == "-" or text[start - 1].isalpha()):
        return True  # `Peter-Pan-Biopic`; `Musikerbiopic` late in a text is not weighed either
    if any(word.lower().strip("„“\"(") in POSSESSIVES or word.lower() in _UNLIKE for word in before[-3:]):
        return True  # `sein Biopic von damals`, `anders als ein Biopic`, `kein Biopic`
    return any(q in text[end : end + 4] for q in "„\"«‚»“")


def _names_after(at: int, named, text: str, full: bool = False) -> bool:
    """A name found within two words after offset `at` (`full`: a name of two words or
    more right there), or a ruler's title (`der Kaiserin`)."""
    if text[at : at + 20].split(" ", 1)[0].strip(",.;") in RULERS:
        return True
    if full:
        return any(start == at and " " in name for _, name, start, _ in named)
    return any(at <= start <= at + 24 and len(text[at:start].split()) <= 2 for _, _, start, _ in named)


def _trade_after(at: int, text: str) -> bool:
    """`Leben des Malers`, `des Wiener Expressionisten`: a person named by a trade."""
    if not text[max(0, at - 4) : at].rstrip().endswith(("des", "der")):
        return False  # `vom Leben einer Philosophin`: someone, not the one whose life it is
    m = _TRADE_AFTER.match(text, at)
    return bool(m) and (names_someone(m.group(1)) or m.group(1).endswith("s") and names_someone(m.group(1)[:-1]))


def real_figures(text: str, characters: set[str], persons: set[str],
                 named: list[tuple[int, str, int, int]] = ()) -> set[str]:
    """The characters of a biopic review that are real persons: those named in full, a
    surname alone whose full name the review gives (`Arendt (Barbara Sukowa)`), a given
    name alone that begins one real full name only (`Maria` for `Maria Callas`), and one
    name alone right after a title of rule or a family noun (`Kaiserin Elisabeth`, `der
    Vater Micha`), unless a sentence that names it says it was invented, or `namens`
    introduces it (a part in another film, a figure made up: `ein Pianist namens X`)."""
    scope = biopic_scope(text, named)
    if not scope:
        return set()
    if scope != [(0, len(text))]:  # a paragraph of a page of several films: its own figures only
        characters = {name for _, name, start, _ in named if any(a <= start < b for a, b in scope)} & characters
    full = {name for name in characters if " " in name}
    surnames = {name.rsplit(" ", 1)[1] for name in full | persons if " " in name}
    firsts: dict[str, int] = {}
    for name in full:
        firsts[name.split(" ")[0]] = firsts.get(name.split(" ")[0], 0) + 1
    alone = {name for name in characters if " " not in name}
    real = full | {name for name in alone if name in surnames or firsts.get(name) == 1}
    named = [n for n in named if n[1] in characters]
    invented = {name for _, name, start, end in named if _INVENTED.search(_sentence_around(text, start, end))
                or text[max(0, start - 8) : start].rstrip().endswith("namens")}  # `einen Pianisten namens X spielt`
    real |= {name for name in alone if any(_titled(text, m.start()) for m in re.finditer(rf"\b{re.escape(name)}\b", text))}
    invented |= {name.split(" ")[0] for name in invented if " " in name}
    return real - invented  # and `Mira` alone for an invented `Mira Sarnow`


_INVENTED = re.compile(r"\b(?:erfunden\w*|fiktiv\w*|ausgedacht\w*|Fantasiefigur\w*|Phantasiefigur\w*)\b")


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start), 0)
    right = [k for k in (text.find(". ", end), text.find("\n\n", end)) if k >= 0]
    return text[left : min(right) if right else len(text)]


def _titled(text: str, start: int) -> bool:
    """`Kaiserin Elisabeth`, `des Sohnes Patrick`, `die Mutter Knar`, `die Tänzerin Moa`: a
    title of rule, a family noun (in any case ending) or a noun for someone's trade right
    before a name."""
    before = text[max(0, start - 30) : start].split()
    if not before or not before[-1][:1].isupper():
        return False
    word = before[-1]
    return bool(_case_stems(word) & (FAMILY | RULERS)) or is_person_noun(word)  # `die Tänzerin Moa`


def _case_stems(word: str) -> set[str]:
    """The noun and what it is without a case ending (`des Sohnes`, `des Ministers`)."""
    return {word} | {word[: -len(e)] for e in ("s", "es", "n", "en") if word.endswith(e)}


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
    r"|\bhistorisch verbürgt|\b(?:gab es|hat es)\b[^.!?;]{0,30}?\b(?:wirklich|tatsächlich)\b"
    r"|\b(?:alle|beide)\s+(?:hat es|gab es)(?:\s+(?:so|auch))?(?:\s+gegeben)?\s*[.!;–—-]")  # `sie alle hat es gegeben`
_NOT_BEFORE = re.compile(r"\b(?:nicht|nie|niemals|kein\w*|erfunden\w*|fiktiv\w*)\b")  # before the phrase: `sind keine realen`
_MODELLED = re.compile(r"\b(?:angelehnt|nachempfunden|inspiriert|Vorbild\w*|erfunden\w*|fiktiv\w*)\b")
# `Hilde Sarnow, die 1943 hingerichtet wurde`: a relative clause right after a name
# that dates a death or a birth in the past tense (a plot summary speaks in the present).
_LIFE_CLAUSE = re.compile(
    r"^,\s+(?:der|die)\b[^,.;!?]{0,60}?\b(?:1[0-9]\d\d|20[0-2]\d)\b[^,.;!?]{0,60}?\b(?:hingerichtet|ermordet|"
    r"gestorben|starb|verstarb|geboren|erschossen|getötet|umgebracht|lebte|gelebt)\b")


# `X (1898–1936)`, `X (* 1941)`, `X († 1936)`: a life's years after a name; a film's one year is not.
_LIFE_YEARS = re.compile(r"\s*\((?:(?:geb\.|gest\.)\s*)?1\d{3}\s*[–—-]\s*(?:1\d{3}|20[0-2]\d)\s*\)"
                         r"|\s*\((?:\*|†|geb\.|gest\.)\s*(?:1\d{3}|20[0-2]\d)\s*\)")

# `nach der wahren Geschichte von X`, `porträtiert den Maler X`: the name right after is
# someone who lived (a name for a real model is not: `nach dem Vorbild von` says so).
_TOLD_OF = re.compile(r"\bwahren?\s+(?:Geschichte|Begebenheit|Begebenheiten|Ereignissen?)\s+(?:von|des|der|um|über)\s+"
                      r"|\bporträtier(?:t|te|en|ten)\s+(?:(?:den|die|das|der)\s+)?")
_TOLD_HINTS = ("wahre", "porträtier", "gefilmt")

# `Die echte Vera Lind, inzwischen über siebzig, …`: the real one beside the part.
_REAL_BEFORE = re.compile(r"\b(?:der|die|den|dem|des)\s+(?:echte|reale|wirkliche|historische)[nrms]?\s+$", re.I)


def said_real(text: str, sentences: list[tuple[int, int]], named: list[tuple[int, str, int, int]],
              characters: set[str], people: list[tuple[int, str, int, int]] = ()) -> set[str]:
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
    real |= {name for _, name, _, end in named if _LIFE_YEARS.match(text, end, end + 24)}  # `X (1898–1936)`
    if any(hint in text for hint in _TOLD_HINTS):
        real |= _told_of(text, named + list(people))
    if any(hint in text for hint in _REAL_HINTS):
        real |= {name for _, name, start, _ in named if _REAL_BEFORE.search(text[max(0, start - 30) : start])}
    real |= {name for _, name, start, _ in named if _in_office(text, start)}
    if not real:
        return real
    seeds = {name for name in real if " " in name}  # a real person's name, given or family, used alone
    real &= characters
    families = {name.rsplit(" ", 1)[1] for name in real if " " in name}
    real |= {name for name in characters if " " in name and name.rsplit(" ", 1)[1] in families}
    words = {word for name in real | seeds if " " in name for word in (name.split(" ")[0], name.rsplit(" ", 1)[1])}
    return real | {name for name in characters if " " not in name and name in words}  # `Raju`, `Hilde`


def _told_of(text: str, named: list[tuple[int, str, int, int]]) -> set[str]:
    """The first name named right after `nach der wahren Geschichte von`, `porträtiert
    (den Maler und Bildhauer)`: up to four words between, no punctuation."""
    starts = sorted((start, name) for _, name, start, _ in named)
    out = set()
    for match in _TOLD_OF.finditer(text):
        for start, name in starts:
            if start >= match.end():
                gap = text[match.end() : start]
                if len(gap.split()) <= 4 and not any(p in gap for p in ",.;:!?()„“\"«»") \
                        and not _SOMEONE.search(gap):  # `porträtiert eine Lehrerin namens X`: invented
                    out.add(name)
                break
    for _, name, start, end in named:  # `hat den Maler und Bildhauer X porträtiert`, `hat ihren Großvater X gefilmt`
        if _PARTICIPLE.match(text, end) and _OBJECT_BEFORE.search(text, max(0, start - 60), start):
            out.add(name)
    return out


_SOMEONE = re.compile(r"\b(?:ein|eine|einen|einem|einer|namens)\b", re.I)
_OBJECT_BEFORE = re.compile(r"\b(?:den|die|ihren|seinen|ihre|seine)\s+(?:[\w-]+\s+){0,4}$")
_PARTICIPLE = re.compile(r"\s+(?:porträtiert|gefilmt)\b")


# Words one of the patterns needs, looked for first as plain substrings (a regular
# expression tried at every `ist` of a review cost more than all the rest of this).
_SAID_HINTS = ("historisch", "reale", "realen", "wirklich", "tatsächlich", "alle hat es", "alle gab es",
               "beide hat es", "beide gab es")
_LIFE_HINTS = ("hingerichtet", "ermordet", "gestorben", "starb", "geboren", "erschossen", "getötet", "umgebracht",
               "lebte", "gelebt")
_REAL_HINTS = ("echte", "reale", "wirkliche", "historische")
OFFICE_TAILS = tuple(sorted(words("office_tails")))
_WORD_BEFORE = re.compile(r"([A-ZÄÖÜ][\w-]*)\s+$")


def _in_office(text: str, start: int) -> bool:
    """`der Zentrumspolitiker Matthias Erzberger`, `Marschall Foch`, `des Ministers X`: a
    noun for a public office right before the name (office_tails.txt)."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    return any(stem.endswith(OFFICE_TAILS) for stem in _case_stems(before.group(1).lower()))


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


_OPENING_QUOTES = ("„", "»", "\"", "“", "«")


def authors_of_works(text: str, named: list[tuple[int, str, int, int]], characters: set[str]) -> set[str]:
    """The characters the review also names as the author of a book, a poem or a song in
    the genitive (`Mary Shelleys „Frankenstein“`, `Byrons Gedichte`): a figure of a film
    who wrote what the review cites lived, so a historical film's brackets do not make
    them invented (GUIDELINES.md: a real person played stays a person)."""
    out = set()
    for _, name, start, end in named:
        if name not in characters or not (text[end - 1 : end] == "s" or text[end : end + 1] in "'’"):
            continue
        after = text[end : end + 40].lstrip("'’ ")
        if after.startswith(_OPENING_QUOTES) or is_other_work(after.split(" ", 1)[0].rstrip(",.;:")):
            out.add(name)
    return out
