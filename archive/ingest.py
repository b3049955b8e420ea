"""The ingest pipeline, in small stages: find sources, read, decode and analyse
(archive.sources; pure, so it can run in worker processes, archive.workers), then store
with one writer, in batches (archive.batches: one transaction each, retried one review
at a time when it fails, interrupts held while a transaction is written and counted).

A review is its file (the path, resolved) or, for standard input, its text: a file
edited and ingested again replaces its review (`_store`, the identity check). What
stops the whole call is said once: an interrupt (SIGINT, or SIGTERM through the command
line), or a database that takes no more (locked by another process past the busy
timeout, full, read-only); everything committed before stays, whole."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from pathlib import Path

from archive.batches import Batches, Outcome, Stopped, one_wait, rollback
from archive.sources import MAX_BYTES, STDIN, Prepared, Refused, Source, find_sources, load, prepare, stored_name

__all__ = ["MAX_BYTES", "Interrupted", "Outcome", "Prepared", "Refused", "Source", "Stopped", "find_sources",
           "load", "prepare", "run"]


class Interrupted(Exception):
    """The ingest was interrupted; `counts` says what went in before, every review whole."""

    def __init__(self, counts: dict[str, int]):
        super().__init__("interrupted")
        self.counts = counts


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
    begin = one_wait(conn, db_path, on_wait)
    counts: dict[str, int] = {"added": 0, "updated": 0, "moved": 0, "unchanged": 0, "refused": 0}
    resolved = _resolver()
    memory: Memory | None = None  # the names stored so far, growing review by review (archive.memory)

    def report(outcomes: list[Outcome]) -> None:
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
        # Each review is analysed (or settled) knowing every review before it, stored (archive.memory).
        batches = Batches(writer, memory, lambda prepared: _settled_and_stored(writer, memory, prepared, resolved),
                          begin, db_path, batch_size, counts, report)
        with batches, closing(_prepared(sources, (known, meta, stored), jobs, chunk_size, memory)) as items:
            for item in items:
                if isinstance(item, Refused):
                    batches.refused(item)
                    continue
                if item.warning:
                    on_warning(item.source, item.warning)
                batches.add(item)
            batches.flush()
    except KeyboardInterrupt:
        rollback(conn)
        raise Interrupted(counts) from None
    except Stopped as stop:
        stop.counts = counts
        raise
    finally:
        if memory is not None:
            memory.close()
        conn.close()
    return counts


def _resolver() -> Callable[[str], str]:
    """str(Path(path).resolve()), with each folder resolved once per call of run:
    Path.resolve looks at every part of the path (an lstat each) and then the file, a
    tenth of what storing a review costs; a file that is no link is its resolved folder
    and its name. On the path as a string: making a Path of each cost as much again."""
    folders: dict[str, str] = {}

    def resolved(path: str) -> str:
        folder, name = os.path.split(path)
        if name in ("", ".", "..") or os.path.islink(path):
            return str(Path(path).resolve())
        real = folders.get(folder)
        if real is None:
            real = folders[folder] = str(Path(folder or ".").resolve())
        return os.path.join(real, name)

    return resolved


def _settled_and_stored(writer, memory, prepared: Prepared, resolved: Callable[[str], str]):
    """Store one review, analysed again first if names stored since its analysis could
    change it (archive.memory); then the names it added join what later reviews know."""
    refusal = memory.settle(prepared)
    if refusal is not None:
        return refusal
    result = _store(writer, prepared, resolved)
    memory.stored(result[0])
    return result


def _store(writer, prepared: Prepared, resolved: Callable[[str], str] = lambda path: str(Path(path).resolve())):
    """(status, Stored) or (status, Stored, what to say of it): a review is its file (the
    path, resolved) or, for stdin, its text."""
    from archive.store import Stored

    conn = writer.conn
    given = prepared.source
    path = None if given.label == STDIN and given.data is not None else given.label  # Source.path, as a string
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
