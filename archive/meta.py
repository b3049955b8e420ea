"""Review metadata: a YAML front-matter block at the top of a file (the convention of
Jekyll, Hugo and python-frontmatter), a sidecar NAME.meta.json or NAME.meta.yaml beside
it, and `archive ingest --meta key=value`. Later sources override earlier ones: front
matter, then sidecar, then --meta. Unknown keys are kept.

The block is not part of the review's text: offsets stay offsets into the body, and
the block is kept as written so the file can be given back."""

from __future__ import annotations

import datetime as _dt
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

COLUMNS = ("title", "author", "outlet", "published", "url", "rating", "language")
KNOWN_KEYS = COLUMNS + ("film", "year", "director", "cast", "tags")
SIDECARS = (".meta.json", ".meta.yaml", ".meta.yml")


class MetaError(ValueError):
    """Metadata that cannot be read; the message is one line and names the line."""


DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"
EARLIEST_YEAR = 1870  # the first moving pictures; a film or review before it is a typo
_TEXT = "text"
_TEXTS = "text or a list of text"
_CAST = "a list of `Actor as Character` lines, or a mapping actor: character, of text"


def real_date(text: str) -> str | None:
    """`text` if it is a real date written YYYY, YYYY-MM or YYYY-MM-DD, else None."""
    import re

    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        _dt.date(year, month, day)
    except ValueError:
        return None
    return text.strip()


def _latest_year() -> int:
    return _dt.date.today().year + 10  # films announced years ahead


def _is_text(value) -> bool:
    """Text, or a number YAML read from text (`title: 1917`, `rating: 4`); not true/false."""
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _texts(value) -> bool:
    return _is_text(value) or (isinstance(value, list) and all(_is_text(v) for v in value))


def _cast(value) -> bool:
    if isinstance(value, str):
        return True
    if isinstance(value, dict):
        return all(_is_text(a) and (c is None or _is_text(c)) for a, c in value.items())
    if isinstance(value, list):
        return all(isinstance(v, str) or (isinstance(v, dict) and _cast(v)) for v in value)
    return False


def _year(value) -> bool:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    return isinstance(value, int) and not isinstance(value, bool) and EARLIEST_YEAR <= value <= _latest_year()


def _published(value) -> bool:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return isinstance(value, str) and real_date(value) is not None \
        and EARLIEST_YEAR <= int(value.strip()[:4]) <= _latest_year()


def _shown(value) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def check(values: dict, where: str) -> dict:
    """`values` when every known key has the type and shape it takes, else a MetaError
    naming `where` (the front matter, a sidecar, --meta), the key and what it takes.
    The one place metadata is checked: the properties below rely on it."""
    rules = {
        **{key: (_is_text, _TEXT) for key in ("title", "author", "outlet", "url", "rating", "language")},
        "film": (_texts, _TEXTS),
        "director": (_texts, _TEXTS),
        "tags": (_texts, "a list of text"),
        "cast": (_cast, _CAST),
        "year": (_year, f"a whole number from {EARLIEST_YEAR} to {_latest_year()}"),
        "published": (_published, f"a real date, written {DATE_FORMS}"),
    }
    for key, value in values.items():
        if key in rules and value is not None and value != "":
            fits, takes = rules[key]
            if not fits(value):
                raise MetaError(f"{where}: {key!r} takes {takes}, not {_shown(value)}")
    return values


@dataclass(frozen=True)
class Meta:
    values: dict = field(default_factory=dict)  # every key given, as plain JSON values
    front_matter: str | None = None  # the block as written in the file, `---` lines included

    def column(self, key: str) -> str | None:
        value = self.values.get(key)
        if value is None or value == "":
            return None
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False) \
            if isinstance(value, (list, dict)) else str(value)

    @property
    def films(self) -> list[tuple[str, int | None]]:
        """The films reviewed, with the year when `year` is given (for the first film)."""
        given = self.values.get("film")
        titles = [given] if isinstance(given, (str, int)) else given if isinstance(given, list) else []
        titles = [t for t in titles if isinstance(t, (str, int, float)) and not isinstance(t, bool)]
        year = self.values.get("year")
        year = int(year) if isinstance(year, int) or (isinstance(year, str) and year.isdigit()) else None
        return [(str(t).strip(), year if i == 0 else None) for i, t in enumerate(titles) if str(t).strip()]

    @property
    def directors(self) -> list[str]:
        given = self.values.get("director")
        names = [given] if isinstance(given, str) else given if isinstance(given, list) else []
        return [str(n).strip() for n in names if str(n).strip()]

    @property
    def cast(self) -> list[tuple[str, str | None]]:
        """(actor, character or None): `Actor as Character`, `Actor`, or a mapping actor: character."""
        given = self.values.get("cast") or []
        if not isinstance(given, (str, list, dict)):  # stored before check() held it (an old export)
            return []
        pairs: list[tuple[str, str | None]] = []
        if isinstance(given, dict):
            given = [{actor: character} for actor, character in given.items()]
        for entry in [given] if isinstance(given, str) else given:
            if isinstance(entry, dict):
                pairs += [(str(a).strip(), str(c).strip() if isinstance(c, (str, int, float)) and c != "" else None)
                          for a, c in entry.items()]
            elif isinstance(entry, str) and entry.strip():
                actor, sep, character = entry.partition(" as ")
                pairs.append((actor.strip(), character.strip() if sep and character.strip() else None))
        return [(a, c) for a, c in pairs if a]

    def json(self) -> str | None:
        return json.dumps(self.values, ensure_ascii=False, sort_keys=True) if self.values else None

    def merged(self, other: dict) -> "Meta":
        return Meta({**self.values, **other}, self.front_matter)


def split_front_matter(text: str) -> tuple[str, Meta]:
    """(body, metadata): a first line `---`, YAML, a line `---` (or `...`); else no metadata."""
    if not (text.startswith("---\n") or text == "---"):
        return text, Meta()
    end, pos = None, 4
    while True:
        newline = text.find("\n", pos)
        line = text[pos:] if newline < 0 else text[pos:newline]
        if line.rstrip() in ("---", "..."):
            end = len(text) if newline < 0 else newline + 1
            break
        if newline < 0:
            break
        pos = newline + 1
    if end is None:
        raise MetaError("front matter opened with --- on line 1 is never closed: add a --- line after it,"
                        " or take the first line away if the file has no front matter")
    block = text[:end]
    values = check(_load_yaml(text[4:pos], first_line=2), "front matter")
    return text[end:], Meta(values, block)


def _load_yaml(source: str, first_line: int = 1, name: str = "front matter") -> dict:
    import yaml

    try:
        loaded = yaml.load(source, Loader=_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f" on line {mark.line + first_line}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise MetaError(f"{name} is not valid YAML{where}: {problem}") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise MetaError(f"{name} must be key: value lines, not a {type(loaded).__name__}")
    return {str(k): _plain(v) for k, v in loaded.items()}


@functools.lru_cache(maxsize=None)
def _loader():
    """YAML's safe loader, with a date that is no real date (2024-02-30) kept as its text,
    so the check names the key instead of YAML failing without one."""
    import yaml

    class Loader(yaml.SafeLoader):
        def construct_yaml_timestamp(self, node):
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:
                return self.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    return Loader


def _plain(value):
    """YAML's dates and times as ISO text, so every value is JSON."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def sidecar(path: Path) -> dict:
    """The metadata in NAME.meta.json or NAME.meta.yaml beside the review file, if any."""
    for suffix in SIDECARS:
        candidate = path.with_name(path.stem + suffix)
        if candidate.is_file():
            text = candidate.read_text(encoding="utf-8")
            if suffix == ".meta.json":
                try:
                    loaded = json.loads(text)
                except json.JSONDecodeError as exc:
                    raise MetaError(f"{candidate.name} is not valid JSON on line {exc.lineno}: {exc.msg}") from None
                if not isinstance(loaded, dict):
                    raise MetaError(f"{candidate.name} must hold one JSON object")
                return check(loaded, candidate.name)
            return check(_load_yaml(text, name=candidate.name), candidate.name)
    return {}


def parse_assignments(pairs: list[str] | tuple[str, ...]) -> dict:
    """`--meta key=value` pairs. A value is text as given; one in brackets is a YAML list
    or mapping (`cast=[Ryan Gosling as Driver, Carey Mulligan as Irene]`). A key given
    twice makes a list (`--meta film=Drive --meta film=Bronson`)."""
    values: dict = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            raise MetaError(f"--meta {pair!r}: give key=value")
        if value[:1] in "[{" and value:
            value = _load_yaml(f"v: {value}", name=f"--meta {key}").get("v")
        if key in values:
            before = values[key]
            value = (before if isinstance(before, list) else [before]) + (value if isinstance(value, list) else [value])
        values[key] = value
    return check(values, "--meta")
