"""The whole schema: every table module loaded, for Alembic and the schema tests."""

from __future__ import annotations

from fieldreg.store import models, roster_models, sync_models
from fieldreg.store.base import Base

metadata = Base.metadata
TABLE_MODULES = (models, sync_models, roster_models)
