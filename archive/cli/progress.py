"""A one-line progress bar for long ingests: reviews done, rate and time left.

Drawn on stderr only when it is a terminal; lines printed meanwhile go above it."""

from __future__ import annotations

import os
import shutil
import sys
import time
from typing import TextIO

FEW = 3  # up to this many files an ingest is over before a bar would help
REDRAW_EVERY = 0.1  # seconds: redrawing for every review would cost more than it shows


def render(done: int, total: int, rate: float, seconds_left: float | None, columns: int = 80) -> str:
    """`[#######.......]  1,234/10,000 reviews  480/s  0:18 left`, fitted to `columns`."""
    if done >= total:
        left = "done"
    elif seconds_left is None:
        left = "-:-- left"  # not guessed yet
    else:
        left = f"{clock_time(seconds_left)} left"
    text = f"{done:,}/{total:,} reviews  {rate:,.0f}/s  {left}"
    # The bar keeps its width while the text grows; the last column stays free (no wrap).
    width = min(40, columns - max(len(text), 45) - 5)
    if width < 10:
        return text[: max(columns - 1, 0)]
    filled = width * done // total if total else width
    return f"[{'#' * filled}{'.' * (width - filled)}]  {text}"


def clock_time(seconds: float) -> str:
    """0:07, 12:30, 1:02:03."""
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, clock=time.monotonic):
        self.total = total
        self.stream = stream or sys.stderr
        self.clock = clock
        self.started = clock()
        self.first: tuple[float, int] | None = None  # when the first reviews were done, and how many
        self.drawn_at: float | None = None
        self.done = 0

    @classmethod
    def for_terminal(cls, total: int) -> Progress | None:
        """A bar when stderr is a terminal and there are more than a few files; else None."""
        return cls(total) if total > FEW and sys.stderr.isatty() else None

    def advance(self, done: int) -> None:
        self.done = done
        now = self.clock()
        if self.first is None:
            self.first = (now, done)
        if self.drawn_at is None or now - self.drawn_at >= REDRAW_EVERY or done >= self.total:
            self.draw(now)

    def seconds_left(self, now: float) -> float | None:
        """At the pace since the first reviews were done: start-up (worker processes, word
        lists) is not part of it, so the first guess is not ten times too long."""
        if self.first is None or now - self.first[0] < 0.5 or self.done <= self.first[1]:
            return None
        pace = (self.done - self.first[1]) / (now - self.first[0])
        return (self.total - self.done) / pace

    def draw(self, now: float | None = None) -> None:
        now = self.clock() if now is None else now
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        line = render(self.done, self.total, rate, self.seconds_left(now), self.columns())
        self.stream.write("\r" + line + "\033[K")
        self.stream.flush()
        self.drawn_at = now

    def columns(self) -> int:
        """The width of the terminal the bar is drawn on (stderr's, whatever stdout is)."""
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns
        except (AttributeError, OSError, ValueError):  # not a terminal, or no file behind it
            columns = 0
        return columns or shutil.get_terminal_size().columns  # 0: a terminal that gives no size

    def clear(self) -> None:
        """Wipe the bar, so a message can take its line (the next advance draws it again)."""
        if self.drawn_at is not None:
            self.stream.write("\r\033[K")
            self.drawn_at = None
