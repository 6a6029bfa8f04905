"""`fieldreg export csv|xlsx|pfif`: people to a file for the coordinator, with chosen columns and
filters, optionally age-encrypted. The file holds personal data: a line on stderr says so before
it is written; it is written whole or not at all (services.exports)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from fieldreg.cli.common import EXIT_OK, Handler, Output, people_count, with_session
from fieldreg.cli.encryption_options import add_encryption_options, encryption_of
from fieldreg.core.entities import Need, Status
from fieldreg.core.errors import ValidationError
from fieldreg.services import exports
from fieldreg.services.session import Session

NOTICE = (
    "This export holds the personal data of {people}. Keep {path} only where it must be, "
    "hand it over encrypted where you can, and delete it when it has served."
)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a date as YYYY-MM-DD") from None


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a whole number of days") from None
    if not 1 <= value <= 3650:
        raise argparse.ArgumentTypeError("1 to 3650 days")
    return value


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="people to CSV, XLSX or PFIF 1.4")
    formats = p.add_subparsers(dest="export_format", metavar="FORMAT", required=True)
    for name, text in (
        ("csv", "a CSV table (UTF-8), chosen columns"),
        ("xlsx", "an XLSX workbook, typed columns, frozen header"),
        ("pfif", "PFIF 1.4: people who consented to tracing, status changes as notes"),
    ):
        q = formats.add_parser(name, parents=[common], help=text)
        q.add_argument("--out", type=Path, required=True, metavar="FILE", help="file to write")
        if name != "pfif":
            q.add_argument(
                "--columns",
                type=_names,
                default=list(exports.DEFAULT_COLUMNS),
                help="comma-separated columns (default: %(default)s); see docs/exports.md",
            )
        else:
            q.add_argument("--domain", help="domain of the record ids (default: the network's)")
            q.add_argument(
                "--expiry-days",
                type=_days,
                default=None,
                help="records expire this many days after the export (default: the network's "
                f"retention period, else {exports.PFIF_EXPIRY_DAYS})",
            )
        q.add_argument("--status", type=_names, default=[], help="only these statuses (a,b,...)")
        q.add_argument("--point", action="append", default=[], help="only this point (repeat)")
        q.add_argument("--need", type=_names, default=[], help="only people with these needs")
        q.add_argument("--from", dest="since", type=_day, help="registered on or after YYYY-MM-DD")
        q.add_argument("--to", dest="until", type=_day, help="registered on or before YYYY-MM-DD")
        q.add_argument("--transport", metavar="ID", help="only the passengers of this transport")
        add_encryption_options(q)


def _filter(args: argparse.Namespace) -> exports.PeopleFilter:
    for status in args.status:
        if status not in {s.value for s in Status}:
            raise ValidationError("status", "validation.choice")
    for need in args.need:
        if need not in {n.value for n in Need}:
            raise ValidationError("needs", "validation.choice")
    return exports.PeopleFilter(
        statuses=frozenset(args.status),
        points=frozenset(args.point),
        needs=frozenset(args.need),
        registered_from=args.since,
        registered_to=args.until,
    )


def _cmd_export(session: Session, args: argparse.Namespace, out: Output) -> int:
    request = exports.ExportRequest(
        format=exports.ExportFormat(args.export_format),
        columns=tuple(getattr(args, "columns", exports.DEFAULT_COLUMNS)),
        filter=_filter(args),
        encryption=encryption_of(args, "export"),
        domain=getattr(args, "domain", None),
        expiry_days=getattr(args, "expiry_days", None),
        transport=args.transport,
    )
    built = exports.build_export(session, request)
    path: Path = args.out
    print(NOTICE.format(people=people_count(built.people), path=path), file=sys.stderr, flush=True)
    exports.write_export(path, built.content)
    out.result(
        {
            "path": str(path),
            "format": request.format.value,
            "people": built.people,
            "encrypted": built.encrypted,
        },
        f"{built.people} people written to {path}"
        + (" (age-encrypted)" if built.encrypted else ""),
    )
    return EXIT_OK


COMMANDS: dict[str, Handler] = {"export": with_session(_cmd_export)}
