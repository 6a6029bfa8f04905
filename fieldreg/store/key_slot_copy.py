"""The database's copy of the key slots (`KeySlotCopy`), read and written for
`fieldreg.crypto.slots.SlotFile` as its `SlotMirror`.

The bytes are stored as they are written to the file (slot_format checksums them); the
generation is kept beside them only so a person inspecting the database can compare. A store
not yet migrated to 0005 has no table: it reads as "no copy", and writing is skipped.
"""

from __future__ import annotations

from sqlalchemy import Engine, delete, insert, inspect, select

from fieldreg.core.errors import StoreError
from fieldreg.crypto.encoding import strict_json_loads
from fieldreg.store.engine import ENVIRONMENT_ERRORS, WRITE_FLAG, store_error
from fieldreg.store.models import KeySlotCopy

_NAME = "keyslots"
MAX_COPY_BYTES = 1024 * 1024 + 1  # one past slot_format's limit, so the parser says "too big"


class DatabaseSlotCopy:
    """A `SlotMirror` in the store's database."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _has_table(self) -> bool:
        with self._engine.connect() as connection:
            return inspect(connection).has_table(KeySlotCopy.__tablename__)

    def read(self) -> bytes | None:
        try:
            if not self._has_table():
                return None
            with self._engine.connect() as connection:
                row = connection.execute(
                    select(KeySlotCopy.document).where(KeySlotCopy.name == _NAME)
                ).first()
        except ENVIRONMENT_ERRORS as exc:
            raise store_error(exc) from exc
        if row is None:
            return None
        document: bytes = row[0]
        return bytes(document[:MAX_COPY_BYTES])

    def write(self, payload: bytes) -> None:
        generation = _generation_of(payload)
        try:
            if not self._has_table():
                return  # not migrated yet; the next unlock migrates and fills it
            with self._engine.connect() as connection:
                connection.info[WRITE_FLAG] = True
                with connection.begin():
                    connection.info[WRITE_FLAG] = False
                    connection.execute(delete(KeySlotCopy).where(KeySlotCopy.name == _NAME))
                    connection.execute(
                        insert(KeySlotCopy).values(
                            name=_NAME, generation=generation, document=payload
                        )
                    )
        except ENVIRONMENT_ERRORS as exc:
            raise store_error(exc) from exc


def _generation_of(payload: bytes) -> int:
    try:
        top = strict_json_loads(payload)
    except ValueError:
        raise StoreError("slots.verify_failed") from None
    generation = top.get("generation") if isinstance(top, dict) else None
    return generation if type(generation) is int else 0
