"""Migrations keep data: the models and the migrations agree, a database at every
earlier revision upgrades with its data, downgrade and upgrade again work, a failed
migration changes nothing, and a database newer than the code, or not SQLite at all,
is refused with one line and left as it was."""

from __future__ import annotations

import hashlib
import sqlite3
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive import db as archive_db
from archive.cli import cli

SEED = Path(__file__).resolve().parent.parent / "seeds" / "drive-refn.txt"


def run(db, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def digest(path) -> str:
    h = hashlib.sha256()
    for p in (Path(path), Path(f"{path}-wal")):
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()


def schema(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
    finally:
        conn.close()


def test_revisions_are_alembics_history_in_order():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(archive_db.alembic_config("unused.db"))
    history = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(history) == archive_db.REVISIONS
    assert script.get_current_head() == archive_db.HEAD


def test_the_developers_alembic_ini_reads_the_same_scripts(tmp_path, monkeypatch):
    """`alembic upgrade head` from the project folder builds the schema the archive opens."""
    from alembic import command
    from alembic.config import Config

    root = Path(__file__).resolve().parent.parent
    config = Config(str(root / "alembic.ini"))
    config.set_main_option("script_location", str(root / "migrations"))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{tmp_path / 'dev.db'}")
    command.upgrade(config, "head")
    conn = sqlite3.connect(tmp_path / "dev.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (archive_db.HEAD,)
    finally:
        conn.close()


def test_models_and_migrations_agree(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from archive.models import Base

    path = tmp_path / "head.db"
    archive_db.upgrade(str(path))

    def include_object(obj, name, type_, reflected, compare_to):  # as migrations/env.py
        return not (type_ == "table" and name and name.startswith(("sentence_fts", "sentence_stem")))

    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection, warnings.catch_warnings():
        # SQLAlchemy cannot reflect the expression in ux_film_title_year and says so.
        warnings.filterwarnings("ignore", message=".*expression.*")
        warnings.filterwarnings("ignore", message=".*ux_film_title_year.*")
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def fill(path) -> None:
    """Data in the tables every revision has, written with plain SQL as a user might."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    real = "person" if archive_db.REVISIONS.index(revision) >= archive_db.REVISIONS.index("0006") else "real"
    body = "Ryan Gosling fährt in Drive durch die Nacht. Irene wartet auf ihn."
    conn.executescript(f"""
        INSERT INTO film (id, title, year, title_key) VALUES (1, 'Drive', 2011, 'drive');
        INSERT INTO review (id, source, sha256, body, ingested_at, film_id)
          VALUES (1, 'old.txt', '{hashlib.sha256(body.encode()).hexdigest()}', '{body}', '2020-01-01T00:00:00+00:00', 1);
        INSERT INTO sentence (id, review_id, position, start_char, end_char, text)
          VALUES (1, 1, 0, 0, 44, 'Ryan Gosling fährt in Drive durch die Nacht.'),
                 (2, 1, 1, 45, 66, 'Irene wartet auf ihn.');
        INSERT INTO person (id, name, kind, name_key, film_id, review_id)
          VALUES (1, 'Ryan Gosling', '{real}', 'ryan gosling', NULL, NULL),
                 (2, 'Irene', 'character', 'irene', 1, NULL);
        INSERT INTO mention (review_id, sentence_id, start_char, end_char, surface, person_id, film_id)
          VALUES (1, 1, 0, 12, 'Ryan Gosling', 1, NULL), (1, 1, 22, 27, 'Drive', NULL, 1),
                 (1, 2, 45, 50, 'Irene', 2, NULL);
        INSERT INTO role (character_id, actor_id, review_id) VALUES (2, 1, 1);
    """)
    has_index = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sentence_fts'").fetchone()
    indexed_by_trigger = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sentence_fts_insert'").fetchone()
    if has_index and not indexed_by_trigger:  # from 0003 on, as docs/schema.md tells users who insert by hand
        conn.execute("INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild')")
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sentence_stem'").fetchone():
        from archive.text.stems import keys  # from 0008 on: the search keys, as the writer adds them

        conn.executemany("INSERT INTO sentence_stem (rowid, text) VALUES (?, ?)",
                         [(i, keys(text)) for i, text in conn.execute("SELECT id, text FROM sentence").fetchall()])
    conn.commit()
    conn.close()


TABLES = ("review", "sentence", "person", "film", "mention", "role")
PERSON_KIND_SINCE_0006 = {"real": "person"}  # one word for one thing: the type is person, character or film


def contents(path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() for table in TABLES}
    finally:
        conn.close()


@pytest.mark.parametrize("revision", archive_db.REVISIONS[:-1])
def test_a_database_at_an_earlier_revision_upgrades_keeping_its_data(tmp_path, revision):
    path = tmp_path / f"at-{revision}.db"
    archive_db.upgrade(str(path), revision)
    fill(path)
    before = contents(path)
    assert sum(map(len, before.values())) == 10

    # Any command opens it; the first upgrades it. Here: a read command.
    result = run(path, "query", "sentences", "--text", "wartet", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "Irene wartet auf ihn." in result.stdout  # the full-text index covers old sentences

    after = contents(path)  # the same rows; columns added later come after the old ones
    before["person"] = [row[:2] + (PERSON_KIND_SINCE_0006.get(row[2], row[2]),) + row[3:] for row in before["person"]]
    assert {t: [row[: len(old[0])] for row in after[t]] for t, old in before.items() if old} == \
        {t: old for t, old in before.items() if old}
    conn = sqlite3.connect(path)
    # 0005 counted each review's sentences and mentions when it added the columns (rows
    # put in at 0005 or later by hand leave them NULL: "count them").
    counts = [(2, 3)] if archive_db.REVISIONS.index(revision) < archive_db.REVISIONS.index("0005") else [(None, None)]
    assert conn.execute("SELECT sentence_count, mention_count FROM review").fetchall() == counts
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(archive_db.HEAD,)]
    assert conn.execute("SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH 'nacht'").fetchall() == [(1,)]
    conn.close()
    assert run(path, "check").exit_code == 0
    assert schema(path) == schema_at_head(tmp_path)


def schema_at_head(tmp_path) -> list[tuple]:
    fresh = tmp_path / "fresh-head.db"
    if not fresh.exists():
        archive_db.upgrade(str(fresh))
    return schema(fresh)


def test_downgrade_by_one_revision_keeps_the_data_and_upgrading_restores_it(tmp_path):
    path = tmp_path / "archive.db"
    assert run(path, "ingest", str(SEED)).exit_code == 0
    at_head = contents(path)
    archive_db.downgrade(str(path), archive_db.REVISIONS[-2])
    below = contents(path)
    below_person = [row[:2] + (PERSON_KIND_SINCE_0006.get(row[2], row[2]),) + row[3:] for row in below["person"]]
    assert {t: [row[: len(rows[0])] for row in at_head[t]] for t, rows in below.items() if rows} == \
        {t: below_person if t == "person" else rows for t, rows in below.items() if rows}
    assert run(path, "check").exit_code == 0  # upgrades again first
    # Every row is back; the columns 0006 added (metadata, analysis version) were dropped by the downgrade.
    again = contents(path)
    width = len(below["review"][0])
    assert [row[:width] for row in again["review"]] == [row[:width] for row in at_head["review"]]
    assert {t: rows for t, rows in again.items() if t != "review"} == {t: rows for t, rows in at_head.items() if t != "review"}


def test_downgrade_to_base_and_upgrade_again(tmp_path):
    path = tmp_path / "archive.db"
    assert run(path, "ingest", str(SEED)).exit_code == 0
    archive_db.downgrade(str(path), "base")
    assert [name for _, name, _, _ in schema(path)] == ["alembic_version"]
    for revision in archive_db.REVISIONS:  # one step at a time, then back down and up in one go
        archive_db.upgrade(str(path), revision)
    archive_db.downgrade(str(path), archive_db.REVISIONS[0])
    archive_db.upgrade(str(path))
    assert schema(path) == schema_at_head(tmp_path)
    assert run(path, "ingest", str(SEED)).stderr.startswith("added ")
    assert run(path, "check").exit_code == 0


def test_a_failed_migration_changes_nothing(tmp_path):
    path = tmp_path / "archive.db"
    archive_db.upgrade(str(path), archive_db.REVISIONS[0])
    fill(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIEW entity_count AS SELECT 1")  # the last revision creates this view: it will fail
    conn.commit()
    conn.close()
    before = schema(path)
    result = run(path, "query", "reviews")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "cannot upgrade" in result.stderr and "entity_count" in result.stderr
    assert schema(path) == before  # no FTS table, no trigger left half-made
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(archive_db.REVISIONS[0],)]
    conn.close()


@pytest.mark.parametrize("args", [("ingest", str(SEED)), ("query", "reviews"), ("check",), ("db", "upgrade"),
                                  ("sql", "SELECT 1"), ("serve", "--host", "256.0.0.1")])
def test_a_database_newer_than_the_code_is_refused_and_left_alone(tmp_path, args):
    path = tmp_path / "archive.db"
    assert run(path, "ingest", str(SEED)).exit_code == 0
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = digest(path)
    result = run(path, *args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert "9999" in result.stderr and "newer" in result.stderr
    assert digest(path) == before


@pytest.mark.parametrize("content", [b"Dies ist keine Datenbank, sondern Text.\n" * 100, bytes(range(256)) * 64],
                         ids=["text", "binary"])
@pytest.mark.parametrize("args", [("ingest", str(SEED)), ("query", "persons"), ("check",), ("db", "current"),
                                  ("serve", "--host", "256.0.0.1")])
def test_a_file_that_is_not_sqlite_gives_one_line(tmp_path, content, args):
    path = tmp_path / "archive.db"
    path.write_bytes(content)
    result = run(path, *args)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert str(path) in result.stderr and "not a database" in result.stderr
    assert path.read_bytes() == content


def test_0006_says_person_for_a_real_person_and_keeps_every_row(tmp_path):
    """One word for one thing: a 0005 database's 'real' persons are 'person' after the
    upgrade, the CHECK refuses the old word, and the new tables and views work."""
    path = tmp_path / "at-0005.db"
    archive_db.upgrade(str(path), "0005")
    fill(path)
    archive_db.upgrade(str(path))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    assert conn.execute("SELECT id, kind FROM person ORDER BY id").fetchall() == [(1, "person"), (2, "character")]
    assert conn.execute("SELECT type, name, mentions FROM entity_count ORDER BY type, name").fetchall() == [
        ("character", "Irene", 1), ("film", "Drive", 1), ("person", "Ryan Gosling", 1)]
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO person (name, kind, name_key) VALUES ('X Y', 'real', 'x y')")
    conn.execute("INSERT INTO review_film (review_id, film_id, position) VALUES (1, 1, 0)")
    conn.execute("INSERT INTO curation (action, person_id, name, type, made_at)"
                 " VALUES ('alias', 1, 'Gosling', NULL, '2026-12-01T00:00:00+00:00')")
    assert conn.execute("SELECT review_id, source, reviewed, film, sentences FROM review_detail").fetchall() == [
        (1, "old.txt", "Drive", "Drive", None)]
    with pytest.raises(sqlite3.IntegrityError):  # a decision leads to an entity
        conn.execute("INSERT INTO curation (action, name, made_at) VALUES ('merge', 'X', '2026')")
    conn.commit()
    conn.close()
    archive_db.downgrade(str(path), "0005")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT id, kind FROM person ORDER BY id").fetchall() == [(1, "real"), (2, "character")]
    conn.close()
