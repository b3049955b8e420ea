"""Ctrl-C and --timeout for the read commands.

SQLite runs a statement in C, where Python's SIGINT handler never gets its turn: the
signal waits for the statement to end, which may be never. A progress handler hands
control back to Python every few thousand steps of SQLite's machine, which lets the
handler run; the handler calls the connection's interrupt(), and the statement ends
with SQLite's "interrupted" error. The command line then says one line: exit 130
after Ctrl-C (as shells count it), 1 after --timeout."""

from __future__ import annotations

import signal
import sqlite3
import threading
import time

import click

STEPS = 10_000  # SQLite machine steps between looks: well under a millisecond, no cost to measure
META_KEY = "archive.watch"


class Watch:
    """Stops the statements of one connection on SIGINT, or once `timeout` seconds are up."""

    def __init__(self, conn: sqlite3.Connection, timeout: float | None = None):
        self.conn = conn
        self.timeout = timeout
        self.reason: str | None = None  # "interrupted" or "timeout", once stopped
        self._deadline = None if timeout is None else time.monotonic() + timeout
        self._previous = None
        if threading.current_thread() is threading.main_thread():  # signals reach the main thread only
            self._previous = signal.signal(signal.SIGINT, self._on_sigint)
        conn.set_progress_handler(self._tick, STEPS)

    def _on_sigint(self, signum, frame) -> None:
        self.reason = "interrupted"
        try:
            self.conn.interrupt()
        except sqlite3.ProgrammingError:
            pass  # closed already
        # Outside a statement this ends the command; inside one (in _tick) SQLite swallows it
        # and the statement fails "interrupted" instead. Either way the reason says which.
        raise KeyboardInterrupt

    def _tick(self) -> int:
        if self._deadline is not None and time.monotonic() >= self._deadline:
            self.reason = "timeout"
            return 1  # non-zero: SQLite stops the statement
        return 0

    def restore(self) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def stop_message(self) -> tuple[str, int]:
        if self.reason == "timeout":
            return f"stopped: the statement ran longer than --timeout {self.timeout:g} s", 1
        return "interrupted (Ctrl-C): the statement was stopped", 130


def watch(ctx: click.Context, conn: sqlite3.Connection, timeout: float | None = None) -> Watch:
    """Watch `conn` for the rest of the command; ArchiveGroup reports how it was stopped."""
    w = Watch(conn, timeout)
    ctx.meta[META_KEY] = w
    ctx.call_on_close(w.restore)
    return w


def stopped(ctx: click.Context) -> Watch | None:
    """The watch of this command if it stopped a statement (or took a Ctrl-C)."""
    w = ctx.meta.get(META_KEY)
    return w if w is not None and w.reason else None
