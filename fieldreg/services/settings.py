"""Settings of the desk application: `settings.json` in the data folder, 0600, written atomically.

Only choices the program offers live here (language, idle minutes, printer options of other
features), never personal data: no recent searches, no names. The file is read as untrusted: a
value of the wrong kind or out of range falls back to its default, a damaged file to all defaults.
"""

from __future__ import annotations

import json
import re
import secrets
from pathlib import Path
from typing import Final

from fieldreg.core.errors import StoreError, os_error_reason
from fieldreg.crypto.durable_file import fsync_dir, read_limited, write_new_file
from fieldreg.crypto.encoding import strict_json_loads
from fieldreg.services.paths import DataDir, ensure_private_dir

FILE_NAME: Final = "settings.json"
MAX_BYTES: Final = 64 * 1024
LANGUAGES: Final = ("system", "en", "uk", "ru")
IDLE_MINUTES_MIN: Final = 1
IDLE_MINUTES_MAX: Final = 240
DEFAULT_IDLE_MINUTES: Final = 5
_KEY: Final = re.compile(r"^[a-z][a-z0-9_.]{0,63}$")
_PIN: Final = re.compile(r"[0-9a-f]{64}")
HUB_ADDRESS_MAX: Final = 260

JsonValue = str | int | float | bool | None | list["JsonValue"] | dict[str, "JsonValue"]


class Settings:
    """The settings of one data folder; `save()` makes changes durable."""

    def __init__(self, path: Path, values: dict[str, JsonValue] | None = None) -> None:
        self.path = path
        self._values: dict[str, JsonValue] = dict(values or {})

    @classmethod
    def load(cls, data_dir: DataDir) -> Settings:
        path = data_dir.root / FILE_NAME
        try:
            untrusted = read_limited(path, MAX_BYTES)
        except OSError:
            untrusted = None  # unreadable: run on defaults rather than refuse to start
        values: dict[str, JsonValue] = {}
        if untrusted is not None and len(untrusted) <= MAX_BYTES:
            try:
                parsed = strict_json_loads(untrusted)
            except (ValueError, RecursionError):
                parsed = None
            if isinstance(parsed, dict):
                values = {k: v for k, v in parsed.items() if isinstance(k, str) and _KEY.match(k)}
        return cls(path, values)

    # --- the settings this application knows ----------------------------------------------

    @property
    def language(self) -> str:
        value = self._values.get("language")
        return value if isinstance(value, str) and value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._values["language"] = value

    @property
    def idle_lock_minutes(self) -> int:
        value = self._values.get("idle_lock_minutes")
        if type(value) is int and IDLE_MINUTES_MIN <= value <= IDLE_MINUTES_MAX:
            return value
        return DEFAULT_IDLE_MINUTES

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, value: int) -> None:
        if type(value) is not int or not IDLE_MINUTES_MIN <= value <= IDLE_MINUTES_MAX:
            raise ValueError("idle minutes out of range")
        self._values["idle_lock_minutes"] = value

    @property
    def hub_address(self) -> str:
        """HOST:PORT of the coordinator's hub, or "" (this laptop syncs by files only)."""
        value = self._values.get("hub_address")
        return value if isinstance(value, str) and 0 < len(value) <= HUB_ADDRESS_MAX else ""

    @hub_address.setter
    def hub_address(self, value: str) -> None:
        if len(value) > HUB_ADDRESS_MAX:
            raise ValueError("hub address too long")
        self._values["hub_address"] = value

    @property
    def hub_certificate_sha256(self) -> str:
        """The pinned SHA-256 of the hub's TLS certificate (64 hex digits), or ""."""
        value = self._values.get("hub_certificate_sha256")
        return value if isinstance(value, str) and _PIN.fullmatch(value) else ""

    @hub_certificate_sha256.setter
    def hub_certificate_sha256(self, value: str) -> None:
        if value and not _PIN.fullmatch(value):
            raise ValueError("a pin is 64 lower-case hex digits")
        self._values["hub_certificate_sha256"] = value

    # --- other features' settings -----------------------------------------------------------

    def get(self, key: str, default: JsonValue = None) -> JsonValue:
        """A feature's own setting; the feature checks its kind, since the file is untrusted."""
        return self._values.get(key, default)

    def set(self, key: str, value: JsonValue) -> None:
        if not _KEY.match(key):
            raise ValueError(f"bad settings key {key!r}")
        json.dumps(value, allow_nan=False)  # refuses what the file could not hold
        self._values[key] = value

    def save(self) -> None:
        """Write to a new private file beside the old one, sync it, then rename over it; a
        failure (disk full, read-only) leaves the previous file and raises StoreError."""
        payload = json.dumps(self._values, ensure_ascii=False, indent=2, sort_keys=True).encode()
        if len(payload) > MAX_BYTES:
            raise ValueError("settings too large")
        try:
            directory = ensure_private_dir(self.path.parent)
            temporary = directory / f".{FILE_NAME}.{secrets.token_hex(6)}.tmp"
            try:
                write_new_file(temporary, payload)
                temporary.replace(self.path)
            finally:
                temporary.unlink(missing_ok=True)
            fsync_dir(directory)
        except OSError as exc:
            raise StoreError("settings.io", reason=os_error_reason(exc)) from None
