"""Review metadata: YAML front matter, a sidecar NAME.meta.json / NAME.meta.yaml, and
`--meta key=value`; stored in columns and tables, used by the analysis, asked by
`query reviews` and `stats`. The block is not part of the text: offsets stay offsets."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli

FRONT = """---
title: Kalte Rache in Bangkok
film: Only God Forgives
year: 2013
director: Nicolas Winding Refn
cast:
  - Ryan Gosling as Julian
  - Kristin Scott Thomas: Crystal
author: Hanna Beispiel
outlet: Filmblatt
published: 2013-07-18
url: https://example.org/ogf
rating: 3/5
language: de
tags: [Thriller, Bangkok]
mood: kalt
---
"""
BODY = ("Der Film ist schön und leer.\n"
        "Julian sucht den Mörder seines Bruders, Crystal treibt ihn an.\n"
        "Refn zeigt Bangkok als Hölle, und Gosling schweigt.\n")


def run(db, *args, input=None):
    return CliRunner().invoke(cli, ["--db", str(db), *args], input=input, catch_exceptions=False)


def sql(db, query, params=()):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


COLUMNS = "title, author, outlet, published, url, rating, language"
EXPECTED = ("Kalte Rache in Bangkok", "Hanna Beispiel", "Filmblatt", "2013-07-18", "https://example.org/ogf", "3/5", "de")


def check_stored(db, body=BODY):
    (review_id, stored_body, *columns), = sql(db, f"SELECT id, body, {COLUMNS} FROM review")
    assert stored_body == body  # the block is not part of the text
    assert tuple(columns) == EXPECTED
    meta = json.loads(sql(db, "SELECT meta FROM review")[0][0])
    assert meta["mood"] == "kalt" and meta["tags"] == ["Thriller", "Bangkok"]  # unknown keys kept
    assert sql(db, "SELECT f.title, f.year, rf.position FROM review_film rf JOIN film f ON f.id = rf.film_id") == [
        ("Only God Forgives", 2013, 0)]
    # The analysis used it: the cast's characters and the director found, the film its subject.
    mentions = sql(db, "SELECT m.surface, p.name, p.kind FROM mention m JOIN person p ON p.id = m.person_id"
                       " ORDER BY m.start_char")
    assert ("Julian", "Julian", "character") in mentions and ("Crystal", "Crystal", "character") in mentions
    assert ("Refn", "Nicolas Winding Refn", "person") in mentions
    assert ("Gosling", "Ryan Gosling", "person") in mentions
    assert sql(db, "SELECT c.name, a.name, f.title FROM role r JOIN person c ON c.id = r.character_id"
                   " JOIN person a ON a.id = r.actor_id JOIN film f ON f.id = c.film_id ORDER BY c.name") == [
        ("Crystal", "Kristin Scott Thomas", "Only God Forgives"), ("Julian", "Ryan Gosling", "Only God Forgives")]
    assert sql(db, "SELECT count(*) FROM mention m JOIN review r ON r.id = m.review_id"
                   " WHERE substr(r.body, m.start_char + 1, m.end_char - m.start_char) <> m.surface") == [(0,)]
    assert run(db, "check").exit_code == 0
    return review_id


def test_front_matter(tmp_path):
    path = tmp_path / "ogf.md"
    path.write_text(FRONT + BODY, encoding="utf-8")
    result = run(tmp_path / "a.db", "ingest", str(path))
    assert result.exit_code == 0, result.output
    check_stored(str(tmp_path / "a.db"))
    assert sql(str(tmp_path / "a.db"), "SELECT front_matter || body FROM review") == [(FRONT + BODY,)]  # the file back


@pytest.mark.parametrize("suffix", [".meta.json", ".meta.yaml"])
def test_a_sidecar_file(tmp_path, suffix):
    import yaml

    values = yaml.safe_load(FRONT.strip("-\n"))
    values["published"] = values["published"].isoformat()
    (tmp_path / f"ogf{suffix}").write_text(json.dumps(values) if suffix.endswith("json") else yaml.safe_dump(values),
                                           encoding="utf-8")
    (tmp_path / "ogf.txt").write_text(BODY, encoding="utf-8")
    result = run(tmp_path / "a.db", "ingest", str(tmp_path / "ogf.txt"))
    assert result.exit_code == 0, result.output
    check_stored(str(tmp_path / "a.db"))


def test_meta_options_for_stdin(tmp_path):
    args = ["--meta", "title=Kalte Rache in Bangkok", "--meta", "film=Only God Forgives", "--meta", "year=2013",
            "--meta", "director=Nicolas Winding Refn",
            "--meta", "cast=[Ryan Gosling as Julian, Kristin Scott Thomas as Crystal]",
            "--meta", "author=Hanna Beispiel", "--meta", "outlet=Filmblatt", "--meta", "published=2013-07-18",
            "--meta", "url=https://example.org/ogf", "--meta", "rating=3/5", "--meta", "language=de",
            "--meta", "tags=[Thriller, Bangkok]", "--meta", "mood=kalt"]
    result = run(tmp_path / "a.db", "ingest", *args, "-", input=BODY)
    assert result.exit_code == 0, result.output
    check_stored(str(tmp_path / "a.db"))
    bad = run(tmp_path / "a.db", "ingest", "--meta", "no-equals-sign", "-", input=BODY)
    assert bad.exit_code == 2 and "key=value" in bad.stderr


def test_meta_options_win_over_front_matter(tmp_path):
    path = tmp_path / "ogf.md"
    path.write_text(FRONT + BODY, encoding="utf-8")
    assert run(tmp_path / "a.db", "ingest", "--meta", "outlet=Andere Zeitung", str(path)).exit_code == 0
    assert sql(str(tmp_path / "a.db"), "SELECT outlet, author FROM review") == [("Andere Zeitung", "Hanna Beispiel")]


def test_invalid_yaml_is_refused_with_its_line_and_the_others_go_in(tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: Gut\nauthor: [nicht geschlossen\nrating: 2\n---\n" + BODY,
                                     encoding="utf-8")
    (tmp_path / "good.md").write_text(FRONT + BODY, encoding="utf-8")
    (tmp_path / "open.md").write_text("---\ntitle: Offen\n" + BODY, encoding="utf-8")
    result = run(tmp_path / "a.db", "ingest", str(tmp_path))
    assert result.exit_code == 1
    refused = {line.split(":")[0]: line for line in result.stderr.splitlines() if line.startswith("refused")}
    bad = refused[f"refused {tmp_path / 'bad.md'}"]
    assert "not valid YAML on line 4" in bad  # the line after the unclosed bracket, counted in the file
    assert "never closed" in refused[f"refused {tmp_path / 'open.md'}"]
    assert sql(str(tmp_path / "a.db"), "SELECT title FROM review") == [("Kalte Rache in Bangkok",)]


def test_queries_by_metadata(tmp_path):
    db = tmp_path / "a.db"
    (tmp_path / "ogf.md").write_text(FRONT + BODY, encoding="utf-8")
    (tmp_path / "her.md").write_text("---\nfilm: Her\nauthor: Jo Kritik\noutlet: Wochenblatt\npublished: 2014-03-27\n---\n"
                                     "Her ist ein zarter Film über eine Stimme.\nSherlock kommt nicht vor.\n",
                                     encoding="utf-8")
    (tmp_path / "plain.txt").write_text("Ein Text ohne Angaben.\nRegisseur Jan Müller dreht.\n", encoding="utf-8")
    assert run(db, "ingest", str(tmp_path)).exit_code == 0

    def ids(*args):
        result = run(db, "query", "reviews", *args, "--format", "json")
        assert result.exit_code == 0, result.output
        return [Path(r["source"]).name for r in json.loads(result.stdout)]

    assert ids("--author", "hanna") == ["ogf.md"]
    assert ids("--outlet", "wochen") == ["her.md"]
    assert ids("--since", "2014") == ["her.md"]
    assert ids("--until", "2013") == ["ogf.md"]
    assert ids("--since", "2013-07-18", "--until", "2013-07-18") == ["ogf.md"]
    assert ids("--reviewed", "=her") == ["her.md"]
    rows = json.loads(run(db, "query", "reviews", "--author", "jo", "--format", "json").stdout)
    assert (rows[0]["title"], rows[0]["outlet"], rows[0]["published"], rows[0]["film"]) == (None, "Wochenblatt",
                                                                                            "2014-03-27", "Her")
    stats = json.loads(run(db, "stats", "--format", "json").stdout)
    assert {r["outlet"]: r["reviews"] for r in stats["by_outlet"]} == {"Filmblatt": 1, "Wochenblatt": 1, None: 1}
    assert {r["year"]: r["reviews"] for r in stats["by_year"]} == {2013: 1, 2014: 1, None: 1}
    view = sql(str(db), "SELECT author, reviewed FROM review_detail ORDER BY review_id")
    assert sorted(view, key=str) == sorted([("Hanna Beispiel", "Only God Forgives"), ("Jo Kritik", "Her"), (None, None)],
                                           key=str)
    # `Her` is a title of that review: found as a film, `Sherlock` is not it.
    assert sql(str(db), "SELECT m.surface FROM mention m JOIN film f ON f.id = m.film_id WHERE f.title = 'Her'") == [
        ("Her",)]


def test_director_and_cast_are_credited_persons_even_unnamed_in_the_text(tmp_path):
    db = tmp_path / "a.db"
    (tmp_path / "night.md").write_text("---\nfilm: A Girl Walks Home Alone at Night\ndirector: Ana Lily Amirpour\n"
                                       "cast: [Sheila Vand as The Girl]\n---\nEin Vampirwestern in Schwarzweiß.\n"
                                       "Die Stadt heißt Bad City.\n", encoding="utf-8")
    assert run(db, "ingest", str(tmp_path / "night.md")).exit_code == 0
    assert sql(str(db), "SELECT p.name, c.job FROM credit c JOIN person p ON p.id = c.person_id ORDER BY c.job") == [
        ("Sheila Vand", "cast"), ("Ana Lily Amirpour", "director")]
    listed = json.loads(run(db, "query", "persons", "--format", "json").stdout)
    assert {(r["name"], r["mentions"]) for r in listed} >= {("Ana Lily Amirpour", 0), ("Sheila Vand", 0)}
    cast = json.loads(run(db, "query", "cast", "--person", "vand", "--format", "json").stdout)
    assert [(r["character"], r["film"]) for r in cast] == [("The Girl", "A Girl Walks Home Alone at Night")]
    (amirpour,), = sql(str(db), "SELECT id FROM person WHERE name = 'Ana Lily Amirpour'")
    shown = json.loads(run(db, "entity", "show", str(amirpour), "--format", "json").stdout)
    assert [(c["job"], c["film"]) for c in shown["credits"]] == [("director", "A Girl Walks Home Alone at Night")]
    result = run(db, "rm", "1")
    assert result.exit_code == 0 and "Ana Lily Amirpour" in result.stdout
    assert sql(str(db), "SELECT count(*) FROM person") == [(0,)] and sql(str(db), "SELECT count(*) FROM film") == [(0,)]
    assert run(db, "check").exit_code == 0


BAD_PUBLISHED = ["yesterday", "18.07.2013", "Juli 2013", "2024-02-30", "2013-13", "0018"]


@pytest.mark.parametrize("value", BAD_PUBLISHED)
def test_a_published_date_that_is_no_real_date_refuses_the_file_and_the_others_go_in(tmp_path, value):
    (tmp_path / "bad.md").write_text(f"---\npublished: {value}\n---\n" + BODY, encoding="utf-8")
    (tmp_path / "good.md").write_text(FRONT + BODY, encoding="utf-8")
    result = run(tmp_path / "a.db", "ingest", str(tmp_path))
    assert result.exit_code == 1
    refused = [line for line in result.stderr.splitlines() if line.startswith("refused")]
    assert len(refused) == 1 and "bad.md" in refused[0]
    assert "'published'" in refused[0] and "YYYY, YYYY-MM or YYYY-MM-DD" in refused[0]
    assert "internal error" not in result.stderr
    assert sql(str(tmp_path / "a.db"), "SELECT published FROM review") == [("2013-07-18",)]


@pytest.mark.parametrize("value", ["2013", "2013-07", "2013-07-18", "2024-02-29"])
def test_a_published_date_in_each_accepted_form_goes_in(tmp_path, value):
    (tmp_path / "r.md").write_text(f"---\npublished: {value}\n---\n" + BODY, encoding="utf-8")
    assert run(tmp_path / "a.db", "ingest", str(tmp_path / "r.md")).exit_code == 0
    assert sql(str(tmp_path / "a.db"), "SELECT published FROM review") == [(value,)]


def test_a_bad_published_date_in_meta_options_is_bad_usage(tmp_path):
    result = run(tmp_path / "a.db", "ingest", "--meta", "published=yesterday", "-", input=BODY)
    assert result.exit_code == 2 and "'published'" in result.stderr and "YYYY-MM-DD" in result.stderr
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize("option, value", [("--since", "2013-13"), ("--until", "2024-02-30"), ("--since", "2013-00")])
def test_a_date_option_that_is_no_real_date_is_bad_usage(tmp_path, option, value):
    (tmp_path / "ogf.md").write_text(FRONT + BODY, encoding="utf-8")
    assert run(tmp_path / "a.db", "ingest", str(tmp_path / "ogf.md")).exit_code == 0
    result = run(tmp_path / "a.db", "query", "reviews", option, value)
    assert result.exit_code == 2 and "no real date" in result.stderr


@pytest.mark.parametrize("block, key", [
    ("cast: 42", "cast"),
    ("film: {a: 1}", "film"),
    ("cast: [42, {a: b}]", "cast"),
    ("cast: [Ryan Gosling as Julian, {Kristin Scott Thomas: [Crystal]}]", "cast"),
    ("year: zweitausend", "year"),
    ("year: 20013", "year"),
    ("year: true", "year"),
    ("title: [a, b]", "title"),
    ("author: {name: Jo}", "author"),
    ("rating: [3, 5]", "rating"),
    ("language: no", "language"),
    ("director: {a: b}", "director"),
    ("tags: {a: b}", "tags"),
])
def test_a_known_key_of_the_wrong_shape_refuses_the_file_naming_the_key(tmp_path, block, key):
    (tmp_path / "bad.md").write_text(f"---\n{block}\n---\n" + BODY, encoding="utf-8")
    (tmp_path / "good.md").write_text(FRONT + BODY, encoding="utf-8")
    result = run(tmp_path / "a.db", "ingest", str(tmp_path))
    assert result.exit_code == 1
    refused = [line for line in result.stderr.splitlines() if line.startswith("refused")]
    assert len(refused) == 1 and "bad.md" in refused[0] and f"'{key}' takes" in refused[0], result.stderr
    assert "internal error" not in result.stderr
    # no junk entity from the refused file: only the good review's names
    assert sql(str(tmp_path / "a.db"), "SELECT count(*) FROM review") == [(1,)]
    assert sql(str(tmp_path / "a.db"), "SELECT count(*) FROM person WHERE name IN ('a', '42')") == [(0,)]
    assert sql(str(tmp_path / "a.db"), "SELECT count(*) FROM film WHERE title IN ('a', '42')") == [(0,)]


def test_a_sidecar_of_the_wrong_shape_is_refused_naming_the_sidecar(tmp_path):
    (tmp_path / "r.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "r.meta.json").write_text('{"cast": 42}', encoding="utf-8")
    result = run(tmp_path / "a.db", "ingest", str(tmp_path / "r.txt"))
    assert result.exit_code == 1 and "r.meta.json: 'cast' takes" in result.stderr


def test_the_shapes_each_key_takes_go_in(tmp_path):
    block = ("title: 1917\nfilm: [Drive, Bronson]\nyear: '2011'\ndirector: [Nicolas Winding Refn]\n"
             "cast: {Ryan Gosling: Driver, Carey Mulligan: Irene, Bryan Cranston: }\nrating: 4\ntags: Thriller\n")
    (tmp_path / "r.md").write_text(f"---\n{block}---\n" + BODY, encoding="utf-8")
    result = run(tmp_path / "a.db", "ingest", str(tmp_path / "r.md"))
    assert result.exit_code == 0, result.output
    assert sql(str(tmp_path / "a.db"), "SELECT title, rating FROM review") == [("1917", "4")]
    assert sql(str(tmp_path / "a.db"), "SELECT f.title, f.year FROM review_film rf JOIN film f ON f.id = rf.film_id"
                                       " ORDER BY rf.position") == [("Drive", 2011), ("Bronson", None)]


def test_a_name_that_is_exactly_the_film_reviewed_is_that_film(tmp_path):
    (tmp_path / "te.md").write_text("---\nfilm: Toni Erdmann\nyear: 2016\n---\n"
                                    "Maren Ade hat mit Toni Erdmann einen großartigen Film gedreht.\n"
                                    "Am Ende lacht man mit Toni Erdmann und weint.\n", encoding="utf-8")
    db = str(tmp_path / "a.db")
    assert run(db, "ingest", str(tmp_path / "te.md")).exit_code == 0
    assert sql(db, "SELECT m.surface, f.title, f.year, m.rule FROM mention m JOIN film f ON f.id = m.film_id"
                   " ORDER BY m.start_char") == [("Toni Erdmann", "Toni Erdmann", 2016, "film.reviewed"),
                                                 ("Toni Erdmann", "Toni Erdmann", 2016, "film.reviewed")]
    assert sql(db, "SELECT count(*) FROM person WHERE name LIKE '%Erdmann%'") == [(0,)]
    assert sql(db, "SELECT name FROM person") == [("Maren Ade",)]
    assert run(db, "check").exit_code == 0


def test_a_character_someone_plays_stays_a_character_though_named_as_the_film(tmp_path):
    (tmp_path / "te.md").write_text("---\nfilm: Toni Erdmann\n---\n"
                                    "Seine Kunstfigur Toni Erdmann (Peter Simonischek) trägt falsche Zähne.\n",
                                    encoding="utf-8")
    db = str(tmp_path / "a.db")
    assert run(db, "ingest", str(tmp_path / "te.md")).exit_code == 0
    assert sql(db, "SELECT c.name, a.name FROM role r JOIN person c ON c.id = r.character_id"
                   " JOIN person a ON a.id = r.actor_id") == [("Toni Erdmann", "Peter Simonischek")]


def test_query_films_lists_the_film_reviewed_even_when_the_text_never_names_it(tmp_path):
    db = str(tmp_path / "a.db")
    (tmp_path / "ogf.md").write_text("---\nfilm: Only God Forgives\nyear: 2013\n---\n"
                                     "Der Regisseur kehrt mit einem Albtraum zurück.\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("Der Film Drive (2011) ist gut. Drive ist schnell.\n", encoding="utf-8")
    assert run(db, "ingest", str(tmp_path)).exit_code == 0
    rows = json.loads(run(db, "query", "films", "--format", "json").stdout)
    assert [(r["title"], r["year"], r["mentions"], r["reviews"]) for r in rows] == [
        ("Drive", 2011, 2, 1), ("Only God Forgives", 2013, 0, 1)]
    (film_id,), = sql(db, "SELECT id FROM film WHERE title = 'Only God Forgives'")
    (review_id,), = sql(db, "SELECT id FROM review WHERE source LIKE '%ogf.md'")
    for args in (["--film", f"#{film_id}"], ["--review", str(review_id)]):
        rows = json.loads(run(db, "query", "films", *args, "--format", "json").stdout)
        assert [(r["title"], r["mentions"], r["reviews"]) for r in rows] == [("Only God Forgives", 0, 1)], args
    rows = json.loads(run(db, "query", "films", "--film", "drive", "--format", "json").stdout)
    assert [r["title"] for r in rows] == ["Drive"]


def test_a_file_moved_away_from_its_sidecar_says_on_its_line_that_its_metadata_is_gone(tmp_path):
    db = str(tmp_path / "a.db")
    (tmp_path / "zone.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "zone.meta.yaml").write_text("author: Jo Kritik\n", encoding="utf-8")
    assert run(db, "ingest", str(tmp_path / "zone.txt")).exit_code == 0
    (tmp_path / "zone.txt").rename(tmp_path / "zone2.txt")
    result = run(db, "ingest", str(tmp_path / "zone2.txt"))
    assert result.exit_code == 0
    (line,) = [l for l in result.stderr.splitlines() if l.startswith("moved")]
    assert "zone2.txt review 1" in line and "metadata is gone" in line and "zone.meta.yaml" in line
    assert sql(db, "SELECT author FROM review") == [(None,)]
    (tmp_path / "zone2.txt").rename(tmp_path / "zone3.txt")  # a move that keeps nothing to lose says nothing more
    (line,) = [l for l in run(db, "ingest", str(tmp_path / "zone3.txt")).stderr.splitlines() if l.startswith("moved")]
    assert line.endswith("zone3.txt review 1")
