"""What every CLI command module shares: output, secrets, opening the store, exit codes."""

from __future__ import annotations

import argparse
import json
import os
import unicodedata
from collections.abc import Callable
from pathlib import Path
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
from fieldreg.core.messages import counted
from fieldreg.services import vault
from fieldreg.services.paths import DataDir, default_data_dir, is_postgresql_url
from fieldreg.services.session import Session

EXIT_OK, EXIT_BUG, EXIT_USAGE, EXIT_INPUT, EXIT_AUTH, EXIT_NOT_FOUND, EXIT_STORE, EXIT_VERIFY = (
    range(8)
)
EXIT_INTERRUPTED = 128 + 2  # Ctrl+C, as a process killed by SIGINT
EXIT_BROKEN_PIPE = 128 + 13  # the reader went away, as a process killed by SIGPIPE


def escaped(text: str) -> str:
    """`text` safe to print on a terminal and to put in JSON: a name from a stick may hold
    escape sequences, line breaks, bidi overrides or bytes that are not UTF-8 (which Python
    keeps as lone surrogates); each becomes a visible \\xNN or \\uNNNN."""
    if text.isascii() and text.isprintable():
        return text
    out = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, kept by surrogateescape
            out.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(char) in _UNPRINTABLE:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


# Controls, format characters (bidi overrides, zero widths), line separators, surrogates,
# private use and unassigned code points.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def people_count(count: int) -> str:
    """A count of people in a sentence: "1 person", "2 people", "1,200 people"."""
    return counted(count, "person", "people")


def passenger_count(count: int) -> str:
    """ "1 passenger", "40 passengers"."""
    return counted(count, "passenger", "passengers")


def shown_path(path: Path | str) -> str:
    """A path as the user gave it (links not resolved), escaped for the terminal."""
    return escaped(os.fspath(path))


class Output:
    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def result(self, data: Any, text: str | Callable[[], str]) -> None:
        if self.as_json:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            print(text() if callable(text) else text)


Handler = Callable[[argparse.Namespace, Output], int]

GLOBAL_OPTIONS_NOTE = (
    "These options may come before or after the command (and after its action); "
    "given in both places, the one after the command wins."
)


def global_options(*, defaults: bool) -> argparse.ArgumentParser:
    """The options every command takes, as a parent parser.

    Only the top-level parser holds their defaults (`defaults=True`). The copies in the commands'
    parsers default to SUPPRESS: argparse parses a command into a namespace of its own and copies
    every attribute back, so a real default there would overwrite what was given before the
    command (`fieldreg --data-dir X init` went to the default store)."""

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("global options", GLOBAL_OPTIONS_NOTE)
    group.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        default=default(None),
        help=f"the store's folder (default: {default_data_dir()})",
    )
    group.add_argument(
        "--store",
        type=_store_url,
        metavar="URL",
        default=default(None),
        help="keep the coordinator's store in PostgreSQL (postgresql://user@host/db); the key "
        "slots, settings and quarantine stay in --data-dir (docs/postgresql.md)",
    )
    group.add_argument(
        "--operator",
        metavar="NAME",
        default=default(None),
        help="operator name (needed when several share the laptop)",
    )
    group.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        default=default(None),
        help=f"read the passphrase from a file (or set {ENV_PASSPHRASE}; else it is asked for)",
    )
    group.add_argument(
        "--json",
        action="store_true",
        default=default(False),
        help="print results as JSON",
    )
    group.add_argument(
        "--portable",
        action="store_true",
        default=default(False),
        help="keep the store, settings and logs in fieldreg-data/ beside the application "
        "(as a file named 'portable' there does) and write nothing to the user profile",
    )
    return parent


def _store_url(untrusted: str) -> str:
    url = untrusted.strip()
    if not is_postgresql_url(url):
        raise argparse.ArgumentTypeError("expected a PostgreSQL URL: postgresql://user@host/db")
    return url


def data_dir(args: argparse.Namespace) -> DataDir:
    """The store folder the options name (and the server, with --store), whether or not a
    store is there yet."""
    return DataDir(args.data_dir or default_data_dir(), getattr(args, "store", None))


def require_store(directory: DataDir) -> DataDir:
    """`directory` if it holds a store; else a StoreError naming the folder (exit status 6).
    Checked before any secret is asked for, and never answered with another store."""
    if not directory.exists():
        raise StoreError("cli.no_store", path=_shown(directory.root))
    return directory


def store_dir(args: argparse.Namespace) -> DataDir:
    """The folder of the store a command works on; it must exist."""
    return require_store(data_dir(args))


def new_store_dir(args: argparse.Namespace) -> DataDir:
    """The folder for a store about to be created; it must not hold one yet."""
    directory = data_dir(args)
    if directory.db.exists() and not directory.slots.exists():  # not "exists": its keys are gone
        raise StoreError("store.keys_missing", folder=_shown(directory.root))
    if directory.slots.exists() or directory.db.exists():  # a server is checked by init itself
        raise StoreError("cli.store_exists", path=_shown(directory.root))
    return directory


def _shown(path: Path) -> str:
    return shown_path(path.absolute())  # as typed, made absolute; links are not resolved


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
    directory = store_dir(args)
    return vault.open_session(directory, operator=args.operator, passphrase=passphrase(args))


def _why_gone(session: Session, missing: NotFoundError) -> NotFoundError:
    """'No person with ID K7-0042-0' becomes why, where this store dropped them: erased at the
    coordinator's request, or moved to the coordinator (retention), as a scan at the desk says."""
    person_id = missing.params.get("id")
    if missing.code != "person.not_found" or not isinstance(person_id, str):
        return missing
    from fieldreg.services.erasure import tombstone_notice  # only then: the CLI starts lighter

    notice = tombstone_notice(session, person_id)
    return missing if notice is None else NotFoundError(notice, id=person_id)


def with_session(
    action: Callable[[Session, argparse.Namespace, Output], int],
) -> Callable[[argparse.Namespace, Output], int]:
    def run(args: argparse.Namespace, out: Output) -> int:
        session = open_session(args)
        try:
            return action(session, args, out)
        except NotFoundError as missing:
            raise _why_gone(session, missing) from None
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


def os_error(exc: OSError) -> StoreError:
    """An OSError no command expected (a folder that cannot be created, a file that cannot be
    read) as one sentence naming the path: a store or disk problem, exit status 6."""
    reason = exc.strerror or type(exc).__name__
    if exc.filename is not None:
        return StoreError(
            "cli.path_unusable", path=shown_path(os.fsdecode(exc.filename)), reason=reason
        )
    return StoreError("cli.system_error", reason=reason)
