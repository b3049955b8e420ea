"""What docs/schema.md promises people who read the file with SQL or pandas:
`mention_detail` names each mention's entity by one id and gives a film's year, the
nullable integer columns are listed with the pandas recipe, and a delete by hand
with `PRAGMA foreign_keys = ON` takes a review's rows with it."""

from __future__ import annotations

import re
import sqlite3

from archive import db as archive_db
from tests.conftest import ROOT

SCHEMA_DOC = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
# The columns of mention_detail as revision 0002 made them, in order.
OLD_COLUMNS = ["mention_id", "review_id", "source", "sentence_id", "sentence_position", "start_char", "end_char",
               "surface", "type", "name", "person_id", "film_id", "sentence"]


def columns(path, relation: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({relation})")]
    finally:
        conn.close()


def test_mention_detail_keeps_its_columns_and_adds_entity_id_and_year_last(archive):
    assert columns(archive.path, "mention_detail") == OLD_COLUMNS + ["entity_id", "year"]


def test_entity_id_is_the_id_that_is_set_and_matches_entity_count(archive):
    rows = archive.sql("SELECT mention_id, type, person_id, film_id, entity_id FROM mention_detail")
    assert rows and all(entity_id == (film_id if kind == "film" else person_id)
                        for _, kind, person_id, film_id, entity_id in rows)
    assert all(entity_id is not None for *_, entity_id in rows)
    # every mention finds its entity's row in entity_count by (type, entity_id)
    unmatched = archive.sql("""SELECT count(*) FROM mention_detail d
        WHERE NOT EXISTS (SELECT 1 FROM entity_count c WHERE c.type = d.type AND c.entity_id = d.entity_id)""")
    assert unmatched == [(0,)]


def test_year_is_the_mentioned_films_year_and_null_for_people(archive):
    by_name = dict(archive.sql("SELECT DISTINCT name, year FROM mention_detail WHERE type = 'film'"))
    assert by_name["Taxi Driver"] == 1976  # "Taxi Driver von 1976" in the sample review
    assert by_name["Walhalla Rising"] == 2009  # "Walhalla Rising (2009)"
    assert archive.sql("SELECT count(*) FROM mention_detail WHERE type <> 'film' AND year IS NOT NULL") == [(0,)]
    films = dict(archive.sql("SELECT id, year FROM film"))
    assert all(films[film_id] == year
               for film_id, year in archive.sql("SELECT film_id, year FROM mention_detail WHERE type = 'film'"))


def test_downgrading_0009_gives_the_old_view_back(tmp_path):
    path = str(tmp_path / "archive.db")
    archive_db.upgrade(path)
    archive_db.downgrade(path, archive_db.REVISIONS[archive_db.REVISIONS.index("0009") - 1])
    assert columns(path, "mention_detail") == OLD_COLUMNS
    archive_db.upgrade(path)
    assert columns(path, "mention_detail") == OLD_COLUMNS + ["entity_id", "year"]


def pandas_section() -> str:
    return SCHEMA_DOC[SCHEMA_DOC.index("## pandas"):SCHEMA_DOC.index("## Offsets")]


def test_every_nullable_integer_column_is_named_in_the_pandas_recipe(archive):
    section = pandas_section()
    assert 'dtype_backend="numpy_nullable"' in section
    conn = sqlite3.connect(archive.path)
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'sentence_fts%' AND name <> 'alembic_version'")]
        nullable = [(table, column) for table in tables
                    for _, column, kind, notnull, _, pk in conn.execute(f"PRAGMA table_info({table})")
                    if kind.upper() == "INTEGER" and not notnull and not pk]
    finally:
        conn.close()
    assert ("mention", "person_id") in nullable and ("film", "year") in nullable
    missing = [f"{t}.{c}" for t, c in nullable if f"`{t}.{c}`" not in section]
    assert missing == []
    for column in ("person_id", "film_id", "year"):
        assert re.search(rf"`mention_detail\.{column}`|`{column}`", section)


def test_the_shown_output_is_that_of_sqlite3_header_column():
    assert "sqlite3 -header -column archive.db" in SCHEMA_DOC
    examples = SCHEMA_DOC[SCHEMA_DOC.index("## Example queries"):]
    assert "`sqlite3 -header -column archive.db`" in examples.split("\n\n")[1]


def delete_review(path: str, review_id: int, *, foreign_keys: bool) -> None:
    conn = sqlite3.connect(path)
    if foreign_keys:
        conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM review WHERE id = ?", (review_id,))
    conn.commit()
    conn.close()


def test_a_delete_by_hand_needs_foreign_keys_on(archive, tmp_path):
    assert "PRAGMA foreign_keys = ON" in SCHEMA_DOC
    review_id = archive.ids["sturm"]
    left_behind = ("SELECT (SELECT count(*) FROM sentence WHERE review_id = :r)"
                   " + (SELECT count(*) FROM mention WHERE review_id = :r)")

    without = archive.copy(tmp_path / "without.db")
    delete_review(without.path, review_id, foreign_keys=False)
    assert without.sql(left_behind, {"r": review_id})[0][0] > 0
    assert without.run("check").exit_code == 1

    with_keys = archive.copy(tmp_path / "with.db")
    delete_review(with_keys.path, review_id, foreign_keys=True)
    assert with_keys.sql(left_behind, {"r": review_id}) == [(0,)]
    result = with_keys.run("check")
    assert result.exit_code == 0, result.output
    assert with_keys.json("query", "sentences", "--text", "Bergen") == []  # the index let the sentences go
