"""A review is its file (the path, resolved) or, from stdin, its text: a file edited and
ingested again replaces its review, keeping its id; the same text at a new path is
unchanged, or moved when the old file is gone; unchanged files are not analysed again."""

from __future__ import annotations

import sqlite3

from click.testing import CliRunner

from archive.cli import cli

TEXT = "Regisseur Jan Müller dreht „Kalte Ufer“.\nSandra Hüller spielt die Ärztin Lena.\n"
EDITED = "Regisseur Jan Müller dreht „Kalte Ufer“.\nLars Eidinger spielt den Fischer Ole.\n"


def ingest(db, *args, input=None):
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", "-j", "1", *args], input=input, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stderr.splitlines()


def rows(db, query):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def test_an_edited_file_replaces_its_review_keeping_the_id(tmp_path):
    db, path = tmp_path / "a.db", tmp_path / "ufer.txt"
    path.write_text(TEXT, encoding="utf-8")
    ingest(db, str(path))
    (review_id,), = rows(db, "SELECT id FROM review")
    path.write_text(EDITED, encoding="utf-8")
    lines = ingest(db, str(path))
    assert lines[0].startswith(f"updated {path} review {review_id} (2 sentences")
    assert lines[-1] == "0 added, 1 updated, 0 unchanged, 0 refused"
    assert rows(db, "SELECT id, body, source FROM review") == [(review_id, EDITED, str(path.resolve()))]
    names = {n for (n,) in rows(db, "SELECT p.name FROM mention m JOIN person p ON p.id = m.person_id")}
    assert "Lars Eidinger" in names and "Sandra Hüller" not in names
    # what only the old text named is gone: no entity without a mention
    assert rows(db, "SELECT name FROM person WHERE name = 'Sandra Hüller'") == []
    assert CliRunner().invoke(cli, ["--db", str(db), "check"]).exit_code == 0


def test_the_same_file_by_another_path_is_the_same_review(tmp_path, monkeypatch):
    db = tmp_path / "a.db"
    (tmp_path / "corpus").mkdir()
    (tmp_path / "work").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    ingest(db, "corpus/a.txt")
    (tmp_path / "corpus" / "a.txt").write_text(EDITED, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    assert ingest(db, "../corpus/a.txt")[-1] == "0 added, 1 updated, 0 unchanged, 0 refused"
    assert rows(db, "SELECT count(*) FROM review") == [(1,)]


def test_a_file_is_its_resolved_path_through_linked_folders_and_links_to_it(tmp_path):
    """Ingest resolves each folder once per call: a file in a linked folder is still stored
    by its real path, and a link to a file is its target's review, in one call and the next."""
    db = tmp_path / "a.db"
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    (real / "sub" / "b.txt").write_text(EDITED, encoding="utf-8")
    (tmp_path / "linked").symlink_to(real)
    (real / "to-a.txt").symlink_to(real / "sub" / "a.txt")  # in another folder than its target
    ingest(db, str(tmp_path / "linked" / "sub" / "a.txt"), str(tmp_path / "linked" / "sub" / "b.txt"),
           str(tmp_path / "linked" / "to-a.txt"))
    assert rows(db, "SELECT source FROM review ORDER BY id") == [
        (str((real / "sub" / "a.txt").resolve()),), (str((real / "sub" / "b.txt").resolve()),)]
    (real / "sub" / "b.txt").write_text(TEXT + EDITED, encoding="utf-8")
    lines = ingest(db, str(real / "sub" / "a.txt"), str(tmp_path / "linked" / "sub" / "b.txt"))
    assert lines[-1] == "0 added, 1 updated, 1 unchanged, 0 refused"
    assert rows(db, "SELECT count(*) FROM review") == [(2,)]


def test_the_same_text_at_a_new_path_is_unchanged_or_moved_when_the_old_is_gone(tmp_path):
    db = tmp_path / "a.db"
    first, copy, moved = tmp_path / "first.txt", tmp_path / "copy.txt", tmp_path / "moved.txt"
    first.write_text(TEXT, encoding="utf-8")
    ingest(db, str(first))
    copy.write_text(TEXT, encoding="utf-8")
    assert ingest(db, str(copy))[0].startswith(f"unchanged {copy}")
    assert rows(db, "SELECT source FROM review") == [(str(first.resolve()),)]
    first.rename(moved)
    assert ingest(db, str(moved))[0].startswith(f"moved {moved}")
    assert rows(db, "SELECT source FROM review") == [(str(moved.resolve()),)]
    assert ingest(db, "-", input=TEXT)[0].startswith("unchanged -")  # from stdin a review is its text
    assert rows(db, "SELECT count(*) FROM review") == [(1,)]


def test_unchanged_files_are_not_analysed_again(tmp_path, monkeypatch):
    db = tmp_path / "a.db"
    for i in range(3):
        (tmp_path / f"r{i}.txt").write_text(TEXT.replace("Lena", f"Lena{i}"), encoding="utf-8")
    ingest(db, str(tmp_path))

    def no_analysis(*args, **kwargs):
        raise AssertionError("analysed again")

    monkeypatch.setattr("archive.analysis.analyse", no_analysis)
    assert ingest(db, str(tmp_path))[-1] == "0 added, 3 unchanged, 0 refused"
    (tmp_path / "r1.txt").write_text(EDITED, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", "-j", "1", str(tmp_path)])
    # the edited one is analysed (and here refused for it), the other two are not
    assert result.exit_code == 1 and result.stderr.count("analysed again") == 1
    assert result.stderr.splitlines()[-1] == "0 added, 2 unchanged, 1 refused"


def test_changed_metadata_alone_updates_the_review(tmp_path):
    db, path = tmp_path / "a.db", tmp_path / "ufer.md"
    path.write_text("---\nauthor: A\n---\n" + TEXT, encoding="utf-8")
    ingest(db, str(path))
    path.write_text("---\nauthor: B\n---\n" + TEXT, encoding="utf-8")
    assert ingest(db, str(path))[0].startswith(f"updated {path}")
    assert rows(db, "SELECT author FROM review") == [("B",)]
