"""The registry of extraction rules: `@rule(...)` on a function from a SentenceView to
proposals adds it to RULES, in the order the rule modules are imported; `rules_for(view)`
gives the rules a sentence can feed, by the trigger words it holds."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from archive.text.view import Candidate, SentenceView

Kinds = dict[str, str]  # surface -> type, as an example says


@dataclass(frozen=True)
class Rule:
    name: str  # `character.bracket`: stored with each mention it makes (`mention.rule`)
    priority: int  # the strength of its proposals against overlapping ones (a cue may say otherwise)
    # what a sentence's tokens must hold for the rule to find anything: trigger words, or a
    # test on a word (`is_work_noun`); None: any sentence may feed it
    triggers: frozenset[str] | Callable[[str], bool] | None
    examples: dict[str, Kinds]  # text -> what must be found in it, checked by a test made from the registry
    find: Callable[[SentenceView], list[Candidate]] = field(compare=False)
    last_resort: bool = False  # runs after the others, on what they left free

    def __call__(self, view: SentenceView) -> list[Candidate]:
        return self.run(view) if self.triggered_by(view.words) else []

    def triggered_by(self, words: Iterable[str]) -> bool:
        """Some of these words (a sentence's tokens) may feed the rule."""
        if self.triggers is None:
            return True
        if callable(self.triggers):
            return any(map(self.triggers, words))
        return not self.triggers.isdisjoint(words)

    def run(self, view: SentenceView) -> list[Candidate]:
        """The rule's proposals, its trigger words unchecked (`rules_for` has done that)."""
        found = self.find(view)
        for c in found:
            c.rule = c.rule or self.name
        return found


RULES: list[Rule] = []


def rule(name: str, priority: int, triggers: Iterable[str] | Callable[[str], bool] | None = None,
         examples: dict[str, Kinds] | None = None, last_resort: bool = False):
    """Register the decorated function as the rule `name`; it stays callable as it was."""
    if any(r.name == name for r in RULES):
        raise ValueError(f"two rules named {name}")
    if not examples:
        raise ValueError(f"rule {name} has no example: say what it must find")

    def register(find: Callable[[SentenceView], list[Candidate]]):
        gate = triggers if triggers is None or callable(triggers) else frozenset(triggers)
        RULES.append(Rule(name, priority, gate,
                          examples, find, last_resort))
        _built.clear()  # the trigger index is made anew
        return find

    return register


# The trigger index, built on first use: for each word, which rules (by their position in
# RULES) it triggers, looked up once a process; and the rules that need no trigger. A
# sentence then costs one lookup a distinct word, not one trigger test a rule (most
# sentences hold none of the rarer cues).
_index: dict[str, tuple[int, ...]] = {}
_by_word: dict[str, tuple[int, ...]] = {}
_tests: list[tuple[int, Callable[[str], bool]]] = []
_always: list[int] = []
_built: list[bool] = []  # [True] once the index is made for the rules registered
_MAX_WORDS = 200_000  # the cache of words seen is emptied when it grows past this


def _build_index() -> None:
    by_word: dict[str, list[int]] = {}
    _tests.clear()
    _always.clear()
    _index.clear()
    for position, r in enumerate(RULES):
        if r.triggers is None:
            _always.append(position)
        elif callable(r.triggers):
            _tests.append((position, r.triggers))
        else:
            for word in r.triggers:
                by_word.setdefault(word, []).append(position)
    _by_word.clear()
    _by_word.update({word: tuple(positions) for word, positions in by_word.items()})
    _built.append(True)


def _rules_of(word: str) -> tuple[int, ...]:
    """The positions of the rules `word` triggers: by its listed trigger words, or a word test."""
    positions = _by_word.get(word, ())
    tested = tuple(p for p, test in _tests if test(word))
    if tested:
        positions = tuple(sorted(positions + tested))
    if len(_index) >= _MAX_WORDS:
        _index.clear()
    _index[word] = positions
    return positions


def rules_for(view: SentenceView) -> list[Rule]:
    """The rules this sentence can feed, in registry order: those with no trigger and
    those triggered by one of the sentence's tokens."""
    if not _built:
        _build_index()
    get = _index.get
    active = set(_always)
    for word in view.words:
        positions = get(word)
        if positions is None:
            positions = _rules_of(word)
        if positions:
            active.update(positions)
    return [RULES[p] for p in sorted(active)]
