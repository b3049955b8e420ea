"""The archive's memory: what one review taught is found in a later one without any cue."""

from __future__ import annotations

import json

from click.testing import CliRunner

from archive.cli import cli
from archive.text.lexicon import given_names

FIRST = "Der neue Film „Nachtzug“ von Regisseur Ozu Tanaka-Berg ist ruhig. Mirela (Anna Thalbach) wartet.\n"
LATER = "Wieder erzählt Ozu Tanaka-Berg vom Warten. In „Nachtzug“ fährt Mirela ab.\n"


def mentions(runner, db):
    out = runner.invoke(cli, ["--db", db, "query", "mentions", "--format", "json"])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def test_later_review_finds_persons_and_characters_the_archive_knows(tmp_path):
    assert "Ozu" not in given_names()  # else the name would be found without memory
    db = str(tmp_path / "a.db")
    (tmp_path / "1.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "2.txt").write_text(LATER, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", str(tmp_path / "1.txt")]).exit_code == 0
    assert runner.invoke(cli, ["--db", db, "ingest", str(tmp_path / "2.txt")]).exit_code == 0
    later = [m for m in mentions(runner, db) if m["review_id"] == 2]
    found = {(m["text"], m["type"]) for m in later}
    assert ("Ozu Tanaka-Berg", "person") in found
    assert ("Mirela", "character") in found
    start = LATER.index("Ozu Tanaka-Berg")
    assert any(m["start_char"] == start and m["end_char"] == start + len("Ozu Tanaka-Berg") for m in later)


def test_alone_the_later_review_does_not_know_them(tmp_path):
    db = str(tmp_path / "b.db")
    (tmp_path / "2.txt").write_text(LATER, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", str(tmp_path / "2.txt")]).exit_code == 0
    found = {(m["text"], m["type"]) for m in mentions(runner, db)}
    assert ("Mirela", "character") not in found
    assert ("Ozu Tanaka-Berg", "person") not in found


def test_a_films_known_characters_are_found_by_their_words_as_the_film_gains_and_loses_them():
    # archive.text.known_names.known_characters answers from its word index what testing
    # every character of the film answers, also after the live names change
    from archive.memory import Names
    from archive.text.known_names import any_word_written, known_characters, written_words
    from archive.text.lexicon import Known

    cast = {"Mirela Voss", "Old Ben", "ben", "Dr. Ilka", "Jo-Ann", "Tom Berg", "Zyra", "Éla Noor"}
    names = Names(Known(characters={"Nachtzug": frozenset(cast)}))
    text = "Bens Weg kreuzt den von Jo-Ann, Éla und Mirelas Schwester; Bergs Tochter Ilka schweigt."
    runs = written_words(text)

    def expected(persons):
        return {n for n in names.characters["Nachtzug"] - persons if any_word_written(n, runs)}

    assert known_characters(names.known, "Nachtzug", runs, set()) == expected(set()) != set()
    assert known_characters(names.known, "Nachtzug", runs, {"Tom Berg"}) == expected({"Tom Berg"})
    names.apply([("+", "character", "Ilka Sturm", "Nachtzug"), ("-", "character", "Jo-Ann", "Nachtzug")])
    assert "Ilka Sturm" in known_characters(names.known, "Nachtzug", runs, set())
    assert "Jo-Ann" not in known_characters(names.known, "Nachtzug", runs, set())
    assert known_characters(names.known, "Nachtzug", runs, set()) == expected(set())
    assert known_characters(names.known, "Taxi Driver", runs, set()) == set()
