"""Fictional persons: in brackets with their actor (`Irene (Carey Mulligan)`), by a
character, kin or everyday person noun (`Figur des Travis Bickle`, `Tochter Greta`),
by a play verb or `als` (`X spielt Andreas`)."""

from __future__ import annotations

from archive.text.rules.registry import rule

from archive.text.german import is_noun, is_place
from archive.text.lexicon import (
    ARTICLES,
    CAST_NOUNS,
    EVERYDAY_PERSON_NOUNS,
    FUNCTION_WORDS,
    NOT_GIVEN_NAMES,
    PLAY_VERBS,
)
from archive.text.view import (
    Candidate,
    SentenceView,
    after_adjectives,
    backward_name_run,
    describes_a_person,
    ends_in_mit,
    role_noun_then_name,
)
from archive.text.words import (
    ADJECTIVE_END,
    APPEARS_AS,
    POSSESSIVES,
    everyday_person,
    genitive_form,
    is_adjective,
    is_character_noun,
    is_given,
    is_name_word,
    is_person_noun,
    is_plain_noun,
    kin,
)


@rule("character.bracket", priority=82, triggers=("(",), examples={
    "Seine Nachbarin Irene (Carey Mulligan) wohnt nebenan.": {"Irene": "character", "Carey Mulligan": "person"},
})
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
        outer = backward_name_run(view, k)
        if outer == k:
            if inner_end - (k + 1) >= 2 and k > 0 and toks[k - 1].is_cap and is_noun(toks[k - 1].text):
                out.append(Candidate(*view.span(k + 1, inner_end), "person", "paren-actor"))  # `des Pfarrers (…)`
            continue
        if k - outer == 1 and is_plain_noun(toks[outer].text) and not kin(view.word(outer - 1)):
            if inner_end - (k + 1) >= 2:  # `seinen Chefredakteur (Jörg Hartmann)`: only the actor
                ps, pe = view.span(k + 1, inner_end)
                out.append(Candidate(ps, pe, "person", "paren-actor"))
            continue
        before = view.word(outer - 1)
        if k - outer >= 2 and (not is_given(toks[outer].text) or k - outer >= 3 and is_given(toks[outer + 1].text)) \
                and (before.lower() in ARTICLES or is_adjective(before)):
            outer += 1  # `die Engel Damiel (…)`, `der arbeitslose Bergmann Taisto Kasurinen (…)`: a noun
        while k - outer >= 2 and everyday_person(toks[outer].text):
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


@rule("character.noun", priority=75, examples={
    "Die Figur des Travis Bickle ist berühmt.": {"Travis Bickle": "character"},
    "Seine Tochter Greta lacht.": {"Greta": "character"},
})
def _characters_by_noun(view: SentenceView) -> list[Candidate]:
    """`Figur des Travis Bickle`, `Rolle der Irene`, `Nachbarin Irene`, `Driver genannt`."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if tok.text == "," and i > 0 and view.word(i + 1) in ("ein", "eine", "einen", "einem", "einer", "der", "die"):
            k = after_adjectives(view, i + 2)  # `Brad Sloan, ein Mann in den besten Jahren`: a noun in apposition
            if k < len(toks) and toks[k].text in EVERYDAY_PERSON_NOUNS:
                start = backward_name_run(view, i, limit=3)
                if start < i and (i - start >= 2 or is_given(toks[start].text)) and not (
                        start > 0 and (is_person_noun(toks[start - 1].text) or toks[start - 1].text == "(")):
                    cs, ce = view.span(start, i)
                    out.append(Candidate(cs, ce, "character", "character-cue"))
            continue
        if not tok.is_word:
            continue
        if tok.text == "gespielt" and view.word(i + 1) == "von" and view.word(i - 1) == "," and i > 1:
            start = backward_name_run(view, i - 1, limit=3)  # `Nadja, gespielt von Paula Beer`
            actor_end = view.name_run(i + 2)
            if start < i - 1 and actor_end > i + 2:
                cs, ce = view.span(start, i - 1)
                ps, pe = view.span(i + 2, actor_end)
                out += [Candidate(cs, ce, "character", "character-cue"), Candidate(ps, pe, "person", "paren-actor")]
            continue
        if tok.text == "gespielt" and i > 2:  # `Iris, wieder von Kati Outinen gespielt, …`
            actor = backward_name_run(view, i)
            by = actor - 1
            comma = next((m for m in range(by - 1, max(by - 4, -1), -1) if toks[m].text == ","), None)
            if actor < i and view.word(by) == "von" and comma is not None \
                    and all(toks[m].text[:1].islower() for m in range(comma + 1, by)):
                start = backward_name_run(view, comma, limit=3)
                if start < comma:
                    cs, ce = view.span(start, comma)
                    ps, pe = view.span(actor, i)
                    out += [Candidate(cs, ce, "character", "character-cue"),
                            Candidate(ps, pe, "person", "paren-actor")]
            continue
        if tok.is_cap and i > 0 and i + 1 < len(toks) and toks[i + 1].is_cap and everyday_person(tok.text) \
                and is_name_word(toks[i + 1]) \
                and toks[i + 1].text not in NOT_GIVEN_NAMES and toks[i + 1].text[:-1] not in NOT_GIVEN_NAMES:
            k = i - 1  # `die junge Fischerin Kiriko`: an article, adjectives, a noun for a person, a name
            while k > 0 and is_adjective(toks[k].text) and toks[k].text not in FUNCTION_WORDS:
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
            start = backward_name_run(view, i, limit=2)
            if start < i and not (start > 0 and toks[start - 1].text in ARTICLES):
                cs, ce = view.span(start, i)
                out.append(Candidate(cs, ce, "character", "character-cue"))
            continue
        if is_character_noun(tok.text):
            k = i + 1
            if view.word(k) in ("des", "der", "von"):
                k += 1
            while k < len(toks) and (toks[k].text == "," or (toks[k].is_word and not toks[k].is_cap
                                                                and ADJECTIVE_END.search(toks[k].text)
                                                                and toks[k].text not in FUNCTION_WORDS)):
                k += 1  # adjectives (`der jungen Irene`), not `, wie sie John le Carré …`
            j = view.name_run(k)
            if j > k and (j - k >= 2 or is_given(toks[k].text) or not is_noun(toks[k].text)):
                cs, ce = view.span(k, j)
                out.append(Candidate(cs, ce, "character", "character-cue"))
        elif kin(tok.text) and i + 1 < len(toks):
            j = view.name_run(i + 1)
            # `Tochter Greta`; after a possessive any name (`seine Mutter Hisako`; not `Mutter Natur`)
            if j == i + 2 and (is_given(toks[i + 1].text) or view.word(i - 1).lower() in POSSESSIVES):
                cs, ce = view.span(i + 1, j)
                out.append(Candidate(cs, ce, "character", "character-cue"))
    return out


@rule("character.play-verb", priority=85, triggers=PLAY_VERBS | {"als", "ist", "war"}, examples={
    "Nikolaj Coster-Waldau spielt Andreas, einen Polizisten.": {"Andreas": "character",
                                                                "Nikolaj Coster-Waldau": "person"},
})
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
            actor = backward_name_run(view, i)
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
            if ends_in_mit(view, k):
                continue  # `spielen auch Peter Falk und Curt Bois mit`: who plays along, not whom
        elif tok.text in ("ist", "war") and i + 2 < len(toks) and is_given(toks[i + 1].text):
            # `Jean-Paul Belmondo ist Michel Poiccard, …`: a full name is another full name
            subject = backward_name_run(view, i)
            j = view.name_run(i + 1, limit=3)
            same = [t.text for t in toks[subject:i]] == [t.text for t in toks[i + 1 : j]]
            if i - subject >= 2 and j - (i + 1) >= 2 and view.word(j) in (",", ".", ";", ":", "und", "") and not same:
                cs, ce = view.span(i + 1, j)
                out.append(Candidate(cs, ce, "character", "play-object"))
            continue
        elif tok.text == "als" and role_noun_then_name(view, i + 1):
            # `ermitteln als Kommissar Thiel und Professor Boerne`: the noun says a person,
            # so the name needs no list
            role = role_noun_then_name(view, i + 1)
            while role:
                cs, ce = view.span(*role)
                out.append(Candidate(cs, ce, "character", "play-object"))
                role = role_noun_then_name(view, role[1] + 1) if view.word(role[1]) == "und" else None
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
            if view.word(j) == "," and describes_a_person(view, j + 1) \
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
                if view.word(subject_end) == "," and describes_a_person(view, subject_end + 1):
                    names = [(k, subject_end)]  # `…, spielt Roman Kogler, einen Neunzehnjährigen`: the object
                else:
                    names = [n for n in names if n[0] >= subject_end]
            else:
                names = names[1:]
        elif not names and tok.text != "als" and k < len(toks) and is_name_word(toks[k]):
            # `Yakusho spielt Hirayama, einen Toilettenreiniger`: a name no list knows, made
            # a character by the apposition after it (`spielt Klavier` has none)
            j = view.name_run(k, limit=3)
            if view.word(j) == "," and describes_a_person(view, j + 1):
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
