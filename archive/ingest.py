"""The ingest pipeline, in small stages: find sources, read, decode and analyse
(pure, so it can run in worker processes), then store with one writer.

A review is stored whole or not at all: reviews are written in batches, one
transaction per batch, and a batch that fails is retried one review at a time."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from archive.text.decode import NotText, decode

SUFFIXES = (".txt", ".md")
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    label: str  # the path as given (or "-"): stored as review.source
    data: bytes | None = None  # standard input, read once in the main process

    @property
    def path(self) -> Path | None:
        """None for standard input. Made when asked: a Path costs several times its
        string, and an ingest holds the names of all its files at once."""
        return None if self.label == STDIN and self.data is not None else Path(self.label)


@dataclass(slots=True)
class Prepared:
    source: Source
    digest: str
    analysis: object  # archive.text.spans.Analysis; None when the archive holds this text and metadata already
    warning: str | None = None
    meta: object = None  # archive.meta.Meta


@dataclass(frozen=True, slots=True)
class Refused:
    source: Source
    reason: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one source: status is added, updated (its file changed: new text,
    new analysis, the same review id), moved (the same text, and its old file is gone),
    unchanged, or refused."""

    source: Source
    status: str
    review_id: int | None = None
    sentences: int = 0
    mentions: int = 0
    message: str | None = None


def find_sources(paths: Iterable[str]) -> Iterator[Source | Refused]:
    """Files as given, folders as every *.txt and *.md below them (sorted), `-` as stdin."""
    for given in paths:
        if given == STDIN:
            yield Source(STDIN, sys.stdin.buffer.read(MAX_BYTES + 1))
            continue
        path = Path(given)
        try:
            is_dir = path.is_dir()
        except OSError as exc:  # e.g. a name too long, a loop of symbolic links
            yield Refused(Source(given), exc.strerror or str(exc))
            continue
        if is_dir:
            # Everything with a review's suffix that is not itself a folder: a file that
            # cannot be read (a dangling link, no permission) is refused by name, not skipped.
            try:
                found = sorted(str(p) for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and not p.is_dir())
            except OSError as exc:
                yield Refused(Source(given), f"cannot list folder: {exc.strerror or exc}")
                continue
            if not found:
                yield Refused(Source(given), "folder holds no .txt or .md files")
            for name in found:
                yield Source(name)
        elif path.exists():
            yield Source(given)
        elif path.is_symlink():
            yield Refused(Source(given), "symbolic link to a file that does not exist")
        else:
            yield Refused(Source(given), "no such file or folder")


MAX_BYTES = 20 * 2**20  # no review is that long; a device or an endless pipe would be


class TooBig(Exception):
    pass


def read(source: Source) -> bytes:
    """The bytes of a source, at most MAX_BYTES of them (`/dev/zero` or `yes |` never end)."""
    if source.path is None:
        data = source.data or b""
    else:
        with source.path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise TooBig(f"larger than {MAX_BYTES // 2**20} MiB: not a review")
    return data


def prepare(source: Source, data: bytes, known=None, given: dict | None = None,
            stored: dict | None = None) -> Prepared | Refused:
    """Decode, read the metadata (front matter, sidecar, `given` from --meta) and analyse
    one review: pure work, no database. A text the archive holds already with the same
    metadata (`stored`: sha256 -> metadata JSON) is not analysed again."""
    from archive.analysis import analyse_review
    from archive.meta import MetaError, sidecar, split_front_matter
    from archive.store import sha256

    try:
        decoded = decode(data)
    except NotText as exc:
        return Refused(source, str(exc))
    try:
        body, meta = split_front_matter(decoded.text)
        if source.path is not None:
            meta = meta.merged(sidecar(source.path))
        meta = meta.merged(given or {})
    except MetaError as exc:
        return Refused(source, str(exc))
    except OSError as exc:
        return Refused(source, f"cannot read its metadata file: {exc.strerror or exc}")
    if not body.strip():
        return Refused(source, "nothing but front matter: no review text")
    digest = sha256(body)
    if stored is not None and digest in stored and stored[digest] == meta.json():
        return Prepared(source, digest, None, decoded.warning, meta)
    return Prepared(source, digest, analyse_review(body, meta, known), decoded.warning, meta)


def load(source: Source, known=None, given: dict | None = None, stored: dict | None = None) -> Prepared | Refused:
    path = source.path  # made anew on each access: once is enough
    if path is not None and path.is_symlink() and not path.exists():
        return Refused(source, "symbolic link to a file that does not exist")
    try:
        data = read(source)
    except OSError as exc:
        return Refused(source, exc.strerror or str(exc))
    except TooBig as exc:
        return Refused(source, str(exc))
    try:
        return prepare(source, data, known, given, stored)
    except Exception as exc:  # a bug in the analysis must not stop the other files
        message = " ".join(str(exc).split()) or "no message"
        return Refused(source, f"internal error in the analysis: {type(exc).__name__}: {message}")


def run(
    paths: Iterable[str],
    db_path: str,
    *,
    batch_size: int = 200,
    jobs: int = 1,
    on_start: Callable[[int], None] = lambda total: None,
    on_outcome: Callable[[Outcome], None] = lambda outcome: None,
    on_progress: Callable[[int], None] = lambda done: None,
    on_warning: Callable[[Source, str], None] = lambda source, message: None,
    meta: dict | None = None,
) -> dict[str, int]:
    """Ingest every source, reporting each Outcome to `on_outcome` in order; returns how
    many were added, updated, moved, unchanged and refused. `meta` (from --meta) is
    metadata for every source, over what its front matter and sidecar say. For a progress bar: `on_start` learns how
    many sources there are once the folders are listed, `on_progress` how many are done
    after each batch is committed (and after each refusal)."""
    import sqlite3

    from archive.db import open_current
    from archive.store import Writer
    from archive.curation import known as known_names

    conn = open_current(db_path)
    writer = Writer(conn)
    known = known_names(conn)  # the archive's names and every name a keeper's decision speaks of
    # Every stored text with its metadata: a source that has both unchanged is not analysed.
    stored = dict(conn.execute("SELECT sha256, meta FROM review"))
    counts: dict[str, int] = {"added": 0, "updated": 0, "moved": 0, "unchanged": 0, "refused": 0}
    batch: list[Prepared] = []

    def flush() -> None:
        if not batch:
            return
        try:
            _begin(conn)
            results = [_store(writer, p) for p in batch]
            conn.execute("COMMIT")
        except sqlite3.Error:
            _rollback(conn)
            writer.forget()
            results = [_store_alone(conn, writer, p) for p in batch]
        for prepared, result in zip(batch, results):
            if isinstance(result, str):
                outcome = Outcome(prepared.source, "refused", message=result)
            else:
                status, stored_as = result
                outcome = Outcome(prepared.source, status, stored_as.review_id, stored_as.sentences, stored_as.mentions)
            counts[outcome.status] += 1
            on_outcome(outcome)
        batch.clear()
        on_progress(sum(counts.values()))

    try:
        sources = list(find_sources(paths))  # a few hundred bytes a file: the total is worth it
        on_start(len(sources))
        for item in _prepared(sources, (known, meta, stored), jobs, min(CHUNK, 1 + len(sources) // (jobs * IN_FLIGHT_PER_JOB))):
            if isinstance(item, Refused):
                flush()
                outcome = Outcome(item.source, "refused", message=item.reason)
                counts[outcome.status] += 1
                on_outcome(outcome)
                on_progress(sum(counts.values()))
                continue
            if item.warning:
                on_warning(item.source, item.warning)
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        flush()
    finally:
        conn.close()
    return counts


def _store(writer, prepared: Prepared):
    """(status, Stored): a review is its file (the path, resolved) or, for stdin, its text."""
    from archive.store import Stored

    conn = writer.conn
    path = prepared.source.path
    key = str(path.resolve()) if path is not None else STDIN
    by_digest = conn.execute("SELECT id, source, meta FROM review WHERE sha256 = ?", (prepared.digest,)).fetchone()
    # Analysed although its text is stored: in this very call (a link to a file before it), or its metadata changed.
    new_meta = prepared.analysis is not None and (by_digest is None or by_digest[2] != prepared.meta.json())
    by_source = conn.execute("SELECT id FROM review WHERE source = ?", (key,)).fetchone() if path is not None else None
    if by_digest is not None and (by_source is None or by_source[0] != by_digest[0]):
        review_id, old_source, _ = by_digest
        if path is None or old_source == key or by_source is not None or old_source == STDIN \
                or os.path.lexists(old_source):
            if new_meta and (path is None or old_source == key):
                return "updated", _replace(writer, review_id, prepared, None)  # the same text, new metadata
            return "unchanged", Stored(review_id, False, 0, 0)
        conn.execute("UPDATE review SET source = ? WHERE id = ?", (key, review_id))  # its old file is gone
        if new_meta:
            _replace(writer, review_id, prepared, key)
        return "moved", Stored(review_id, False, 0, 0)
    if by_digest is not None:  # this file, this text
        if not new_meta:
            return "unchanged", Stored(by_digest[0], False, 0, 0)
        return "updated", _replace(writer, by_digest[0], prepared, None)
    if by_source is not None:  # this file, edited
        return "updated", _replace(writer, by_source[0], prepared, None)
    if prepared.analysis is None:  # stored a moment ago by another process, and gone again
        return "unchanged", Stored(0, False, 0, 0)
    stored = writer.store(prepared.analysis, key, prepared.digest, prepared.meta)
    return ("added" if stored.added else "unchanged"), stored


def _replace(writer, review_id: int, prepared: Prepared, source: str | None):
    stored, _ = writer.replace(review_id, prepared.analysis, prepared.meta, source, prepared.digest)
    return stored


def _store_alone(conn, writer, prepared: Prepared):
    import sqlite3

    try:
        _begin(conn)
        result = _store(writer, prepared)
        conn.execute("COMMIT")
        return result
    except sqlite3.Error as exc:
        _rollback(conn)
        writer.forget()
        return f"cannot store: {exc}"


def _begin(conn, attempts: int = 5) -> None:
    """BEGIN IMMEDIATE: take the write lock now, so a batch never fails half-way for
    want of it. The busy timeout waits for other writers; should it run out (a very
    long batch elsewhere), wait the same again a few times before giving up."""
    import sqlite3

    for attempt in range(attempts):
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if attempt == attempts - 1 or not _is_busy(exc):
                raise


def _is_busy(exc: Exception) -> bool:
    text = str(exc)
    return "locked" in text or "busy" in text


def _rollback(conn) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


IN_FLIGHT_PER_JOB = 4  # chunks queued per worker: enough to keep it busy, few enough to keep memory flat
# Reviews a worker analyses per task: fewer, larger tasks cost the main process less in
# passing results back (10,000 reviews: 19.5 s with 8, 16.9 s with 32). Fewer when there
# are few files, so that every worker gets some.
CHUNK = 32


def _prepared(sources: Iterable[Source | Refused], context: tuple, jobs: int,
              chunk_size: int = CHUNK) -> Iterator[Prepared | Refused]:
    """Decode and analyse in order; with jobs > 1, in worker processes, with a bounded
    number of reviews in flight so memory does not grow with the corpus. `context` is
    load()'s (known, given metadata, stored texts)."""
    if jobs <= 1:
        for source in sources:
            yield source if isinstance(source, Refused) else load(source, *context)
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from itertools import islice

    sources = iter(sources)
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(context,)) as pool:
        window: deque = deque()
        while True:
            while len(window) < jobs * IN_FLIGHT_PER_JOB:
                chunk = list(islice(sources, chunk_size))
                if not chunk:
                    break
                window.append(pool.submit(_load_chunk, chunk))
            if not window:
                return
            yield from window.popleft().result()


_worker_context: tuple = ()


def _init_worker(context: tuple) -> None:
    global _worker_context
    _worker_context = context


def _load_chunk(items: list[Source | Refused]) -> list[Prepared | Refused]:
    return [item if isinstance(item, Refused) else load(item, *_worker_context) for item in items]


def default_jobs() -> int:
    return max(1, min(4, (os.cpu_count() or 1)))
