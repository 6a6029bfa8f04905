"""Erasure and retention on the command line.

    fieldreg erase request ID --reason CODE [--note TEXT]   coordinator, operator 1
    fieldreg erase confirm REQUEST-ID                       coordinator, ANOTHER operator
    fieldreg erase cancel REQUEST-ID
    fieldreg erase list
    fieldreg retention show | run | days [N | off]

Exit status: 0 done; 3 refused (a reason not in the list, the same operator confirming, a laptop
asked to erase, a request no longer pending, retention days out of range); 4 wrong passphrase or
operator; 5 no such person or request; 6 store problem (see the README's table).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from fieldreg.cli.common import EXIT_OK, Handler, Output, with_session
from fieldreg.cli.person_text import value_text
from fieldreg.core.dates import day_first
from fieldreg.core.events import ERASURE_REASONS
from fieldreg.core.messages import counted
from fieldreg.services import erasure, retention
from fieldreg.services.session import Session


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "erase", parents=[common], help="erase a person (coordinator, two operators)"
    )
    esub = p.add_subparsers(dest="erase_command", metavar="ACTION", required=True)
    q = esub.add_parser("request", parents=[common], help="ask for a person to be erased")
    q.add_argument("person_id", metavar="ID", help="the person's ID")
    q.add_argument(
        "--reason",
        required=True,
        choices=ERASURE_REASONS,
        help="why: " + ", ".join(ERASURE_REASONS),
    )
    q.add_argument("--note", default="", help="a short note (sealed; dropped once confirmed)")
    q = esub.add_parser(
        "confirm", parents=[common], help="erase: confirm another operator's request"
    )
    q.add_argument("request_id", metavar="REQUEST-ID", help="the ID 'erase request' printed")
    q = esub.add_parser("cancel", parents=[common], help="withdraw a pending request")
    q.add_argument("request_id", metavar="REQUEST-ID", help="the ID 'erase request' printed")
    esub.add_parser("list", parents=[common], help="requests waiting for confirmation")

    p = sub.add_parser("retention", parents=[common], help="purge people who left (laptop)")
    rsub = p.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    rsub.add_parser("show", parents=[common], help="the setting and who is due")
    rsub.add_parser("run", parents=[common], help="purge everyone due now")
    q = rsub.add_parser(
        "days", parents=[common], help="coordinator: set the network's retention period"
    )
    q.add_argument("days", metavar="N|off", help="days after leaving, or 'off'")


def _day(ms: int) -> str:
    return dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC).date().isoformat()


def _cmd_erase(session: Session, args: argparse.Namespace, out: Output) -> int:
    command = args.erase_command
    if command == "request":
        made = erasure.request_erasure(session, args.person_id, args.reason, args.note)
        out.result(
            {"request_id": made.request_id, "person_id": made.person_id, "reason": made.reason},
            f"{made.request_id}\nErasure of {made.person_id} requested; another operator "
            f"confirms it with: fieldreg erase confirm {made.request_id}",
        )
    elif command == "confirm":
        person_id = erasure.confirm_erasure(session, args.request_id)
        out.result({"erased": person_id}, f"{person_id} erased.")
    elif command == "cancel":
        erasure.cancel_erasure(session, args.request_id)
        out.result({"cancelled": args.request_id}, f"Request {args.request_id} cancelled.")
    else:
        pending = erasure.pending_erasures(session)
        rows = [
            {
                "request_id": r.request_id,
                "person_id": r.person_id,
                "reason": r.reason,
                "note": r.note,
                "requested_by": r.requested_by,
                "requested": _day(r.requested_ms),
            }
            for r in pending
        ]
        lines = [
            f"{r.request_id}  {r.person_id}  {r.reason.replace('_', ' ')}  {r.requested_by}  "
            f"{day_first(_day(r.requested_ms))}  {r.note}".rstrip()
            for r in pending
        ]
        out.result(rows, "\n".join(lines) or "No erasure waiting for confirmation.")
    return EXIT_OK


def _cmd_retention(session: Session, args: argparse.Namespace, out: Output) -> int:
    command = args.retention_command
    if command == "days":
        wanted = None if args.days.strip().lower() == "off" else _days(args.days)
        days = retention.set_retention_days(session, wanted)
        out.result({"retention_days": days}, f"Retention: {_days_text(days)}.")
        return EXIT_OK
    if command == "run":
        purged = retention.run_retention(session)
        out.result(
            {"purged": [d.person_id for d in purged]},
            "\n".join(d.person_id for d in purged) + f"\n{len(purged)} purged."
            if purged
            else "Nobody is due.",
        )
        return EXIT_OK
    state = retention.retention_state(session)
    data = {
        "retention_days": state.days,
        "acknowledged_up_to": state.acknowledged,
        "due": [
            {"person_id": d.person_id, "status": d.status, "left": _day(d.left_ms)}
            for d in state.due
        ],
    }
    lines = [
        f"Retention: {_days_text(state.days)}.",
        f"The coordinator holds this laptop's events up to {state.acknowledged}.",
        *(
            f"{d.person_id}  {value_text('status', d.status)}  {day_first(_day(d.left_ms))}"
            for d in state.due
        ),
        f"{len(state.due)} due.",
    ]
    out.result(data, "\n".join(lines))
    return EXIT_OK


def _days(text: str) -> int:
    return retention.check_days(int(text)) if text.strip().isdigit() else retention.check_days(-1)


def _days_text(days: int | None) -> str:
    return "off" if days is None else f"{counted(days, 'day', 'days')} after a person left"


COMMANDS: dict[str, Handler] = {
    "erase": with_session(_cmd_erase),
    "retention": with_session(_cmd_retention),
}
