"""Storing an ingest's reviews in batches, one transaction each, whole or not at all.

A batch is stored review by review as the reviews come, in one transaction that commits
when the batch is full; what it stores is counted as it commits. A step that fails undoes
the whole transaction, and its reviews are then stored one at a time, so a review that
cannot be stored costs only itself. What stops the whole call is said once (Stopped): a
database that takes no more (locked by another process past the busy timeout, full,
read-only). An interrupt waits while a review is stored or a batch committed and counted,
then ends the ingest between them, with counts that match what is stored."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass

NOTICE_MS = 1000  # a write that waits longer than this for another process's lock is said (on_wait)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one source: status is added, updated, moved, unchanged or refused."""

    source: object  # archive.sources.Source
    status: str
    review_id: int | None = None
    sentences: int = 0
    mentions: int = 0
    message: str | None = None


class Stopped(Exception):
    """The database takes no more (locked, full, read-only): one message for the call;
    `counts` says what went in before."""

    def __init__(self, message: str):
        super().__init__(message)
        self.counts: dict[str, int] = {}


class Batches:
    """Prepared reviews stored in transactions of `size` on the writer's connection.
    `store(prepared)` stores one inside the transaction and returns (status, Stored[,
    note]) or a refusal's reason; `begin` starts a transaction (one_wait); `memory` (archive.memory) commits and rolls back with
    the transaction. Every outcome is counted in `counts` and handed to `report` once
    it is committed. Used as a context manager for the length of the ingest (the signal
    handlers)."""

    def __init__(self, writer, memory, store: Callable, begin: Callable[[], None], db_path: str, size: int,
                 counts: dict[str, int], report: Callable[[list[Outcome]], None]):
        self.conn, self.writer, self.memory, self.store, self.begin = writer.conn, writer, memory, store, begin
        self.db_path, self.size, self.counts, self.report = db_path, size, counts, report
        self.interrupts = Interrupts()
        self.items: list = []  # the batch under way, in its transaction
        self.results: list = []  # what storing each of them returned

    def __enter__(self) -> Batches:
        self.interrupts.install()
        return self

    def __exit__(self, *exc) -> None:
        self.interrupts.restore()

    def add(self, item) -> None:
        """Store one review in the batch under way; commit the batch once it is full."""
        if self._step([item], commit=False) is not None:
            self._one_by_one()
        elif len(self.items) >= self.size:
            self.flush()

    def flush(self) -> None:
        """Commit the batch under way, if there is one."""
        if self.items and self._step([], commit=True) is not None:
            self._one_by_one()

    def refused(self, item) -> None:
        """A source refused before storing (archive.sources.Refused), said in its turn."""
        self.flush()
        self.report(self._tally([item], [item.reason]))

    def _step(self, items: list, commit: bool) -> Exception | None:
        """Store `items` in the transaction under way (begun first if there is none) and,
        with `commit`, commit and count it: one step that an interrupt waits for. A step
        that fails undoes the whole transaction and returns what went wrong, its reviews
        still in the batch; a database that takes no more stops the call (Stopped)."""
        try:
            first = not self.items
            self.items += items
            if first:
                self.begin()  # not while interrupts wait: it may wait for another process's lock
            with self.interrupts:
                try:
                    for prepared in items:
                        self.results.append(self.store(prepared))
                    if commit:
                        self.conn.execute("COMMIT")
                        self.memory.commit()
                except BaseException:
                    self.undo()
                    raise
                if commit:
                    outcomes = self._tally(self.items, self.results)
                    self.items, self.results = [], []
        except Stopped:
            raise
        except Exception as exc:  # sqlite3.Error mostly; a bug in storing one review must not cost the others
            _stop_if_fatal(exc, self.db_path)
            return exc
        if commit:
            self.report(outcomes)
        return None

    def _one_by_one(self) -> None:
        """The batch was rolled back: each of its reviews in a transaction of its own."""
        batch, self.items, self.results = self.items, [], []
        for prepared in batch:
            failed = self._step([prepared], commit=True)
            if failed is not None:
                self.items, self.results = [], []
                self.report(self._tally([prepared], [_cannot_store(failed)]))

    def undo(self) -> None:
        """Roll the transaction back, and what the writer and the memory hold of it."""
        rollback(self.conn)
        self.writer.forget()  # the ids it remembers may name rows that are gone
        self.memory.rollback()

    def _tally(self, items: list, results: list) -> list[Outcome]:
        outcomes = []
        for item, result in zip(items, results):
            if isinstance(result, str):
                outcomes.append(Outcome(item.source, "refused", message=result))
            else:
                status, stored_as, *note = result
                outcomes.append(Outcome(item.source, status, stored_as.review_id, stored_as.sentences,
                                        stored_as.mentions, note[0] if note else None))
            self.counts[outcomes[-1].status] += 1
        return outcomes


class Interrupts:
    """SIGINT and SIGTERM for the length of an ingest, their handlers set once (set and
    given back for each review, they were a third of what ingest.run spent beyond the
    Writer's work: 106,000 instructions a review, benchmarks/results.md):
    outside a `with` block a signal takes effect at once, as it would have; inside one it
    waits for the block's end. Python handlers, not a signal mask: another thread of the
    process, the worker pool's, would take a masked signal for the main one."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self):
        self.previous: dict[int, object] = {}
        self.holding = False
        self.caught: int | None = None

    def install(self) -> None:
        if threading.current_thread() is threading.main_thread():  # handlers are the main thread's alone
            # (a handler set outside Python, None here, could not be given back: it is left alone)
            self.previous = {signum: signal.signal(signum, self._on_signal) for signum in self.SIGNALS
                             if signal.getsignal(signum) is not None}

    def restore(self) -> None:
        previous, self.previous = self.previous, {}
        for signum, handler in previous.items():
            signal.signal(signum, handler)

    def __enter__(self) -> None:
        self.holding = True

    def __exit__(self, *exc) -> None:
        self.holding = False
        if self.caught is not None:
            signum, self.caught = self.caught, None
            self._act(signum)

    def _on_signal(self, signum: int, frame) -> None:
        if not self.holding:
            self._act(signum)
        elif self.caught is None:
            self.caught = signum

    def _act(self, signum: int) -> None:
        """What the signal would have done: the handler before ours (KeyboardInterrupt, from
        Python's SIGINT handler or the command line's), or the default action."""
        handler = self.previous.get(signum)
        if callable(handler):
            handler(signum, None)
        elif handler == signal.SIG_DFL:
            self.restore()
            os.kill(os.getpid(), signum)


def one_wait(conn, db_path: str, on_wait: Callable[[], None]) -> Callable[[], None]:
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


def _cannot_store(exc: Exception) -> str:
    if isinstance(exc, sqlite3.Error):
        return f"cannot store: {exc}"
    return f"internal error in storing: {type(exc).__name__}: {' '.join(str(exc).split()) or 'no message'}"


def rollback(conn) -> None:
    """Undo the batch under way (closing the connection would too: this is sooner)."""
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass  # the connection is closed next; SQLite discards what was not committed
