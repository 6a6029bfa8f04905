"""`fieldreg band ...`: print wristbands and tags, list the stocks, read a scanned code, and the
printing settings.

`band parse` needs no store: it says what a scanned text resolves to, or why it is refused,
without unlocking anything (a desk can check a scanner's keyboard layout before anyone logs in).
With `--lookup` it unlocks the store and also says whether the person is registered here and
whether the band is current, voided or unknown.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from fieldreg.cli.common import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    Handler,
    Output,
    open_session,
    store_dir,
    with_session,
)
from fieldreg.cli.person_text import value_text
from fieldreg.core.errors import IdError, NotFoundError
from fieldreg.core.messages import counted, describe
from fieldreg.services import band_codes, bands, print_options
from fieldreg.services.print_options import BAND_OUTPUTS, MAX_TAG_COPIES, SHOWABLE
from fieldreg.services.session import Session

KEYBOARDS = {
    "latin": "",
    "layout": " (typed through a Cyrillic keyboard layout)",
    "lookalike": " (Cyrillic letters read as the Latin ones they look like)",
}


def _copies(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a whole number") from None
    if not 1 <= value <= MAX_TAG_COPIES:
        raise argparse.ArgumentTypeError(f"1 to {MAX_TAG_COPIES}")
    return value


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("band", parents=[common], help="wristbands and tags")
    actions = p.add_subparsers(dest="band_command", metavar="ACTION", required=True)

    q = actions.add_parser(
        "print",
        parents=[common],
        help="print bands (or tags) for people or whole households; reprinting voids old bands",
    )
    q.add_argument("ids", nargs="+", metavar="ID", help="person or household ID, or a scanned code")
    q.add_argument("--stock", help="label stock (default: the one in the settings; see `stocks`)")
    output = q.add_mutually_exclusive_group(required=True)
    output.add_argument("--pdf", type=Path, metavar="FILE", help="write a PDF")
    output.add_argument("--zpl", type=Path, metavar="FILE", help="write ZPL (band stocks)")
    output.add_argument("--printer", metavar="QUEUE", help="send to a print queue")
    q.add_argument(
        "--via",
        choices=BAND_OUTPUTS,
        help="how bands reach --printer: raw ZPL or PDF through the system driver "
        "(default: the settings' choice)",
    )
    q.add_argument("--copies", type=_copies, metavar="N", help="tags per person on a sheet")

    actions.add_parser("stocks", parents=[common], help="list the label stocks")

    q = actions.add_parser(
        "parse", parents=[common], help="what a scanned or typed code resolves to, or why not"
    )
    q.add_argument("text", metavar="TEXT", help="what the scanner typed, or an ID")
    q.add_argument(
        "--lookup", action="store_true", help="unlock the store: is the person and band known?"
    )

    q = actions.add_parser("settings", parents=[common], help="show or change printing settings")
    q.add_argument("--stock", dest="set_stock", metavar="STOCK", help="default stock")
    q.add_argument("--printer", dest="set_printer", metavar="QUEUE", help="default print queue")
    q.add_argument("--via", dest="set_via", choices=BAND_OUTPUTS, help="how bands reach a queue")
    q.add_argument(
        "--show",
        dest="set_show",
        metavar="FIELDS",
        help=f"fields besides the ID, comma-separated, from: {', '.join(SHOWABLE)} "
        "(empty: the ID alone)",
    )
    q.add_argument(
        "--tag-copies", dest="set_tag_copies", type=_copies, metavar="N", help="tags per person"
    )
    q.add_argument(
        "--zpl-font",
        dest="set_zpl_font",
        metavar="FONT",
        help="printer font for names, e.g. E:X.TTF",
    )
    q.add_argument(
        "--child-band-under",
        dest="set_child_band_under",
        type=int,
        metavar="AGE",
        help="people younger than AGE get the child band unless --stock is given (0: never)",
    )
    q.add_argument("--reset", action="store_true", help="back to the defaults")


def _cmd_band(args: argparse.Namespace, out: Output) -> int:
    action = args.band_command
    if action == "stocks":
        return _stocks(args, out)
    if action == "parse":
        return _parse(args, out)
    if action == "settings":
        return _settings(args, out)
    return with_session(_print)(args, out)


def _print(session: Session, args: argparse.Namespace, out: Output) -> int:
    destination: bands.Destination
    if args.pdf is not None:
        destination = bands.PdfFile(args.pdf)
    elif args.zpl is not None:
        destination = bands.ZplFile(args.zpl)
    else:
        settings = bands.load_print_settings(session.data_dir)
        via = args.via or settings.band_output
        destination = bands.PrinterQueue(args.printer, system=via == "system")
    result = bands.print_labels(
        session,
        args.ids,
        destination,
        stock_name=args.stock,
        copies=args.copies,
        by_age=args.stock is None,  # children get child bands unless a stock is named
    )

    def text() -> str:
        lines = []
        for index, (stock, people) in enumerate(result.stocks.items()):
            path = args.pdf or args.zpl
            if path is not None and index:
                path = bands.child_file(path)  # the child bands of a mixed household
            verb = "Printed" if args.printer else f"Wrote {path}:"
            count = (
                counted(len(people), "band", "bands")
                if result.bands
                else counted(result.labels, "tag", "tags")  # tags: one job
            )
            lines.append(f"{verb} {count} on {stock} for {', '.join(people)}.")
        if result.job:
            lines.append(f"Print job: {result.job}")
        if result.bands:
            lines.append(f"Issued: {', '.join(result.bands)}")
        if result.voided:
            lines.append(f"Voided: {', '.join(result.voided)}")
        return "\n".join(lines)

    out.result(asdict(result), text)
    return EXIT_OK


def _stocks(args: argparse.Namespace, out: Output) -> int:
    default = bands.load_print_settings(store_dir(args)).stock
    rows = [
        {
            "name": s.name,
            "title": s.title,
            "dpi": s.dpi,
            "zpl": s.is_band,
            "default": s.name == default,
        }
        for s in print_options.stock_choices()
    ]
    out.result(
        rows,
        lambda: "\n".join(
            f"{'*' if r['default'] else ' '} {r['name']:16} {r['title']}" for r in rows
        ),
    )
    return EXIT_OK


def _parse(args: argparse.Namespace, out: Output) -> int:
    scan = band_codes.read_code(args.text)
    data: dict[str, Any] = {
        "person_id": scan.person_id,
        "band_no": scan.band_no,
        "band_id": scan.band_id,
        "payload": scan.payload,
        "keyboard": scan.keyboard,
    }
    lines = [_describe_scan(scan)]
    status = EXIT_OK
    if args.lookup:
        session = open_session(args)
        try:
            result = session.search(args.text)
        finally:
            session.lock()
        data["known"] = result.exact_id is not None
        data["warning"] = result.band_warning
        if result.id_error == "id.unknown":
            lines.append(describe(NotFoundError("id.unknown")))
            status = EXIT_NOT_FOUND
        elif result.id_error is not None:  # the search reads it as read_code does
            raise IdError(result.id_error)
        elif result.band_warning:
            lines.append(describe(IdError(result.band_warning)))
        else:
            lines.append("Registered here" + ("; the band is current." if scan.band_no else "."))
    out.result(data, "\n".join(lines))
    return status


def _describe_scan(scan: band_codes.ScannedCode) -> str:
    what = f"band {scan.band_no} of {scan.person_id}" if scan.band_no else scan.person_id
    kind = "fieldreg code" if scan.payload else "typed ID"
    return f"{kind}: {what}{KEYBOARDS[scan.keyboard]}"


def _settings(args: argparse.Namespace, out: Output) -> int:
    directory = store_dir(args)
    if args.reset:
        settings = print_options.default_print_settings()
    else:
        settings = bands.load_print_settings(directory)
    changes: dict[str, object] = {}
    if args.set_stock is not None:
        changes["stock"] = args.set_stock
    if args.set_printer is not None:
        changes["printer"] = args.set_printer or None
    if args.set_via is not None:
        changes["band_output"] = args.set_via
    if args.set_show is not None:
        changes["shown"] = [name.strip() for name in args.set_show.split(",") if name.strip()]
    if args.set_tag_copies is not None:
        changes["tag_copies"] = args.set_tag_copies
    if args.set_zpl_font is not None:
        changes["zpl_text_font"] = args.set_zpl_font
    if args.set_child_band_under is not None:
        changes["child_band_under"] = args.set_child_band_under
    if changes:
        settings = settings.changed(**changes)
    if changes or args.reset:
        bands.save_print_settings(directory, settings)
    data = asdict(settings)
    out.result(
        data, lambda: "\n".join(f"{key}: {value_text(key, value)}" for key, value in data.items())
    )
    return EXIT_OK


COMMANDS: dict[str, Handler] = {"band": _cmd_band}
