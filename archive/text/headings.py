"""The review's own title in its heading line: `Die Blechtrommel` alone on the first
line. A heading is the first segment when it is a line of its own with no sentence end;
the part before a separator (`Titel :: Darsteller`) is the title when something says
so: the body names that film too (in any case: `BLAU` for `Drei Farben: Blau`), it is
written in capitals, it reads as English (`The`, `of`, `your`…: German headlines are
German), persons follow the separator (a credit heading), a rubric names it
(`Serienkritik: Titel, Staffel 1`) or a credit block follows it (`Titel⏎⏎Regie: …`).
A heading that is only a rubric (`DOKUMENTARFILM`, `Filmkritik`) names no film."""

from __future__ import annotations

import re

from archive.text.german import is_place
from archive.text.lexicon import ARTICLES, CREDIT_LABELS, ENGLISH_TITLE_STARTS, VERSION_WORDS
from archive.text.sentences import byline_names, is_slot_line
from archive.text.view import Candidate, SentenceView
from archive.text.tokens import plain
from archive.text.words import is_genre, is_given, is_plain_noun, is_rubric, is_work_noun

# English words that are no German words: a heading holding one is an English title.
_ENGLISH = frozenset("the of a by your my me you upon is it to on with for from at our his their".split())
_SEPARATORS = re.compile(r"\s+(?:::|\||–|—)\s+")
_SENTENCE_END = re.compile(r"[.!?…:;,]$")
# `Serienkritik: `, `Filmtipp: `, `Doku: ` before the title: a rubric, not part of it
_RUBRIC = re.compile(r"^([\w-]+(?: [\w-]+)?):\s+(?=\S)")
# `, Staffel 1`, `(Season 2)`, `– Folge 3` after a series' title: which part, not the title
_PART = re.compile(r"\s*(?:[,–—-]\s*|\()(?:Staffel|Season|Folge|Episode|Teil)\s+\d+\)?$")
_CREDIT_NEXT = re.compile(r"\n+([\w/-]+)(?: (?:&|und) [\w/-]+)?:")  # `Regie: …`, `Regie & Buch: …`
# `Titel⏎Arte, 20:15 Uhr · Drama, Brasilien 1998 · 110 Min.`: an info line follows
_INFO_LINE = re.compile(r"\b\d+ ?(?:Min|Folgen|Episoden)\b|\bFSK\b")  # `Sowjetunion 1979, 163 Min., FSK 12`: no title
_INFO_NEXT = re.compile(r"\n[^\n]*\b(?:1[89]|20)\d\d\b[^\n]*\b\d+ ?Min\b")
# a genre, a country and a year on the next line or the one after a blank: `Titel⏎⏎Komödie, F 2011, 112 Min.`
_GENRE_LINE = re.compile(r"([A-ZÄÖÜ][\wäöüß-]+), [A-ZÄÖÜ][\wÄÖÜ/.]*,? (?:1[89]|20)\d\d\b")
_GENRE_NEXT = re.compile(r"\n\n?" + _GENRE_LINE.pattern)


def _is_rubric(label: str) -> bool:
    """`Serienkritik`, `Filmtipp`, `DOKUMENTARFILM`, `Film`: a word of the page's layout."""
    word = label.strip().split()[-1].capitalize() if label.strip() else ""
    return bool(word) and is_rubric(word)


def _heading_line(view: SentenceView) -> str | None:
    """The segment's text when it is a line of its own with no sentence end, else None."""
    text, sentence = view.text, view.sentence
    line = text[sentence.start : sentence.end]
    if "\n" in line or _SENTENCE_END.search(line) or not text[sentence.end : sentence.end + 1] == "\n":
        return None
    return line


def heading_segment(views: list[SentenceView]) -> int:
    """Which segment holds the review's heading: the first, or the second when the first
    is a kicker in capitals above it (`TV-TIPP DES TAGES⏎⏎Titel`, `ANIME IM KINO⏎⏎Titel`):
    a line in capitals that holds a word of the page's layout, or a genre alone in one or
    two words (`Animationsfilm`), then another short line."""
    if len(views) < 2:
        return 0
    kicker, second = _heading_line(views[0]), _heading_line(views[1])
    if kicker is None or second is None or second.isupper() or len(second.split()) > 10:
        return 0
    if not kicker.isupper():  # `Animationsfilm⏎Titel`, `Heist-Thriller⏎Titel`: a genre alone over the title
        return 1 if len(kicker.split()) <= 2 and _is_rubric(kicker) and not _is_byline(second) else 0
    return 1 if any(_is_rubric(word) for word in re.findall(r"\w+", kicker)) else 0


def review_heading(views: list[SentenceView], found: list[tuple[Candidate, int]]) -> tuple[int, tuple[Candidate, str] | None]:
    """The segment of the review's heading and the title it names (None: no title);
    `found` holds the first pass's proposals with their segments."""
    if not views:
        return 0, None
    at = heading_segment(views)
    body = {plain(views[0].text[c.start : c.end]) for c, s in found if c.kind == "film" and s > at}
    return at, heading_title(views[at], [c for c, s in found if s == at], body)


def review_series(views: list[SentenceView], found: list[tuple[Candidate, int]], at: int) -> list[tuple[Candidate, str]]:
    """The series and the episode that the heading segment `at` names, if it does."""
    body = {plain(views[0].text[c.start : c.end]) for c, s in found if c.kind == "film" and s > at}
    return series_and_episode(views[at], body) if views else []


def heading_title(view: SentenceView, found: list[Candidate], body_films: set[str]) -> tuple[Candidate, str] | None:
    """The title in the review's heading segment, with its name, or None."""
    text, sentence = view.text, view.sentence
    line = _heading_line(view)
    if view.index > 1 or line is None:
        return None
    rubric = _RUBRIC.match(line)
    if rubric and rubric.group(1) in CREDIT_LABELS:
        return None  # `Produktion: X`: the first line of a credit block, no heading
    if rubric and not _is_rubric(rubric.group(1)):
        rubric = None
    body = line[rubric.end() :] if rubric else line
    parts = _SEPARATORS.split(_PART.sub("", body), maxsplit=1)
    if len(parts) > 1 and _same_films(body.strip(), body_films):
        parts = [body.strip()]  # `Mission: Impossible – Dead Reckoning`: the body writes the whole as one title
    title = parts[0].strip()
    tagline = _before_tagline(title)
    if tagline:  # `Club Zero: Wenn das Schulbuffet zur Glaubensfrage wird`
        title = _PART.sub("", tagline)  # `Severance, Staffel 2: Willkommen zurück`: the series
    start = sentence.start + line.index(title, rubric.end() if rubric else 0)
    end = start + len(title)
    if not title[:1].isupper() or len(title.split()) > 10 or _is_rubric(title) and len(title.split()) == 1:
        return None
    if title.isupper() and any(_is_rubric(word) for word in re.findall(r"\w+", title)):
        return None  # `NEU IM KINO`, `TV-TIPP DES TAGES`: a rubric in capitals
    same = _same_films(title, body_films)
    inside = [c for c in found if c.start < end and c.end > start and c.cue != "unknown"]
    if any((c.start, c.end) == (start, end) for c in inside) or any(c.kind != "film" for c in inside) \
            and not any(f.casefold() == title.casefold() for f in same):
        return None  # `Die Lippen des Jean-Paul Belmondo`: a person's heading (unless the body writes that very
        # title: `Ein Mann namens Otto`); or found already
    after = [c for c in found if c.start >= end]
    english = any(w.casefold() in _ENGLISH for w in re.findall(r"\w+", title))
    capitals = title.isupper() and sum(ch.isalpha() for ch in title) >= 3 \
        and (" " in title or not is_plain_noun(title.capitalize()))  # one plain noun (`KULTUR`): a page's section
    credit = len(parts) > 1 and bool(after) and all(c.kind == "person" for c in after)
    below = _past_byline(text, sentence.end)  # `Titel⏎Unterzeile⏎⏎Von X⏎⏎Regie: …`: the block under the byline
    credit = credit or _credit_block_after(text, below) or bool(_INFO_NEXT.match(text, below)) \
        or _listing_after(text, sentence.start, below)
    recurs = bool(tagline) and (" " in title or not is_plain_noun(title)) and title in text[sentence.end :]
    if not (same or english or capitals or credit or rubric or recurs):
        return None
    name = same[-1] if same else plain(title)
    return Candidate(start, end, "film", "heading", rule="film.heading"), name


def byline_spans(line: str) -> list[tuple[int, int]]:
    """The names of the byline `line` is (sentences.byline_names), if they read as names:
    the first word of each no plain noun unless a given name (`Von Menschen und Göttern`
    is a title, not a byline)."""
    spans = byline_names(line)
    if any(is_plain_noun(line[a:b].split()[0]) and not is_given(line[a:b].split()[0]) for a, b in spans):
        return []
    return spans


def _is_byline(line: str) -> bool:
    return bool(byline_spans(line))


_NEXT_LINE = re.compile(r"\n+[ \t]*([^\n]*)")


def _past_byline(text: str, end: int) -> int:
    """Where the page goes on below a heading that ends at `end`: after the byline when
    one of the next two lines is one (a subtitle may stand above it), else `end`."""
    pos = end
    for _ in range(2):
        line = _NEXT_LINE.match(text, pos)
        if not line or not line.group(1).strip():
            return end
        if _is_byline(line.group(1).rstrip()):
            return line.end(1)
        pos = line.end(1)
    return end


def _same_films(title: str, body_films: set[str]) -> list[str]:
    """The body's films that the heading's title names, in any case (`BLAU` for `Drei
    Farben: Blau`, `STILLE ÜBER HAMBURG` for `Die Stille über Hamburg`): the longest last,
    as the body writes it (`Longlegs` over `LONGLEGS`); the name itself breaks a tie, so
    the choice never follows a set's order."""
    folded = title.casefold()
    return sorted((f for f in body_films if f.casefold() == folded or f.casefold().endswith(" " + folded)),
                  key=lambda f: (len(f), not f.isupper(), f))


def _before_tagline(title: str) -> str | None:
    """`Club Zero: Wenn das Schulbuffet zur Glaubensfrage wird`: a colon, then a phrase
    of German prose (two lower-case words or more) is a headline's tagline, and the title
    stands before it; `Drei Farben: Blau` is one title."""
    head, colon, tail = title.partition(": ")
    if not colon or not head.strip() or len(head.split()) > 6:
        return None
    lower = [w for w in re.findall(r"\w+", tail) if w[0].islower()]
    return head.strip() if len(lower) >= 2 else None


def _listing_after(text: str, start: int, end: int) -> bool:
    """A programme guide's entry follows the line from start to end: its slot (`Sat.1,
    20.15 Uhr`), or a line of genre, country and year (`Tragikomödie, USA 2022, 126 Min.`)
    with no slot above the line (a slot's title stands over the slot, not under it)."""
    if text[end : end + 1] == "\n" and is_slot_line(text, end + 1):
        return True
    above = text[:start].rstrip("\n").rpartition("\n")[2]
    return _genre_line(_GENRE_NEXT.match(text, end)) and not is_slot_line(above)


def _genre_line(match: re.Match[str] | None) -> bool:
    """A `_GENRE_LINE` match whose head is a genre (a work noun), not a title."""
    return bool(match) and is_genre(match.group(1))


# `Les Loups (Die Wölfe)`, `Die hellen Stunden (Les heures claires)` over a credit block:
# the title and its original (or its translation), each a film
_TWO_TITLES = re.compile(r"^([A-ZÄÖÜ0-9][^()]*?) \(([A-ZÄÖÜ][^()\d]*)\)$")


def _two_titles(line: str, start: int) -> list[Candidate]:
    """The two titles of such a line; only the first when the bracket holds a remark (a
    place, a genre, a version: `Director’s Cut`, capitals: `OmU`), none when a name and
    its part are the line (`Tom Ellery (Jon)`)."""
    match = _TWO_TITLES.match(line)
    if not match:
        return []
    inner, outer = match.group(2).split(), match.group(1).split()
    titled = inner[0].lower() in ARTICLES or inner[0] in ENGLISH_TITLE_STARTS  # `Les Loups (Die Wölfe)`
    if not titled and (is_given(outer[0]) and len(outer) == 2 or is_given(inner[0]) and len(inner) == 2):
        return []
    if is_place(inner[0]) or is_work_noun(inner[0]) or VERSION_WORDS & set(inner) or inner[0].isupper():
        return [Candidate(start, start + match.end(1), "film", "heading", rule="film.heading")]
    return [Candidate(start + match.start(g), start + match.end(g), "film", "heading", rule="film.heading")
            for g in (1, 2)]


def _credit_block_after(text: str, end: int) -> bool:
    """The heading's next line opens a credit block: `Regie: …`, `Drehbuch: …`."""
    label = _CREDIT_NEXT.match(text, end)
    return bool(label) and label.group(1) in CREDIT_LABELS


def capsule_headings(views: list[SentenceView], found: list[tuple[Candidate, int]], at: int) -> list[tuple[Candidate, str, int]]:
    """A page of capsule reviews heads each with its film on a line of its own, after
    the review's heading (segment `at`): the line is the title when it is written in
    capitals and another segment names that film (`BARBIE` over a capsule that ends
    `Barbie. USA 2023 …`; `KULTUR` names none), or when a credit block follows it
    (`Titel⏎Regie & Buch: …`). Each with its name (the body's spelling) and segment."""
    films: dict[int, set[str]] = {}
    for c, s in found:
        if c.kind == "film":
            films.setdefault(s, set()).add(plain(views[0].text[c.start : c.end]))
    out = []
    for view in views[at + 1 :]:
        line = _heading_line(view)
        if line is None or not line[:1].isupper() or len(line.split()) > 10 or _INFO_LINE.search(line) \
                or _genre_line(_GENRE_LINE.match(line)) or _is_byline(line):
            continue
        label = _RUBRIC.match(line)  # `Regie: X`, `Kritik: X`: a label's line (`MISSION: SPRINGFLUT` is a title)
        if label and (not line.isupper() or label.group(1).capitalize() in CREDIT_LABELS or _is_rubric(label.group(1))):
            continue
        start = view.sentence.start
        end = start + len(line)
        if any(c.start <= start and end <= c.end and s == view.index for c, s in found):
            continue  # found already
        body = set().union(*(f for s, f in films.items() if s != view.index))
        same = _same_films(line, body) if line.isupper() else []
        if same:
            out.append((Candidate(start, end, "film", "heading", rule="film.heading"), same[-1], view.index))
        elif not line.isupper() and not is_slot_line(line) and _listing_after(view.text, start, end):  # the layout says so, whatever is inside
            out.append((Candidate(start, end, "film", "heading", rule="film.heading"), plain(line), view.index))
        elif not line.isupper() and _credit_block_after(view.text, end) and (titles := _two_titles(line, start)):
            out += [(c, plain(view.text[c.start : c.end]), view.index) for c in titles]
        elif not line.isupper() and _credit_block_after(view.text, end) \
                and not any(c.start < end and c.end > start and s == view.index for c, s in found):
            out.append((Candidate(start, end, "film", "heading", rule="film.heading"), plain(line), view.index))
    return out


# `Tatort Kiel: „Titel“`, `POLIZEIRUF 110: STURMFLUT`, `Serie – „Folge“`: a series, a place, then its episode
_EPISODE = re.compile(r"^(?P<series>\w[\w-]*(?: \d+)?)(?: (?P<place>\w[\w-]*))?(?::| [–—-]) „?(?P<episode>[^„“\"]+?)“?$")


def series_and_episode(view: SentenceView, body_films: set[str]) -> list[tuple[Candidate, str]]:
    """A TV crime heading names two works: the series and the episode (`Tatort: Titel`,
    `TATORT WIEN: „TITEL“`, a city after the series being its team). Both are films when
    the body writes the series' word again on its own (a series is named each time it is
    reviewed) and the episode is quoted in the heading or a film of the body; a rubric
    before the colon is none (`Filmkritik: X`), nor a whole the body writes as one
    title (`Alien: Romulus`). Each with its name, as the body spells it."""
    line = _heading_line(view)
    match = _EPISODE.match(line) if line and view.index <= 1 else None
    if not match or _is_rubric(match.group("series").split()[0]):
        return []
    series, place, episode = match.group("series"), match.group("place"), match.group("episode").strip()
    text, start = view.text, view.sentence.start
    if place and not is_place(place.capitalize()):
        return []
    body = text[view.sentence.end :]
    spelt = re.search(rf"\b{re.escape(series.split()[0])}\b", body, re.IGNORECASE)
    quoted = "„" in line
    whole = line.replace("„", "").replace("“", "").casefold()
    if not spelt or not (quoted or _same_films(episode, body_films)) or _same_films(line, body_films) \
            or whole in body.casefold() or not episode[:1].isupper():
        return []
    name = spelt.group(0) + series[len(series.split()[0]) :]
    episode_start = start + line.rindex(episode)
    same = _same_films(episode, body_films)
    return [(Candidate(start, start + len(series), "film", "heading", rule="film.heading"), name),
            (Candidate(episode_start, episode_start + len(episode), "film", "heading", rule="film.heading"),
             same[-1] if same else plain(episode))]
