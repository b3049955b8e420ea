"""Who plays whom, by a play verb or `als`: `Coster-Waldau spielt Andreas`, `verkörpert
X die Romanautorin Delphine`, `als Kommissar Thiel`, `ist als Charlotte Ritter zu
sehen`, `Pattinson als Reiher`. Each rule proposes the character and pairs it with the
actor before the verb when the sentence names one there."""

from __future__ import annotations

from archive.text.words import is_plain_noun

from archive.text.view import after_adjectives

from archive.text.german import is_noun, is_place
from archive.text.lexicon import ADDRESS_TITLES, ARTICLES, CAST_NOUNS, FUNCTION_WORDS, NOT_GIVEN_NAMES, PLAY_VERBS
from archive.text.view import (
    RANKS,
    Candidate,
    SentenceView,
    backward_name_run,
    describes_a_part,
    describes_a_person,
    ends_in_mit,
    genitive_apostrophe,
    paired,
    role_noun_then_name,
    unknown_word,
)
from archive.text.words import APPEARS_AS, genitive_form, is_adjective, is_given, is_name_word, is_person_noun, kin, \
    names_a_person

from archive.text.rules.registry import rule

ALS = ("als",)


@rule("character.play-verb", priority=85, triggers=PLAY_VERBS, examples={
    "Nikolaj Coster-Waldau spielt Andreas, einen Polizisten.": {"Andreas": "character",
                                                                "Nikolaj Coster-Waldau": "person"},
    "Die Hauptrolle spielt Walter Brenning.": {"Walter Brenning": "person"},
    "Ellery spielt Maro Zandek, einen jungen Heimatarmisten.": {"Maro Zandek": "character"},
    "Tom Ellery spielt den Kralowitz mit Schnauzbart.": {"Kralowitz": "character", "Tom Ellery": "person"},
})
def characters_by_play_verb(view: SentenceView) -> list[Candidate]:
    """The object of `spielt`, `verkörpert`, `mimt`, `gibt`: the last name of the clause;
    who plays is the name of two words before the verb; after a cast noun (`Die
    Hauptrolle spielt X`) the name after the verb is the actor; `spielen … mit` plays along."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if tok.text not in PLAY_VERBS:
            continue
        if tok.text == "stellt" and not any(t.text == "dar" for t in toks[i + 1 :]):
            continue  # `stellt X ins Zentrum`: only `stellt X dar` plays
        subject_before = _subject_before(view, i)
        if tok.text in ("gibt", "gab") and (not subject_before or view.word(i + 1) == "es"):
            continue  # `es gibt`, `Als Extras gibt es …`: there is, not plays
        actor = backward_name_run(view, i)
        if i - actor >= 2 and toks[actor].text not in NOT_GIVEN_NAMES \
                and (is_given(toks[actor].text) or not is_plain_noun(toks[i - 1].text)):  # not `Kritische Fragen stellt`
            out.append(Candidate(*view.span(actor, i), "person", "given"))  # `Mišel Matičević gibt …`
        if i > 0 and toks[i - 1].text in CAST_NOUNS:
            j = view.name_run(i + 1)
            if j - (i + 1) >= 2:
                out.append(Candidate(*view.span(i + 1, j), "person", "role-cue"))
            continue
        if view.word(i + 1) in ("den", "die") and i + 2 < len(toks) and is_name_word(toks[i + 2]) \
                and not is_noun(toks[i + 2].text):
            # `spielt den Stromberg`: a name after the article is a part (`den Hamlet`), never the actor
            part = Candidate(*view.span(i + 2, view.name_run(i + 2, limit=2)), "character", "play-object")
            part.pair = view.span(actor, i) if subject_before and actor < i else None
            out.append(part)
            continue
        end = next((m for m in range(i + 1, len(toks)) if toks[m].text in ",.;:!?)" or toks[m].text == "und"), len(toks))
        if not ends_in_mit(view, i + 1):  # `spielen auch Peter Falk und Curt Bois mit`: who plays along
            out += _object_names(view, i, i + 1, end, subject_before, actor if subject_before and actor < i else None)
    return out


def _subject_before(view: SentenceView, i: int) -> bool:
    toks = view.tokens
    prev = toks[i - 1] if i > 0 else None
    return prev is not None and prev.is_word and prev.is_cap and (
        i > 1 and is_given(toks[i - 2].text)  # `Carey Mulligan spielt`, though `Mulligan` is a word too
        or is_name_word(prev) and not is_plain_noun(prev.text))  # not `Mit Vollbart verkörpert X …`


def _object_names(view: SentenceView, i: int, k: int, end: int, subject_before: bool,
                  actor: int | None) -> list[Candidate]:
    """The character in the object between tokens k and end: the last name in it that
    starts with a given name; after a verb with no name before it the first name is
    the subject (`In X spielt Agathe Rousselle eine Frau`), so it does not count."""
    toks, verb = view.tokens, toks_text(view, i)
    names, m = [], k
    while m < end:
        if toks[m].is_word and toks[m].is_cap and is_given(toks[m].text):
            j = min(view.name_run(m), end)
            if j > m and genitive_form(toks[j - 1].text) and j < end and toks[j].is_cap and not is_name_word(toks[j]):
                m = j  # `spielt in Marc Rothemunds Komödie einen Hotelerben`: the owner of a noun, not the part
                continue
            if j > m:
                names.append((m, j))
                m = j
                continue
        m += 1
    if verb != "als" and not subject_before:
        if k < len(toks) and is_name_word(toks[k]):  # `spielt DiCaprio den Heimkehrer Ernest Burkhart`
            subject_end = view.name_run(k)
            if view.word(subject_end) == "," and describes_a_part(view, subject_end + 1):
                names = [(k, subject_end)]  # `…, spielt Roman Kogler, einen Neunzehnjährigen`: the object
            else:
                actor, i = _subject_after_verb(view, k, subject_end)
                names = [n for n in names if n[0] >= i]
        elif names:
            (actor, i), names = names[0], names[1:]  # `In X spielt Agathe Rousselle eine Frau`
    elif not names and verb != "als" and k < len(toks) and is_name_word(toks[k]):
        j = view.name_run(k, limit=3)  # `Yakusho spielt Hirayama, einen Toilettenreiniger`
        if view.word(j) == "," and describes_a_part(view, j + 1):
            names = [(k, j)]
    return _played(view, names[-1], actor, i) if names else []


def _subject_after_verb(view: SentenceView, k: int, end: int) -> tuple[int, int]:
    """The actor named right after an inverted play verb (tokens k..end), or, when that
    name is a genitive before a noun (`verkörpert Polanskis langjährige Ehefrau Emmanuelle
    Seigner die …`), the name after the noun."""
    toks = view.tokens
    if genitive_form(toks[end - 1].text):
        noun = after_adjectives(view, end)
        if noun + 1 < len(toks) and toks[noun].is_cap and not is_name_word(toks[noun]):
            after = view.name_run(noun + 1)
            if after > noun + 1:
                return noun + 1, after
    return k, end


def toks_text(view: SentenceView, i: int) -> str:
    return view.tokens[i].text


def _played(view: SentenceView, best: tuple[int, int], actor: int | None, actor_end: int) -> list[Candidate]:
    """The character found, paired with the actor (tokens actor..actor_end) when there is
    one; `spielen das Ehepaar Tim und Milena Engels, …`: a second name joined by `und`
    that ends the clause is played too (`… Tim und Lena spielt Bob` is not), and when
    two actors play two characters (`Hüller und Friedel spielen Hedwig und Rudolf`), in
    order, pair by pair."""
    toks = view.tokens
    character = Candidate(*view.span(*best), "character", "play-object")
    if actor is not None:
        character.pair = view.span(actor, actor_end)
    out = [character]
    if view.word(best[1]) == "und" and best[1] + 1 < len(toks) and is_name_word(toks[best[1] + 1]):
        j = view.name_run(best[1] + 1, limit=3)
        if j >= len(toks) or toks[j].text in ",.;:!?)":
            second = Candidate(*view.span(best[1] + 1, j), "character", "play-object")
            first_actor = backward_name_run(view, actor - 1) if actor is not None and view.word(actor - 1) == "und" else None
            if first_actor is not None and first_actor < actor - 1:
                character.pair, second.pair = view.span(first_actor, actor - 1), view.span(actor, actor_end)
            out.append(second)
    return out


@rule("character.is-name", priority=85, triggers=("ist", "war"), examples={
    "Tom Ellery ist Michel Brandauer, ein kleiner Gauner.": {"Michel Brandauer": "character"},
    "Ute Klasen ist hier Mira, die ihre Mutter pflegt.": {"Mira": "character", "Ute Klasen": "person"},
})
def characters_by_is(view: SentenceView) -> list[Candidate]:
    """`Jean-Paul Belmondo ist Michel Poiccard, …`: a full name is another full name, or
    a given name alone before a comma (`Ute Klasen ist hier Mira, die …`)."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        n = i + 2 if view.word(i + 1) in ("hier", "diesmal", "nun") else i + 1  # `ist hier Irena,`
        if tok.text not in ("ist", "war") or n + 1 >= len(toks) or not is_given(toks[n].text):
            continue
        subject = backward_name_run(view, i)
        j = view.name_run(n, limit=3)
        same = [t.text for t in toks[subject:i]] == [t.text for t in toks[n:j]]
        # a given name alone only before a comma: `Ute Klasen ist Mira, die …`
        named = j - n >= 2 and view.word(j) in (",", ".", ";", ":", "und", "") or j - n == 1 and view.word(j) == ","
        if i - subject >= 2 and named and not same:
            character = Candidate(*view.span(n, j), "character", "play-object")
            character.pair = view.span(subject, i)
            out.append(character)
    return out


def _paired_before(view: SentenceView, character: Candidate, k: int) -> Candidate:
    """Pair the character with the name right before token k (`Fries ist als …`,
    `Bleibtreu als Wäschehändler David`), if one is there."""
    actor = backward_name_run(view, k)
    if actor < k:
        character.pair = view.span(actor, k)
    return character


def _als_kind(view: SentenceView, i: int) -> str | None:
    """Which reading of `als` at token i holds, in order: a role noun and a name, after
    a verb of appearing, after a name, before a name."""
    toks = view.tokens
    if toks[i].text != "als":
        return None
    if role_noun_then_name(view, i + 1):
        return "role-noun"
    if view.word(i - 1) in APPEARS_AS and i + 1 < len(toks) and is_name_word(toks[i + 1]):
        return "appears"
    if i > 0 and toks[i - 1].is_cap and is_name_word(toks[i - 1]):
        return "after-name"
    if i + 1 < len(toks) and is_name_word(toks[i + 1]):
        return "name"
    return None


@rule("character.as-role-noun", priority=85, triggers=ALS, examples={
    "Sie ermitteln als Kommissarin Brenning und Professor Haase.": {"Brenning": "character",
                                                                   "Haase": "character"},
})
def characters_as_role_noun(view: SentenceView) -> list[Candidate]:
    """`ermitteln als Kommissar Thiel und Professor Boerne`: the noun says a person, so
    the name needs no list."""
    out = []
    for i in view.positions("als"):
        if _als_kind(view, i) != "role-noun":
            continue
        role = role_noun_then_name(view, i + 1)
        while role:
            out.append(_paired_before(view, Candidate(*view.span(*role), "character", "play-object"), i))
            role = role_noun_then_name(view, role[1] + 1) if view.word(role[1]) == "und" else None
    return out


@rule("character.appears-as", priority=85, triggers=ALS, also=(APPEARS_AS,), examples={
    "Lena Marić ist als Charlotte Haase wieder zu sehen.": {"Charlotte Haase": "character"},
})
def characters_appearing_as(view: SentenceView) -> list[Candidate]:
    """`Fries ist als Charlotte Ritter wieder die heimliche Hauptfigur`."""
    out, toks = [], view.tokens
    for i in view.positions("als"):
        if _als_kind(view, i) == "appears":
            j = view.name_run(i + 1, limit=3)
            if j - (i + 1) >= 2 or is_given(toks[i + 1].text) or unknown_word(toks[i + 1]) and _to_be_seen(view, j):
                out.append(_paired_before(view, Candidate(*view.span(i + 1, j), "character", "play-object"), i - 1))
    return out


def _to_be_seen(view: SentenceView, j: int) -> bool:
    """`… als Himi zu hören`, `als Catwoman die beste Besetzung`: a part no lexicon knows
    is seen or heard, or said to be something (not `als Stream erhältlich`)."""
    return view.word(j) in ARTICLES or any(view.word(m) == "zu" and view.word(m + 1) in ("sehen", "hören", "erleben")
                                           for m in range(j, j + 3))


@rule("character.as-after-name", priority=85, triggers=ALS, examples={
    "Kowalczyk als Oskar, Brenning als Theo.": {"Oskar": "character", "Theo": "character"},
    "Tom Ellery als Brzęczyk, Ute Klasen als strenge Dr. Haase.": {"Brzęczyk": "character", "Haase": "character"},
})
def characters_as_after_name(view: SentenceView) -> list[Candidate]:
    """`Pattinson als Reiher, Christian Bale als Shoichi`: up to the comma; not a
    comparison (`Anders als bei Jean-Luc Godard`) nor a real role (`als Regisseur X`)."""
    out, toks = [], view.tokens
    for i in view.positions("als"):
        if _als_kind(view, i) != "after-name":
            continue
        if view.word(i + 1).lower() in FUNCTION_WORDS - ARTICLES or is_person_noun(view.word(i + 1)):
            continue
        end = min(len(toks), i + 5)  # up to `und`: `X als Irene und Y als Cesar` names the next actor
        end = next((m for m in range(i + 1, end) if toks[m].text in ",.;:!?)" or toks[m].text == "und"), end)
        actor = backward_name_run(view, i)
        found = _object_names(view, i, i + 1, end, _subject_before(view, i), actor if actor < i else None)
        if not found and i - actor >= 2:  # `Siegfried Breuer als Popescu`, `als zwielichtiger Dr. Winkel`
            found = _part_after_als(view, i, actor)
        out += found
    return out


def _part_after_als(view: SentenceView, i: int, actor: int) -> list[Candidate]:
    """After a full name and `als`: adjectives, a form of address or a rank, then a name
    that is a given name, a word no lexicon knows, or anything after the form of address;
    it closes the phrase (a comma, `und`, `mit`, the sentence's end)."""
    toks, m = view.tokens, i + 1
    while m < len(toks) and is_adjective(toks[m].text) and toks[m].text not in FUNCTION_WORDS:
        m += 1
    addressed = m < len(toks) and (toks[m].text in ADDRESS_TITLES or toks[m].text in RANKS)
    if addressed:
        m += 2 if view.word(m + 1) == "." else 1
    if m >= len(toks) or not (toks[m].is_cap and toks[m].is_word) or is_place(toks[m].text):
        return []
    j = view.name_run(m, limit=2) if is_name_word(toks[m]) else m + 1
    if view.word(j) not in (",", ".", ";", "!", "?", "und", "mit", "") \
            or not (addressed or is_given(toks[m].text) or unknown_word(toks[m])):
        return []
    return [_paired_before(view, Candidate(*view.span(m, j), "character", "play-object"), i)]


@rule("character.as-name", priority=85, triggers=ALS, examples={
    "Sie wartet als Rachel Haase auf den Zug.": {"Rachel Haase": "character"},
    "Ute Klasen hat als Jonas Vermieterin einen Auftritt.": {"Jonas": "character"},
})
def characters_as_name(view: SentenceView) -> list[Candidate]:
    """`Ferrera hat als Gloria, eine Angestellte, …` (a name, then a person apposition);
    `Gish wartet als Rachel Cooper …` (a given name after a verb). Not `, als X kam`
    (a clause: when) nor `älter als X` (a comparison)."""
    out, toks = [], view.tokens
    for i in view.positions("als"):
        if _als_kind(view, i) != "name":
            continue
        j = view.name_run(i + 1, limit=3)
        prev = view.word(i - 1)
        comparison = len(prev) >= 4 and prev.endswith("er") or prev in ("anders", "mehr", "eher", "so", ",")
        someones = genitive_form(toks[j - 1].text) and view.word(j)[:1].isupper() \
            or j < len(toks) and genitive_apostrophe(toks, j)  # `als Romans Mutter`, `als Jonas Haas’ Kameramann`
        if j - (i + 1) == 2 and _owner_and_noun(toks[i + 1].text, toks[i + 2].text):
            out.append(Candidate(*view.span(i + 1, i + 2), "character", "character-cue"))  # `als Annas Vermieterin`
            continue
        if view.word(j) == "," and describes_a_person(view, j + 1) \
                or not comparison and not someones and prev[:1].islower() and is_given(toks[i + 1].text):
            out.append(Candidate(*view.span(i + 1, j), "character", "play-object"))
    return out


def _owner_and_noun(first: str, second: str) -> bool:
    """`Annas Vermieterin`: a given name in the genitive, then a noun (for a person, or
    any the lexicon knows): the part is someone of that figure's, who is named."""
    return genitive_form(first) and is_given(first[:-1]) and second[:1].isupper() \
        and (kin(second) or is_person_noun(second) or names_a_person(second) or is_noun(second))


RELATIVE_PRONOUNS = ("der", "die")


@rule("character.relative-play", priority=85, triggers=PLAY_VERBS, examples={
    "Später sehen wir Ilka Brenning, die in Kasan die Lehrerin Mara Olt spielte, im Garten.": {
        "Ilka Brenning": "person", "Mara Olt": "character"},
    "Das gilt für Jonas Ellery, der den Schmuggler Bruno Kade spielt.": {
        "Jonas Ellery": "person", "Bruno Kade": "character"},
})
def characters_in_relative_clause(view: SentenceView) -> list[Candidate]:
    """`Jonas Ellery, der den Schmuggler Bruno Kade spielte,`: a name, a relative clause that
    closes with a play verb; the name before it is the actor, the last name inside
    (a given name, or a word no lexicon knows) the character."""
    out, toks = [], view.tokens
    for v, tok in enumerate(toks):
        if tok.text not in PLAY_VERBS or view.word(v + 1) not in (",", ".", ";", ")", ""):
            continue
        rel = next((m for m in range(v - 1, max(v - 12, 0), -1) if toks[m].text in ",;:()"), None)
        if rel is None or toks[rel].text != "," or view.word(rel + 1) not in RELATIVE_PRONOUNS:
            continue
        actor = backward_name_run(view, rel, limit=3)
        if rel - actor < 2 or toks[actor].text in NOT_GIVEN_NAMES:
            continue  # a full name only: `Freude, die Kummer spielt` is no cast
        m, names = rel + 2, []
        while m < v:
            j = view.name_run(m, limit=3) if is_name_word(toks[m]) else m
            if j > m:
                names.append((m, j))
                m = j
            else:
                m += 1
        if not names:
            continue
        first, last = names[-1]
        while last - first >= 2 and is_plain_noun(toks[first].text):
            first += 1  # `den Schmuggler Bruno Kade`: the noun is no part of the name
        if last - first == 1 and not (is_given(toks[first].text) or unknown_word(toks[first])):
            continue  # one word that is a noun: `, die Angst spielt`
        if last < v and not all(t.text[:1].islower() for t in toks[last:v]):
            continue
        character = Candidate(*view.span(first, last), "character", "play-object")
        out += paired(character, Candidate(*view.span(actor, rel), "person", "role-cue"))
    return out
