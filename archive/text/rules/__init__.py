"""The extraction rules as a registry, and the first pass that runs them over one
sentence. Each rule is a function from a SentenceView to proposals (`Candidate`s),
registered with `@rule(name, priority, triggers, examples)`: the name goes with every
mention it makes into `mention.rule`; the trigger words let a sentence that holds none
skip the rule; the examples are checked by tests/test_rule_registry.py. Overlapping
proposals are settled by the strength of their cue, then by length. See
docs/extraction.md for how to add a rule."""

from __future__ import annotations

from bisect import bisect_left

from archive.text.german import is_place
from archive.text.rules.persons import PLACE_PREPOSITIONS
from archive.text.lexicon import ENGLISH_TITLE_STARTS, Known, NOT_GIVEN_NAMES, _longest_first
from archive.text.spans import Taken
from archive.text.tokens import Token
from archive.text.view import Candidate, SentenceView, backward_name_run, genitive_context
from archive.text.words import genitive_form, is_cue_noun, is_plain_noun

# Importing the rule modules registers their rules, in this order.
from archive.text.rules import quotes, bylines, persons, unknown_names, characters, cast_lists, figures, plot, casting, titles, series, citations, film_lists, known_from  # noqa: E402,F401
from archive.text.rules.registry import RULES, Rule, rule, rules_for  # noqa: E402

__all__ = ["RULES", "Rule", "rule", "first_pass", "find_candidates", "known_entities"]



# The strength of each cue a proposal may name (`Candidate.cue`); a rule's own
# proposals default to the rule's priority.
PRIORITY = {"bracket": 82, "cited": 84, "list": 40, "genitive-year": 70, "title-start": 65, "quoted": 90, "play-object": 85, "role-cue": 80, "character-cue": 75, "paren-actor": 78, "given": 60,
            "work-cue": 55, "cast-list": 86, "year-cue": 62, "compound": 50, "known": 45, "unknown": 30,
            "lone-given": 52, "nickname-quoted": 91, "alias": 58, "byline": 88}


def find_candidates(view: SentenceView, known: Known) -> list[Candidate]:
    """Every rule's proposals for this sentence (the last resorts aside), and the
    archive's memory, each knowing what follows it (`genitive_context`)."""
    out = _proposals(view, known, rules_for(view))
    for c in out:
        c.genitive_context = genitive_context(view, c.end)
    return out


def _proposals(view: SentenceView, known: Known, rules: tuple[Rule, ...]) -> list[Candidate]:
    """The proposals of the rules the sentence triggers (the last resorts aside), and the
    archive's memory."""
    out: list[Candidate] = []
    for r in rules:
        if not r.last_resort:
            out.extend(r.run(view))
    remembered = known_entities(view, known)
    if any(c.kind == "film" for c in remembered):  # not inside a quotation read as no title (a term, speech)
        rejected = quotes.rejected_quotes(view)
        remembered = [c for c in remembered if c.kind != "film" or not any(a <= c.start and c.end <= b for a, b in rejected)]
    return out + remembered


def known_entities(view: SentenceView, known: Known) -> list[Candidate]:
    """Names the archive already holds, looked up by their first word and then by their
    words (so the cost is per token, not per stored name); a genitive -s belongs to the span."""
    index = known.by_first_word
    if not index:
        return []
    out, toks = [], view.tokens
    count = len(toks)
    for i, tok in enumerate(toks):
        entry = index.get(tok.text)
        if entry is None:
            continue
        matches = []
        for n in entry.lengths:
            if n > count - i:
                continue
            last = toks[i + n - 1]
            if i + n < count and toks[i + n].start == last.end and toks[i + n].is_word:
                continue
            words = tuple(t.text for t in toks[i : i + n])
            matches += entry.by_words.get(words, ())
            if last.text.endswith("s"):
                matches += entry.by_words.get(words[:-1] + (last.text[:-1],), ())
        for name, kind in sorted(matches, key=_longest_first):
            out.append(Candidate(tok.start, toks[i + len(name.split(" ")) - 1].end, kind, "known", rule="known"))
    return out


def _choose(view: SentenceView, candidates: list[Candidate], taken: Taken) -> list[Candidate]:
    """Non-overlapping candidates: strongest cue first, then the longer span."""
    chosen: list[Candidate] = []
    at: dict[tuple[int, int], Candidate] = {}
    for c in sorted(candidates, key=lambda c: (-PRIORITY[c.cue], -(c.end - c.start), c.start)):  # stable: rule order
        if c.end > c.start and taken.free(c.start, c.end):
            taken.take(c.start, c.end)
            chosen.append(c)
            at[c.start, c.end] = c
        elif c.nickname and (same := at.get((c.start, c.end))) and same.kind == c.kind and not same.nickname:
            same.nickname = c.nickname  # `X (Actor), genannt Pit`: the bracket's X, and the nickname it has
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
            if j - (k + 1) < 2 or toks[k + 1].text in NOT_GIVEN_NAMES or not taken.free(toks[k + 1].start, toks[j - 1].end) \
                    or _a_place(view, k + 1, j) or is_plain_noun(toks[k + 1].text) \
                    or _band_or_apposition(view, k + 1, j) \
                    or c.kind == "character" and view.word(j) == "als" \
                    or j - (k + 1) == 2 and genitive_form(toks[k + 1].text) and is_cue_noun(toks[k + 2].text):
                # `, Bürgermeisterin von X`; `X als Irene und Y als …`: the next actor; `Liisa, Ansas Kollegin`: someone's
                break
            start, end = view.span(k + 1, j)
            out.append(Candidate(start, end, c.kind, "list", rule=f"{c.kind}.listed"))
            taken.take(start, end)
            k = j
        k = first - 1  # backwards: `A, B und C` when only C was found
        while k > 0 and view.word(k) in (",", "und", "sowie"):
            i = backward_name_run(view, k, limit=3)
            if k - i < 2 or toks[i].text in NOT_GIVEN_NAMES or not taken.free(toks[i].start, toks[k - 1].end) \
                    or (i > 0 and toks[i - 1].is_cap) or _a_place(view, i, k) or is_plain_noun(toks[i].text) \
                    or _band_or_apposition(view, i, k):
                break
            start, end = view.span(i, k)
            out.append(Candidate(start, end, c.kind, "list", rule=f"{c.kind}.listed"))
            taken.take(start, end)
            k = i - 1
    return out


def _a_place(view: SentenceView, i: int, j: int) -> bool:
    """Tokens i..j-1 name a place the lexicon knows (`Los Angeles`), or follow a place
    preposition (`in Tel Aviv`): listed beside a name, they are no name."""
    return is_place(" ".join(t.text for t in view.tokens[i:j])) or view.word(i - 1) in PLACE_PREPOSITIONS


def _band_or_apposition(view: SentenceView, i: int, j: int) -> bool:
    """Tokens i..j-1 listed beside a name are a band or a work (`The Animals, Otis
    Redding`), or an apposition that a genitive follows (`X, Grande Dame des Theaters`)."""
    return view.tokens[i].text in ENGLISH_TITLE_STARTS or view.word(j) == "des"


def _start(tok: Token) -> int:
    return tok.start


def _end(tok: Token) -> int:
    return tok.end


def first_pass(view: SentenceView, known: Known) -> list[Candidate]:
    """The sentence's mentions by their cues, without overlaps, names listed with them included."""
    taken = Taken(view.sentence.start, view.sentence.end)
    rules = rules_for(view)
    chosen = _choose(view, _proposals(view, known, rules), taken)
    for c in chosen:  # only the chosen need it: what follows a name in the genitive
        c.genitive_context = genitive_context(view, c.end)
    chosen += _coordinated(view, chosen, taken)
    # the last resorts, where no cue found anything (two words the lexicon does not know)
    last = _choose(view, [c for r in rules if r.last_resort for c in r.run(view)], taken)
    for c in last:  # `Hou Hsiao-hsiens langen Einstellungen`: a genitive too
        c.genitive_context = genitive_context(view, c.end)
    return chosen + last
