"""The options every command that writes personal data to a file shares: age encryption to a
passphrase (from a file, $FIELDREG_EXPORT_PASSPHRASE or a prompt) or to X25519 recipients."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldreg.cli.passphrases import read_secret
from fieldreg.core.errors import ValidationError
from fieldreg.services.exports import Encryption

ENV_EXPORT_PASSPHRASE = "FIELDREG_EXPORT_PASSPHRASE"


def add_encryption_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encrypt",
        action="store_true",
        help=f"age-encrypt to a passphrase (from --encrypt-passphrase-file, "
        f"${ENV_EXPORT_PASSPHRASE} or a prompt)",
    )
    parser.add_argument(
        "--encrypt-passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"the passphrase is in FILE (else ${ENV_EXPORT_PASSPHRASE}, or a prompt)",
    )
    parser.add_argument(
        "--recipient",
        "--encrypt-to",
        dest="recipient",
        action="append",
        default=[],
        metavar="AGE1...",
        help="age-encrypt to this X25519 recipient (repeat for several)",
    )


def encryption_of(args: argparse.Namespace, what: str) -> Encryption | None:
    """The encryption the options ask for (None: none); `what` names the file in the prompt."""
    if args.recipient:
        if args.encrypt or args.encrypt_passphrase_file:
            raise ValidationError("encryption", "export.encryption_both")
        return Encryption(recipients=tuple(args.recipient))
    if not (args.encrypt or args.encrypt_passphrase_file):
        return None
    passphrase = read_secret(
        file=args.encrypt_passphrase_file,
        env=ENV_EXPORT_PASSPHRASE,
        prompt=f"Passphrase for the {what}: ",
        confirm=True,
    )
    return Encryption(passphrase=passphrase)
