"""Read-only SQL for `archive sql`: a connection opened read-only, in query-only mode,
with an authorizer that refuses every write, ATTACH and writing PRAGMA. Three locks,
so no statement can change the database."""

from __future__ import annotations

import sqlite3

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
# PRAGMAs that only read, when called without a value.
_READ_PRAGMAS = frozenset(
    "table_info table_xinfo index_list index_info index_xinfo foreign_key_list database_list "
    "collation_list function_list module_list pragma_list compile_options user_version schema_version "
    "page_count page_size freelist_count encoding journal_mode foreign_keys integrity_check quick_check "
    "foreign_key_check data_version application_id table_list".split()
)


def _authorize(action, arg1, arg2, db, source):
    if action in _DENIED:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() not in _READ_PRAGMAS or \
            action == sqlite3.SQLITE_PRAGMA and arg2 is not None:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in ("load_extension", "readfile", "writefile"):
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def run_readonly(path: str, sql: str, params: dict[str, str], limit: int | None = None) -> Result:
    conn = open_readonly(path)
    conn.execute("PRAGMA query_only = ON")
    conn.set_authorizer(_authorize)
    try:
        cursor = conn.execute(sql, params)
        if cursor.description is None:
            return Result([], [])
        rows = cursor.fetchmany(limit) if limit is not None else cursor.fetchall()
    except sqlite3.DatabaseError as exc:
        message = str(exc)
        if "not authorized" in message or "readonly" in message or "read-only" in message:
            raise QueryError("archive sql only reads: that statement would change the database") from None
        raise QueryError(f"SQL error: {message}") from None
    except sqlite3.Warning as exc:  # "You can only execute one statement at a time."
        raise QueryError(f"SQL error: {exc}") from None
    except sqlite3.ProgrammingError as exc:
        raise QueryError(f"SQL error: {exc}") from None
    finally:
        conn.close()
    return Result([d[0] for d in cursor.description], rows)
