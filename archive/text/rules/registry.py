"""The registry of extraction rules: `@rule(...)` on a function from a SentenceView to
proposals adds it to RULES, in the order the rule modules are imported."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from archive.text.view import Candidate, SentenceView

Kinds = dict[str, str]  # surface -> type, as an example says


@dataclass(frozen=True)
class Rule:
    name: str  # `character.bracket`: stored with each mention it makes (`mention.rule`)
    priority: int  # the strength of its proposals against overlapping ones (a cue may say otherwise)
    triggers: frozenset[str] | None  # tokens a sentence must hold for the rule to find anything; None: any
    examples: dict[str, Kinds]  # text -> what must be found in it, checked by a test made from the registry
    find: Callable[[SentenceView], list[Candidate]] = field(compare=False)
    last_resort: bool = False  # runs after the others, on what they left free

    def __call__(self, view: SentenceView) -> list[Candidate]:
        if self.triggers is not None and self.triggers.isdisjoint(view.words):
            return []
        found = self.find(view)
        for c in found:
            c.rule = c.rule or self.name
        return found


RULES: list[Rule] = []


def rule(name: str, priority: int, triggers: Iterable[str] | None = None,
         examples: dict[str, Kinds] | None = None, last_resort: bool = False):
    """Register the decorated function as the rule `name`; it stays callable as it was."""
    if any(r.name == name for r in RULES):
        raise ValueError(f"two rules named {name}")
    if not examples:
        raise ValueError(f"rule {name} has no example: say what it must find")

    def register(find: Callable[[SentenceView], list[Candidate]]):
        RULES.append(Rule(name, priority, frozenset(triggers) if triggers is not None else None,
                          examples, find, last_resort))
        return find

    return register
