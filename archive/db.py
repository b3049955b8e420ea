"""Where the database is, how it is opened, and keeping its schema current.

Commands open the database with the standard library's sqlite3 (fast to import);
Alembic is imported only when the schema has to change, which a cheap read of
`alembic_version` tells."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

DEFAULT_PATH = "archive.db"
# Every migration in order, oldest first; a test checks this against Alembic's history.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009")
HEAD = REVISIONS[-1]
BUSY_TIMEOUT_MS = 30_000


class DatabaseError(Exception):
    """A database problem a user can act on; the message is one line."""


def resolve_path(option: str | None) -> str:
    """--db PATH, else $ARCHIVE_DB, else archive.db in the current folder."""
    return option or os.environ.get("ARCHIVE_DB") or DEFAULT_PATH


def connect(path: str, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection with foreign keys on, WAL journal and a busy timeout.

    Autocommit mode: callers open transactions explicitly (`BEGIN IMMEDIATE` to write)."""
    if Path(path).is_dir():
        raise DatabaseError(f"{path} is a folder; --db takes a database file (it is made if missing)")
    if readonly:
        if not Path(path).exists():
            raise DatabaseError(f"no database at {path}")
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA schema_version").fetchone()  # reads the header: is it SQLite at all?
        if not readonly:
            _retry_locked(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseError(f"{path}: {exc}") from None
    return conn


def _retry_locked(step, seconds: float = BUSY_TIMEOUT_MS / 1000):
    """Run `step`, retrying while SQLite says the database is locked. Switching a new
    file to WAL while another process migrates it is answered at once, without the busy
    handler, so the timeout alone does not cover it."""
    import time

    deadline = time.monotonic() + seconds
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def current_revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None


def open_current(path: str) -> sqlite3.Connection:
    """Open for writing, upgrading an older schema first; refuse one newer than the code."""
    try:
        conn = connect(path)
        revision = current_revision(conn)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: {exc}") from None
    if revision == HEAD:
        return conn
    if revision is not None and revision not in REVISIONS:
        conn.close()
        raise DatabaseError(
            f"{path} has schema revision {revision}, newer than this archive knows ({HEAD}); upgrade archive"
        )
    conn.close()
    upgrade(path)
    return connect(path)


def open_readonly(path: str) -> sqlite3.Connection:
    """Open for reading; a database behind the code is upgraded first (that writes once)."""
    if not Path(path).exists():
        raise DatabaseError(f"no database at {path} (ingest reviews first, or give --db)")
    conn = connect(path, readonly=True)
    try:
        revision = current_revision(conn)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: {exc}") from None
    if revision != HEAD:
        conn.close()
        open_current(path).close()
        conn = connect(path, readonly=True)
    return conn


def alembic_config(path: str):
    from alembic.config import Config

    from archive import migrations  # the project's migrations/ folder, installed as archive.migrations

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    return config


def upgrade(path: str, revision: str = "head") -> None:
    """Upgrade to `revision`, all of it in one transaction that holds the write lock.

    Two processes opening a fresh database at once both find it behind; the second
    waits for the first's lock, then finds the schema current and does nothing."""
    _migrate(path, "upgrade", revision)


def downgrade(path: str, revision: str) -> None:
    _migrate(path, "downgrade", revision)


def _migrate(path: str, direction: str, revision: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    try:
        raw = connect(path)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: {exc}") from None
    # Alembic runs on this very connection, inside one transaction that holds the write
    # lock, so a migration is whole or absent. Alembic commits after every revision on
    # SQLite unless it finds the connection already in a transaction (then it leaves
    # committing to its caller); the pysqlite dialect sends no BEGIN of its own, so the
    # transaction is the BEGIN IMMEDIATE below, and connection.commit() its COMMIT.
    engine = create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)
    try:
        with engine.connect() as connection:
            transaction = connection.begin()
            try:
                raw.execute("BEGIN IMMEDIATE")  # waits (busy timeout) for a migration under way
                found = current_revision(raw)
            except sqlite3.DatabaseError as exc:
                raise DatabaseError(f"{path}: {exc}") from None
            if found is not None and found not in REVISIONS:
                raise DatabaseError(
                    f"{path} has schema revision {found}, newer than this archive knows ({HEAD}); upgrade archive")
            if direction == "upgrade" and revision == "head" and found == HEAD:
                return  # another process did it while this one waited
            config = alembic_config(path)
            config.attributes["connection"] = connection
            try:
                getattr(command, direction)(config, revision)
                transaction.commit()
            except Exception as exc:  # alembic and SQLAlchemy raise many kinds; the user needs one line
                message = " ".join(str(exc).split())
                raise DatabaseError(f"cannot {direction} {path}: {message}") from None
    finally:
        try:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
        except sqlite3.ProgrammingError:
            pass  # already closed with the engine
        engine.dispose()
        try:
            raw.close()
        except sqlite3.ProgrammingError:
            pass
