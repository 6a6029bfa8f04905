"""The rosters the hub serves: one batch for every enrolled device (roster_service.roster_files)
when the hub starts and again, at most once a period, after bundles were applied; GET /v1/roster
answers with the newest file of the asking device. Built on a thread of its own, beside the
intake: a batch reads every person, and uploads must not wait for it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Final

from fieldreg.core.errors import FieldregError
from fieldreg.services import roster_service
from fieldreg.services.session import Session

PERIOD_S: Final = 60.0
LOG: Final = logging.getLogger("fieldreg.hub")


class Rosters:
    def __init__(
        self,
        session: Session,
        network_passphrase: str,
        changes: Callable[[], int],
        *,
        period: float = PERIOD_S,
    ) -> None:
        """`changes()`: a count that grows whenever bundles are applied (a new batch is due)."""
        self._session = session
        self._passphrase = network_passphrase
        self._changes = changes
        self._period = period
        self._files: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._built_at_change: int | None = None
        self._thread = threading.Thread(target=self._run, name="hub-rosters", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=60)

    @property
    def built_once(self) -> bool:
        """Whether a batch has been built since the start (until then GET /v1/roster is 404)."""
        return self._built_at_change is not None

    def newest(self, device_id: str) -> bytes | None:
        with self._lock:
            return self._files.get(device_id)

    def build(self) -> None:
        """One batch for every device, kept in memory (no file is written); on a failure the
        previous files stay served."""
        change = self._changes()
        try:
            sealed = roster_service.roster_files(self._session, network_passphrase=self._passphrase)
        except FieldregError as error:
            LOG.warning("rosters not built: %s", error.code)
            return
        files = {item.device_id: item.data for item in sealed}
        with self._lock:
            self._files.update(files)
        self._built_at_change = change

    def _run(self) -> None:
        self.build()
        while not self._stop.wait(self._period):
            if self._changes() != self._built_at_change:
                self.build()
