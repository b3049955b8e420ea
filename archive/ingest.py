"""The ingest pipeline, in small stages: find sources, read, decode and analyse
(archive.sources; pure, so it can run in worker processes, archive.workers), then store
with one writer.

A review is its file (the path, resolved) or, for standard input, its text: a file
edited and ingested again replaces its review. A review is stored whole or not at all: reviews are written in batches, one
transaction per batch, and a batch that fails is retried one review at a time. What
stops the whole call is said once: an interrupt (SIGINT, or SIGTERM through the command
line), or a database that takes no more (locked by another process past the busy
timeout, full, read-only); everything committed before stays, whole."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from archive.sources import MAX_BYTES, STDIN, Prepared, Refused, Source, find_sources, load, prepare, stored_name

__all__ = ["MAX_BYTES", "Interrupted", "Outcome", "Prepared", "Refused", "Source", "Stopped", "find_sources",
           "load", "prepare", "run"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one source: status is added, updated, moved, unchanged or refused."""

    source: Source
    status: str
    review_id: int | None = None
    sentences: int = 0
    mentions: int = 0
    message: str | None = None


class Interrupted(Exception):
    """The ingest was interrupted; `counts` says what went in before, every review whole."""

    def __init__(self, counts: dict[str, int]):
        super().__init__("interrupted")
        self.counts = counts


class Stopped(Exception):
    """The database takes no more (locked, full, read-only): one message for the call;
    `counts` says what went in before."""

    def __init__(self, message: str):
        super().__init__(message)
        self.counts: dict[str, int] = {}


NOTICE_MS = 1000  # a write that waits longer than this for another process's lock is said (on_wait)


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
    on_wait: Callable[[], None] = lambda: None,
    meta: dict | None = None,
) -> dict[str, int]:
    """Ingest every source, reporting each Outcome to `on_outcome` in order; returns how
    many were added, updated, moved, unchanged and refused. `meta` (from --meta) is
    metadata for every source, over what its front matter and sidecar say. For a progress bar: `on_start` learns how
    many sources there are once the folders are listed, `on_progress` how many are done
    after each batch is committed (and after each refusal); `on_wait` is called once, the
    first time a write waits more than a second for another process. Raises Interrupted
    (KeyboardInterrupt) or Stopped, both with the counts so far."""
    from archive.decisions import known as known_names
    from archive.db import open_current
    from archive.memory import Memory
    from archive.store import Writer

    conn = open_current(db_path)
    writer = Writer(conn)
    counts: dict[str, int] = {"added": 0, "updated": 0, "moved": 0, "unchanged": 0, "refused": 0}
    batch: list[Prepared] = []
    begin = _one_wait(conn, db_path, on_wait)
    resolved = _resolver()
    memory: Memory | None = None  # the names stored so far, growing review by review (archive.memory)

    def tally(items: list[Prepared], results: list) -> list[Outcome]:
        outcomes = []
        for prepared, result in zip(items, results):
            if isinstance(result, str):
                outcomes.append(Outcome(prepared.source, "refused", message=result))
            else:
                status, stored_as, *note = result
                outcomes.append(Outcome(prepared.source, status, stored_as.review_id, stored_as.sentences,
                                        stored_as.mentions, note[0] if note else None))
        for outcome in outcomes:
            counts[outcome.status] += 1
        return outcomes

    def write(items: list[Prepared]) -> list[Outcome]:
        """Store `items` in one transaction, counted as it commits: an interrupt waits for
        both, so the counts always say what is stored."""
        begin()
        with _interrupts_deferred():
            try:
                results = [_settled_and_stored(writer, memory, p, resolved) for p in items]
                conn.execute("COMMIT")
                memory.commit()
            except BaseException:
                undo()
                raise
            return tally(items, results)

    def undo() -> None:
        _rollback(conn)
        writer.forget()  # the ids it remembers may name rows that are gone
        memory.rollback()

    # A batch is stored review by review as the reviews come, in one transaction that
    # commits when the batch is full: so each review is analysed (or settled) knowing
    # every review before it, stored (archive.memory), and what the batch stores is
    # counted when it commits.
    results: list = []

    def add(item: Prepared) -> None:
        try:
            if not batch:
                begin()
            batch.append(item)
            with _interrupts_deferred():
                try:
                    results.append(_settled_and_stored(writer, memory, item, resolved))
                except BaseException:
                    undo()
                    raise
        except Stopped:
            raise
        except Exception as exc:  # sqlite3.Error mostly; a bug in storing one review must not cost the others
            _stop_if_fatal(exc, db_path)
            one_by_one()
            return
        if len(batch) >= batch_size:
            flush()

    def flush() -> None:
        if not batch:
            return
        try:
            with _interrupts_deferred():
                try:
                    conn.execute("COMMIT")
                    memory.commit()
                except BaseException:
                    undo()
                    raise
                outcomes = tally(batch, results)
        except Stopped:
            raise
        except Exception as exc:
            _stop_if_fatal(exc, db_path)
            one_by_one()
            return
        report(outcomes)

    def one_by_one() -> None:
        """The batch was rolled back: each of its reviews in a transaction of its own."""
        outcomes = []
        for prepared in batch:
            try:
                outcomes += write([prepared])
            except Stopped:
                raise
            except Exception as exc:
                _stop_if_fatal(exc, db_path)
                outcomes += tally([prepared], [_cannot_store(exc)])
        report(outcomes)

    def report(outcomes: list[Outcome]) -> None:
        batch.clear()
        results.clear()
        for outcome in outcomes:
            on_outcome(outcome)
        on_progress(sum(counts.values()))

    try:
        known = known_names(conn)  # the archive's names and every name a keeper's decision speaks of
        # Every stored text with its metadata: a source that has both unchanged is not analysed.
        stored = dict(conn.execute("SELECT sha256, meta FROM review"))
        sources = list(find_sources(paths))  # a few hundred bytes a file: the total is worth it
        on_start(len(sources))
        chunk_size = min(CHUNK, 1 + len(sources) // (jobs * IN_FLIGHT_PER_JOB))
        memory = Memory(conn, known, log=jobs > 1)
        with closing(_prepared(sources, (known, meta, stored), jobs, chunk_size, memory)) as items:
            for item in items:
                if isinstance(item, Refused):
                    flush()
                    outcome = Outcome(item.source, "refused", message=item.reason)
                    counts[outcome.status] += 1
                    on_outcome(outcome)
                    on_progress(sum(counts.values()))
                    continue
                if item.warning:
                    on_warning(item.source, item.warning)
                add(item)
            flush()
    except KeyboardInterrupt:
        _rollback(conn)
        raise Interrupted(counts) from None
    except Stopped as stop:
        stop.counts = counts
        raise
    finally:
        if memory is not None:
            memory.close()
        conn.close()
    return counts


def _resolver() -> Callable[[Path], str]:
    """str(path.resolve()), with each folder resolved once per call of run: Path.resolve
    looks at every part of the path (an lstat each) and then the file, a tenth of what
    storing a review costs; a file that is no link is its resolved folder and its name."""
    folders: dict[str, str] = {}

    def resolved(path: Path) -> str:
        folder, name = os.path.split(str(path))
        if name in ("", ".", "..") or os.path.islink(path):
            return str(path.resolve())
        real = folders.get(folder)
        if real is None:
            real = folders[folder] = str(Path(folder or ".").resolve())
        return os.path.join(real, name)

    return resolved


def _settled_and_stored(writer, memory, prepared: Prepared, resolved: Callable[[Path], str]):
    """Store one review, analysed again first if names stored since its analysis could
    change it (archive.memory); then the names it added join what later reviews know."""
    refusal = memory.settle(prepared)
    if refusal is not None:
        return refusal
    result = _store(writer, prepared, resolved)
    memory.stored(result[0])
    return result


def _store(writer, prepared: Prepared, resolved: Callable[[Path], str] = lambda path: str(path.resolve())):
    """(status, Stored) or (status, Stored, what to say of it): a review is its file (the
    path, resolved) or, for stdin, its text."""
    from archive.store import Stored

    conn = writer.conn
    path = prepared.source.path
    key = stored_name(resolved(path)) if path is not None else STDIN
    # The review with this text and the review of this file, in one look-up (stdin's reviews share one source).
    by_digest = by_source = None
    for review_id, source, meta, digest in conn.execute(
            "SELECT id, source, meta, sha256 FROM review WHERE sha256 = ? OR source = ?",
            (prepared.digest, key if path is not None else None)):
        if digest == prepared.digest:
            by_digest = (review_id, source, meta)
        if source == key and path is not None and (by_source is None or review_id < by_source[0]):
            by_source = (review_id,)
    # Analysed although its text is stored: in this very call (a link to a file before it), or its metadata changed.
    new_meta = prepared.analysis is not None and (by_digest is None or by_digest[2] != prepared.meta.json())
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
            # said on its line: a sidecar left at the old place takes the metadata with it
            return "moved", Stored(review_id, False, 0, 0), _metadata_moved(old_source, prepared)
        return "moved", Stored(review_id, False, 0, 0)
    if by_digest is not None:  # this file, this text
        if not new_meta:
            return "unchanged", Stored(by_digest[0], False, 0, 0)
        return "updated", _replace(writer, by_digest[0], prepared, None)
    if by_source is not None:  # this file, edited
        return "updated", _replace(writer, by_source[0], prepared, None)
    if prepared.analysis is None:  # stored a moment ago by another process, and gone again
        return "unchanged", Stored(0, False, 0, 0)
    return "added", writer.add(prepared.analysis, key, prepared.digest, prepared.meta)  # by_digest: not stored


def _metadata_moved(old_source: str, prepared: Prepared) -> str:
    """What to say of a review whose metadata changed as its file moved."""
    from pathlib import Path

    from archive.meta import SIDECARS

    old = Path(old_source)
    left = [old.with_name(old.stem + suffix).name for suffix in SIDECARS if old.with_name(old.stem + suffix).is_file()]
    if prepared.meta.json() is None:
        return "its stored metadata is gone: the new place has none" + \
            (f" ({left[0]} is left beside the old name: rename it too)" if left else "")
    return "its stored metadata changed with the move"


def _replace(writer, review_id: int, prepared: Prepared, source: str | None):
    stored, _ = writer.replace(review_id, prepared.analysis, prepared.meta, source, prepared.digest)
    return stored


def _cannot_store(exc: Exception) -> str:
    if isinstance(exc, sqlite3.Error):
        return f"cannot store: {exc}"
    return f"internal error in storing: {type(exc).__name__}: {' '.join(str(exc).split()) or 'no message'}"


@contextmanager
def _interrupts_deferred():
    """SIGINT and SIGTERM wait while a transaction is written and counted, then take
    effect as they would have: an interrupt ends the ingest between transactions, with
    counts that match what is stored. (Python handlers, not a signal mask: another thread
    of the process, the worker pool's, would take a masked signal for the main one.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {signum: signal.signal(signum, lambda signum, frame: caught.append(signum))
                for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if caught:
            handler = previous[caught[0]]
            if callable(handler):
                handler(caught[0], None)  # KeyboardInterrupt, from Python's SIGINT handler or the command line's
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), caught[0])


def _one_wait(conn, db_path: str, on_wait: Callable[[], None]) -> Callable[[], None]:
    """BEGIN IMMEDIATE, taking the write lock now so a batch never fails half-way for
    want of it. A lock held elsewhere is waited for up to the busy timeout; the first
    time that runs out the call stops (Stopped), rather than each batch or file waiting
    the timeout again. A wait of more than NOTICE_MS is said once (on_wait)."""
    from archive import db

    said = False
    conn.execute(f"PRAGMA busy_timeout = {min(NOTICE_MS, db.BUSY_TIMEOUT_MS)}")

    def begin() -> None:
        nonlocal said
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise
        if not said:
            said = True
            on_wait()
        conn.execute(f"PRAGMA busy_timeout = {max(db.BUSY_TIMEOUT_MS - NOTICE_MS, 0)}")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if _is_busy(exc):
                raise Stopped(f"{db_path} is locked by another process") from None
            raise
        finally:
            conn.execute(f"PRAGMA busy_timeout = {min(NOTICE_MS, db.BUSY_TIMEOUT_MS)}")

    return begin


# SQLite's primary result codes for a database that takes no more writes, whatever is written:
# PERM, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB.
_FATAL = {3, 8, 10, 11, 13, 14, 26}


def _stop_if_fatal(exc: Exception, db_path: str) -> None:
    if _is_busy(exc):
        raise Stopped(f"{db_path} is locked by another process") from None
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _FATAL:
        raise Stopped(f"cannot write to {db_path}: {exc}") from None


def _is_busy(exc: Exception) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def _rollback(conn) -> None:
    """Undo the batch under way (closing the connection would too: this is sooner)."""
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass  # the connection is closed next; SQLite discards what was not committed


IN_FLIGHT_PER_JOB = 2  # chunks queued per worker: enough to keep it busy, few enough to keep memory flat
# Reviews a worker analyses per task. Larger tasks cost the main process less in passing
# results back (10,000 reviews: 19.5 s with 8, 16.9 s with 32), but a worker analyses a
# review knowing the names stored when its chunk was sent (archive.memory): what the
# reviews in flight before it add, it does not know, and a review that names one of them
# is analysed again. 1,000 generated reviews, --jobs 2: chunks of 32 with 4 in flight
# per worker analysed 802 again, 8 with 2 211, 4 with 2 123 (the fastest of them). Fewer
# when there are few files, so that every worker gets some.
CHUNK = 4


def _prepared(sources: Iterable[Source | Refused], context: tuple, jobs: int,
              chunk_size: int = CHUNK, memory=None) -> Iterator[Prepared | Refused]:
    """Decode and analyse in order; with jobs > 1, in worker processes (archive.workers),
    with a bounded number of reviews in flight so memory does not grow with the corpus.
    `context` is load()'s after the source (known names, given metadata, stored texts);
    `memory` (archive.memory) the names stored since, which each analysis knows as far as
    they were committed when it began (and says so: Prepared.known_at)."""
    if jobs <= 1:
        return _loaded(sources, context, memory)
    from archive.workers import analysed

    return analysed(sources, context, jobs, chunk_size, IN_FLIGHT_PER_JOB, memory)


def _loaded(sources: Iterable[Source | Refused], context: tuple, memory) -> Iterator[Prepared | Refused]:
    """Each source loaded in this process, knowing every name committed so far."""
    for source in sources:
        if isinstance(source, Refused):
            yield source
            continue
        if memory is None:
            yield load(source, *context)
            continue
        item = load(source, memory.known(), *context[1:])
        if isinstance(item, Prepared):
            item.known_at = memory.position()
        yield item


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


JOBS_PER_CORE = 4  # more workers than this only cost memory: each holds the word lists


def default_jobs() -> int:
    return max(1, min(4, cores()))


def max_jobs() -> int:
    return JOBS_PER_CORE * cores()
