"""Typed, expected failures.

Every error a user can cause or meet (bad input, wrong passphrase, a full disk, a hostile file)
is a `FieldregError` with a stable `code` and `params`. The front ends turn the code into
translated text in exactly one place (`fieldreg.core.messages`); anything else is a bug.
Params never carry personal data: they name fields, limits and opaque ids only.
"""

from __future__ import annotations

import errno


class FieldregError(Exception):
    """An expected failure, identified by a stable code."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params: dict[str, object] = params

    def __str__(self) -> str:
        if not self.params:
            return self.code
        details = ", ".join(f"{key}={value}" for key, value in sorted(self.params.items()))
        return f"{self.code} ({details})"


class ValidationError(FieldregError):
    """A value a person typed or a file carried is not acceptable; names the field."""

    def __init__(self, field: str, code: str, **params: object) -> None:
        super().__init__(code, field=field, **params)
        self.field = field


class IdError(FieldregError):
    """A typed or scanned ID is malformed or its check character does not match."""


class AuthError(FieldregError):
    """Wrong passphrase or recovery key, unknown operator, or the store is locked."""


class TamperError(FieldregError):
    """A sealed value does not open: wrong row, wrong field, wrong key, or altered bytes."""


class StoreError(FieldregError):
    """The environment failed: disk full, database locked, I/O error, newer schema."""


class NotFoundError(FieldregError):
    """No record with that id."""


class IntegrityError(FieldregError):
    """The event log or the store failed a consistency check."""


class LockedError(AuthError):
    """The store is locked: the key and every decrypted value were dropped; unlock first."""

    CODE = "store.locked"

    def __init__(self) -> None:
        super().__init__(self.CODE)


class Cancelled(FieldregError):
    """The person stopped a long task; what was committed before it stays."""

    CODE = "task.cancelled"

    def __init__(self) -> None:
        super().__init__(self.CODE)


def os_error_reason(exc: OSError) -> str:
    """A stable, non-personal name for an OSError, such as "ENOSPC", for an error's `reason`."""
    return errno.errorcode.get(exc.errno, "unknown") if exc.errno else type(exc).__name__
