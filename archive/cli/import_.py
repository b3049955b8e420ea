"""archive import: read an export (`archive export`) into this archive."""

from __future__ import annotations

import contextlib
import os
import sys

import click


@click.command("import", short_help="Read an `archive export` into this archive.")
@click.argument("path", metavar="PATH|-")
@click.pass_context
def command(ctx, path: str) -> None:
    """Read an `archive export` (JSON Lines) from PATH or - (standard input) into the
    archive, empty or not: each review is analysed and stored with its source,
    ingestion time and metadata, then the curation decisions are applied. A text
    already in the archive is left as it is ("unchanged").

    All of it in one transaction: a malformed line is refused with its number, and
    nothing of that import is written. A review is refused where `archive ingest`
    would refuse its file (binary, empty, over 1 MiB, metadata of the wrong shape),
    and so is an ingestion time that is not ISO 8601 with its offset.
    """
    from archive.db import open_current
    from archive.dump import DumpError, import_lines

    source = sys.stdin.buffer if path == "-" else _open(path)
    db_path = ctx.find_root().obj
    new_archive = not os.path.exists(db_path)
    conn = open_current(db_path)
    try:
        done = import_lines(conn, _decoded(source))
    except BaseException as exc:
        conn.close()
        if new_archive:  # a failed import leaves no empty archive behind
            for leftover in (db_path, db_path + "-wal", db_path + "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(leftover)
        if isinstance(exc, DumpError):
            raise click.ClickException(f"{exc}; nothing imported") from None
        raise
    finally:
        conn.close()
        if source is not sys.stdin.buffer:
            source.close()
    known = f" ({done.known} already in the archive)" if done.known else ""
    click.echo(f"{done.added} added, {done.unchanged} unchanged, {done.curation} curation decisions applied{known}",
               err=True)


def _open(path: str):
    try:
        return open(path, "rb")
    except OSError as exc:
        raise click.ClickException(f"cannot read {path}: {exc.strerror or exc}") from None


def _decoded(source):
    from archive.dump import DumpError

    for number, raw in enumerate(source, 1):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            raise DumpError(f"line {number}: not UTF-8") from None
