"""The schema as SQLAlchemy models: the source Alembic compares migrations against.

The running program reads and writes with the standard library's sqlite3 (see
store.py and queries.py); these models define the tables, and only migrations
create or change them. docs/schema.md documents every column for SQL users."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Film(Base):
    __tablename__ = "film"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    title_key: Mapped[str] = mapped_column(Text, index=True)  # folded title for lookups
    __table_args__ = (
        Index("ux_film_title_year", "title", text("ifnull(year, 0)"), unique=True),
    )


class Review(Base):
    __tablename__ = "review"
    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    body: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(Text)  # ISO 8601, UTC
    film_id: Mapped[int | None] = mapped_column(ForeignKey("film.id"), index=True)
    # Fixed once the review is stored; NULL (a review inserted by hand) means "count them".
    sentence_count: Mapped[int | None] = mapped_column(Integer)
    mention_count: Mapped[int | None] = mapped_column(Integer)
    # Metadata the keeper gives (front matter, sidecar file, --meta), migration 0006.
    title: Mapped[str | None] = mapped_column(Text)  # the headline
    author: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(Text)  # ISO 8601 date
    url: Mapped[str | None] = mapped_column(Text)
    rating: Mapped[str | None] = mapped_column(Text)  # as given: "4/5", "8", "★★★"
    language: Mapped[str | None] = mapped_column(Text)
    meta: Mapped[str | None] = mapped_column(Text)  # every key given, unknown ones too, as JSON
    front_matter: Mapped[str | None] = mapped_column(Text)  # the file's YAML block as written, for export
    analysis_version: Mapped[str | None] = mapped_column(Text)  # archive.version.analysis_version()
    __table_args__ = (
        # Every column `query reviews` shows, so listing reviews never reads their bodies
        # (migrations 0005, 0006).
        Index("ix_review_listing", "id", "source", "film_id", "sentence_count", "mention_count", "ingested_at",
              "title", "author", "outlet", "published"),
        Index("ix_review_source", "source"),  # a review is its file: found by its path
        # Every stored text with its metadata, read from the index alone when an ingest
        # starts (the table would mean reading every body).
        Index("ix_review_identity", "sha256", "meta"),
    )


class ReviewFilm(Base):
    """The films a review is about, as its metadata says (`film:` in the front matter)."""

    __tablename__ = "review_film"
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), primary_key=True)
    film_id: Mapped[int] = mapped_column(ForeignKey("film.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)  # 0 for the first film given


class Sentence(Base):
    __tablename__ = "sentence"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    __table_args__ = (
        UniqueConstraint("review_id", "position", name="uq_sentence_review_position"),
        CheckConstraint("0 <= start_char AND start_char < end_char", name="ck_sentence_offsets"),
    )


class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(9))  # 'person' or 'character' (before 0006: 'real')
    name_key: Mapped[str] = mapped_column(Text, index=True)  # folded name for lookups
    film_id: Mapped[int | None] = mapped_column(ForeignKey("film.id"), index=True)
    review_id: Mapped[int | None] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    __table_args__ = (
        CheckConstraint("kind IN ('person', 'character')", name="ck_person_kind"),
        CheckConstraint(
            "(kind = 'person' AND film_id IS NULL AND review_id IS NULL)"
            " OR (kind = 'character' AND (film_id IS NULL) <> (review_id IS NULL))",
            name="ck_person_owner",
        ),
        Index("ux_person_person", "name", unique=True, sqlite_where=text("kind = 'person'")),
        Index("ux_person_character_film", "name", "film_id", unique=True,
              sqlite_where=text("kind = 'character' AND film_id IS NOT NULL")),
        Index("ux_person_character_review", "name", "review_id", unique=True,
              sqlite_where=text("kind = 'character' AND review_id IS NOT NULL")),
    )


class Mention(Base):
    __tablename__ = "mention"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentence.id", ondelete="CASCADE"), index=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column(Text)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    film_id: Mapped[int | None] = mapped_column(ForeignKey("film.id"))
    # the extraction rule that found it (`film.quoted`, `occurrence`…); NULL before 0007
    rule: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (
        # With review_id they cover the counts per entity (mentions, reviews) without
        # reading the table: `query persons`, `films` and `stats` (migration 0004).
        Index("ix_mention_person_review", "person_id", "review_id"),
        Index("ix_mention_film_review", "film_id", "review_id"),
        CheckConstraint("(person_id IS NULL) <> (film_id IS NULL)", name="ck_mention_one_entity"),
        CheckConstraint("0 <= start_char AND start_char < end_char", name="ck_mention_offsets"),
    )


class Role(Base):
    """Who plays whom, as the review says it: `Irene (Carey Mulligan)`."""

    __tablename__ = "role"
    id: Mapped[int] = mapped_column(primary_key=True)
    character_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    actor_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    __table_args__ = (UniqueConstraint("character_id", "actor_id", name="uq_role_character_actor"),)


class Credit(Base):
    """Who made the film a review is about, as its metadata says (`director:`, `cast:`):
    persons with their job, whether or not the text names them."""

    __tablename__ = "credit"
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True, index=True)
    job: Mapped[str] = mapped_column(String(8), primary_key=True)  # director or cast
    __table_args__ = (CheckConstraint("job IN ('director', 'cast')", name="ck_credit_job"),)


CURATION_ACTIONS = ("merge", "rename", "retype", "alias", "drop-mention")


class Curation(Base):
    """A keeper's decision, kept as data and applied whenever reviews are analysed
    (archive/curation.py). Every decision but drop-mention says: where the analysis
    names `name` (as `type`; NULL: as anything), it means this entity (person_id or
    film_id). drop-mention says: the span start_char..end_char of review_id is no mention."""

    __tablename__ = "curation"
    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(12))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    film_id: Mapped[int | None] = mapped_column(ForeignKey("film.id"), index=True)
    name: Mapped[str | None] = mapped_column(Text)
    type: Mapped[str | None] = mapped_column(String(9))
    value: Mapped[str | None] = mapped_column(Text)  # rename: the new name; retype: the new type
    review_id: Mapped[int | None] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    start_char: Mapped[int | None] = mapped_column(Integer)
    end_char: Mapped[int | None] = mapped_column(Integer)
    surface: Mapped[str | None] = mapped_column(Text)
    made_at: Mapped[str] = mapped_column(Text)  # ISO 8601, UTC
    __table_args__ = (
        CheckConstraint("action IN ('merge', 'rename', 'retype', 'alias', 'drop-mention')", name="ck_curation_action"),
        CheckConstraint(
            "(action = 'drop-mention' AND review_id IS NOT NULL AND start_char IS NOT NULL AND end_char IS NOT NULL)"
            " OR (action <> 'drop-mention' AND (person_id IS NULL) <> (film_id IS NULL) AND name IS NOT NULL)",
            name="ck_curation_target",
        ),
    )
