"""The roster on the command line: `roster export` (coordinator), `roster import` and
`roster show` (laptop).

Exit status (the scheme of every command): 0 done; 3 a roster refused (another network's or
device's, older than the one applied, expired, altered: the current roster is kept) or an export
refused because this laptop was revoked; 6 a store or disk problem.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from fieldreg.cli.common import EXIT_OK, Handler, Output, people_count, shown_path, with_session
from fieldreg.cli.passphrases import read_secret
from fieldreg.cli.sync_commands import ENV_NETWORK_PASSPHRASE
from fieldreg.core.dates import moment_text
from fieldreg.core.messages import counted
from fieldreg.services import roster_service as rosters
from fieldreg.services.session import Session

REVOKED_TEXT = "This laptop was revoked by the coordinator: it can no longer export bundles."


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("roster", parents=[common], help="the roster (coordinator -> laptops)")
    rsub = p.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    q = rsub.add_parser(
        "export", parents=[common], help="write a roster for every enrolled device (coordinator)"
    )
    q.add_argument("--out", type=Path, default=Path(), metavar="DIR", help="folder to write to")
    q.add_argument(
        "--device",
        action="append",
        metavar="PREFIX",
        help="only this device (its prefix or the start of its id); may be repeated",
    )
    q.add_argument(
        "--full", action="store_true", help="every person, even for a device that has a roster"
    )
    q.add_argument(
        "--network-passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"read the network passphrase (the root key signs rosters) from a file (or set "
        f"{ENV_NETWORK_PASSPHRASE}; else it is asked for)",
    )
    q = rsub.add_parser("import", parents=[common], help="apply a roster on this laptop")
    q.add_argument("file", type=Path, metavar="FILE", help="the roster file")
    rsub.add_parser(
        "show", parents=[common], help="the roster applied, and what the coordinator has"
    )


def _when(value: dt.datetime | None) -> str:
    return "-" if value is None else moment_text(value, dt.UTC)


def _age(seconds: int | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86_400:
        return f"{seconds // 3600} h"
    return f"{seconds // 86_400} d"


def _cmd_roster(session: Session, args: argparse.Namespace, out: Output) -> int:
    command = args.roster_command
    if command == "export":
        written = rosters.write_rosters(
            session,
            args.out,
            args.device,
            full=args.full,
            network_passphrase=read_secret(
                file=args.network_passphrase_file,
                env=ENV_NETWORK_PASSPHRASE,
                prompt="Network passphrase: ",
            ),
        )
        out.result(
            [
                {
                    "path": shown_path(w.path),
                    "device_id": w.device_id,
                    "prefix": w.prefix,
                    "version": w.version,
                    "full": w.full,
                    "revoked": w.revoked,
                    "people": w.people,
                    "tombstones": w.tombstones,
                    "bytes": w.size,
                }
                for w in written
            ],
            "\n".join(
                f"{shown_path(w.path)}: {w.prefix}, version {w.version}, "
                + ("revoked" if w.revoked else ("full" if w.full else "changes"))
                + f", {w.people} people, {w.tombstones} erased"
                for w in written
            )
            or "No devices enrolled.",
        )
        return EXIT_OK
    if command == "import":
        applied = rosters.import_roster(session, args.file)
        text = (
            f"Roster version {applied.version} applied: {people_count(applied.added)} added, "
            f"{applied.updated} updated, {applied.erased} erased, "
            f"{counted(applied.revoked_devices, 'revoked device', 'revoked devices')}; "
            f"expires {_when(applied.expires)}."
        )
        if applied.revoked:
            text += "\n" + REVOKED_TEXT
        out.result(
            {
                "version": applied.version,
                "full": applied.full,
                "added": applied.added,
                "updated": applied.updated,
                "erased": applied.erased,
                "revoked_devices": applied.revoked_devices,
                "revoked": applied.revoked,
                "expires": applied.expires.isoformat(),
            },
            text,
        )
        return EXIT_OK
    return _show(session, out)


def _events(first: int, last: int) -> str:
    return f"event {first}" if first == last else f"events {first}-{last}"


def _has_text(status: rosters.RosterStatus) -> str:
    """What the coordinator has of this laptop's log: when it was recorded here, then the
    change numbers (the JSON keeps the numbers alone)."""
    numbers = (
        f"change {status.applied_up_to} of {status.last_seq} written here, "
        f"{status.exported_up_to} exported"
    )
    if status.applied_up_to == 0:
        return f"The coordinator has nothing of this laptop yet ({numbers})."
    if status.applied_up_to_at is None:
        return f"The coordinator has this laptop's changes up to {numbers}."
    return (
        f"The coordinator has everything recorded here up to "
        f"{_when(status.applied_up_to_at)} ({numbers})."
    )


def _show(session: Session, out: Output) -> int:
    status = rosters.roster_status(session)
    waiting = status.waiting_for
    data = {
        "version": status.version,
        "created": status.created.isoformat() if status.created else None,
        "expires": status.expires.isoformat() if status.expires else None,
        "applied": status.applied.isoformat() if status.applied else None,
        "age_seconds": status.age_seconds,
        "expired": status.expired,
        "revoked": status.revoked,
        "applied_up_to": status.applied_up_to,
        "held": [list(h) for h in status.held],
        "waiting_for": list(waiting) if waiting else None,
        "exported_up_to": status.exported_up_to,
        "last_seq": status.last_seq,
        "people_from_elsewhere": status.people_from_elsewhere,
        "applied_up_to_at": (
            status.applied_up_to_at.isoformat() if status.applied_up_to_at else None
        ),
        "bundles_waiting": status.bundles_waiting,
        "unexported_since": (
            status.unexported_since.isoformat() if status.unexported_since else None
        ),
    }
    if status.version is None:
        out.result(data, "No roster applied yet.")
        return EXIT_OK
    lines = [
        f"Roster version {status.version}, written {_when(status.created)} "
        f"({_age(status.age_seconds)} ago), expires {_when(status.expires)}"
        + (" (EXPIRED)" if status.expired else ""),
        f"People from other points: {status.people_from_elsewhere}",
        _has_text(status),
    ]
    for first, last in status.held:
        lines.append(f"It holds {_events(first, last)}, waiting for the ones before them.")
    if waiting:
        lines.append(f"It still waits for {_events(*waiting)}.")
    if status.bundles_waiting:
        carry = counted(status.bundles_waiting, "exported bundle carries", "exported bundles carry")
        lines.append(f"{carry} changes it does not have yet.")
    if status.unexported_since is not None:
        lines.append(
            f"Changes recorded here since {_when(status.unexported_since)} are not exported yet."
        )
    if status.revoked:
        lines.append(REVOKED_TEXT)
    out.result(data, "\n".join(lines))
    return EXIT_OK


COMMANDS: dict[str, Handler] = {"roster": with_session(_cmd_roster)}
