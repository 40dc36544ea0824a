"""Alembic environment for workspace migrations, always run programmatically.

dpia_desk never builds database URLs (they would hold the key): the caller opens the encrypted
connection and hands it over in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from dpia_desk.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "workspace migrations run through dpia_desk.store.migrate, with a connection"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables instead
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
