"""Text analysis: pure functions from a review's text to sentences and mentions with
offsets. Knows nothing of the database."""

from __future__ import annotations

from archive.text.lexicon import Known
from archive.text.mentions import analyse_mentions
from archive.text.sentences import split_sentences
from archive.text.spans import Analysis, Entity, Mention, Role, Sentence

__all__ = ["analyse", "Analysis", "Entity", "Known", "Mention", "Role", "Sentence", "split_sentences"]


def analyse(text: str, known: Known | None = None) -> Analysis:
    """Sentences, mentions, entities, roles and the review's film, all from `text` alone
    (and, when given, what the archive already knows)."""
    return analyse_mentions(text, split_sentences(text), known)
