"""Table and column descriptions for the site, read from docs/schema.md.

docs/schema.md is where the schema is explained; the site shows the same words. The
doc is not installed with the package, so its descriptions are kept in schema.json
beside this module, made again after an edit of the doc with

    python -m archive.site.describe docs/schema.md

and a test says when the two differ."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

SCHEMA_JSON = Path(__file__).with_name("schema.json")


def plain(markdown: str) -> str:
    """Markdown of one paragraph or table cell as plain text (Datasette shows it escaped)."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)  # links: their text
    text = text.replace("`", "").replace("**", "")
    return " ".join(text.split())


def describe(doc: str) -> dict[str, dict]:
    """{table or view: {"description": first paragraph, "columns": {column: meaning}}}
    for every `### name` section under `## Tables` and `## Views`."""
    described: dict[str, dict] = {}
    for part in re.split(r"^## ", doc, flags=re.M):
        if not part.startswith(("Tables", "Views")):
            continue
        for section in re.split(r"^### ", part, flags=re.M)[1:]:
            name, _, body = section.partition("\n")
            entry: dict = {"description": "", "columns": {}}
            paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
            prose = [p for p in paragraphs if not p.startswith("|")]
            if prose:
                entry["description"] = plain(prose[0])
            for line in body.splitlines():
                cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
                if len(cells) != 3 or cells[0] in ("column", "") or set(cells[0]) <= {"-"}:
                    continue
                for column in cells[0].split(","):
                    meaning = plain(cells[2])
                    entry["columns"][column.strip()] = f"{plain(cells[1])}; {meaning}" if meaning else plain(cells[1])
            described[name.strip()] = entry
    return described


def load() -> dict[str, dict]:
    return json.loads(SCHEMA_JSON.read_text(encoding="utf-8"))


def main(argv: list[str]) -> None:
    doc = Path(argv[0] if argv else "docs/schema.md").read_text(encoding="utf-8")
    SCHEMA_JSON.write_text(json.dumps(describe(doc), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {SCHEMA_JSON}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
