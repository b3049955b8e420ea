"""Analysis in worker processes, bound to the ingest that started them.

- A worker ends when its parent does. On Linux the kernel kills it (prctl
  PR_SET_PDEATHSIG, which holds even while the worker is deep in a long analysis);
  elsewhere a thread in the worker watches its parent and ends it when the parent is
  gone. A SIGKILL of `archive ingest` leaves no worker waiting for work that never comes.
- Workers ignore SIGINT: Ctrl-C reaches the whole process group, and only the main
  process acts on it (it stops the workers itself), so no worker prints a traceback.
- A worker that dies (killed by the kernel for memory, say) breaks the whole pool and
  every chunk in flight with it. A new pool takes over: the first chunk lost is analysed
  again review by review, the others again whole, so what is lost is only a review that
  kills its worker each time, refused as `analysis worker died`; the call goes on.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from archive.sources import Prepared, Refused, Source, load

WORKER_DIED = "analysis worker died (killed, perhaps for want of memory); the others went on"
LINUX = sys.platform.startswith("linux")


def analysed(items: Iterable[Source | Refused], context: tuple, jobs: int, chunk_size: int,
             in_flight: int, memory=None) -> Iterator[Prepared | Refused]:
    """Each item loaded (read, decoded, analysed) in `jobs` worker processes, yielded in
    order, with at most `in_flight` chunks per worker queued, so memory stays flat.
    `context` is what load() takes after the source (known names, metadata, stored texts);
    `memory` (archive.memory.Memory) the names stored since: each chunk goes with the
    position of its log committed when it is sent, and its workers know the names up to there."""
    pool = Pool(jobs, context, memory)
    try:
        yield from pool.ordered(iter(items), chunk_size, jobs * in_flight)
    except BaseException:  # interrupted, or the caller stopped early: stop the workers now
        pool.close(at_once=True)
        raise
    pool.close()


class Pool:
    """A ProcessPoolExecutor that is started again when a worker dies."""

    def __init__(self, jobs: int, context: tuple, memory=None):
        self.jobs, self.context, self.memory = jobs, context, memory
        self.executor: ProcessPoolExecutor | None = None

    def ordered(self, items: Iterator, chunk_size: int, window_size: int) -> Iterator[Prepared | Refused]:
        window: deque[tuple[list, Future]] = deque()
        while True:
            while len(window) < window_size:
                chunk = list(islice(items, chunk_size))
                if not chunk:
                    break
                window.append((chunk, self.submit(chunk)))
            if not window:
                return
            chunk, future = window.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # Every chunk in flight went with the pool; any one of them may be what killed it.
                self.close(at_once=True)
                results = self.one_by_one(chunk)
                window = deque((later, self.submit(later)) for later, _ in window)
            yield from results

    def one_by_one(self, chunk: list) -> list[Prepared | Refused]:
        """Each review of a chunk alone, so one that kills its worker costs only itself."""
        results = []
        for item in chunk:
            if isinstance(item, Refused):
                results.append(item)
                continue
            try:
                results.extend(self.submit([item]).result())
            except BrokenProcessPool:
                self.close(at_once=True)
                results.append(Refused(item, WORKER_DIED))
        return results

    def submit(self, chunk: list) -> Future:
        if self.executor is None:
            context = multiprocessing.get_context("fork") if LINUX else None  # forked by this very process
            log = self.memory.path if self.memory is not None else None
            self.executor = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_init_worker,
                                                initargs=(self.context, os.getpid(), log))
        try:
            return self.executor.submit(_load_chunk, chunk, self.memory.position() if self.memory is not None else 0)
        except BrokenProcessPool:  # a worker died while none of its work was awaited
            self.close(at_once=True)
            return self.submit(chunk)

    def close(self, at_once: bool = False) -> None:
        """Shut the pool down; `at_once` cancels what waits and kills the workers (they
        hold nothing worth keeping), so neither an interrupt nor a dead pool waits."""
        executor, self.executor = self.executor, None
        if executor is None:
            return
        if not at_once:
            executor.shutdown(wait=True)
            return
        processes = list((getattr(executor, "_processes", None) or {}).values())  # no public way to end them
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.kill()
        for process in processes:
            process.join()


_worker_context: tuple = ()
_follower = None  # archive.memory.Follower: the names stored since the ingest began, as far as a chunk may know


def _init_worker(context: tuple, parent: int, log: str | None = None) -> None:
    global _worker_context, _follower
    from archive.memory import Follower

    _worker_context = context
    _follower = Follower(context[0] if context else None, log)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process acts on Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the ingest's handler, inherited by fork
    if not _killed_with_parent():
        threading.Thread(target=_watch, args=(os.getppid(),), name="watch-parent", daemon=True).start()
    if LINUX and os.getppid() != parent:  # the ingest died before the line above took hold
        os._exit(1)


def _killed_with_parent() -> bool:
    """Ask Linux to SIGKILL this process when its parent ends; False where it cannot."""
    if not LINUX:
        return False
    try:
        import ctypes

        pr_set_pdeathsig = 1
        return ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


WATCH_EVERY = 0.5  # seconds between two looks at the parent, where the kernel does not watch for us


def _watch(parent: int) -> None:
    """End this worker once its parent is gone (it is then adopted: another parent id)."""
    while os.getppid() == parent:
        time.sleep(WATCH_EVERY)
    os._exit(1)


_frozen: list[bool] = []  # [True] once this worker's long-lived objects are out of the collector's sight


def _load_chunk(items: list[Source | Refused], position: int = 0) -> list[Prepared | Refused]:
    known, at = _follower.known_at(position)
    results = [item if isinstance(item, Refused) else load(item, known, *_worker_context[1:]) for item in items]
    for result in results:
        if isinstance(result, Prepared):
            result.known_at = at
    if not _frozen and any(isinstance(result, Prepared) for result in results):
        # The lexicon (hundreds of thousands of words in frozensets) and the archive's
        # names are loaded now and live as long as the worker: each full collection of
        # the cyclic garbage collector went over all of them again.
        gc.freeze()
        _frozen.append(True)
    return results
