"""The rule registry (archive.text.rules): one test per declared example, made from the
registry itself, so a rule cannot drift from what it says it finds; and every mention
carries its rule into the archive (`mention.rule`, `archive show ID --why`)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from archive.text import analyse
from archive.text.rules import RULES

EXAMPLES = [pytest.param(r, text, expected, id=f"{r.name}: {text[:40]}")
            for r in RULES for text, expected in r.examples.items()]


def test_every_rule_has_a_unique_name_a_kind_and_an_example():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names)) and len(names) >= 15
    assert all(r.name.split(".")[0] in ("person", "character", "film") and r.examples for r in RULES)


@pytest.mark.parametrize(("rule", "text", "expected"), EXAMPLES)
def test_a_rule_finds_what_its_examples_say(rule, text, expected):
    mentions = analyse(text).mentions
    found = {(m.surface, m.kind) for m in mentions}
    assert set(expected.items()) <= found
    # and the rule itself made at least one of them (not another rule by luck)
    assert any(m.rule == rule.name for m in mentions if (m.surface, m.kind) in expected.items())


@pytest.mark.parametrize(("rule", "text", "expected"), [p for p in EXAMPLES if p.values[0].triggers is not None])
def test_a_rule_given_a_sentence_without_its_trigger_finds_nothing(rule, text, expected):
    # the rule itself, not the registry's gate: its trigger words are truly what it needs
    assert rule.find(_without_triggers(text, rule.triggers)) == []


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_the_registry_skips_a_rule_only_where_it_finds_nothing(rule):
    # every sentence of every rule's examples: where its triggers are missing, the rule
    # itself, ungated, finds nothing, so skipping it there loses nothing
    from archive.text.sentences import split_sentences
    from archive.text.view import SentenceView

    texts = [text for r in RULES for text in r.examples]
    skipped = 0
    for text in texts:
        for i, sentence in enumerate(split_sentences(text)):
            view = SentenceView(text, i, sentence)
            if not rule.triggered_by(view.words):
                skipped += 1
                assert rule.find(view) == [], text
    assert skipped or rule.triggers is None


def test_the_registry_runs_the_rules_a_sentence_triggers_in_registry_order():
    from archive.text.rules import rules_for
    from archive.text.view import SentenceView
    from archive.text.spans import Sentence

    text = "Seine Nachbarin Irene (Carey Mulligan) wohnt nebenan."
    view = SentenceView(text, 0, Sentence(0, len(text)))
    active = rules_for(view)
    assert [r.name for r in active] == [r.name for r in RULES if r.triggered_by(view.words)]
    assert "character.bracket" in [r.name for r in active] and "film.quoted" not in [r.name for r in active]


def _without_triggers(text: str, triggers):
    """The text with its trigger words (or the words that pass its word test) blanked out."""
    from archive.text.sentences import split_sentences
    from archive.text.tokens import tokenize
    from archive.text.view import SentenceView

    if callable(triggers):
        for tok in reversed(tokenize(text)):
            if triggers(tok.text):
                text = text[: tok.start] + " " * (tok.end - tok.start) + text[tok.end :]
    else:
        for t in triggers:
            text = text.replace(t, " ")
    return SentenceView(text, 0, split_sentences(text)[0])


def test_show_why_marks_each_mention_with_its_rule(tmp_path):
    review = tmp_path / "r.txt"
    review.write_text("Seine Nachbarin Irene (Carey Mulligan) wohnt nebenan. Irene lacht.", encoding="utf-8")
    db = str(tmp_path / "a.db")
    # In a child process: importing the ingest here would bind the analysis for tests
    # that later replace archive.text.analyse in this one.
    assert archive(db, "ingest", str(review)).returncode == 0
    shown = archive(db, "show", "1", "--why", "--no-color")
    assert shown.returncode == 0, shown.stderr
    assert "[Irene|character|character.bracket] ([Carey Mulligan|person|character.bracket])" in shown.stdout
    assert "[Irene|character|occurrence] lacht" in shown.stdout
    assert "[Irene|character] (" in archive(db, "show", "1", "--no-color").stdout
    rows = json.loads(archive(db, "query", "mentions", "--format", "json").stdout)
    assert [r["rule"] for r in rows] == ["character.bracket", "character.bracket", "occurrence"]


def archive(db: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archive", "--db", db, *args], capture_output=True, text=True)
