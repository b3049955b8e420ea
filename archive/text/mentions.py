"""Finding the persons, characters and films a German review names.

Two passes over the sentences. The first (`archive.text.rules`) finds mentions by
their cues. The second finds every further occurrence of what the first found, in
any sentence, genitive included (`Refns`, `Irenes`), and names each mention by the
fullest form of its entity in the review; then come the cast (`role`) and the film
the review is about. See docs/extraction.md."""

from __future__ import annotations

import re

from archive.text.rules import first_pass
from archive.text.rules.quotes import declined_titles, rejected_quotes
from archive.text.forms import reshape, title_end
from archive.text.names import cut_trailing_nouns, genitives_of_persons, family_name_first, nickname_forms, noun_family_names, \
    noun_not_name, noun_surnames, surname_used_as_noun, two_surnames_apart
from archive.text.arbitration import orient_pairs, typed_names
from archive.text.real_lives import authors_of_works, filmed_people, real_figures, said_real
from archive.text.recurring import acts_as_figure, figure_titles, listed_with_a_film, quoted_noun_titles, recurring_characters, \
    surnames_written_after, used_as_noun
from archive.text.view import Candidate, SentenceView
from archive.text.words import ROMANIZED_GIVEN, genitive_form, is_adjective, is_given, is_plain_noun, is_work_noun
from archive.text.headings import capsule_headings, heading_segment, review_heading, review_series
from archive.text.title_runs import split_at_known_titles
from archive.text.occurrences import occurrence_index, occurrences_in, surface_forms
from archive.text.known_names import KnownSurnames, Written, known_characters, written_words
from archive.text.lexicon import ARTICLES, FUNCTION_WORDS, Known
from archive.text.spans import Analysis, Asked, Entity, Mention, Role, Sentence, Taken
from archive.text.tokens import plain


def _lengthen(c: Candidate, proposals, taken: Taken, names: dict[int, str], name: str) -> None:
    """`Elster (Jasna Fritzi Bauer)`, where a rule stopped at a noun (`Bauer`) that the
    review writes elsewhere as part of that very name (a credit line's entry): the
    proposal at the same place takes the whole name."""
    for o in proposals:
        if o.start == c.start and o.end < c.end and o.kind == c.kind and taken.free(o.end, c.end):
            taken.take(o.end, c.end)
            o.end = c.end
            names[id(o)] = name
            return


def _nominative(name: str, written: Written, genitive_context: bool | None) -> str:
    """`Martin Scorseses` -> `Martin Scorsese` where the -s is a genitive: the form
    without it is named elsewhere in the review, or what follows is what a genitive
    modifies (`Scorseses Taxi Driver`) and the word is not a given name (`Thomas`).
    `name`: the surface as stored (`plain`)."""
    last = name.split(" ")[-1]
    if genitive_context is None or not genitive_form(last):
        return name
    stem = name[:-1]
    # `José Luis`, `Thomas`: a given name ending in s keeps it, unless the stem is named
    # elsewhere, whole or as the last word of a longer name (asked only when it matters)
    given = is_given(last) and not ROMANIZED_GIVEN.fullmatch(last[:-1])  # `Hou Hsiao-hsiens`: a genitive
    unless_named = name if given or not genitive_context else stem
    if unless_named != stem and written.names(stem):
        return stem
    return unless_named


def analyse_mentions(text: str, sentences: list[Sentence], known: Known | None = None) -> Analysis:
    known = known or Known()
    views = [SentenceView(text, i, s) for i, s in enumerate(sentences)]
    found: list[tuple[Candidate, int]] = []
    for view in views:
        for c in reshape(view, first_pass(view, known)):
            found.append((c, view.index))
    capsules = capsule_headings(views, found, heading_segment(views))
    for c, _, s in capsules:  # `BARBIE`, `DER NACHNAME` over each capsule of a page
        found = [(o, t) for o, t in found if not (t == s and o.start < c.end and o.end > c.start)]
        found.append((c, s))
    at, heading = review_heading(views, found)
    series = review_series(views, found, at)
    if series:  # `Tatort: Titel`: the series and its episode, not one title
        heading = None
        found = [(c, s) for c, s in found if not (s == at and any(c.start < e.end and c.end > e.start for e, _ in series))]
        found += [(c, at) for c, _ in series]
    if heading:
        found = [(c, s) for c, s in found if not (s == at and c.start < heading[0].end and c.end > heading[0].start)]
        found.append((heading[0], at))
    cut_trailing_nouns(text, found)
    found = two_surnames_apart(text, found)
    genitives_of_persons(text, found)
    written_as = {id(c): plain(text[c.start : c.end]) for c, _ in found}  # each surface as stored, spans settled

    # The review's entities, by kind: one type a name, throughout.
    written = Written({written_as[id(c)] for c, _ in found}, known)
    names = {id(c): _nominative(written_as[id(c)], written, c.genitive_context) if c.kind != "film"
             else written_as[id(c)] for c, _ in found}
    if heading:
        names[id(heading[0])] = heading[1]
    for c, name in series:
        names[id(c)] = name
    for c, name, _ in capsules:
        names[id(c)] = name
    orient_pairs(found, names, text)  # `X (Y)` read the way the rest of the review says
    characters, persons, given_only = typed_names(found, names, text)  # the cues weighed: archive/text/arbitration.py
    films = split_at_known_titles(found, names, written_as, {names[id(c)] for c, _ in found if c.kind == "film"}, known)
    recurring = recurring_characters(views, persons, films, given_only)
    joined = surnames_written_after(text, persons, recurring)  # `Apichatpong Weerasethakul`, then `Weerasethakul`
    recurring -= {name.split(" ")[1] for name in joined}
    persons |= joined
    characters |= recurring
    characters |= {p for p in given_only if p.split(" ")[0] in recurring}  # `Aaron Falk`, then `Aaron` alone
    persons -= characters
    real = real_figures(text, characters, persons,  # a biopic's figures named in full: real persons
                        [(s, names[id(c)], c.start, c.end) for c, s in found if c.kind != "film"])
    real |= filmed_people(text, found, names, characters)  # a documentary's people, named as figures
    real |= said_real(text, [(v.sentence.start, v.sentence.end) for v in views],  # `Beide sind historische Figuren`
                      [(s, names[id(c)], c.start, c.end) for c, s in found if names[id(c)] in characters], characters,
                      [(s, names[id(c)], c.start, c.end) for c, s in found if names[id(c)] in persons])
    real |= authors_of_works(text, [(s, names[id(c)], c.start, c.end) for c, s in found if c.kind != "film"], characters)
    characters -= real
    persons |= real
    for c, _ in found:  # `Blau` for `Drei Farben: Blau`, which the review writes out too
        if c.kind == "film" and " " not in names[id(c)]:
            fuller = [f for f in films if f.endswith(": " + names[id(c)])  # and `Yrsa – Die Reise`, `Die Frau,
                      or any(f.startswith(names[id(c)] + dash) or f.endswith(dash + names[id(c)])  # die singt – Incendies`
                             for dash in (" – ", " - ", " — ")) and not f.endswith(_FILM_OF_A_SERIES)]
            if len(fuller) == 1:
                names[id(c)] = fuller[0]
    films |= known.review_films  # what the review's metadata names counts as named
    persons |= known.review_persons - characters
    characters |= known.review_characters - persons
    asked_films, had = frozenset(films), frozenset(characters | persons)
    runs = None
    for title in films:  # characters the archive knows for a film this review names
        theirs = known.characters.get(title)
        if theirs:
            runs = runs or written_words(text)
            characters |= known_characters(known, title, runs, persons)
    years = {written_as[id(c)]: c.year for c, _ in found if c.kind == "film" and c.year}

    # Second pass: every occurrence of every name, genitive included.
    extra: list[tuple[Candidate, int]] = []
    headline_nouns = {heading[1]} if heading and " " not in heading[1] and is_plain_noun(heading[1]) \
        and sum(1 for c, _ in found if c.kind == "film" and names[id(c)] == heading[1]) == 1 else set()
    noun_titles = {f for f in films if " " not in f and is_plain_noun(f)} \
        - {name for _, name in series[:1]}  # `der neue Wiener Tatort`: a series, however it is modified
    quoted_nouns, titled_figures = quoted_noun_titles(found, names), figure_titles(found, names, characters)
    forms = surface_forms(persons, characters, films, headline_nouns)
    family_nouns, noun_names = noun_family_names(persons), noun_surnames(persons)
    index = occurrence_index(forms)
    by_sentence: dict[int, list[Candidate]] = {}
    for c, s in found:
        by_sentence.setdefault(s, []).append(c)
    declining = {f for f in films if f.startswith(("Der ", "Die ", "Das "))}  # titles an article may decline
    for view in views:
        occurrences = occurrences_in(view, index) if index else ()
        declined = declined_titles(view, declining) if declining else ()
        if not occurrences and not declined:
            continue
        taken = Taken(view.sentence.start, view.sentence.end)
        for o in by_sentence.get(view.index, ()):
            taken.take(o.start, o.end)
        rejected = rejected_quotes(view) if any(c.kind == "film" for c, _ in occurrences) else ()
        for c, name in occurrences:
            if c.kind == "film" and any(a <= c.start and c.end <= b for a, b in rejected):
                continue  # a quotation the first pass read as no title: speech, a term, a book
            if c.kind == "character" and " " not in name and used_as_noun(view, c.start):
                continue  # `vor lauter Sorge`: the figure `Sorge` is not meant
            if c.kind == "person" and name in family_nouns and noun_not_name(view, c.start, name):
                continue  # `den Song` in a review of Song Kang-ho
            if c.kind == "person" and name in noun_names and surname_used_as_noun(view, c.start, name):
                continue  # `ein müder Mann` in a review that names Michael Mann
            if c.kind == "film" and name in noun_titles and _modified_noun(text, view.sentence.start, c.start):
                continue  # `Hunderte Nachtfalter`, `die grauen Nachtfalter`: the noun, not the title
            if c.kind == "film" and name in quoted_nouns and (" " in name or text[view.sentence.start : c.start].strip()) \
                    and not listed_with_a_film(text, c, by_sentence.get(view.index, ()), occurrences):
                continue  # `„Heimat“` each time it is the title, so `Was ist Heimat` is the noun (a bare noun opening
                # a sentence is used as a name: `Systemsprenger bleibt …`; `zwischen Heimat und Y` beside a film is one)
            if c.kind == "film" and name in titled_figures and acts_as_figure(view, c.start, c.end, titled_figures[name]):
                c.kind = "character"  # the film `X` about a woman called X: here she acts
            if c.kind == "film":
                end = title_end(view, c, by_sentence.get(view.index, []))
                if end != c.end and taken.free(c.start, end):  # `Saw` found again, in `Saw VI`: the sequel
                    c.end, name = end, plain(text[c.start : end])
            if taken.free(c.start, c.end):
                taken.take(c.start, c.end)
                extra.append((c, view.index))
                names[id(c)] = name
            elif c.kind != "film":
                _lengthen(c, by_sentence.get(view.index, ()), taken, names, name)
        for start, end, name in declined:  # `mit dem „Knochenmann“` where the review names `Der Knochenmann`
            if taken.free(start, end):
                taken.take(start, end)
                extra.append((Candidate(start, end, "film", "quoted", rule="occurrence"), view.index))
                names[id(extra[-1][0])] = name
    found += extra

    fuller_of = {"character": _fuller_names(characters), "person": _fuller_names(persons)}
    nicknames = _nicknames(found, names)
    seen: dict[str, list[tuple[int, int]]] = {}  # where each name is written out (offset, sentence)
    for c, s in found:
        seen.setdefault(names[id(c)], []).append((c.start, s))
    surnames = KnownSurnames(known, persons | characters)
    mentions = []
    for c, s in sorted(found, key=lambda x: x[0].start):
        surface = text[c.start : c.end]
        nominative = names[id(c)]
        rule = c.rule
        if c.kind == "film":
            kind, name = "film", nominative
        else:
            kind = "character" if nominative in characters or c.kind == "character" and nominative not in persons \
                else "person"  # the type the cues weighed gave the name
            if c.rule == "occurrence" and " " not in nominative:
                kind = _nearer_kind(kind, nominative, fuller_of, seen, c.start)  # `Park`: Park Chan-wook or Park Doo-man
            opens = len(fuller_of[kind].get(nominative, ())) > 1 \
                and not _LEADING.sub("", text[views[s].sentence.start : c.start])
            name = _fullest(nominative, fuller_of[kind], c.start, s, seen, opens)
            if kind == "character" and nominative in nicknames:  # `Silke Haller, die alle nur Alberich nennen`
                name = nicknames[nominative]
            if kind == "character" and name in real:  # `Arendt` in a biopic's brackets: the real one
                kind, name = "person", _fullest(nominative, fuller_of["person"], c.start, s, seen)
            if kind == "person" and " " not in name:
                full = surnames.full_name(name)
                if full:
                    name, rule = full, "known-surname"
        mentions.append(Mention(c.start, c.end, surface, kind, name, s, rule))
    subject = heading[1] if heading else _subject(views, mentions)
    owners = _character_films(mentions, subject)
    entities = sorted({Entity(m.kind, m.name, years.get(m.name) if m.kind == "film" else None,
                              owners.get(m.name) if m.kind == "character" else None) for m in mentions},
                      key=lambda e: (e.kind, e.name))
    asked = Asked(frozenset(written.missed_names), frozenset(written.missed_last_words), asked_films,
                  frozenset(surnames.asked), had)
    return Analysis(text, sentences, mentions, entities, _roles(found, mentions), subject, asked)


# `Stromberg – Der Film`: the cinema film of a series, another work than the series `Stromberg`
_FILM_OF_A_SERIES = (" Der Film", " Der Kinofilm", " The Movie")
_WORD_BEFORE = re.compile(r"([\w-]+)\W*$")
_LEADING = re.compile(r"[\W_]+|(?:Und|Aber|Doch|Auch)\s+")  # what may stand before a sentence's subject


def _nicknames(found: list[tuple[Candidate, int]], names: dict[int, str]) -> dict[str, str]:
    """Each nickname the story gives a figure named in full, with that full name (the
    fullest form of the figure's name, GUIDELINES: `Alberich` -> `Silke Haller`)."""
    by_span = {(c.start, c.end): c for c, _ in found if c.kind == "character"}
    return {names[id(by_span[c.nickname])]: names[id(c)] for c, _ in found
            if c.nickname and c.nickname in by_span}


def _modified_noun(text: str, sentence_start: int, at: int) -> bool:
    """The word before `at` modifies a noun there: an article, an adjective, a number
    or a quantity (`die`, `schwarzen`, `zwei`, `Hunderte`)."""
    before = _WORD_BEFORE.search(text, max(sentence_start, at - 40), at)
    if before is None or text[before.end(1) : at].strip():
        return False  # a sentence's first word, or after punctuation (`Trotzdem: X`)
    word = before.group(1)
    return word.isdigit() or word.lower() in ARTICLES or word not in FUNCTION_WORDS and is_adjective(word) or word[:1].isupper() \
        and is_plain_noun(word) and not is_work_noun(word)


def _character_films(mentions: list[Mention], subject: str | None) -> dict[str, str]:
    """A character named only in sentences that name one other film belongs to that film
    (`die Figur des Travis Bickle in Scorseses Taxi Driver`, in a review of Drive)."""
    films_in: dict[int, set[str]] = {}
    for m in mentions:
        if m.kind == "film" and m.name != subject:
            films_in.setdefault(m.sentence, set()).add(m.name)
    sentences_of: dict[str, set[int]] = {}
    for m in mentions:
        if m.kind == "character":
            sentences_of.setdefault(m.name, set()).add(m.sentence)
    owners = {}
    for name, sentences in sentences_of.items():
        if all(s in films_in for s in sentences):
            films = set.union(*(films_in[s] for s in sentences))
            if len(films) == 1:
                owners[name] = films.pop()
    return owners


def _fuller_names(pool: set[str]) -> dict[str, list[str]]:
    """For each short form, the longer names of the pool it may stand for: those that end
    with it (`Mulligan`, also `del Toro` written `Del Toro` at a sentence's start) or
    start with it (`Travis` for `Travis Bickle`). Built once, so a review of many names
    costs its names, not their square."""
    index: dict[str, set[str]] = {}
    shorts = {short for other in pool for short in nickname_forms(other)}
    for other in pool - shorts:  # `C.J. Obasi` is a form of `C.J. "Fiery" Obasi`, not a name of its own
        words = other.split(" ")
        for k in range(1, len(words)):
            tail = " ".join(words[k:])
            index.setdefault(tail, set()).add(other)
            index.setdefault(tail[0].upper() + tail[1:], set()).add(other)
            index.setdefault(" ".join(words[:k]), set()).add(other)
        for short in nickname_forms(other):  # `C.J. Obasi` for `C.J. "Fiery" Obasi`
            index.setdefault(short, set()).add(other)
    return {short: sorted(names) for short, names in index.items()}


def _fullest(name: str, fuller_of: dict[str, list[str]], at: int, sentence: int,
             seen: dict[str, list[tuple[int, int]]], opens: bool = False) -> str:
    """The full name this short one stands for: a longer name that ends with (or, for
    characters, starts with) it. When several do (`Aki Kaurismäki` and his brother `Mika
    Kaurismäki`), the one written out last before `at` in this sentence, or in the
    previous one when the short name opens its sentence and so carries on its topic (`Ihr
    Bruder Tom Berg spielt den Vater. Berg spielt ihn …`), else the one the review writes
    out first: whom it is about. Inside a sentence, the next sentence's surname is the
    main one's (`… die Witwe Fatoş Güney erzählt. Freunde, die in Güneys Auftrag …`)."""
    fuller = fuller_of.get(name, ())
    if len(fuller) < 2:
        return fuller[0] if fuller else name

    def closeness(other: str) -> tuple[int, int]:
        places = seen.get(other)
        if not places:
            return (-1, 0)  # known to the archive, not written out in this review
        near = [start for start, s in places if start < at and (s == sentence or opens and s == sentence - 1)]
        return (1, max(near)) if near else (0, -min(start for start, _ in places))

    return max(fuller, key=closeness)


def _nearer_kind(kind: str, short: str, fuller_of: dict[str, dict[str, list[str]]],
                 seen: dict[str, list[tuple[int, int]]], at: int) -> str:
    """A family name written first that a person's and a character's names share (`Park`
    of the director Park Chan-wook and of the figure Park Doo-man) is the one written out
    last before it."""
    other = "character" if kind == "person" else "person"
    if not fuller_of[other].get(short) or not fuller_of[kind].get(short):
        return kind

    def last(k: str) -> int:
        return max((start for name in fuller_of[k][short] if family_name_first(name)
                    for start, _ in seen.get(name, ()) if start < at), default=-1)

    return other if last(other) > last(kind) else kind


def _roles(found: list[tuple[Candidate, int]], mentions: list[Mention]) -> list[Role]:
    """The cast, only from the pairs the rules made (`Irene (Carey Mulligan)`, `X spielt
    Y`, `Figur, gespielt von X`…): a character paired with the span of its actor, where
    the review names a person (the whole span, or its end: `Regisseur X als Y`)."""
    by_span = {(m.start, m.end): m for m in mentions}
    persons_by_end: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind == "person":
            persons_by_end.setdefault(m.end, []).append(m)
    roles: set[Role] = set()
    for c, _ in found:
        character = by_span.get((c.start, c.end)) if c.pair else None
        if character is None or character.kind != "character":
            continue
        start, end = c.pair
        actors = [m for m in persons_by_end.get(end, ()) if m.start >= start]
        if actors:
            roles.add(Role(character.name, min(actors, key=lambda m: m.start).name))
    return sorted(roles, key=lambda r: (r.character, r.actor))


def _subject(views: list[SentenceView], mentions: list[Mention]) -> str | None:
    """The film the review is about: one named as `sein neuer Film X`, else the only film
    named, else the one named clearly most often."""
    films = [m for m in mentions if m.kind == "film"]
    for m in films:
        before = views[m.sentence].text[max(0, m.start - 40) : m.start]
        words = re.findall(r"[\w-]+", before)
        if len(words) >= 2 and is_work_noun(words[-1]) and re.fullmatch(r"neue(?:r|n|m|s|ste[nm]?|stes)?", words[-2]) \
                and re.fullmatch(r"[\w-]+\s*[„“»«›‹\"]?", before[before.rfind(words[-1]):]):
            return m.name
    counts: dict[str, int] = {}
    for m in films:
        counts[m.name] = counts.get(m.name, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) == 1 or (len(ranked) > 1 and ranked[0] >= 2 and ranked[0] > ranked[1]):
        return max(counts, key=counts.get)  # the only film, or the one named most often
    return None
