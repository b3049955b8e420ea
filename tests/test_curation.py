"""The keeper's decisions through the command line and in the database: each is a row
of `curation`, holds for reviews ingested later and survives `archive reanalyse`;
`archive rm` removes reviews and what only they named, and leaves `archive check` clean."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli

# Two persons named Refn: `Refn` alone in a later review is neither until a keeper says so
# (with one, it would be that one: tests/test_known_surname.py).
FIRST = ("Der neue Film von Nicolas Winding Refn heißt „Only God Forgives“.\n"
         "Refn zeigt wieder, was Gewalt ist.\nKameramann Jesper Refn filmt in Neonfarben.\n")
SECOND = "Regisseur Refn erzählt von einem Boxclub.\nDer Standard bleibt unerreicht.\n"
THIRD = "Regisseur Refn dreht nun „Copenhagen Cowboy“.\nIn Kopenhagen spielt Angela Bundalovic die Heldin Miu.\n"


class Keeper:
    def __init__(self, folder: Path):
        self.folder = folder
        self.db = str(folder / "archive.db")

    def run(self, *args: str, input: str | None = None):
        return CliRunner().invoke(cli, ["--db", self.db, *args], input=input, catch_exceptions=False)

    def ok(self, *args: str, input: str | None = None):
        result = self.run(*args, input=input)
        assert result.exit_code == 0, result.output
        return result

    def json(self, *args: str):
        return json.loads(self.ok(*args, "--format", "json").stdout)

    def ingest(self, name: str, text: str):
        path = self.folder / name
        path.write_text(text, encoding="utf-8")
        return self.ok("ingest", str(path))

    def sql(self, query: str, params=()):
        conn = sqlite3.connect(self.db)
        try:
            return conn.execute(query, params).fetchall()
        finally:
            conn.close()

    def person(self, name: str) -> int:
        rows = self.sql("SELECT id FROM person WHERE name = ?", (name,))
        assert len(rows) == 1, (name, rows)
        return rows[0][0]

    def mentions_of(self, name: str) -> list[tuple[int, str]]:
        return self.sql("SELECT m.review_id, m.surface FROM mention m JOIN person p ON p.id = m.person_id"
                        " WHERE p.name = ? ORDER BY m.review_id, m.start_char", (name,))


@pytest.fixture
def keeper(tmp_path) -> Keeper:
    k = Keeper(tmp_path)
    k.ingest("first.txt", FIRST)
    k.ingest("second.txt", SECOND)
    return k


def test_a_merge_holds_for_a_later_review_and_after_reanalyse(keeper):
    full, short = keeper.person("Nicolas Winding Refn"), keeper.person("Refn")
    result = keeper.ok("entity", "merge", str(short), "--into", str(full))
    assert "merged person" in result.stderr
    assert keeper.sql("SELECT id FROM person WHERE name = 'Refn'") == []
    assert keeper.sql("SELECT action, type, name, person_id FROM curation") == [("merge", "person", "Refn", full)]
    keeper.ingest("third.txt", THIRD)  # names `Refn` alone, with no full name in it
    third = keeper.sql("SELECT id FROM review WHERE source LIKE '%third.txt'")[0][0]
    assert (third, "Refn") in keeper.mentions_of("Nicolas Winding Refn")
    before = keeper.mentions_of("Nicolas Winding Refn")
    keeper.ok("reanalyse")
    assert keeper.mentions_of("Nicolas Winding Refn") == before
    assert keeper.sql("SELECT id FROM person WHERE name = 'Refn'") == []
    assert keeper.ok("check").exit_code == 0
    listed = keeper.json("curation", "list")
    assert [(d["action"], d["name"]) for d in listed] == [("merge", "Refn")] and listed[0]["made_at"]


def test_a_dropped_mention_stays_dropped_when_its_review_is_analysed_again(keeper):
    second = keeper.sql("SELECT id FROM review WHERE source LIKE '%second.txt'")[0][0]
    mentions = keeper.json("query", "mentions", "--review", str(second))
    standard = [m for m in mentions if m["text"] == "Standard"]
    target = standard[0] if standard else mentions[0]
    keeper.ok("mention", "drop", str(target["mention_id"]))
    assert keeper.sql("SELECT count(*) FROM mention WHERE id = ?", (target["mention_id"],)) == [(0,)]
    result = keeper.ok("reanalyse", str(second), "--format", "json")
    assert json.loads(result.stdout) == []  # nothing came back
    spans = {(m["start_char"], m["end_char"]) for m in keeper.json("query", "mentions", "--review", str(second))}
    assert (target["start_char"], target["end_char"]) not in spans
    assert keeper.sql("SELECT mention_count FROM review WHERE id = ?", (second,)) == [(len(mentions) - 1,)]
    keeper.ok("check")


def test_an_alias_is_found_as_a_name_in_every_review(keeper):
    full = keeper.person("Nicolas Winding Refn")
    keeper.ok("entity", "alias", str(full), "NWR")
    keeper.ingest("fourth.txt", "Was NWR hier zeigt, ist kalt.\nDas Licht ist blau.\n")
    assert [s for _, s in keeper.mentions_of("Nicolas Winding Refn")].count("NWR") == 1
    shown = keeper.json("entity", "show", str(full))
    assert "NWR" in [a["name"] for a in shown["aliases"]]
    assert {m["review_id"] for m in shown["mentions"]} >= {1}


def test_rename_keeps_the_old_name_leading_to_the_entity(keeper):
    short = keeper.person("Refn")
    keeper.ok("entity", "rename", str(short), "Nicolas W. Refn")
    assert keeper.sql("SELECT name, name_key FROM person WHERE id = ?", (short,)) == [("Nicolas W. Refn", "nicolas w. refn")]
    keeper.ok("reanalyse")
    assert keeper.mentions_of("Nicolas W. Refn") and not keeper.sql("SELECT 1 FROM person WHERE name = 'Refn'")
    clash = keeper.run("entity", "rename", str(short), "Nicolas Winding Refn")
    assert clash.exit_code == 1 and "merge" in clash.stderr and clash.stderr.count("\n") == 1


def test_retype_makes_a_film_of_a_person_and_it_stays_one(keeper):
    refn = keeper.person("Refn")
    surfaces = keeper.mentions_of("Refn")
    keeper.ok("entity", "retype", str(refn), "film")
    as_film = "SELECT m.review_id, m.surface FROM mention m JOIN film f ON f.id = m.film_id WHERE f.title = 'Refn'"
    assert keeper.sql(as_film + " ORDER BY m.review_id, m.start_char") == surfaces
    keeper.ok("reanalyse")  # `Refn` is now a known film: found as one wherever it is written
    assert set(surfaces) <= set(keeper.sql(as_film))
    assert keeper.sql("SELECT count(*) FROM person WHERE name = 'Refn'") == [(0,)]
    keeper.ok("check")


def test_retype_makes_a_person_of_a_character_for_later_reviews_too(keeper):
    text = "Wie in Bronson spielt Tom Hardy einen Häftling.\nDas ist hart.\n"
    keeper.ingest("hardy.txt", text)
    (hardy, kind), = keeper.sql("SELECT id, kind FROM person WHERE name = 'Tom Hardy'")
    assert kind == "character"  # what the analysis makes of it
    keeper.ok("entity", "retype", str(hardy), "person")
    assert keeper.sql("SELECT kind, film_id, review_id FROM person WHERE name = 'Tom Hardy'") == [("person", None, None)]
    keeper.ingest("hardy-again.txt", text.replace("hart", "sehr hart"))
    keeper.ok("reanalyse")
    assert keeper.sql("SELECT kind FROM person WHERE name = 'Tom Hardy'") == [("person",)]
    assert len(keeper.mentions_of("Tom Hardy")) == 2
    keeper.ok("check")


def test_an_id_is_a_persons_unless_it_says_film(keeper):
    both = keeper.sql("SELECT p.id, p.name, f.title FROM person p JOIN film f ON f.id = p.id LIMIT 1")[0]
    assert keeper.json("entity", "show", str(both[0]))["name"] == both[1]
    assert keeper.json("entity", "show", f"film:{both[0]}")["name"] == both[2]
    missing = keeper.run("entity", "show", "999")
    assert missing.exit_code == 1 and "film:999" in missing.stderr and missing.stderr.count("\n") == 1


def test_films_merge_by_bare_ids_when_into_says_film(keeper):
    keeper.ingest("sixth.txt", "Der Film „Only God Forgive“ ist kalt.\nDas Licht ist rot.\n")
    typo = keeper.sql("SELECT id FROM film WHERE title = 'Only God Forgive'")[0][0]
    right = keeper.sql("SELECT id FROM film WHERE title = 'Only God Forgives'")[0][0]
    keeper.ok("entity", "merge", str(typo), "--into", f"film:{right}")
    assert keeper.sql("SELECT count(*) FROM film WHERE title = 'Only God Forgive'") == [(0,)]
    assert keeper.sql("SELECT count(*) FROM mention WHERE film_id = ?", (right,)) == [(2,)]
    keeper.ok("reanalyse")
    assert keeper.sql("SELECT count(*) FROM mention WHERE film_id = ?", (right,)) == [(2,)]


def test_merging_entities_of_two_types_is_refused_with_the_fix(keeper):
    person = keeper.person("Refn")
    film = keeper.sql("SELECT id FROM film WHERE title = 'Only God Forgives'")[0][0]
    result = keeper.run("entity", "merge", f"person:{person}", "--into", f"film:{film}")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert keeper.sql("SELECT count(*) FROM curation") == [(0,)]


def test_reanalyse_reports_what_changed(keeper):
    second = keeper.sql("SELECT id FROM review WHERE source LIKE '%second.txt'")[0][0]
    conn = sqlite3.connect(keeper.db)  # an older analysis: one mention missing, one on another entity
    conn.execute("PRAGMA foreign_keys = ON")
    moved_to = keeper.person("Nicolas Winding Refn")
    first = keeper.sql("SELECT id FROM review WHERE source LIKE '%first.txt'")[0][0]
    (gone_id, gone_start), = conn.execute("SELECT id, start_char FROM mention WHERE review_id = ? ORDER BY start_char"
                                          " LIMIT 1", (first,)).fetchall()
    conn.execute("DELETE FROM mention WHERE id = ?", (gone_id,))
    conn.execute("UPDATE review SET mention_count = mention_count - 1 WHERE id = ?", (first,))
    (moved_id, moved_start), = conn.execute("SELECT m.id, m.start_char FROM mention m JOIN person p ON p.id = m.person_id"
                                            " WHERE m.review_id = ? AND p.name = 'Refn'", (second,)).fetchall()
    conn.execute("UPDATE mention SET person_id = ? WHERE id = ?", (moved_to, moved_id))
    conn.execute("UPDATE review SET analysis_version = 'old' WHERE id = ?", (second,))
    conn.commit()
    conn.close()
    stats = keeper.json("stats")
    assert stats["counts"]["older analysis"] == 1
    changes = json.loads(keeper.ok("reanalyse", "--format", "json").stdout)
    assert sorted((c["review_id"], c["change"], c["start_char"]) for c in changes) == sorted(
        [(first, "added", gone_start), (second, "moved", moved_start)])
    moved = [c for c in changes if c["change"] == "moved"][0]
    assert moved["before"] == f"person #{moved_to} Nicolas Winding Refn" and moved["after"].endswith(" Refn")
    assert keeper.json("stats")["counts"]["older analysis"] == 0


def test_rm_removes_a_review_and_what_only_it_named(keeper):
    keeper.ingest("third.txt", THIRD)
    third = keeper.sql("SELECT id FROM review WHERE source LIKE '%third.txt'")[0][0]
    only_there = keeper.sql("SELECT DISTINCT p.name FROM mention m JOIN person p ON p.id = m.person_id"
                            " WHERE m.review_id = ? AND NOT EXISTS (SELECT 1 FROM mention o"
                            " WHERE o.person_id = p.id AND o.review_id <> ?)", (third, third))
    assert only_there
    result = keeper.ok("rm", "--source", str(keeper.folder / "third.txt"))  # not a terminal: asks nothing
    assert f"removed review {third}" in result.stdout
    for (name,) in only_there:
        assert name in result.stdout
        assert keeper.sql("SELECT 1 FROM person WHERE name = ?", (name,)) == []
    assert keeper.sql("SELECT count(*) FROM review WHERE id = ?", (third,)) == [(0,)]
    assert keeper.sql("SELECT count(*) FROM sentence WHERE review_id = ?", (third,)) == [(0,)]
    assert keeper.sql("SELECT count(*) FROM sentence") == keeper.sql("SELECT count(*) FROM sentence_fts_docsize")
    assert keeper.person("Nicolas Winding Refn")  # still named by the first review
    check = keeper.run("check")
    assert check.exit_code == 0, check.output
    missing = keeper.run("rm", "999")
    assert missing.exit_code == 1 and "999" in missing.stderr


def test_rm_keeps_an_entity_a_decision_leads_to(keeper):
    refn = keeper.person("Refn")
    keeper.ok("entity", "alias", str(refn), "Der Däne")
    second = keeper.sql("SELECT id FROM review WHERE source LIKE '%second.txt'")[0][0]
    keeper.ok("rm", str(second), "--yes")
    keeper.ok("rm", "1", "--yes")
    assert keeper.sql("SELECT name FROM person WHERE id = ?", (refn,)) == [("Refn",)]
    assert keeper.sql("SELECT count(*) FROM review") == [(0,)]
    keeper.ok("check")


def test_a_decision_about_a_character_holds_in_its_film_only(keeper):
    drive = "---\nfilm: Drive\n---\nIrene (Carey Mulligan) wohnt nebenan.\nIrene lächelt selten.\n"
    other = "---\nfilm: Anderswo\n---\nIrene (Lena Beispiel) fährt Bus.\nIrene schweigt.\n"
    keeper.ingest("drive.md", drive)
    keeper.ingest("other.md", other)
    irenes = keeper.sql("SELECT p.id, f.title FROM person p JOIN film f ON f.id = p.film_id WHERE p.name = 'Irene'"
                        " ORDER BY f.title")
    assert [t for _, t in irenes] == ["Anderswo", "Drive"]
    in_drive = dict((t, i) for i, t in irenes)["Drive"]
    keeper.ok("entity", "rename", str(in_drive), "Irene Gallo")
    keeper.ok("reanalyse")
    names = keeper.sql("SELECT p.name, f.title FROM mention m JOIN person p ON p.id = m.person_id"
                       " JOIN film f ON f.id = p.film_id WHERE m.surface = 'Irene' ORDER BY f.title")
    assert set(names) == {("Irene", "Anderswo"), ("Irene Gallo", "Drive")}


def test_rm_asks_on_a_terminal(keeper):
    import os
    import pty
    import select
    import subprocess
    import sys
    import time

    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "archive", "--db", keeper.db, "rm", "1"],
                               stdin=follower, stdout=follower, stderr=follower, close_fds=True)
    os.close(follower)
    seen, deadline = b"", time.monotonic() + 60
    while b"remove 1 review(s)?" not in seen and time.monotonic() < deadline:
        if not select.select([leader], [], [], 1)[0]:
            continue  # nothing yet: wait for the prompt, not for a time
        try:
            seen += os.read(leader, 1024)
        except OSError:  # the process ended
            break
    assert b"remove 1 review(s)?" in seen, seen
    os.write(leader, b"n\n")
    assert process.wait(timeout=60) == 1  # answered no: aborted
    os.close(leader)
    assert keeper.sql("SELECT count(*) FROM review WHERE id = 1") == [(1,)]


def test_a_dropped_mention_stays_dropped_only_where_its_text_still_is(keeper):
    path = keeper.folder / "second.txt"
    second = keeper.sql("SELECT id FROM review WHERE source LIKE '%second.txt'")[0][0]
    mention = keeper.json("query", "mentions", "--review", str(second))[0]
    keeper.ok("mention", "drop", str(mention["mention_id"]))
    path.write_text(SECOND + "Refn bleibt.\n", encoding="utf-8")  # edited after the mention: it stays dropped
    keeper.ok("ingest", str(path))
    spans = {(m["start_char"], m["text"]) for m in keeper.json("query", "mentions", "--review", str(second))}
    assert (mention["start_char"], mention["text"]) not in spans
    path.write_text("Neu: " + SECOND, encoding="utf-8")  # the text moved: that span holds other words now
    keeper.ok("ingest", str(path))
    texts = [m["text"] for m in keeper.json("query", "mentions", "--review", str(second))]
    assert mention["text"] in texts


def test_a_decision_made_twice_is_stored_once(keeper):
    full = keeper.person("Nicolas Winding Refn")
    assert "now means" in keeper.ok("entity", "alias", str(full), "NWR").stderr
    assert "already means" in keeper.ok("entity", "alias", str(full), "NWR").stderr
    assert keeper.sql("SELECT action, name FROM curation") == [("alias", "NWR")]
    keeper.ok("entity", "alias", str(full), "N. W. Refn")  # another alias is another decision
    assert keeper.sql("SELECT count(*) FROM curation") == [(2,)]


def test_an_alias_starting_with_an_article_says_how_it_is_found_and_the_name_without_it(keeper):
    full = keeper.person("Nicolas Winding Refn")
    result = keeper.ok("entity", "alias", str(full), "der Refn")
    assert "article" in result.stderr and f"alias {full} 'Refn'" in result.stderr
    assert "article" not in keeper.ok("entity", "alias", str(full), "NWR").stderr
    film = keeper.sql("SELECT id FROM film WHERE title = 'Only God Forgives'")[0][0]
    assert "article" not in keeper.ok("entity", "alias", f"film:{film}", "Der Gott vergibt").stderr  # titles may


def test_merging_a_film_into_a_person_hints_the_retype_with_film_id(keeper):
    person = keeper.person("Refn")
    film = keeper.sql("SELECT id FROM film WHERE title = 'Only God Forgives'")[0][0]
    result = keeper.run("entity", "merge", f"film:{film}", "--into", str(person))
    assert result.exit_code == 1 and f"archive entity retype film:{film} person" in result.stderr
    result = keeper.run("entity", "merge", f"person:{person}", "--into", f"film:{film}")
    assert f"archive entity retype {person} film" in result.stderr
