"""Which analysis a review was made with: a digest of the analysis code itself.

A digest, not a number someone must remember to raise: any change to archive/text/
(rules, word lists) or to the given names it reads from Faker makes every stored
review older than the code, and `archive stats` says how many; `archive reanalyse`
brings them up to date."""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

TEXT = Path(__file__).resolve().parent / "text"


@functools.cache
def analysis_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in TEXT.rglob("*") if p.suffix in (".py", ".txt") and "__pycache__" not in p.parts):
        digest.update(path.relative_to(TEXT).as_posix().encode())
        digest.update(path.read_bytes())
    try:
        digest.update(metadata.version("Faker").encode())
    except metadata.PackageNotFoundError:
        pass
    return digest.hexdigest()[:12]
