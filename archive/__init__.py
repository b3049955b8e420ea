"""archive: German film reviews in one SQLite file, with every mention of a person,
character or film and its exact place in the text."""

__version__ = "0.1.0"
