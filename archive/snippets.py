"""The snippet `query sentences` shows for a sentence: its marked words (a search's hits,
or the mentions of the entities asked for) written open + word + close, and of a long
sentence only the part around the first mark.

Pure functions on strings, made once per row (160,520 times for `--text Filme` on the
million-sentence benchmark archive), so the common cases take short paths: a sentence of
at most SNIPPET_CHARS shown whole, a search hit on one word found without reading the
words before it (archive.search)."""

from __future__ import annotations

from collections.abc import Callable

SNIPPET_CHARS = 100


def snippet(text: str, spans: list[tuple[int, int]], highlight: tuple[str, str]) -> str:
    """The sentence around its first marked span, at most about SNIPPET_CHARS characters
    (cut at spaces, `…` where cut), every span inside written open + text + close."""
    if len(text) <= SNIPPET_CHARS:  # most sentences: shown whole
        if len(spans) == 1:
            a, b = spans[0]
            return _tidy(text[:a] + highlight[0] + text[a:b] + highlight[1] + text[b:])
        begin, end = 0, len(text)
    else:
        begin, end = _window(text, spans)
    parts, pos = [], begin
    for a, b in spans:
        if a < pos or b > end:
            continue
        parts += [text[pos:a], highlight[0], text[a:b], highlight[1]]
        pos = b
    parts.append(text[pos:end])
    return ("…" if begin > 0 else "") + _tidy("".join(parts)) + ("…" if end < len(text) else "")


def _window(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """Where a long sentence's snippet begins and ends: a third of SNIPPET_CHARS before the
    first mark, then up to SNIPPET_CHARS on (further if the mark is longer), cut at spaces."""
    first = spans[0][0] if spans else 0
    begin = max(0, first - SNIPPET_CHARS // 3)
    if begin:
        space = text.find(" ", begin, first)
        begin = space + 1 if space >= 0 else begin
    end = min(len(text), max(begin + SNIPPET_CHARS, spans[0][1] if spans else 0))
    if end < len(text):
        space = text.rfind(" ", spans[0][1] if spans else begin, end)
        end = space if space > begin else end
    return begin, end


def _tidy(snippet: str) -> str:
    """Runs of white space as one space, none at the ends. Most sentences need no fix, and
    these checks cost less than making it (any space but " " is not printable)."""
    if "  " in snippet or not snippet.isprintable() or snippet[:1] == " " or snippet[-1:] == " ":
        return " ".join(snippet.split())
    return snippet


def of_hits(search, highlight: tuple[str, str]) -> Callable[[str | None, str], str]:
    """The snippet of a search's hit, from the row's highlight() (archive.search.OPEN and
    CLOSE around the hits) and the sentence as written."""
    from archive.search import marked_spans

    return lambda highlighted, text: snippet(text, marked_spans(search, highlighted, text), highlight)
