"""Where reviews come from: finding the files to ingest, reading them, and decoding and
analysing one (pure work, so it can run in a worker process).

Only regular files are read: a FIFO or a device named `x.txt` would block a reader
forever or never end, so it is refused by its type before anything opens it (and opened
without blocking, should it change in between). What cannot be listed or read is refused
by name with the reason, never skipped in silence."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt", ".md")
STDIN = "-"
# The most a review may be. Real reviews are 5 to 50 kB; what one costs grows with its
# size (benchmarks/review_cost.py: a 5 MB review took 38 s and 415 MiB more than a tiny
# one, 1 MB 5 s and 80 MiB), so the limit keeps a single file from taking a worker's
# minutes and hundreds of MiB. Standard input is cut here too: `yes |` never ends.
MAX_BYTES = 2**20


@dataclass(frozen=True, slots=True)
class Source:
    label: str  # the path as given (or "-"); undecodable bytes of a name as os.fsdecode makes them
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
    known_at: int = 0  # the names the analysis knew: entries of archive.memory.Memory up to here


@dataclass(frozen=True, slots=True)
class Refused:
    source: Source
    reason: str


def stored_name(label: str) -> str:
    """The name kept in review.source: the label itself, but a byte of a file name that is
    not UTF-8 (a lone surrogate after os.fsdecode, which SQLite cannot store) written as
    `\\xe9`, the way archive.terminal.visible shows it."""
    try:
        label.encode("utf-8")
        return label
    except UnicodeEncodeError:
        return os.fsencode(label).decode("utf-8", "backslashreplace")


def find_sources(paths: Iterable[str]) -> Iterator[Source | Refused]:
    """Files as given, folders as every *.txt and *.md below them (sorted), `-` as stdin."""
    for given in paths:
        if given == STDIN:
            yield Source(STDIN, sys.stdin.buffer.read(MAX_BYTES + 1))
            continue
        kind, reason = _kind(given)
        if kind == "file":
            yield Source(given)
        elif kind == "folder":
            yield from _folder(str(Path(given)))
        else:
            yield Refused(Source(given), reason)


def _kind(path: str) -> tuple[str | None, str]:
    """("file", ""), ("folder", "") or (None, why it is neither)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None, "symbolic link to a file that does not exist" if os.path.islink(path) else "no such file or folder"
    except OSError as exc:
        return None, why(exc)
    if stat.S_ISREG(mode):
        return "file", ""
    if stat.S_ISDIR(mode):
        return "folder", ""
    return None, NOT_REGULAR


NOT_REGULAR = "not a regular file (a pipe, a device or a socket is never read)"


def why(exc: OSError) -> str:
    """An OSError as a reason a person understands."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return exc.strerror or str(exc)


def _folder(top: str) -> Iterator[Source | Refused]:
    """Every *.txt and *.md below `top`, sorted by path, links followed (each folder once,
    so a link back up is no loop). A folder that cannot be read is refused by name; a
    name with a review's suffix that is no regular file is refused as well."""
    found: list[Source | Refused] = []
    pending, seen = [top], set()
    while pending:
        folder = pending.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as exc:
            found.append(Refused(Source(folder), f"cannot read folder: {why(exc)}"))
            continue
        for entry in entries:
            try:
                is_folder = entry.is_dir()
            except OSError:  # a link loop, say: told below if its name is a review's
                is_folder = False
            if is_folder:
                pending.append(entry.path)
            elif os.path.splitext(entry.name)[1].lower() in SUFFIXES:
                kind, reason = _kind(entry.path)
                found.append(Source(entry.path) if kind == "file" else Refused(Source(entry.path), reason))
    found.sort(key=lambda item: (item.source if isinstance(item, Refused) else item).label)
    if not found:
        found.append(Refused(Source(top), "folder holds no .txt or .md files"))
    yield from found


class TooBig(Exception):
    pass


TOO_BIG = f"larger than {MAX_BYTES / 2**20:g} MiB, the most a review may be"


def review_text(data: bytes):
    """What every review's bytes must be, wherever they come from (a file, standard
    input, a review line of `archive import`): at most MAX_BYTES, and text by
    archive.text.decode's rule (not empty, not binary, words in it). The decoded text
    (archive.text.decode.Decoded), else TooBig or NotText with the reason."""
    from archive.text.decode import decode

    if len(data) > MAX_BYTES:
        raise TooBig(TOO_BIG)
    return decode(data)


class NotRegular(Exception):
    pass


def read(source: Source) -> bytes:
    """The bytes of a source, at most MAX_BYTES + 1 of them (review_text refuses the
    last). Opened without blocking and
    checked to be a regular file before it is read: a file replaced by a FIFO after it was
    listed is refused, not waited for."""
    if source.path is None:
        data = source.data or b""
    else:
        fd = os.open(source.label, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise NotRegular(NOT_REGULAR)
            data = handle.read(MAX_BYTES + 1)
    return data


def prepare(source: Source, data: bytes, known=None, given: dict | None = None,
            stored: dict | None = None) -> Prepared | Refused:
    """Decode, read the metadata (front matter, sidecar, `given` from --meta) and analyse
    one review: pure work, no database. A text the archive holds already with the same
    metadata (`stored`: sha256 -> metadata JSON) is not analysed again."""
    from archive.analysis import analyse_review
    from archive.meta import MetaError, sidecar, split_front_matter
    from archive.store import sha256
    from archive.text.decode import NotText

    try:
        decoded = review_text(data)
    except (TooBig, NotText) as exc:
        return Refused(source, str(exc))
    try:
        body, meta = split_front_matter(decoded.text)
        if source.path is not None:
            meta = meta.merged(sidecar(source.path))
        meta = meta.merged(given or {})
    except MetaError as exc:
        return Refused(source, str(exc))
    except OSError as exc:
        return Refused(source, f"cannot read its metadata file: {why(exc)}")
    if not body.strip():
        return Refused(source, "nothing but front matter: no review text")
    digest = sha256(body)
    if stored is not None and digest in stored and stored[digest] == meta.json():
        return Prepared(source, digest, None, decoded.warning, meta)
    return Prepared(source, digest, analyse_review(body, meta, known), decoded.warning, meta)


def load(source: Source, known=None, given: dict | None = None, stored: dict | None = None) -> Prepared | Refused:
    """Read, decode and analyse one source (prepare's arguments); whatever goes wrong is its refusal."""
    try:
        data = read(source)
    except FileNotFoundError:
        link = source.path is not None and source.path.is_symlink()
        return Refused(source, "symbolic link to a file that does not exist" if link else "no such file or folder")
    except OSError as exc:
        return Refused(source, why(exc))
    except NotRegular as exc:
        return Refused(source, str(exc))
    try:
        return prepare(source, data, known, given, stored)
    except Exception as exc:  # a bug in the analysis must not stop the other files
        message = " ".join(str(exc).split()) or "no message"
        return Refused(source, f"internal error in the analysis: {type(exc).__name__}: {message}")
