"""Alembic environment. fieldreg runs migrations programmatically (fieldreg.store.migrate), passing
an open connection in `config.attributes["connection"]`; there is no offline/SQL mode."""

from __future__ import annotations

from alembic import context

from fieldreg.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("fieldreg migrations run through fieldreg.store.migrate only")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
