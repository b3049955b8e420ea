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


# The trigger index, built on first use: for each word, the rules it triggers as bits of
# an int (bit p for RULES[p]), worked out once a process; a sentence's rules are then the
# OR of its distinct words' bits, and the rules of each such set of bits are listed once.
# A sentence costs one lookup a distinct word, not one trigger test a rule (most
# sentences hold none of the rarer cues).
_built: list[bool] = []  # [True] once the index is made for the rules registered
_masks: dict[str, int] = {}  # word -> the rules it triggers
_by_word: dict[str, int] = {}  # trigger word -> the rules that list it
_tests: list[tuple[int, Callable[[str], bool]]] = []  # (bit, word test)
_always = [0]  # the rules that need no trigger
_rules_of_mask: dict[int, tuple[Rule, ...]] = {}
_MAX_WORDS = 200_000  # the cache of words seen is emptied when it grows past this


def _build_index() -> None:
    _masks.clear(), _by_word.clear(), _tests.clear(), _rules_of_mask.clear()
    _always[0] = 0
    for position, r in enumerate(RULES):
        bit = 1 << position
        if r.triggers is None:
            _always[0] |= bit
        elif callable(r.triggers):
            _tests.append((bit, r.triggers))
        else:
            for word in r.triggers:
                _by_word[word] = _by_word.get(word, 0) | bit
    _built.append(True)


def _mask_of(word: str) -> int:
    """The rules `word` triggers: by their listed trigger words, or a word test."""
    mask = _by_word.get(word, 0)
    for bit, test in _tests:
        if test(word):
            mask |= bit
    if len(_masks) >= _MAX_WORDS:
        _masks.clear()
    _masks[word] = mask
    return mask


def rules_for(view: SentenceView) -> tuple[Rule, ...]:
    """The rules this sentence can feed, in registry order: those with no trigger and
    those triggered by one of the sentence's tokens."""
    if not _built:
        _build_index()
    get = _masks.get
    mask = _always[0]
    for word in view.words:
        bits = get(word)
        mask |= _mask_of(word) if bits is None else bits
    rules = _rules_of_mask.get(mask)
    if rules is None:
        rules = _rules_of_mask[mask] = tuple(r for p, r in enumerate(RULES) if mask >> p & 1)
    return rules
