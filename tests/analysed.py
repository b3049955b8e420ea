"""What the analysis finds in an invented text, as the typing tests compare it."""

from archive.text import analyse


def kinds(text: str) -> set[tuple[str, str]]:
    """Every mention as (its text, its type)."""
    return {(m.surface, m.kind) for m in analyse(text).mentions}
