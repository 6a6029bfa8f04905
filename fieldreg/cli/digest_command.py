"""`fieldreg digest`: the state digest of the store (people, notes, households, every device's log
position; services.sync_service.state_digest). Two machines that hold the same events print the
same digest whatever order the events arrived in, so a coordinator and a second coordinator (or
an auditor) compare what they hold by reading 64 characters aloud, without exchanging personal
data. Exit status: 0 printed, 4 wrong passphrase or operator, 6 no store or a store problem."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from fieldreg.cli.common import EXIT_OK, Handler, Output, with_session
from fieldreg.services import sync_service as sync
from fieldreg.services.session import Session

EXPLANATION = (
    "State digest of this store: equal on two machines exactly when they hold the same people, "
    "notes, households and device logs."
)


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "digest", parents=[common], help="print the state digest, to compare two stores"
    )
    p.epilog = (
        "The digest (64 hex characters) goes to stdout, a line explaining it to stderr; "
        '--json prints {"digest": ...}. It carries no personal data.'
    )


def _cmd_digest(session: Session, args: argparse.Namespace, out: Output) -> int:
    digest = sync.state_digest(session)
    if not out.as_json:
        print(EXPLANATION, file=sys.stderr)
    out.result({"digest": digest}, digest)
    return EXIT_OK


COMMANDS: dict[str, Handler] = {"digest": with_session(_cmd_digest)}
