"""Alembic environment: runs on the connection archive.db hands it, in batch mode so
SQLite ALTERs work, and ignores the FTS5 index tables, which models do not describe."""

from alembic import context
from sqlalchemy import create_engine

from archive.models import Base

config = context.config


def include_object(obj, name, type_, reflected, compare_to):
    if type_ == "table" and name and name.startswith(("sentence_fts", "sentence_stem")):
        return False
    return True


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _run(connection)
    else:
        _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
