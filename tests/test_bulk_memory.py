"""What one bulk ingest learns as it goes: a review sees every name stored before it in
the same call, exactly as if each file had been ingested in a call of its own, in the
same order, whatever --jobs and however the reviews are chunked (archive.memory)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.memory import Memory, could_change
from archive.text import Known, analyse
from archive.text.lexicon import given_names

GIVEN = ["Zorvan", "Quilla", "Odrin", "Vesko", "Tamrin", "Ilvy", "Yaro", "Miska", "Torvik", "Bexa", "Ravo", "Zelko"]
SURNAMES = ["Vallmoor", "Tanaka-Berg", "Krastevi", "Oldenbrake", "Marrowitz", "Quenzel", "Haldrup", "Ostervik",
            "Brannolf", "Siebrecht", "Uhlfeld", "Kaskari"]
TITLES = ["Nachtzug", "Salzgarten", "Eisvogelzeit", "Kupferherz", "Windbruch", "Moorlicht", "Glasnacht",
          "Feuerkamm", "Sandgrab", "Nebelhaus", "Dornfeld", "Aschewald"]
CHARACTERS = ["Mirela", "Kalinde", "Orsolya", "Tjarko", "Velina", "Brisko", "Anouk", "Jelto", "Rumena",
              "Sölvi", "Teodor", "Wanja"]


def person(i: int) -> str:
    return f"{GIVEN[i % 12]} {SURNAMES[i % 12]}"


def review(i: int) -> str:
    """Review i introduces a director, a film and its character with a cue, and names the
    two before it with none: found only if the archive already knows them."""
    lines = [f"Der neue Film „{TITLES[i % 12]}“ von Regisseur {person(i)} ist ruhig.",
             f"{CHARACTERS[i % 12]} (Anna Thalbach) wartet am Fluss."]
    for back in (1, 2):
        if i - back >= 0:
            lines.append(f"{person(i - back)} erzählte schon in „{TITLES[(i - back) % 12]}“ vom Warten.")
            lines.append(f"Dort sucht {CHARACTERS[(i - back) % 12]} das Meer.")
    lines.append(f"Das Ende bleibt offen, die Vorstellung beginnt um {i + 6} Uhr.")
    return "\n".join(lines) + "\n"


REVIEWS = 18


@pytest.fixture
def folder(tmp_path) -> Path:
    assert not set(GIVEN) & given_names()  # else the names would be found without memory
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    for i in range(REVIEWS):
        (reviews / f"r{i:02d}.txt").write_text(review(i), encoding="utf-8")
    return reviews


def ingest(db: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def stored(db: Path) -> list[tuple]:
    """Every mention as (file, start, end, type, name, rule), and every role."""
    conn = sqlite3.connect(db)
    try:
        mentions = conn.execute(
            "SELECT r.source, m.start_char, m.end_char, coalesce(p.kind, 'film'), coalesce(p.name, f.title), m.rule"
            " FROM mention m JOIN review r ON r.id = m.review_id LEFT JOIN person p ON p.id = m.person_id"
            " LEFT JOIN film f ON f.id = m.film_id").fetchall()
        roles = conn.execute("SELECT r.source, c.name, a.name FROM role JOIN review r ON r.id = role.review_id"
                             " JOIN person c ON c.id = role.character_id JOIN person a ON a.id = role.actor_id").fetchall()
    finally:
        conn.close()
    return sorted((Path(source).name, *rest) for source, *rest in mentions) + \
        sorted(("role", Path(source).name, *rest) for source, *rest in roles)


def test_a_review_finds_the_names_an_earlier_review_of_the_same_call_found(folder, tmp_path):
    db = tmp_path / "bulk.db"
    ingest(db, "--jobs", "1", str(folder))
    rows = stored(db)
    later = review(5)
    start = later.index(person(4), later.index("\n"))  # named with no cue, after the first line
    assert ("r05.txt", start, start + len(person(4)), "person", person(4), "known") in rows
    start = later.index(CHARACTERS[4], later.index("Dort"))
    assert ("r05.txt", start, start + len(CHARACTERS[4]), "character", CHARACTERS[4], "occurrence") in rows


def test_alone_a_review_does_not_know_those_names(folder, tmp_path):
    db = tmp_path / "alone.db"
    ingest(db, str(folder / "r05.txt"))
    names = {row[4] for row in stored(db) if row[0] != "role"}
    assert person(4) not in names and CHARACTERS[4] not in names


@pytest.mark.parametrize("jobs", ["1", "2", "3"])
def test_one_bulk_call_stores_what_one_call_per_file_stores(folder, tmp_path, jobs):
    one_by_one = tmp_path / "one-by-one.db"
    for path in sorted(folder.iterdir()):
        ingest(one_by_one, str(path))
    bulk = tmp_path / f"bulk-{jobs}.db"
    ingest(bulk, "--jobs", jobs, str(folder))
    expected = stored(one_by_one)
    assert sum(1 for row in expected if row[-1] == "known") >= REVIEWS  # the memory is at work
    assert stored(bulk) == expected


def test_small_batches_and_chunks_change_nothing(folder, tmp_path, monkeypatch):
    from archive import ingest as ingest_module

    reference = tmp_path / "reference.db"
    ingest(reference, "--jobs", "1", str(folder))
    monkeypatch.setattr(ingest_module, "CHUNK", 1)
    db = tmp_path / "small.db"
    ingest_module.run([str(folder)], str(db), batch_size=3, jobs=2)
    assert stored(db) == stored(reference)


def test_a_batch_that_fails_and_is_stored_one_by_one_gives_the_same_names(folder, tmp_path, monkeypatch):
    """A batch rolled back takes back the names it added: a review analysed again with
    them knows what is no longer stored, and is analysed once more."""
    from archive import ingest as ingest_module

    reference = tmp_path / "reference.db"
    ingest(reference, "--jobs", "1", str(folder))
    real, calls = ingest_module._store, []

    def store_failing_once(writer, prepared, *resolver):
        calls.append(prepared.source.label)
        if len(calls) == 6:
            raise sqlite3.OperationalError("disk I/O trouble, once")
        return real(writer, prepared, *resolver)

    monkeypatch.setattr(ingest_module, "_store", store_failing_once)
    db = tmp_path / "retried.db"
    counts = ingest_module.run([str(folder)], str(db), batch_size=8, jobs=1)
    assert counts["added"] == REVIEWS
    assert stored(db) == stored(reference)


def test_names_that_the_review_never_writes_do_not_make_it_analysed_again():
    text = "Der neue Film „Nachtzug“ von Regisseur Zorvan Vallmoor ist ruhig.\nMirela (Anna Thalbach) wartet.\n"
    analysis = analyse(text, Known())
    unrelated = [("+", "person", "Quilla Tanaka-Berg", None), ("+", "film", "Die kalte Stadt", None),
                 ("+", "character", "Kalinde", "Salzgarten")]
    assert not could_change(analysis, unrelated)
    assert not could_change(analysis, [("+", "character", "Jelto Brandt", "Nachtzug")])  # not written
    assert could_change(analysis, [("+", "character", "Mirela Haas", "Nachtzug")])  # of its film, written
    later = analyse("Wieder erzählt Quilla Tanaka-Berg vom Warten.\n", Known())
    assert could_change(later, unrelated)  # written out: the known rule would find it
    assert analyse(later.text, Known(persons=frozenset({"Quilla Tanaka-Berg"}))).mentions != later.mentions


def test_memory_knows_what_each_stored_review_added(tmp_path):
    db = tmp_path / "m.db"
    (tmp_path / "a.txt").write_text(review(0), encoding="utf-8")
    ingest(db, str(tmp_path / "a.txt"))
    conn = sqlite3.connect(db)
    try:
        from archive.decisions import known

        memory = Memory(conn, known(conn))
        assert memory.known().persons == known(conn).persons and person(0) in memory.known().persons
        conn.execute("INSERT INTO person (name, kind, name_key) VALUES ('Odrin Krastevi', 'person', 'odrin krastevi')")
        memory.stored("added")
        assert memory.entries == [("+", "person", "Odrin Krastevi", None)]
        assert memory.known().persons == known(conn).persons
        memory.rollback()  # undone by an entry of its own: the log only grows
        assert memory.entries[-1] == ("-", "person", "Odrin Krastevi", None)
        assert "Odrin Krastevi" not in memory.known().persons
    finally:
        conn.close()


def test_a_name_pruned_by_an_edited_review_is_forgotten_by_the_reviews_after_it(tmp_path):
    """An edited file replaces its review; an entity only it named is removed, and a later
    review of the same call no longer knows the name, as one call per file would not."""
    first, later = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(review(0), encoding="utf-8")
    later.write_text(f"{person(0)} erzählte schon vom Warten.\n", encoding="utf-8")
    edited = "Der neue Film „Moorlicht“ von Regisseurin Bexa Uhlfeld ist ruhig.\n"
    one_by_one, bulk = tmp_path / "one.db", tmp_path / "bulk.db"
    for db in (one_by_one, bulk):
        first.write_text(review(0), encoding="utf-8")
        ingest(db, str(first))
        first.write_text(edited, encoding="utf-8")
        if db == one_by_one:
            ingest(db, str(first))
            ingest(db, str(later))
        else:
            ingest(db, "--jobs", "1", str(first), str(later))
    assert person(0) not in {row[4] for row in stored(bulk) if row[0] != "role"}
    assert stored(bulk) == stored(one_by_one)
    # without the edit the later review knows the name
    db = tmp_path / "kept.db"
    first.write_text(review(0), encoding="utf-8")
    ingest(db, str(first), str(later))
    assert ("b.txt", 0, len(person(0)), "person", person(0), "known") in stored(db)
