"""A small archive for the query tests: the sample review plus three short reviews
written here, ingested once per session through the command line.

Each review below is written one sentence per line, so a test can know a review's
sentences from its text alone (`lines()`), without asking the code under test."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "drive-refn.txt"

STURM = (
    "In „Der stille Sturm“ erzählt Regisseur Jan Müller eine Geschichte über Schuld und Ästhetik.\n"
    "Lena (Sandra Hüller) sucht ihren Bruder Tom (Lars Eidinger) in den Bergen.\n"
    "Sandra Hüller trägt den Film, und Lars Eidinger ist ihr ebenbürtig.\n"
    "Müller zeigt die Gewalt nur am Rand.\n"
)
UFER = (
    "Regisseur Jan Müller dreht nach „Der stille Sturm“ nun „Kalte Ufer“.\n"
    "Wieder ist Sandra Hüller dabei, diesmal neben Ryan Gosling.\n"
    "Gosling spielt einen Fischer namens Ole, Hüller eine Ärztin.\n"
    "Die Bilder sind schön, aber die Geschichte bleibt leer.\n"
)
# No names at all, and a word (Regen) that the later sentence repeats: ranking must reorder.
REGEN = (
    "Ein Abend ohne Namen.\n"
    "Der Regen fällt auf das Dach eines sehr langen Hauses am Ende einer noch viel längeren Straße.\n"
    "Regen, Regen und noch einmal Regen.\n"
)
WRITTEN = {"sturm.txt": STURM, "ufer.txt": UFER, "regen.txt": REGEN}


def lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def words(text: str) -> list[str]:
    """Words as a reader sees them, lower case."""
    return [w.casefold() for w in re.findall(r"\w+", text)]


def file_digest(path: str | Path) -> str:
    """The database file and its write-ahead log, if any: together, what SQLite would read."""
    digest = hashlib.sha256(Path(path).read_bytes())
    wal = Path(f"{path}-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


@dataclass
class Archive:
    path: str
    texts: dict[str, str]  # name (drive, sturm, ufer, regen) -> review text
    ids: dict[str, int] = field(default_factory=dict)  # name -> review id

    def run(self, *args: str, env: dict | None = None):
        """`archive --db PATH args...`; result.stdout and result.stderr are apart."""
        return CliRunner().invoke(cli, ["--db", self.path, *args], env=env, catch_exceptions=False)

    def json(self, *args: str):
        result = self.run(*args, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    def sql(self, query: str, params=()) -> list[tuple]:
        """Straight to SQLite, read-only: the tests' own view of the database."""
        conn = sqlite3.connect(f"{Path(self.path).as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute(query, params).fetchall()
        finally:
            conn.close()

    def sentence_lines(self) -> dict[str, list[str]]:
        return {name: lines(text) for name, text in self.texts.items()}

    def name_of(self, review_id: int) -> str:
        return {v: k for k, v in self.ids.items()}[review_id]

    def copy(self, to: Path) -> "Archive":
        shutil.copy(self.path, to)
        return Archive(str(to), self.texts, dict(self.ids))


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Archive:
    folder = tmp_path_factory.mktemp("archive")
    paths = [str(SEED)]
    for name, text in WRITTEN.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    db = str(folder / "archive.db")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", "-j", "1", *paths], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)  # everything into the main file, so its hash says it all
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    archive = Archive(db, {"drive": SEED.read_text(encoding="utf-8"), "sturm": STURM, "ufer": UFER, "regen": REGEN})
    for review_id, source in archive.sql("SELECT id, source FROM review"):
        archive.ids[Path(source).stem.replace("drive-refn", "drive")] = review_id
    assert set(archive.ids) == set(archive.texts)
    return archive


@pytest.fixture
def archive(built) -> Archive:
    """The session's archive, checked untouched after each test that reads it."""
    before = file_digest(built.path)
    yield built
    assert file_digest(built.path) == before, "a read command changed the database file"
