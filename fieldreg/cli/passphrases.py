"""Where the CLI gets secrets from: a file, the environment (for scripts) or a prompt."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from fieldreg.core.errors import FieldregError

MAX_SECRET_FILE = 4096
ENV_PASSPHRASE = "FIELDREG_PASSPHRASE"
ENV_NEW_PASSPHRASE = "FIELDREG_NEW_PASSPHRASE"
ENV_RECOVERY_KEY = "FIELDREG_RECOVERY_KEY"


def _from_file(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            untrusted = handle.read(MAX_SECRET_FILE + 1)
    except OSError as exc:
        raise FieldregError("cli.secret_file", path=str(path)) from exc
    if len(untrusted) > MAX_SECRET_FILE:
        raise FieldregError("cli.secret_file", path=str(path))
    try:
        text = untrusted.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FieldregError("cli.secret_file", path=str(path)) from exc
    return text.rstrip("\r\n")


def read_secret(*, file: Path | None, env: str, prompt: str, confirm: bool = False) -> str:
    if file is not None:
        return _from_file(file)
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise FieldregError("cli.no_secret", env=env)
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat: ") != first:
        raise FieldregError("cli.secrets_differ")
    return first
