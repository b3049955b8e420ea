"""Read-only SQL for `archive sql`: a connection opened read-only, in query-only mode,
with an authorizer that refuses every write (the schema tables sqlite_master and
sqlite_temp_master too), ATTACH and writing PRAGMA. Three locks, each enough alone, so
no statement can change the database."""

from __future__ import annotations

import sqlite3
from itertools import islice

from archive.db import open_readonly
from archive.queries import QueryError, Result

_DENIED = {
    getattr(sqlite3, name) for name in (
        "SQLITE_INSERT", "SQLITE_UPDATE", "SQLITE_DELETE", "SQLITE_ATTACH", "SQLITE_DETACH",
        "SQLITE_CREATE_TABLE", "SQLITE_CREATE_INDEX", "SQLITE_CREATE_TRIGGER", "SQLITE_CREATE_VIEW",
        "SQLITE_CREATE_TEMP_TABLE", "SQLITE_CREATE_TEMP_INDEX", "SQLITE_CREATE_TEMP_TRIGGER",
        "SQLITE_CREATE_TEMP_VIEW", "SQLITE_CREATE_VTABLE", "SQLITE_DROP_TABLE", "SQLITE_DROP_INDEX",
        "SQLITE_DROP_TRIGGER", "SQLITE_DROP_VIEW", "SQLITE_DROP_TEMP_TABLE", "SQLITE_DROP_TEMP_INDEX",
        "SQLITE_DROP_TEMP_TRIGGER", "SQLITE_DROP_TEMP_VIEW", "SQLITE_DROP_VTABLE", "SQLITE_ALTER_TABLE",
        "SQLITE_REINDEX", "SQLITE_ANALYZE", "SQLITE_TRANSACTION", "SQLITE_SAVEPOINT",
    ) if hasattr(sqlite3, name)
}
# PRAGMAs whose argument names what to read (`PRAGMA table_info(review)`, `pragma_table_info('review')`).
_LOOKUP_PRAGMAS = frozenset(
    "table_info table_xinfo index_list index_info index_xinfo foreign_key_list foreign_key_check "
    "integrity_check quick_check table_list".split()
)
# PRAGMAs that read a setting when called without a value, and change it with one: allowed without.
_SETTING_PRAGMAS = frozenset(
    "database_list collation_list function_list module_list pragma_list compile_options user_version "
    "schema_version page_count page_size freelist_count encoding journal_mode foreign_keys data_version "
    "application_id query_only".split()
)


def _authorize(action, arg1, arg2, db, source):
    if action in _DENIED:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA:
        name = (arg1 or "").lower()
        if name in _LOOKUP_PRAGMAS or (name in _SETTING_PRAGMAS and arg2 is None):
            return sqlite3.SQLITE_OK
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in ("load_extension", "readfile", "writefile"):
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def _declare_virtual_tables(conn: sqlite3.Connection) -> None:
    """The first time a connection uses a virtual table (sentence_fts, json_each, a
    table-valued PRAGMA such as pragma_table_info), SQLite declares its columns and asks
    the authorizer for an UPDATE of sqlite_master while doing so, exactly as a real
    `UPDATE sqlite_master` asks. So each is prepared once (EXPLAIN: nothing runs) before
    the authorizer is set, and the authorizer can refuse every write to the schema. One
    missed here is refused as a write: a false no, never a false yes."""
    names = [f"pragma_{name}" for name in sorted(_LOOKUP_PRAGMAS | _SETTING_PRAGMAS)]
    names += [name for (name,) in conn.execute("SELECT name FROM pragma_module_list")]  # json_each, dbstat, ...
    names += [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")]
    for name in names:
        try:
            conn.execute(f'EXPLAIN SELECT * FROM "{name.replace(chr(34), chr(34) * 2)}"').fetchall()
        except sqlite3.Error:
            pass  # a module that is no table by itself (fts5, rtree)


def open_guarded(path: str) -> sqlite3.Connection:
    """A connection on which no statement can write."""
    conn = open_readonly(path)
    conn.execute("PRAGMA query_only = ON")
    _declare_virtual_tables(conn)
    conn.set_authorizer(_authorize)
    return conn


def run_readonly(path: str, sql: str, params: dict[str, str], limit: int | None = None) -> Result:
    """run() on a connection of its own."""
    if not sql.strip():
        raise QueryError("no SQL given: archive sql \"SELECT ...\"")
    return run(open_guarded(path), sql, params, limit)


def run(conn: sqlite3.Connection, sql: str, params: dict[str, str], limit: int | None = None) -> Result:
    """Run one statement on a connection from open_guarded: the statement's columns, and
    its rows as an iterator over the cursor: they are read as they are printed, and the
    connection closes when the last one has been read."""
    if not sql.strip():
        conn.close()
        raise QueryError("no SQL given: archive sql \"SELECT ...\"")
    try:
        cursor = conn.execute(sql, params)
    except (sqlite3.DatabaseError, sqlite3.Warning, sqlite3.ProgrammingError) as exc:
        conn.close()
        raise _query_error(exc) from None
    if cursor.description is None:
        conn.close()
        return Result([], [])
    return Result([d[0] for d in cursor.description], _rows(conn, cursor, limit))


def _rows(conn: sqlite3.Connection, cursor: sqlite3.Cursor, limit: int | None):
    try:
        # islice, not fetchmany: fetchmany(0) would fetch the cursor's arraysize, not nothing.
        yield from islice(cursor, limit) if limit is not None else cursor
    except (sqlite3.DatabaseError, sqlite3.Warning, sqlite3.ProgrammingError) as exc:
        raise _query_error(exc) from None
    finally:
        conn.close()


def _query_error(exc: Exception) -> QueryError:
    message = str(exc)
    if isinstance(exc, sqlite3.DatabaseError) and any(
            word in message for word in ("not authorized", "authorization denied", "readonly", "read-only",
                                         "may not be modified")):
        return QueryError("archive sql only reads: that statement would change the database")
    return QueryError(f"SQL error: {message}")  # "You can only execute one statement at a time." among them
