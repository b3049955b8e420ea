"""Figures of a plot summary named by what they are in the story: a police rank
(`Kommissar Ma`), with no article or adjective before it."""

from __future__ import annotations

from archive.text.german import is_place, lexicon
from archive.text.lexicon import words
from archive.text.view import Candidate, SentenceView
from archive.text.words import is_name_word
from archive.text.rules.registry import rule


POLICE_RANKS = words("police_ranks")
_RANK_TAILS = tuple(r.lower() for r in POLICE_RANKS if len(r) >= 8)


def police_rank(word: str) -> bool:
    """`Kommissar`, `Hauptkommissarin`: a detective's rank."""
    return word in POLICE_RANKS or word[:1].isupper() and word.lower().endswith(_RANK_TAILS)


@rule("character.police-rank", priority=75, triggers=police_rank, examples={
    "Das Lokal läuft, weil Kommissar Ma ein Rezept mitbringt.": {"Ma": "character"},
    "Am Ende steht Inspektor Jacques Clouseau im Regen.": {"Jacques Clouseau": "character"},
    "Dann ruft Hauptkommissarin Odenthal an.": {"Odenthal": "character"},
})
def after_police_rank(view: SentenceView) -> list[Candidate]:
    """A detective's rank, then a name of one or two words (not a noun the lexicon lists,
    nor a place: `Kommissar Zufall`; a compound it only guesses may be a name: `Wallander`)."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-1]):
        if not (tok.is_cap and police_rank(tok.text)) or not is_name_word(toks[i + 1]):
            continue
        j = view.name_run(i + 1, limit=2)
        if j == i + 2 and (toks[i + 1].text in lexicon().nouns or is_place(toks[i + 1].text)):
            continue
        out.append(Candidate(*view.span(i + 1, j), "character", "character-cue"))
    return out
