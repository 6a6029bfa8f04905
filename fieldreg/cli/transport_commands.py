"""`fieldreg transport plan|list|show|edit|assign|unassign`, `fieldreg board SCAN --transport ID`
and `fieldreg manifest TRANSPORT --pdf FILE | --csv FILE`.

`board` says what the scan means and records the boarding only when it is right; its exit status
is the outcome (BOARDING_EXIT). A manifest holds personal data: a line on stderr says so before
it is written; it is written whole or not at all, 0600, age-encrypted if asked (as `export`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Final

from fieldreg.cli.common import (
    EXIT_OK,
    Handler,
    Output,
    escaped,
    passenger_count,
    people_count,
    with_session,
)
from fieldreg.cli.encryption_options import add_encryption_options, encryption_of
from fieldreg.cli.person_text import changed_text, label, value_text
from fieldreg.core.dates import day_first
from fieldreg.core.entities import ASSISTANCE, TransportKind
from fieldreg.services.manifest_files import (
    NOTICE,
    ManifestFormat,
    build_manifest_file,
    write_manifest,
)
from fieldreg.services.session import Session
from fieldreg.services.transports import BoardingOutcome, ScanResult, TransportView

# `fieldreg board`: the exit status says what the scan meant (0: boarded, recorded).
BOARDING_EXIT: Final = {
    BoardingOutcome.BOARDED: 0,
    BoardingOutcome.NOT_ON_MANIFEST: 10,
    BoardingOutcome.VOIDED_BAND: 11,
    BoardingOutcome.DOES_NOT_WISH: 12,
    BoardingOutcome.ALREADY_BOARDED: 13,
    BoardingOutcome.UNKNOWN_CODE: 14,
}

# flag -> transport field
TRANSPORT_FLAGS: Final = {
    "kind": "kind",
    "name": "name",
    "route": "route",
    "border_crossing": "border_crossing",
    "departure": "departure",
    "receiving_party": "receiving_party",
    "capacity": "capacity",
    "point": "point",
}


def _pairs(text: str) -> tuple[str, str]:
    person, sep, value = text.partition("=")
    if not sep or not person.strip():
        raise argparse.ArgumentTypeError("PERSON=VALUE")
    return person.strip(), value.strip()


def _add_transport_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind", choices=[k.value for k in TransportKind], help="what it is (default: bus)"
    )
    parser.add_argument("--name", help="name or number, such as 'Bus 3'")
    parser.add_argument("--route", help="the route, such as 'Kharkiv - Uzhhorod'")
    parser.add_argument("--border-crossing", dest="border_crossing", help="where it crosses")
    parser.add_argument(
        "--departure", help="planned departure, DD.MM.YYYY HH:MM (or YYYY-MM-DD HH:MM)"
    )
    parser.add_argument(
        "--receiving-party", dest="receiving_party", help="who receives the passengers"
    )
    parser.add_argument("--capacity", help="number of seats")
    parser.add_argument("--point", help="where it leaves from")


def _transport_fields(args: argparse.Namespace) -> dict[str, object]:
    return {
        field: getattr(args, flag)
        for flag, field in TRANSPORT_FLAGS.items()
        if getattr(args, flag, None) is not None
    }


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("transport", parents=[common], help="buses, convoys, trains")
    tsub = p.add_subparsers(dest="transport_command", metavar="ACTION", required=True)
    q = tsub.add_parser("plan", parents=[common], help="plan a transport; prints its ID")
    _add_transport_flags(q)
    tsub.add_parser("list", parents=[common], help="list the transports")
    q = tsub.add_parser("show", parents=[common], help="a transport and its passengers")
    q.add_argument("transport_id", metavar="TRANSPORT", help="the transport's ID")
    q = tsub.add_parser("edit", parents=[common], help="change fields of a transport")
    q.add_argument("transport_id", metavar="TRANSPORT", help="the transport's ID")
    _add_transport_flags(q)
    q = tsub.add_parser("assign", parents=[common], help="put people on a transport")
    q.add_argument("transport_id", metavar="TRANSPORT", help="the transport's ID")
    q.add_argument("people", nargs="*", metavar="PERSON", help="IDs of people to put on it")
    q.add_argument("--household", action="append", default=[], help="every member of it")
    q.add_argument(
        "--seat",
        type=_pairs,
        action="append",
        default=[],
        metavar="PERSON=SEAT",
        help="a person's seat (repeat)",
    )
    q.add_argument(
        "--assist",
        type=_pairs,
        action="append",
        default=[],
        metavar="PERSON=HELP",
        help=f"help on the way, comma-separated: {', '.join(ASSISTANCE)}",
    )
    q.add_argument(
        "--escort",
        type=_pairs,
        action="append",
        default=[],
        metavar="CHILD=ADULT",
        help="the adult a child travels with",
    )
    q = tsub.add_parser("unassign", parents=[common], help="take people off a transport")
    q.add_argument("transport_id", metavar="TRANSPORT", help="the transport's ID")
    q.add_argument("people", nargs="+", metavar="PERSON", help="IDs of people to take off")

    p = sub.add_parser(
        "board",
        parents=[common],
        help="record boarding from a scanned band; the exit status says what the scan meant",
    )
    p.add_argument("scan", metavar="SCAN", help="the band's code (FR1:...) or a person's ID")
    p.add_argument("--transport", required=True, metavar="TRANSPORT", help="the transport's ID")
    p.add_argument(
        "--confirm",
        action="store_true",
        help="the person said they do not wish to go, and confirmed at the door they go",
    )

    p = sub.add_parser("manifest", parents=[common], help="a transport's manifest, PDF or CSV")
    p.add_argument("transport_id", metavar="TRANSPORT", help="the transport's ID")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", type=Path, metavar="FILE", help="write a PDF to FILE")
    target.add_argument("--csv", type=Path, metavar="FILE", help="write a CSV table to FILE")
    p.add_argument(
        "--lang",
        choices=["en", "uk", "ru"],
        default="en",
        help="the manifest's language (names always in both scripts; default: %(default)s)",
    )
    add_encryption_options(p)


def _transport_json(view: TransportView) -> dict[str, Any]:
    return {
        "id": view.transport_id,
        "fields": view.fields,
        "version": view.version,
        "passengers": [
            {
                "id": p.person_id,
                "seat": p.seat,
                "boarded": p.boarded.isoformat() if p.boarded else None,
                "assistance": list(p.assistance),
                "escort": p.escort,
            }
            for p in view.passengers
        ],
    }


def _departure_text(view: TransportView) -> str:
    return day_first(str(view.fields.get("departure") or ""))


def _transport_text(view: TransportView, session: Session) -> str:
    lines = [f"{view.transport_id}  {escaped(view.name)}  (version {view.version})"]
    # In the order `plan` takes them, not alphabetical.
    order = {name: place for place, name in enumerate(TRANSPORT_FLAGS.values())}
    shown_fields = sorted(view.fields.items(), key=lambda item: order.get(item[0], len(order)))
    for name, value in shown_fields:
        if name != "name":
            shown = day_first(str(value)) if name == "departure" else value_text(name, value)
            lines.append(f"  {label(name)}: {escaped(shown)}")
    boarded = sum(1 for p in view.passengers if p.boarded)
    lines.append(f"  passengers: {len(view.passengers)}, boarded: {boarded}")
    for p in view.passengers:
        summary = session.people.summary(p.person_id) or {}
        name = " ".join(str(summary[k]) for k in ("family_name", "given_name") if summary.get(k))
        flags = [f"seat {p.seat}"] if p.seat else []
        flags += [need.replace("_", " ") for need in p.assistance]  # "medical escort"
        if p.escort:
            flags.append(f"with {p.escort}")
        if p.boarded:
            flags.append("boarded")
        lines.append(f"    {p.person_id}  {escaped(name)}  {', '.join(flags)}".rstrip())
    return "\n".join(lines)


def _cmd_transport(session: Session, args: argparse.Namespace, out: Output) -> int:
    transports = session.transports()
    command = args.transport_command
    if command == "plan":
        transport_id = transports.plan(_transport_fields(args))
        out.result({"id": transport_id}, transport_id)
    elif command == "list":
        views = transports.all()
        out.result(
            [_transport_json(v) for v in views],
            lambda: (
                "\n".join(
                    f"{v.transport_id}  {escaped(v.name)}  {_departure_text(v)}  "
                    f"{passenger_count(len(v.passengers))}"
                    for v in views
                )
                or "No transports."
            ),
        )
    elif command == "show":
        view = transports.get(args.transport_id)
        out.result(_transport_json(view), lambda: _transport_text(view, session))
    elif command == "edit":
        changed = transports.edit(args.transport_id, _transport_fields(args))
        out.result({"changed": changed}, changed_text(changed))
    elif command == "assign":
        assigned: list[str] = []
        for household in args.household:
            assigned += transports.assign_household(args.transport_id, household)
        seats = dict(args.seat)
        people = [*args.people, *(p for p in seats if p not in args.people)]
        if people or args.assist or args.escort:
            assigned += transports.assign(
                args.transport_id,
                [*people, *(p for p, _ in [*args.assist, *args.escort] if p not in people)],
                seats,
                assistance={p: [h for h in v.split(",") if h] for p, v in args.assist},
                escorts=dict(args.escort),
            )
        out.result({"assigned": assigned}, f"{len(assigned)} assigned")
    elif command == "unassign":
        removed = transports.unassign(args.transport_id, args.people)
        out.result({"unassigned": removed}, f"{len(removed)} taken off")
    return EXIT_OK


_SAID: Final = {
    BoardingOutcome.BOARDED: "BOARDED: {name}{seat}",
    BoardingOutcome.NOT_ON_MANIFEST: "NOT ON THIS MANIFEST: {name}{others}. Nothing recorded.",
    BoardingOutcome.VOIDED_BAND: "VOIDED BAND: {name}. Nothing recorded; check their current band.",
    BoardingOutcome.DOES_NOT_WISH: "SAID THEY DO NOT WISH TO GO: {name}{seat}. Nothing "
    "recorded; ask them, and if they go, scan again with --confirm.",
    BoardingOutcome.ALREADY_BOARDED: "ALREADY BOARDED: {name}{seat}. Nothing recorded.",
    BoardingOutcome.UNKNOWN_CODE: "UNKNOWN CODE ({code}). Nothing recorded.",
}


def said(result: ScanResult) -> str:
    others = (
        f"; on {', '.join(result.other_transports)}"
        if result.other_transports
        else "; on no other transport"
    )
    return _SAID[result.outcome].format(
        name=escaped(f"{result.person_id} {result.name}".strip()),
        seat=f", seat {result.seat}" if result.seat else "",
        others=others,
        code=result.code or "",
    )


def _cmd_board(session: Session, args: argparse.Namespace, out: Output) -> int:
    result = session.transports().board_scan(args.transport, args.scan, confirmed=args.confirm)
    out.result(
        {
            "outcome": result.outcome.value,
            "person": result.person_id,
            "seat": result.seat,
            "other_transports": list(result.other_transports),
            "recorded": result.outcome is BoardingOutcome.BOARDED,
        },
        lambda: said(result),
    )
    return BOARDING_EXIT[result.outcome]


def _cmd_manifest(session: Session, args: argparse.Namespace, out: Output) -> int:
    form = ManifestFormat.PDF if args.pdf is not None else ManifestFormat.CSV
    path: Path = args.pdf if args.pdf is not None else args.csv
    built = build_manifest_file(
        session,
        args.transport_id,
        form,
        language=args.lang,
        encryption=encryption_of(args, "manifest"),
    )
    print(NOTICE.format(people=people_count(built.people)), file=sys.stderr, flush=True)
    write_manifest(path, built.content)
    manifest = built.manifest
    out.result(
        {
            "path": str(path),
            "format": form.value,
            "language": args.lang,
            "version": manifest.version,
            "passengers": built.people,
            "final": manifest.final,
            "warnings": list(manifest.warnings),
            "encrypted": built.encrypted,
        },
        lambda: "\n".join(
            [
                f"Manifest version {manifest.version} ({passenger_count(built.people)}) written to "
                f"{escaped(str(path))}" + (" (age-encrypted)" if built.encrypted else ""),
                *(f"Warning: {escaped(w)}" for w in manifest.warnings),
            ]
        ),
    )
    return EXIT_OK


COMMANDS: dict[str, Handler] = {
    "transport": with_session(_cmd_transport),
    "board": with_session(_cmd_board),
    "manifest": with_session(_cmd_manifest),
}
