"""The authorizer of `archive sql` refuses every write by itself, the schema tables
included, without leaning on query_only or the read-only open; and reads that look
like writes to SQLite's first glance (a virtual table's first use, reading a PRAGMA's
value) are allowed."""

from __future__ import annotations

import sqlite3

import pytest

from archive import sqlread

SCHEMA_WRITES = [
    "UPDATE sqlite_master SET sql = sql WHERE name = 'person'",
    "UPDATE sqlite_schema SET sql = sql WHERE name = 'person'",
    "UPDATE main.sqlite_master SET type = type, name = name, tbl_name = tbl_name, rootpage = rootpage, sql = sql",
    "DELETE FROM sqlite_master WHERE name = 'nothing'",
    "INSERT INTO sqlite_master SELECT * FROM sqlite_master WHERE 0",
    "WITH x AS (SELECT 1) UPDATE sqlite_master SET sql = sql WHERE 0",
    "UPDATE temp.sqlite_temp_master SET sql = sql WHERE 0",
]


def writable_connection(path: str) -> sqlite3.Connection:
    """A connection that may write the schema: neither read-only nor query_only, so only
    the authorizer stands between a statement and the file."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA writable_schema = ON")
    return conn


@pytest.mark.parametrize("statement", SCHEMA_WRITES)
def test_the_authorizer_alone_refuses_writes_to_the_schema_tables(archive, tmp_path, statement):
    copy = archive.copy(tmp_path / "copy.db")
    conn = writable_connection(copy.path)
    conn.execute(statement)  # allowed without the authorizer: the test could fail
    conn.close()
    conn = writable_connection(copy.path)
    sqlread._declare_virtual_tables(conn)
    conn.set_authorizer(sqlread._authorize)
    with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
        conn.execute(statement)
    conn.close()


def test_virtual_tables_still_read_with_the_authorizer_on(archive, tmp_path):
    conn = writable_connection(archive.copy(tmp_path / "copy.db").path)
    sqlread._declare_virtual_tables(conn)
    conn.set_authorizer(sqlread._authorize)
    assert conn.execute("SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'Gosling'").fetchone()[0] > 0
    assert conn.execute("SELECT name FROM pragma_table_info('film') WHERE cid = 0").fetchone() == ("id",)
    assert conn.execute("SELECT count(*) FROM json_each('[1, 2, 3]')").fetchone() == (3,)
    conn.close()


def test_sql_reads_query_only_and_refuses_setting_it(archive):
    assert archive.json("sql", "PRAGMA query_only") == [{"query_only": 1}]
    assert archive.json("sql", "SELECT * FROM pragma_query_only") == [{"query_only": 1}]
    result = archive.run("sql", "PRAGMA query_only = 0")
    assert result.exit_code == 1 and "only reads" in result.stderr


@pytest.mark.parametrize("statement", SCHEMA_WRITES[:3])
def test_sql_refuses_schema_writes_with_one_line(archive, statement):
    result = archive.run("sql", statement)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == "Error: archive sql only reads: that statement would change the database\n"
