"""Alembic migrations, shipped inside the package so an installed `archive` can upgrade
any database it opens. Revision ids are numbered; archive.db.REVISIONS lists them."""
