"""Results are streamed: every format writes rows as it reads them, so a query of
millions of rows costs no more memory than a query of thousands (issue 13)."""

from __future__ import annotations

import csv
import io
import json
import select
import subprocess
import sys

import pytest

from archive import output
from archive.output import emit, table

N = 30_000


class Recorder(io.StringIO):
    """A stream that notes how many rows its source had given at each write."""

    def __init__(self, source: "Counted") -> None:
        super().__init__()
        self.source = source
        self.read_at_writes: list[tuple[int, int]] = []  # (rows read, characters written so far)

    def write(self, text: str) -> int:
        self.read_at_writes.append((self.source.read, self.tell() + len(text)))
        return super().write(text)


class Counted:
    def __init__(self, n: int) -> None:
        self.n, self.read = n, 0

    def __iter__(self):
        for i in range(self.n):
            self.read += 1
            yield (i, f"Zeile {i}")


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "table"])
def test_rows_are_written_while_they_are_read(fmt):
    rows = Counted(N)
    out = Recorder(rows)
    emit(["x", "text"], rows, fmt, out)
    # Enough written for a first row (more than "[" or a header) before most rows were read.
    first_rows_out = next(read for read, written in out.read_at_writes if written > 40)
    bound = output.TABLE_ROWS if fmt == "table" else output.CHUNK
    assert first_rows_out <= bound < N
    text = out.getvalue()
    if fmt == "json":
        assert json.loads(text)[-1] == {"x": N - 1, "text": f"Zeile {N - 1}"} and len(json.loads(text)) == N
    elif fmt == "ndjson":
        assert [json.loads(line)["x"] for line in text.splitlines()] == list(range(N))
    elif fmt == "csv":
        assert list(csv.reader(io.StringIO(text)))[1:] == [[str(i), f"Zeile {i}"] for i in range(N)]
    else:
        assert len(text.splitlines()) == N + 2


def test_json_of_one_and_of_several_chunks_is_one_array(monkeypatch):
    monkeypatch.setattr(output, "CHUNK", 2)
    for n in (0, 1, 2, 3, 5):
        out = io.StringIO()
        emit(["x"], ((i,) for i in range(n)), "json", out)
        assert json.loads(out.getvalue()) == [{"x": i} for i in range(n)]


def test_a_long_table_keeps_the_widths_of_its_first_rows(monkeypatch):
    monkeypatch.setattr(output, "TABLE_ROWS", 2)
    rows = [(1, "ab"), (2, "abc"), (30, "a"), (4, "a much longer cell"), (5, "b")]
    lines = table(["n", "text"], rows).splitlines()
    assert lines[0].split() == ["n", "text"] and len(lines) == 2 + len(rows)  # one header
    # The first two rows measured the columns: `n` 1 wide, `text` 4 wide.
    assert lines[2:] == ["1  ab", "2  abc", "30  a", "4  a much longer cell", "5  b"]


def archive_sql(db: str, sql: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "archive", "--db", db, "sql", sql, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x, 'Zeile ' || x AS text FROM c"


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "table"])
def test_sql_prints_rows_of_a_query_that_never_ends(archive, fmt):
    """Rows read to the end before printing would never come: the query has no end."""
    proc = archive_sql(archive.path, ENDLESS, "--format", fmt)
    try:
        head = b""
        while b"Zeile 1" not in head:
            # A generous deadline for a loaded machine: the bytes come as soon as the rows do.
            ready, _, _ = select.select([proc.stdout], [], [], 300)
            assert ready, f"no rows from a query whose rows never end, only {head[:200]!r}"
            head += proc.stdout.read1(65536)
    finally:
        proc.kill()
        proc.communicate()


def failing_after(n: int):
    for i in range(n):
        yield (i,)
    raise RuntimeError("row failed")


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "table"])
def test_rows_read_before_an_error_are_written_then_the_error_is_raised(fmt):
    out = io.StringIO()
    with pytest.raises(RuntimeError):
        emit(["x"], failing_after(1_500), fmt, out)  # the error inside the second chunk
    text = out.getvalue()
    assert ("1499" in text) and ("1498" in text)


def test_sql_error_in_a_late_row_keeps_the_rows_before_it(archive):
    from click.testing import CliRunner

    from archive.cli import cli

    sql = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 5000)"
           " SELECT CASE WHEN x > 3000 THEN json('kaputt') ELSE x END AS v FROM c")
    result = CliRunner().invoke(cli, ["--db", archive.path, "sql", sql, "--format", "ndjson"])
    assert result.exit_code == 1 and "malformed JSON" in result.stderr
    written = [json.loads(line)["v"] for line in result.stdout.splitlines()]
    # sqlite3's cursor steps one row ahead, so the error may come with row 3,000 in hand.
    assert written == list(range(1, len(written) + 1)) and len(written) >= 2999
