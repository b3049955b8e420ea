"""Where the database is, how it is opened, and keeping its schema current.

Commands open the database with the standard library's sqlite3 (fast to import);
Alembic is imported only when the schema has to change, which a cheap read of
`alembic_version` tells."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
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


def check_path(path: str, *, must_exist: bool = False) -> None:
    """Refuse, in one line, what can never be a database file: nothing, a folder, a FIFO
    or a device (opening a FIFO would wait for a writer for ever)."""
    if not path:
        raise DatabaseError("--db is empty: give a database file, or leave --db out for ./archive.db")
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if must_exist:
            raise DatabaseError(f"no database at {path} (ingest reviews first, or give --db)") from None
        return
    except OSError as exc:
        raise DatabaseError(f"cannot open {path}: {exc.strerror}") from None
    if stat.S_ISDIR(mode):
        raise DatabaseError(f"{path} is a folder; --db takes a database file (it is made if missing)")
    if not stat.S_ISREG(mode):
        raise DatabaseError(f"{path} is not a regular file; --db takes a database file")


def unwritable(path: str) -> str | None:
    """Why SQLite could not write next to `path` (it makes -wal, -shm and journal files
    in the same folder), or None when it can."""
    if not os.access(os.path.dirname(os.path.abspath(path)), os.W_OK):
        return "its folder is read-only"
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return "the file is read-only"
    return None


def connect(path: str, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection with foreign keys on, WAL journal and a busy timeout.

    Autocommit mode: callers open transactions explicitly (`BEGIN IMMEDIATE` to write).
    Read-only, where the file or its folder cannot be written and no other connection
    keeps a log beside it, the file is opened immutable (as Datasette opens immutable
    files): reading a WAL database otherwise needs a -shm file, which a read-only folder
    cannot hold. Where a log is there, the ordinary read-only open reads it (immutable
    would skip its committed transactions)."""
    check_path(path, must_exist=readonly)
    if readonly:
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        if unwritable(path) and not _logs(path):
            uri += "&immutable=1"
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
        why = unwritable(path)
        if readonly and why and _logs(path) and "not a database" not in str(exc):
            raise DatabaseError(
                f"cannot read {path}: {why}, and SQLite reads the log beside it ({', '.join(_logs(path))}) only "
                f"with a -shm file it cannot make there; open it once where it can be written (that folds the "
                f"log into the file)") from None
        raise DatabaseError(f"{path}: {exc}") from None
    return conn


def _logs(path: str) -> list[str]:
    """The journal files SQLite keeps beside a database while it is in use."""
    return [log for log in (f"{path}-wal", f"{path}-shm", f"{path}-journal") if os.path.exists(log)]


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
    check_path(path)
    if not os.path.exists(path):
        _create(path)
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


def _create(path: str) -> None:
    """Make a new archive beside `path` and link it into place whole, so that no reader
    ever finds it half-made (an empty file, or tables without alembic_version), and of
    two processes making it at once one wins and the other opens the winner's. Where
    the folder takes no hard links the archive is made in place instead, as before."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, new = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".new", dir=folder)
    except OSError:
        return  # connect() says why in the words SQLite uses
    os.close(fd)
    try:
        upgrade(new)  # its last connection closes: the log is folded in and removed
        try:
            os.link(new, path)
        except FileExistsError:
            pass  # another process made it first
        except OSError:
            return  # no hard links here
    finally:
        for leftover in (new, f"{new}-wal", f"{new}-shm", f"{new}-journal"):
            try:
                os.unlink(leftover)
            except FileNotFoundError:
                pass


def open_readonly(path: str) -> sqlite3.Connection:
    """Open an archive for reading. It writes nothing, with one exception: an archive
    behind the code is upgraded first where it can be written. A file that is not an
    archive (an empty file, any other SQLite database) is refused and left alone."""
    conn = connect(path, readonly=True)
    try:
        revision = current_revision(conn)
        if revision is None and not has_version_table(conn):
            if conn.execute("PRAGMA page_count").fetchone()[0] == 0:
                raise DatabaseError(f"{path} is empty, not an archive; archive ingest creates one")
            raise DatabaseError(f"{path} is not an archive (no alembic_version table); archive ingest creates one")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseError(f"{path}: {exc}") from None
    except DatabaseError:
        conn.close()
        raise
    if revision == HEAD:
        return conn
    conn.close()
    if revision is not None and revision not in REVISIONS:
        raise DatabaseError(
            f"{path} has schema revision {revision}, newer than this archive knows ({HEAD}); upgrade archive")
    why = unwritable(path)
    if why:
        raise DatabaseError(_cannot_upgrade(path, revision, why))
    upgrade(path)
    return connect(path, readonly=True)


def has_version_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone() \
        is not None


def _cannot_upgrade(path: str, revision: str | None, why: str) -> str:
    return (f"{path} is at schema revision {revision or 'base'}, older than this archive ({HEAD}), and cannot be "
            f"upgraded where it is: {why}; copy it somewhere writable, or run archive db upgrade where it can be "
            f"written")


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
                if "readonly database" in str(exc):
                    raise DatabaseError(_cannot_upgrade(path, found, unwritable(path) or "it is read-only")) \
                        from None
                raise DatabaseError(f"cannot {direction} {path}: {migration_error(exc)}") from None
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


def migration_error(exc: Exception) -> str:
    """One line for a failed migration: SQLite's own words where SQLAlchemy wrapped them,
    without SQLAlchemy's statement dump or its link to background reading."""
    message = str(getattr(exc, "orig", None) or exc)
    message = re.sub(r"\(Background on this error at: [^)]*\)", "", message)
    message = re.sub(r"\[SQL: .*?\](?=\s|$)", "", message, flags=re.S)
    return " ".join(message.split()) or type(exc).__name__
