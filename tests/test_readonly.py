"""Read commands never write. A file that is not an archive is one line and left as it
was; an older archive is upgraded where it can be written and, where it cannot, one
line says why; a read-only folder is still read (immutable); what cannot be a database
(a FIFO, nothing) is refused at once."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive import db as archive_db
from archive.cli import cli
from tests.conftest import file_digest

READS = [("sql", "SELECT 1"), ("check",), ("query", "persons"), ("query", "reviews"), ("query", "sentences",
         "--text", "Regen"), ("query", "cast"), ("show", "1"), ("stats",)]


def run(db, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def one_line(result, code: int = 1) -> str:
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


@pytest.fixture
def other_sqlite(tmp_path) -> Path:
    """Somebody else's SQLite file, in the rollback journal mode SQLite starts with."""
    path = tmp_path / "notes.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO note (text) VALUES ('nicht anfassen')")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_reading_another_sqlite_file_says_so_and_changes_nothing(other_sqlite, args):
    before, files = file_digest(other_sqlite), beside(other_sqlite)
    line = one_line(run(other_sqlite, *args))
    assert line == f"Error: {other_sqlite} is not an archive (no alembic_version table); archive ingest creates one"
    assert file_digest(other_sqlite) == before
    assert beside(other_sqlite) == files  # no -wal, -shm or journal left behind
    conn = sqlite3.connect(other_sqlite)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # not switched to WAL
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["note"]
    conn.close()


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_reading_an_empty_file_says_so_and_leaves_it_empty(tmp_path, args):
    path = tmp_path / "empty.db"
    path.touch()
    line = one_line(run(path, *args))
    assert line == f"Error: {path} is empty, not an archive; archive ingest creates one"
    assert path.read_bytes() == b""
    assert beside(path) == ["empty.db"]


def test_db_current_names_a_file_that_is_not_an_archive_without_changing_it(other_sqlite):
    before = file_digest(other_sqlite)
    result = run(other_sqlite, "db", "current", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == f"{other_sqlite},,{archive_db.HEAD},not an archive"
    assert file_digest(other_sqlite) == before


def test_ingest_still_makes_an_archive_of_an_empty_file(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    (tmp_path / "r.txt").write_text("Ryan Gosling spielt den Fahrer.\n", encoding="utf-8")
    assert run(path, "ingest", str(tmp_path / "r.txt")).exit_code == 0
    assert run(path, "query", "persons").exit_code == 0


def test_a_new_archive_appears_whole_and_leaves_no_work_file(tmp_path):
    """ingest builds a new archive beside its place and links it in: no reader can find it
    empty or half-migrated (a read of an empty file is an error now, see above)."""
    (tmp_path / "r.txt").write_text("Ryan Gosling spielt den Fahrer.\n", encoding="utf-8")
    assert run(tmp_path / "new.db", "ingest", str(tmp_path / "r.txt")).exit_code == 0
    assert beside(tmp_path / "new.db") == ["new.db", "r.txt"]


def old_archive(path: Path, revision: str = archive_db.REVISIONS[-2]) -> Path:
    archive_db.upgrade(str(path), revision)
    return path


def test_an_older_archive_that_cannot_be_written_is_one_line_saying_why(tmp_path, monkeypatch):
    """The code is made to believe the folder read-only (root, who runs this suite in CI,
    ignores mode bits); what this shows is that it then refuses before it tries to
    write, in one line. The real read-only folder is the subprocess test below."""
    path = old_archive(tmp_path / "old.db")
    before = file_digest(path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode & os.W_OK else real_access(p, mode, **kw))
    line = one_line(run(path, "query", "persons"))
    assert line == (f"Error: {path} is at schema revision {archive_db.REVISIONS[-2]}, older than this archive "
                    f"({archive_db.HEAD}), and cannot be upgraded where it is: its folder is read-only; copy it "
                    f"somewhere writable, or run archive db upgrade where it can be written")
    assert file_digest(path) == before


def test_an_older_archive_that_can_be_written_is_upgraded_by_a_read(tmp_path):
    path = old_archive(tmp_path / "old.db")
    assert run(path, "query", "persons").exit_code == 0
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (archive_db.HEAD,)
    conn.close()


def test_a_failed_migration_shows_no_sqlalchemy_link_or_statement_dump():
    from sqlalchemy.exc import OperationalError

    exc = OperationalError("CREATE VIEW x AS SELECT 1", {}, sqlite3.OperationalError("view x already exists"))
    assert "sqlalche.me" in str(exc) and "[SQL:" in str(exc)  # what SQLAlchemy would have shown
    assert archive_db.migration_error(exc) == "view x already exists"
    assert archive_db.migration_error(RuntimeError("x (Background on this error at: https://sqlalche.me/e/20/a)")) \
        == "x"


# --- a folder that is really read-only -------------------------------------------------------------

def readonly_folder_runner(folder: Path):
    """A function running `archive ARGS` with `folder` read-only for real: for a user by
    its mode bits; for root (who ignores them) inside a private mount namespace where the
    folder is bind-mounted read-only. None where neither can be had."""
    command = [sys.executable, "-m", "archive"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    if os.geteuid() != 0:
        def run_as_user(*args):
            folder.chmod(0o555)
            try:
                return subprocess.run([*command, *args], capture_output=True, text=True, env=env)
            finally:
                folder.chmod(0o755)
        return run_as_user
    script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
    wrap = ["unshare", "-m", "sh", "-c", script, "sh", str(folder)]
    if not shutil.which("unshare") or subprocess.run([*wrap, "touch", str(folder / "probe")],
                                                     capture_output=True).returncode == 0:
        return None
    if subprocess.run([*wrap, "true"], capture_output=True).returncode != 0:
        return None  # no right to mount here
    return lambda *args: subprocess.run([*wrap, *command, *args], capture_output=True, text=True, env=env)


@pytest.fixture
def readonly_folder(tmp_path, built):
    folder = tmp_path / "ro"
    folder.mkdir()
    run_readonly = readonly_folder_runner(folder)
    if run_readonly is None:
        pytest.skip("cannot make a read-only folder here (root without the right to mount)")
    shutil.copy(built.path, folder / "archive.db")  # in WAL mode, with no -wal or -shm beside it
    return folder, run_readonly


def test_a_read_only_folder_is_read(readonly_folder):
    folder, run_readonly = readonly_folder
    db = str(folder / "archive.db")
    before = file_digest(db)
    for args in (("query", "persons", "--format", "csv"), ("sql", "SELECT count(*) FROM review"), ("check",),
                 ("stats",), ("show", "1"), ("db", "current")):
        result = run_readonly("--db", db, *args)
        assert result.returncode == 0, (args, result.stderr)
    assert run_readonly("--db", db, "sql", "SELECT count(*) AS n FROM review", "--format", "csv").stdout == "n\n4\n"
    assert file_digest(db) == before and beside(folder / "archive.db") == ["archive.db"]


def test_an_older_archive_in_a_read_only_folder_says_why(readonly_folder):
    folder, run_readonly = readonly_folder
    (folder / "archive.db").unlink()
    old_archive(folder / "old.db")
    result = run_readonly("--db", str(folder / "old.db"), "query", "persons")
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "cannot be upgraded where it is: its folder is read-only" in result.stderr
    assert "readonly database" not in result.stderr and "sqlalche.me" not in result.stderr


def test_a_log_in_a_read_only_folder_is_read_or_named(readonly_folder, built):
    """A -wal with committed changes: with its -shm it is read (immutable would skip it);
    without, one line says why, rather than an answer that misses the changes."""
    folder, run_readonly = readonly_folder
    for name in ("archive.db",):
        (folder / name).unlink()
    writer = sqlite3.connect(folder / "live.db", isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    source = sqlite3.connect(built.path)
    source.backup(writer)
    source.close()
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE person SET name = 'Neu Benannt' WHERE id = 1")
    for suffix in ("", "-wal", "-shm"):  # a copy taken while the writer is open: the change is in the log only
        shutil.copy(folder / f"live.db{suffix}", folder / f"with-shm.db{suffix}")
    for suffix in ("", "-wal"):
        shutil.copy(folder / f"live.db{suffix}", folder / f"no-shm.db{suffix}")
    writer.close()
    sql = ("sql", "SELECT name FROM person WHERE id = 1", "--format", "csv")
    result = run_readonly("--db", str(folder / "with-shm.db"), *sql)
    assert (result.returncode, result.stdout) == (0, "name\nNeu Benannt\n"), result.stderr
    result = run_readonly("--db", str(folder / "no-shm.db"), *sql)
    assert result.returncode == 1 and result.stdout == "" and result.stderr.count("\n") == 1, result.stderr
    assert "its folder is read-only" in result.stderr and "no-shm.db-wal" in result.stderr


def test_read_only_opens_immutable_where_the_folder_cannot_be_written(built, tmp_path, monkeypatch):
    """Without the right to mount (and as root) the folder cannot be made read-only for
    real; this shows the part the code decides: told the folder is read-only, it opens
    immutable, which makes no -shm (the file a read-only folder cannot hold)."""
    path = tmp_path / "archive.db"
    shutil.copy(built.path, path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode & os.W_OK else real_access(p, mode, **kw))
    result = run(path, "query", "persons", "--format", "json")
    assert result.exit_code == 0, result.output
    assert beside(path) == ["archive.db"]
    monkeypatch.undo()
    assert run(path, "query", "persons").exit_code == 0
    assert "archive.db-shm" in beside(path)  # the ordinary open makes one: the difference is real


# --- what cannot be a database -----------------------------------------------------------------------

@pytest.mark.parametrize("args", [*READS, ("db", "current"), ("db", "upgrade"), ("ingest", "-")], ids=" ".join)
def test_a_fifo_as_database_is_refused_at_once(tmp_path, args):
    fifo = tmp_path / "archive.db"
    os.mkfifo(fifo)
    # In a subprocess with a generous deadline: a hang fails the test instead of stopping the suite.
    proc = subprocess.run([sys.executable, "-m", "archive", "--db", str(fifo), *args], capture_output=True,
                          text=True, input="Ryan Gosling spielt.\n", timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == f"Error: {fifo} is not a regular file; --db takes a database file\n"


@pytest.mark.parametrize("args", [("query", "persons"), ("sql", "SELECT 1"), ("ingest", "-")])
def test_an_empty_db_option_says_what_to_give(args):
    line = one_line(CliRunner().invoke(cli, ["--db", "", *args], input="Ryan Gosling spielt.\n"))
    assert line == "Error: --db is empty: give a database file, or leave --db out for ./archive.db"


# --- archive db -----------------------------------------------------------------------------------

def test_db_upgrade_to_an_older_revision_says_how_to_go_back(tmp_path):
    path = old_archive(tmp_path / "a.db", archive_db.HEAD)
    older = archive_db.REVISIONS[2]
    line = one_line(run(path, "db", "upgrade", older))
    assert line == f"Error: {path} is at {archive_db.HEAD}, newer than {older}; archive db downgrade {older} takes it back"
    result = run(path, "db", "downgrade", older)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"{path}: schema now at {older} (was {archive_db.HEAD})\n"
    line = one_line(run(path, "db", "downgrade", archive_db.REVISIONS[3]))
    assert "older than" in line and f"archive db upgrade {archive_db.REVISIONS[3]}" in line
    assert run(path, "db", "upgrade").exit_code == 0
    assert run(path, "db", "current", "--format", "csv").stdout.splitlines()[1].endswith(",current")


def test_db_help_names_its_three_commands():
    result = CliRunner().invoke(cli, ["db", "--help"])
    assert result.exit_code == 0
    for name in ("current", "upgrade", "downgrade"):
        assert f"archive db {name}" in result.stdout
