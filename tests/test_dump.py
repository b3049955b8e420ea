"""archive export / import: the round trip gives the same bytes and the same entities
and mentions; a malformed line is refused with its number and nothing is written;
metadata columns travel; CSV for spreadsheets."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from archive.cli import cli
from tests.conftest import file_digest


def run(db, *args, input=None):
    return CliRunner().invoke(cli, ["--db", str(db), *args], input=input, catch_exceptions=False)


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def rows(db, sql):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# What must survive, said without ids (an import numbers rows anew).
MENTIONS = ("SELECT r.source, m.start_char, m.end_char, m.surface, d.type, d.name FROM mention m"
            " JOIN review r ON r.id = m.review_id JOIN mention_detail d ON d.mention_id = m.id")
ENTITIES = ("SELECT p.name, p.kind, f.title, f.year, r.source FROM person p LEFT JOIN film f ON f.id = p.film_id"
            " LEFT JOIN review r ON r.id = p.review_id UNION ALL SELECT title, 'film', NULL, year, NULL FROM film")
ROLES = ("SELECT c.name, a.name, r.source FROM role JOIN person c ON c.id = role.character_id"
         " JOIN person a ON a.id = role.actor_id JOIN review r ON r.id = role.review_id")
REVIEWS = "SELECT source, sha256, body, ingested_at, sentence_count, mention_count FROM review ORDER BY id"


def test_export_import_export_gives_the_same_bytes_and_the_same_entities(archive, tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    ok(run(archive.path, "export", str(first)))
    ok(run(tmp_path / "new.db", "import", str(first)))
    ok(run(tmp_path / "new.db", "export", str(second)))
    assert first.read_bytes() == second.read_bytes()
    for sql in (MENTIONS, ENTITIES, ROLES):
        assert sorted(rows(tmp_path / "new.db", sql), key=repr) == sorted(rows(archive.path, sql), key=repr)
    assert rows(tmp_path / "new.db", REVIEWS) == rows(archive.path, REVIEWS)  # ingested_at kept, too
    assert ok(run(tmp_path / "new.db", "check")).exit_code == 0
    # and the German search index was made for the imported sentences
    assert rows(tmp_path / "new.db", "SELECT count(*) FROM sentence_stem") == rows(archive.path,
                                                                                  "SELECT count(*) FROM sentence")


def test_the_export_is_a_header_then_one_sorted_object_a_line(archive):
    lines = ok(run(archive.path, "export")).stdout.splitlines()
    assert json.loads(lines[0]) == {"format": "archive-jsonl", "type": "header", "version": 1}
    bodies = [b for (b,) in rows(archive.path, "SELECT body FROM review ORDER BY id")]
    objects = [json.loads(line) for line in lines[1:]]
    assert [o["text"] for o in objects] == bodies
    assert all(o["type"] == "review" and set(o) == {"type", "text", "source", "ingested_at"} for o in objects)
    assert all(line == json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
               for line in lines)


def test_import_into_an_existing_archive_adds_only_what_is_new(archive, tmp_path):
    dump = tmp_path / "all.jsonl"
    ok(run(archive.path, "export", str(dump)))
    header, *reviews = dump.read_text(encoding="utf-8").splitlines()
    part = tmp_path / "part.jsonl"
    part.write_text("\n".join([header] + reviews[:2]) + "\n", encoding="utf-8")
    target = tmp_path / "target.db"
    assert "2 added, 0 unchanged" in ok(run(target, "import", str(part))).stderr
    result = ok(run(target, "import", "-", input=dump.read_bytes()))
    assert f"{len(reviews) - 2} added, 2 unchanged" in result.stderr
    assert rows(target, REVIEWS) == rows(archive.path, REVIEWS)


GOOD = '{"ingested_at":"2026-01-01T00:00:00+00:00","source":"neu.txt","text":"Ein Film von Jan Müller.","type":"review"}'
HEADER = '{"format":"archive-jsonl","type":"header","version":1}'


@pytest.mark.parametrize("lines, message", [
    ([HEADER, GOOD, '{"type": "review", "text": '], "line 3: not JSON"),
    ([HEADER, GOOD, "[1, 2]"], "line 3: not a JSON object"),
    ([HEADER, GOOD, '{"type": "film"}'], "line 3: unknown type 'film'"),
    ([HEADER, GOOD, '{"type": "review", "source": "x.txt", "ingested_at": "2026-01-01"}'], "line 3: a review needs 'text'"),
    ([HEADER, GOOD.replace('"type"', '"titel":"x","type"')], "line 2: unknown key 'titel'"),
    ([HEADER, GOOD.replace('"type"', '"metadata":{"outlet":"taz"},"type"')], "line 2: unknown key 'metadata'"),
    ([HEADER, GOOD.replace('"type"', '"meta":"taz","type"')], "line 2: 'meta' must be an object"),
    ([HEADER, GOOD, '{"type": "curation", "action": "drop-mention", "made_at": "x", "review": 2, "start_char": 0,'
                    ' "end_char": 3}'], "line 3: no review 2 in this file"),
    ([HEADER, GOOD, '{"type": "curation", "action": "merge", "made_at": "x", "name": "Jan",'
                    ' "entity": {"type": "alien", "name": "Jan Müller"}}'], "line 3: a merge decision needs"),
    ([HEADER, GOOD.replace("Ein Film von Jan Müller.", "   ")], "line 2: the review's text is refused, as ingest would"
                                                                  " refuse it: only white space"),
    ([HEADER, GOOD.replace("Ein Film von Jan Müller.", "... 1999!")], "line 2: the review's text is refused, as ingest"
                                                                       " would refuse it: no words in it"),
    ([GOOD], "line 1: not an archive export"),
    ([HEADER.replace('"version":1', '"version":2'), GOOD], "line 1: format version 2"),
    ([HEADER, GOOD, '{"type": "curation", "action": "merge"}'], "line 3: a decision needs 'made_at'"),
    ([HEADER, GOOD, GOOD, '{"type": "curation", "action": "wish", "made_at": "x"}'], "line 4: a decision's action"),
    ([], "the input is empty"),
    # what ingest refuses, refused the same way (sources.review_text, meta.check)
    ([HEADER, GOOD, GOOD.replace("Ein Film", "Ein\\u0000Film")], "line 3: the review's text is refused, as ingest"
                                                                   " would refuse it: binary data, not text"),
    ([HEADER, GOOD.replace("Ein Film", "Ein Film " + "sehr " * 210_000)], "line 2: the review's text is refused,"
                                                                          " as ingest would refuse it: larger than 1 MiB"),
    ([HEADER, GOOD.replace('"type"', '"front_matter":"---\\ntitle: T\\n---\\n' + "x" * 2**20 + '","type"')],
     "larger than 1 MiB"),  # the file held its front matter, too
    ([HEADER, GOOD.replace("Ein Film", "Ein \\ud800 Film")], "line 2: the review's text is not Unicode text"),
    ([HEADER, GOOD.replace('"type"', '"meta":{"published":"Juli 2013"},"type"')],
     "line 2: the review's metadata: 'published' takes a real date, written YYYY, YYYY-MM or YYYY-MM-DD, not \"Juli 2013\""),
    ([HEADER, GOOD, GOOD.replace('"type"', '"meta":{"cast":42},"type"')], "line 3: the review's metadata: 'cast' takes"),
    ([HEADER, GOOD.replace('"type"', '"meta":{"year":"abc"},"type"')], "line 2: the review's metadata: 'year' takes a whole"),
    ([HEADER, GOOD.replace("2026-01-01T00:00:00+00:00", "yesterday")],
     "line 2: 'ingested_at' takes a time in ISO 8601 with its offset, as an export writes it"
     " (2026-11-25T22:35:00+00:00), not 'yesterday'"),
    ([HEADER, GOOD, GOOD.replace("2026-01-01T00:00:00+00:00", "2020-13-45T99:00:00")], "line 3: 'ingested_at' takes"),
    ([HEADER, GOOD.replace("2026-01-01T00:00:00+00:00", "2020-02-30T10:00:00+00:00")], "line 2: 'ingested_at' takes"),
    ([HEADER, GOOD.replace("2026-01-01T00:00:00+00:00", "2020-02-03T10:00:00")], "line 2: 'ingested_at' takes"),
])
def test_a_malformed_line_is_refused_with_its_number_and_nothing_is_written(archive, tmp_path, lines, message):
    target = archive.copy(tmp_path / "target.db")
    before = file_digest(target.path)
    counts = rows(target.path, "SELECT (SELECT count(*) FROM review), (SELECT count(*) FROM sentence_stem)")
    dump = tmp_path / "bad.jsonl"
    dump.write_text("\n".join(lines) + "\n" if lines else "", encoding="utf-8")
    result = run(target.path, "import", str(dump))
    assert result.exit_code == 1
    assert message in result.stderr and "nothing imported" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert rows(target.path, "SELECT (SELECT count(*) FROM review), (SELECT count(*) FROM sentence_stem)") == counts
    if before != file_digest(target.path):  # only a rolled-back transaction may have touched the WAL
        assert ok(run(target.path, "check"))


def test_bytes_that_are_not_utf8_are_refused_with_their_line(tmp_path):
    dump = tmp_path / "latin1.jsonl"
    dump.write_bytes((HEADER + "\n" + GOOD + "\n").encode() + GOOD.replace("ü", "\xfc").encode("latin-1") + b"\n")
    result = run(tmp_path / "new.db", "import", str(dump))
    assert result.exit_code == 1 and "line 3: not UTF-8" in result.stderr
    assert not (tmp_path / "new.db").exists()  # nothing imported, not even an empty archive


FRONT = ("---\ntitle: Kalte Rache\nfilm: Drive\nyear: 2011\nauthor: Anna Berg\ncast:\n  - Ryan Gosling as Driver\n"
         "---\nRyan Gosling spielt den Fahrer. Refn inszeniert die Gewalt.\n"
         "Nicolas Winding Refn dreht in Los Angeles, Carey Mulligan spielt Irene.\n")
CURATED = ("SELECT c.action, c.name, c.type, c.value, c.start_char, c.end_char, c.surface, c.made_at,"
           " coalesce(p.name, f.title), r.source FROM curation c LEFT JOIN person p ON p.id = c.person_id"
           " LEFT JOIN film f ON f.id = c.film_id LEFT JOIN review r ON r.id = c.review_id ORDER BY c.id")
META = ("SELECT source, title, author, published, film_id IS NOT NULL, meta, front_matter,"
        " (SELECT group_concat(f.title) FROM review_film rf JOIN film f ON f.id = rf.film_id"
        "  WHERE rf.review_id = review.id) FROM review ORDER BY id")


@pytest.fixture
def curated(archive, tmp_path):
    """The test archive plus a review with front matter, and one decision of each kind."""
    copy = archive.copy(tmp_path / "curated.db")
    (tmp_path / "kalt.md").write_text(FRONT, encoding="utf-8")
    ok(run(copy.path, "ingest", str(tmp_path / "kalt.md")))

    def entity(name):
        (found,) = rows(copy.path, f"SELECT id FROM person WHERE name = '{name}'")
        return str(found[0])

    ok(run(copy.path, "entity", "merge", entity("Refn"), "--into", entity("Nicolas Winding Refn")))
    ok(run(copy.path, "entity", "rename", entity("Lars Eidinger"), "Lars Eidinger (Schauspieler)"))
    ok(run(copy.path, "entity", "alias", entity("Carey Mulligan"), "Mulligan"))
    (mention,) = rows(copy.path, "SELECT m.id FROM mention m JOIN review r ON r.id = m.review_id"
                                 " WHERE r.source LIKE '%kalt.md' ORDER BY m.start_char LIMIT 1")
    ok(run(copy.path, "mention", "drop", str(mention[0])))
    assert len(rows(copy.path, "SELECT * FROM curation")) == 4
    return copy


def test_metadata_and_curation_come_back_and_the_bytes_stay_the_same(curated, tmp_path):
    first, second, target = tmp_path / "first.jsonl", tmp_path / "second.jsonl", tmp_path / "new.db"
    assert "4 curation decisions" in ok(run(curated.path, "export", str(first))).stderr
    lines = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    kalt = next(o for o in lines if o["type"] == "review" and o["source"].endswith("kalt.md"))
    assert kalt["meta"]["author"] == "Anna Berg" and kalt["front_matter"].startswith("---\ntitle: Kalte Rache")
    assert [o["action"] for o in lines if o["type"] == "curation"] == ["merge", "rename", "alias", "drop-mention"]
    assert "4 curation decisions applied" in ok(run(target, "import", str(first))).stderr
    ok(run(target, "export", str(second)))
    assert first.read_bytes() == second.read_bytes()
    for sql in (MENTIONS, ENTITIES, ROLES, CURATED, META):
        assert sorted(rows(target, sql), key=repr) == sorted(rows(curated.path, sql), key=repr), sql
    assert ok(run(target, "check"))
    # the decisions hold for what the import analysed: Refn is Nicolas Winding Refn, and
    # the dropped mention is not there
    assert rows(target, "SELECT count(*) FROM person WHERE name = 'Refn'") == [(0,)]


def test_export_to_a_path_leaves_no_partial_file_and_says_what_it_wrote(archive, tmp_path):
    path = tmp_path / "out.jsonl"
    result = ok(run(archive.path, "export", str(path)))
    assert f"exported {len(archive.ids)} reviews, 0 curation decisions to {path}" in result.stderr
    assert path.read_text(encoding="utf-8") == ok(run(archive.path, "export", "-")).stdout
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


@pytest.mark.parametrize("table, count_sql", [
    ("mentions", "SELECT count(*) FROM mention"),
    ("entities", "SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM film)"),
])
def test_csv_export_of_mentions_or_entities(archive, table, count_sql):
    import csv
    import io

    out = ok(run(archive.path, "export", "--format", "csv", "--table", table)).stdout
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert len(parsed) == rows(archive.path, count_sql)[0][0]
    assert {"type", "name"} <= set(parsed[0])


def test_importing_the_same_export_twice_stores_each_decision_once(curated, tmp_path):
    dump, target = tmp_path / "all.jsonl", tmp_path / "new.db"
    ok(run(curated.path, "export", str(dump)))
    assert "4 curation decisions applied" in ok(run(target, "import", str(dump))).stderr
    again = ok(run(target, "import", str(dump))).stderr
    assert "0 curation decisions applied (4 already in the archive)" in again
    assert rows(target, "SELECT count(*) FROM curation") == [(4,)]
    assert ok(run(curated.path, "import", str(dump)))  # into the archive it came from: nothing new
    assert rows(curated.path, "SELECT count(*) FROM curation") == [(4,)]


def test_a_failed_import_into_a_new_archive_leaves_no_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"format":"archive-jsonl","type":"header","version":1}\n{"type": "review"\n', encoding="utf-8")
    result = run(tmp_path / "new.db", "import", str(bad))
    assert result.exit_code == 1 and "line 2" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl"]


def test_table_alone_implies_csv_and_with_jsonl_is_bad_usage(archive):
    assert ok(run(archive.path, "export", "--table", "entities")).stdout.startswith("type,entity_id,name,")
    result = run(archive.path, "export", "--table", "entities", "--format", "jsonl")
    assert result.exit_code == 2 and "--table is for --format csv" in result.stderr


def test_export_into_a_missing_folder_names_the_folder(archive, tmp_path):
    target = tmp_path / "missing" / "dir" / "x.jsonl"
    result = run(archive.path, "export", str(target))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert f"the folder {target.parent} does not exist" in result.stderr and ".partial" not in result.stderr
    assert not (tmp_path / "missing").exists()


def test_an_export_with_metadata_ingest_would_refuse_is_refused_naming_the_key(tmp_path):
    """Metadata stored before ingest checked it comes back only mended: import holds it to
    the check ingest makes (it took such lines, unchecked, until issue 12's audit)."""
    old = json.loads(GOOD)
    old["meta"] = {"cast": 42, "film": {"a": 1}, "director": {"b": 2}}
    dump = tmp_path / "old.jsonl"
    dump.write_text(HEADER + "\n" + json.dumps(old) + "\n", encoding="utf-8")
    result = run(tmp_path / "new.db", "import", str(dump))
    assert result.exit_code == 1 and "line 2: the review's metadata: 'cast' takes a list of `Actor as Character` lines" in result.stderr
    assert not (tmp_path / "new.db").exists()


def test_what_an_export_writes_is_taken_as_ingest_would_take_it(tmp_path):
    review = json.loads(GOOD)
    review.update(meta={"published": "2013-07", "year": "2011", "cast": ["Jan Müller as Kurt"], "rating": 4},
                  ingested_at="2019-05-06T07:08:09.5Z", text="Ein Film von Jan Müller.\x1b[0m Mit drei Zeichen\x07.")
    dump = tmp_path / "fine.jsonl"
    dump.write_text(HEADER + "\n" + json.dumps(review) + "\n", encoding="utf-8")
    ok(run(tmp_path / "new.db", "import", str(dump)))  # a few control characters are kept, as ingest keeps them
    assert rows(tmp_path / "new.db", "SELECT ingested_at, published FROM review") == [("2019-05-06T07:08:09.5Z", "2013-07")]
