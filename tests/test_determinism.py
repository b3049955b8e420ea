"""The analysis says the same of a text whatever the order of a set: a review's film was
`Longlegs` in one run and `LONGLEGS` in the next, as the hash seed ordered the body's
spellings of its heading's title."""

from archive.text.headings import heading_title
from archive.text.sentences import split_sentences
from archive.text.view import SentenceView


def _heading_name(body_films) -> str:
    text = "MOTHLIGHT\n\nMothlight ist ein Film. Den Hype um MOTHLIGHT glaubte ich nicht."
    view = SentenceView(text, 0, split_sentences(text)[0])
    found = heading_title(view, [], body_films)
    assert found is not None
    return found[1]


def test_the_heading_title_is_named_as_the_body_writes_it_in_whatever_order_it_comes():
    assert _heading_name(["Mothlight", "MOTHLIGHT"]) == "Mothlight"
    assert _heading_name(["MOTHLIGHT", "Mothlight"]) == "Mothlight"
    assert _heading_name(["MOTHLIGHT"]) == "MOTHLIGHT"  # written so throughout: kept as written
