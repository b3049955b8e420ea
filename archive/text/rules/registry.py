"""The registry of extraction rules: `@rule(...)` on a function from a SentenceView to
proposals adds it to RULES, in the order the rule modules are imported; `rules_for(view)`
gives the rules a sentence can feed, by the trigger words it holds."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from archive.text.view import Candidate, SentenceView

Kinds = dict[str, str]  # surface -> type, as an example says
# Trigger words (a sentence must hold one of them), or a test on a word (one must pass it).
Trigger = frozenset[str] | Callable[[str], bool]


@dataclass(frozen=True)
class Rule:
    name: str  # `character.bracket`: stored with each mention it makes (`mention.rule`)
    priority: int  # the strength of its proposals against overlapping ones (a cue may say otherwise)
    # what a sentence's tokens must hold for the rule to find anything: trigger words, or a
    # test on a word (`is_work_noun`); None: any sentence may feed it
    triggers: Trigger | None
    examples: dict[str, Kinds]  # text -> what must be found in it, checked by a test made from the registry
    find: Callable[[SentenceView], list[Candidate]] = field(compare=False)
    last_resort: bool = False  # runs after the others, on what they left free
    also: tuple[Trigger, ...] = ()  # further triggers, each of which the sentence must hold too

    def __call__(self, view: SentenceView) -> list[Candidate]:
        return self.run(view) if self.triggered_by(view.words) else []

    def triggered_by(self, words: Iterable[str]) -> bool:
        """These words (a sentence's tokens) hold the rule's triggers: it may find something."""
        if self.triggers is None:
            return True
        words = set(words)
        return all(_holds(trigger, words) for trigger in (self.triggers, *self.also))

    def run(self, view: SentenceView) -> list[Candidate]:
        """The rule's proposals, its trigger words unchecked (`rules_for` has done that)."""
        found = self.find(view)
        for c in found:
            c.rule = c.rule or self.name
        return found


def _holds(trigger: Trigger, words: set[str]) -> bool:
    return any(map(trigger, words)) if callable(trigger) else not trigger.isdisjoint(words)


RULES: list[Rule] = []


def rule(name: str, priority: int, triggers: Iterable[str] | Callable[[str], bool] | None = None,
         examples: dict[str, Kinds] | None = None, last_resort: bool = False,
         also: Iterable[Iterable[str] | Callable[[str], bool]] = ()):
    """Register the decorated function as the rule `name`; it stays callable as it was.
    `triggers`: words of which a sentence must hold one (or a test one word must pass) for
    the rule to find anything; `also`: more such triggers, each needed too."""
    if any(r.name == name for r in RULES):
        raise ValueError(f"two rules named {name}")
    if not examples:
        raise ValueError(f"rule {name} has no example: say what it must find")
    if also and triggers is None:
        raise ValueError(f"rule {name}: `also` adds to triggers, and it has none")

    def register(find: Callable[[SentenceView], list[Candidate]]):
        RULES.append(Rule(name, priority, _trigger(triggers) if triggers is not None else None,
                          examples, find, last_resort, tuple(_trigger(t) for t in also)))
        _built.clear()  # the trigger index is made anew
        return find

    return register


def _trigger(words: Iterable[str] | Callable[[str], bool]) -> Trigger:
    return words if callable(words) else frozenset(words)


# The trigger index, built on first use. Each trigger of each rule is a bit; for each word,
# the bits of the triggers it holds, worked out once a process; a sentence's bits are the OR
# of its distinct words' bits, and a rule runs where its bits are all set (the rules of
# each such OR listed once). A sentence costs one lookup a distinct word, not one test a
# rule (most sentences hold none of the rarer cues).
_built: list[bool] = []  # [True] once the index is made for the rules registered
_masks: dict[str, int] = {}  # word -> the bits of the triggers it holds
_by_word: dict[str, int] = {}  # trigger word -> the bits of the triggers that list it
_tests: list[tuple[int, Callable[[str], bool]]] = []  # (bit, word test)
_needs: list[tuple[Rule, int]] = []  # each rule and the bits it needs (0: none)
_rules_of_mask: dict[int, tuple[Rule, ...]] = {}
_MAX_WORDS = 200_000  # the cache of words seen is emptied when it grows past this


def _build_index() -> None:
    _masks.clear(), _by_word.clear(), _tests.clear(), _needs.clear(), _rules_of_mask.clear()
    bits = 0
    for r in RULES:
        need = 0
        for trigger in (r.triggers, *r.also) if r.triggers is not None else ():
            bit = 1 << bits
            bits += 1
            need |= bit
            if callable(trigger):
                _tests.append((bit, trigger))
            else:
                for word in trigger:
                    _by_word[word] = _by_word.get(word, 0) | bit
        _needs.append((r, need))
    _built.append(True)


def _mask_of(word: str) -> int:
    """The bits of the triggers `word` holds: as a listed word, or passing a word test."""
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
    those whose triggers the sentence's tokens hold."""
    if not _built:
        _build_index()
    get = _masks.get
    mask = 0
    for word in view.words:
        bits = get(word)
        mask |= _mask_of(word) if bits is None else bits
    rules = _rules_of_mask.get(mask)
    if rules is None:
        rules = _rules_of_mask[mask] = tuple(r for r, need in _needs if mask & need == need)
    return rules
