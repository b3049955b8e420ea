"""An installed archive is whole: pyproject.toml names every package, so `pip install .`
(not only the editable install CI uses) ships each module, its data and its migrations."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def listed() -> set[str]:
    return set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])


def test_every_package_of_the_source_tree_is_installed():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "archive").rglob("__init__.py")}
    found |= {"archive.migrations" + "".join("." + part for part in p.parent.relative_to(ROOT / "migrations").parts)
              for p in (ROOT / "migrations").rglob("__init__.py")}
    assert found <= listed(), f"add to [tool.setuptools] packages: {sorted(found - listed())}"


def test_every_data_file_the_code_reads_is_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["archive"]
    shipped = {p for pattern in patterns for p in (ROOT / "archive").glob(pattern)}
    data = {p for p in (ROOT / "archive").rglob("*") if p.is_file() and p.suffix in (".gz", ".txt", ".yaml", ".json", ".html")}
    assert data <= shipped, f"add to package-data: {sorted(str(p.relative_to(ROOT)) for p in data - shipped)}"
