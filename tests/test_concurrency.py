"""Many hands at once: two `archive ingest` processes write into the same database,
created by neither beforehand, while a third process keeps reading. All finish with
exit status 0, nothing is lost, nothing is stored twice, no 'database is locked'."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from archive.db import HEAD

ACTORS = ["Ryan Gosling", "Carey Mulligan", "Oscar Isaac", "Sandra Hüller", "Lars Eidinger", "Nina Hoss"]


def review(i: int) -> str:
    a, b = ACTORS[i % len(ACTORS)], ACTORS[(i + 2) % len(ACTORS)]
    return (f"Die Kritik mit der Nummer {i} fängt an.\n"
            f"{a} spielt neben {b} in einem Film über Nummer {i}.\n"
            f"Am Ende bleibt {b.split()[-1]} allein zurück.\n")


def command(db, *args: str) -> list[str]:
    return [sys.executable, "-m", "archive", "--db", str(db), *args]


# Reads until both writers are done, then once more; prints what each read saw.
READER = r"""
import json, subprocess, sys
db, marker_a, marker_b = sys.argv[1:4]
import os
def run(*args):
    p = subprocess.run([sys.executable, "-m", "archive", "--db", db, *args], capture_output=True, text=True)
    return {"args": args, "code": p.returncode, "stderr": p.stderr, "stdout": p.stdout}
import sqlite3
# The schema is committed (the writers migrate the new file first): from then on every
# read must succeed, so the reader starts there, not when the file appears.
def archive_made():
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM alembic_version").fetchone()[0] > 0
        finally:
            conn.close()
    except sqlite3.Error:
        return False
results = []
while not (os.path.exists(marker_a) and os.path.exists(marker_b)):
    if archive_made():
        results.append(run("query", "reviews", "--format", "json"))
        results.append(run("sql", "SELECT count(*) AS n FROM mention"))
results.append(run("query", "persons", "--format", "json"))
print(json.dumps(results))
"""


def test_two_writers_and_a_reader(tmp_path):
    # Half the reviews are written by one process, half by the other; a fifth by both.
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    total = 60
    for i in range(total):
        for folder in ((a,) if i < 24 else (b,) if i >= 36 else (a, b)):
            (folder / f"r{i:03d}.txt").write_text(review(i), encoding="utf-8")
    db = tmp_path / "archive.db"
    done_a, done_b = tmp_path / "done-a", tmp_path / "done-b"

    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(done_a), str(done_b)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    writers = [subprocess.Popen(command(db, "ingest", "--batch", "4", "-j", "1", str(folder)),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for folder in (a, b)]
    outputs = []
    for writer, marker in zip(writers, (done_a, done_b)):
        outputs.append(writer.communicate())
        marker.touch()
    reads, reader_err = reader.communicate()

    for writer, (out, err) in zip(writers, outputs):
        assert writer.returncode == 0, err
        assert "locked" not in err and "busy" not in err and "Traceback" not in err, err
        assert out == ""
    # The twelve reviews both were given: each stored once, by one of them.
    added = sum(int(err.splitlines()[-1].split()[0]) for _, err in outputs)
    unchanged = sum(int(err.splitlines()[-1].split()[2]) for _, err in outputs)
    assert (added, unchanged) == (total, 12)

    assert reader.returncode == 0, reader_err
    results = json.loads(reads)
    for result in results:
        assert result["code"] == 0, result
        assert "locked" not in result["stderr"] and "Traceback" not in result["stderr"], result
    assert len({row["name"] for row in json.loads(results[-1]["stdout"])} & set(ACTORS)) == len(ACTORS)

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*), count(DISTINCT sha256) FROM review").fetchone() == (total, total)
    assert conn.execute("SELECT count(*) FROM review r WHERE NOT EXISTS "
                        "(SELECT 1 FROM mention m WHERE m.review_id = r.id)").fetchone() == (0,)
    # One row per real person, however many processes found them.
    assert conn.execute("SELECT count(*), count(DISTINCT name) FROM person WHERE kind = 'person'").fetchone()[0] \
        == conn.execute("SELECT count(DISTINCT name) FROM person WHERE kind = 'person'").fetchone()[0]
    conn.close()
    check = subprocess.run(command(db, "check"), capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_two_processes_migrating_a_fresh_database(tmp_path):
    """Both find the new file without a schema; one migrates, the other waits and finds it done."""
    for i in range(2):
        (tmp_path / f"r{i}.txt").write_text(review(i), encoding="utf-8")
    for attempt in range(3):
        db = tmp_path / f"fresh{attempt}.db"
        procs = [subprocess.Popen(command(db, "ingest", str(tmp_path / f"r{i}.txt")),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(2)]
        for proc in procs:
            _, err = proc.communicate()
            assert proc.returncode == 0, err
        conn = sqlite3.connect(db)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
        assert conn.execute("SELECT count(*) FROM review").fetchone() == (2,)
        conn.close()
