"""A surname alone is the full name the archive knows when exactly one known person has
it and the review writes out no full name with it (rule `known-surname`); a keeper's
decisions about the name still hold."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from archive.cli import cli
from archive.text import Known, analyse

LATER = "Regisseurin Varnhagen zeigt einen Winter am Meer.\nVarnhagens Bilder bleiben kühl.\n"


def names(text: str, known: Known) -> list[tuple[str, str, str, str]]:
    return [(m.surface, m.kind, m.name, m.rule) for m in analyse(text, known).mentions]


def test_a_surname_alone_is_the_one_known_person_of_that_name():
    known = Known(persons=frozenset({"Ilse Varnhagen", "Otto Brack"}))
    assert names(LATER, known) == [("Varnhagen", "person", "Ilse Varnhagen", "known-surname"),
                                   ("Varnhagens", "person", "Ilse Varnhagen", "known-surname")]


def test_unknown_or_two_known_persons_of_that_surname_leave_it_alone():
    assert [n for _, _, n, _ in names(LATER, Known())] == ["Varnhagen", "Varnhagen"]
    two = Known(persons=frozenset({"Ilse Varnhagen", "Kurt Varnhagen"}))
    assert [(n, r) for _, _, n, r in names(LATER, two)][0] == ("Varnhagen", "person.role-noun")


def test_a_full_name_in_the_review_wins_over_the_archive():
    text = "Der Kameramann Jonas Varnhagen filmt.\n" + LATER
    found = names(text, Known(persons=frozenset({"Ilse Varnhagen"})))
    assert {n for _, _, n, _ in found} == {"Jonas Varnhagen"}
    assert "known-surname" not in {r for _, _, _, r in found}


def test_a_name_a_decision_speaks_of_stays_as_written():
    known = Known(persons=frozenset({"Ilse Varnhagen"}), decided=frozenset({"Varnhagen"}))
    assert [n for _, _, n, _ in names(LATER, known)] == ["Varnhagen", "Varnhagen"]


class Archive:
    def __init__(self, folder: Path):
        self.folder, self.db = folder, str(folder / "a.db")

    def ok(self, *args: str):
        result = CliRunner().invoke(cli, ["--db", self.db, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result

    def ingest(self, name: str, text: str):
        (self.folder / name).write_text(text, encoding="utf-8")
        self.ok("ingest", str(self.folder / name))

    def entity_of(self, review: str, surface: str) -> list[str]:
        conn = sqlite3.connect(self.db)
        try:
            return [r[0] for r in conn.execute(
                "SELECT p.name FROM mention m JOIN person p ON p.id = m.person_id JOIN review r ON r.id = m.review_id"
                " WHERE r.source LIKE ? AND m.surface = ?", (f"%{review}", surface))]
        finally:
            conn.close()

    def person(self, name: str) -> int:
        conn = sqlite3.connect(self.db)
        try:
            return conn.execute("SELECT id FROM person WHERE name = ?", (name,)).fetchone()[0]
        finally:
            conn.close()


def test_a_later_review_names_the_known_person_and_show_why_says_by_which_rule(tmp_path):
    archive = Archive(tmp_path)
    archive.ingest("first.txt", "Der neue Film von Regisseurin Ilse Varnhagen heißt „Salzgarten“.\n")
    archive.ingest("later.txt", LATER)
    assert archive.entity_of("later.txt", "Varnhagen") == ["Ilse Varnhagen"]
    shown = archive.ok("show", "2", "--why").stdout
    assert "[Varnhagen|person|known-surname]" in shown


def test_an_alias_made_by_a_keeper_holds_over_the_surname(tmp_path):
    archive = Archive(tmp_path)
    archive.ingest("first.txt", "Der neue Film von Regisseurin Ilse Varnhagen heißt „Salzgarten“.\n")
    archive.ingest("second.txt", "Produzent Otto Brack sieht zu.\n")
    archive.ok("entity", "alias", str(archive.person("Otto Brack")), "Varnhagen")
    archive.ingest("later.txt", LATER)
    assert archive.entity_of("later.txt", "Varnhagen") == ["Otto Brack"]


def test_a_renamed_person_keeps_the_surname_alone(tmp_path):
    archive = Archive(tmp_path)
    archive.ingest("first.txt", "Der neue Film von Regisseurin Ilse Varnhagen heißt „Salzgarten“.\n")
    archive.ok("entity", "rename", str(archive.person("Ilse Varnhagen")), "Ilse Varnhagen-Roth")
    archive.ingest("later.txt", LATER)
    assert archive.entity_of("later.txt", "Varnhagen") == ["Ilse Varnhagen-Roth"]
    assert json.loads(archive.ok("curation", "list", "--format", "json").stdout)[0]["action"] == "rename"
