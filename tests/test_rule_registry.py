"""The rule registry (archive.text.rules): one test per declared example, made from the
registry itself, so a rule cannot drift from what it says it finds; and every mention
carries its rule into the archive (`mention.rule`, `archive show ID --why`)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from archive.cli import cli
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


def _without_triggers(text: str, triggers: frozenset[str]):
    from archive.text.sentences import split_sentences
    from archive.text.view import SentenceView

    for t in triggers:
        text = text.replace(t, " ")
    return SentenceView(text, 0, split_sentences(text)[0])


def test_show_why_marks_each_mention_with_its_rule(tmp_path):
    review = tmp_path / "r.txt"
    review.write_text("Seine Nachbarin Irene (Carey Mulligan) wohnt nebenan. Irene lacht.", encoding="utf-8")
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", str(review)]).exit_code == 0
    shown = runner.invoke(cli, ["--db", db, "show", "1", "--why", "--no-color"])
    assert shown.exit_code == 0, shown.output
    assert "[Irene|character|character.bracket] ([Carey Mulligan|person|character.bracket])" in shown.stdout
    assert "[Irene|character|occurrence] lacht" in shown.stdout
    plain = runner.invoke(cli, ["--db", db, "show", "1", "--no-color"]).stdout
    assert "[Irene|character] (" in plain
    rows = json.loads(runner.invoke(cli, ["--db", db, "query", "mentions", "--format", "json"]).stdout)
    assert [r["rule"] for r in rows] == ["character.bracket", "character.bracket", "occurrence"]
