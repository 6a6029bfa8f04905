"""What every CLI command module shares: output, secrets, opening the store, exit codes."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from fieldreg.cli.passphrases import ENV_NEW_PASSPHRASE, ENV_PASSPHRASE, read_secret
from fieldreg.core.errors import (
    AuthError,
    FieldregError,
    IdError,
    IntegrityError,
    NotFoundError,
    StoreError,
    TamperError,
    ValidationError,
)
from fieldreg.services import vault
from fieldreg.services.paths import DataDir, default_data_dir
from fieldreg.services.session import Session

EXIT_OK, EXIT_BUG, EXIT_USAGE, EXIT_INPUT, EXIT_AUTH, EXIT_NOT_FOUND, EXIT_STORE, EXIT_VERIFY = (
    range(8)
)


class Output:
    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def result(self, data: Any, text: str | Callable[[], str]) -> None:
        if self.as_json:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            print(text() if callable(text) else text)


Handler = Callable[[argparse.Namespace, Output], int]


def data_dir(args: argparse.Namespace) -> DataDir:
    return DataDir(args.data_dir or default_data_dir())


def passphrase(args: argparse.Namespace) -> str:
    return read_secret(file=args.passphrase_file, env=ENV_PASSPHRASE, prompt="Passphrase: ")


def new_passphrase(args: argparse.Namespace) -> str:
    return read_secret(
        file=args.new_passphrase_file,
        env=ENV_NEW_PASSPHRASE,
        prompt="New passphrase: ",
        confirm=True,
    )


def open_session(args: argparse.Namespace) -> Session:
    return vault.open_session(data_dir(args), operator=args.operator, passphrase=passphrase(args))


def with_session(
    action: Callable[[Session, argparse.Namespace, Output], int],
) -> Callable[[argparse.Namespace, Output], int]:
    def run(args: argparse.Namespace, out: Output) -> int:
        session = open_session(args)
        try:
            return action(session, args, out)
        finally:
            session.lock()

    return run


def exit_code_for(error: FieldregError) -> int:
    if isinstance(error, (ValidationError, IdError)):
        return EXIT_INPUT
    if isinstance(error, AuthError):
        return EXIT_AUTH
    if isinstance(error, NotFoundError):
        return EXIT_NOT_FOUND
    if isinstance(error, (TamperError, IntegrityError)):
        return EXIT_VERIFY
    if isinstance(error, StoreError):
        return EXIT_STORE
    return EXIT_INPUT
