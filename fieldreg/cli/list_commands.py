"""`fieldreg list import|show|match|confirm|reject|report`: lists of sought persons (issue 14 §2).

An import reads the file strictly and stores it sealed, whole or not at all. A CSV or XLSX list
needs its columns confirmed: without `--map`, the proposal made from the header is printed and
nothing is imported; `--map family=Прізвище,given=Ім'я,...` (or `--accept-proposed`) imports it.
A report holds personal data: a line on stderr says so before it is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from fieldreg.cli.common import EXIT_INPUT, EXIT_OK, Handler, Output, escaped, with_session
from fieldreg.cli.encryption_options import add_encryption_options, encryption_of
from fieldreg.core.dates import day_first
from fieldreg.core.errors import ValidationError
from fieldreg.services import reconciliation
from fieldreg.services.reconciliation import ENCODINGS, FORMATS, MAPPING_FIELDS
from fieldreg.services.session import Session

LIST_HELP = "the list's id ('list show' prints it)"
NOTICE = (
    "This report holds personal data (people named: {found}). Keep {path} only where it must "
    "be, hand it over encrypted where you can, and delete it when it has served."
)
PROTECTION_NOTICE = (
    "{path} is INTERNAL, for the protection officer only (people found without consent to "
    "tracing: {count}). Never give it to the list's owner."
)


def _format_of(path: Path, given: str | None) -> str:
    if given:
        return given
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "xml":
        return "pfif"
    return suffix if suffix in FORMATS else "csv"


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "list", parents=[common], help="lists of sought persons: import, match, report"
    )
    actions = p.add_subparsers(dest="list_command", metavar="ACTION", required=True)
    q = actions.add_parser("import", parents=[common], help="import a CSV, XLSX or PFIF 1.4 list")
    q.add_argument("file", type=Path, metavar="FILE", help="the list (.csv, .xlsx, .xml)")
    q.add_argument("--format", choices=FORMATS, help="default: from the file's name")
    q.add_argument("--name", default="", help="what to call the list")
    q.add_argument("--source", default="", help="who sent it")
    q.add_argument("--owner", default="", help="whom the report answers")
    q.add_argument(
        "--map",
        metavar="FIELD=COLUMN,...",
        help=f"the columns of a CSV or XLSX list; fields: {', '.join(MAPPING_FIELDS)}",
    )
    q.add_argument(
        "--accept-proposed", action="store_true", help="import with the mapping proposed"
    )
    q.add_argument(
        "--encoding",
        choices=ENCODINGS,
        default="utf-8",
        help="a CSV list's encoding (default: %(default)s)",
    )
    actions.add_parser("show", parents=[common], help="the lists, with counts")
    q = actions.add_parser("match", parents=[common], help="candidates for every sought person")
    q.add_argument("list_id", metavar="LIST", help=LIST_HELP)
    for name, text in (("confirm", "this person is the one sought"), ("reject", "not this one")):
        q = actions.add_parser(name, parents=[common], help=text)
        q.add_argument("list_id", metavar="LIST", help=LIST_HELP)
        q.add_argument("entry", type=int, metavar="ENTRY", help="the entry number 'match' shows")
        q.add_argument("person_id", metavar="PERSON", help="the person's ID")
    q = actions.add_parser("report", parents=[common], help="the answer to the list's owner")
    q.add_argument("list_id", metavar="LIST", help=LIST_HELP)
    q.add_argument("--pdf", type=Path, metavar="FILE", help="the report as PDF")
    q.add_argument("--csv", type=Path, metavar="FILE", help="the report as CSV")
    q.add_argument(
        "--protection-csv",
        type=Path,
        metavar="FILE",
        help="INTERNAL: people found without consent to tracing, for the protection officer",
    )
    add_encryption_options(q)


def _cmd_import(session: Session, args: argparse.Namespace, out: Output) -> int:
    path: Path = args.file
    fmt = _format_of(path, args.format)
    mapping: str | dict[str, int] | None = args.map
    if fmt != "pfif" and mapping is None:
        preview = reconciliation.preview(path, fmt, args.encoding)  # type: ignore[arg-type]
        proposed = {f: preview.header[c] for f, c in preview.proposal.items()}
        if not args.accept_proposed:
            text = ",".join(f"{f}={c}" for f, c in proposed.items())
            out.result(
                {"imported": False, "header": list(preview.header), "proposed": proposed},
                f"{preview.rows} lines; columns: {escaped(', '.join(preview.header))}\n"
                f"Proposed mapping: {escaped(text) or '(none)'}\n"
                "Nothing imported: confirm with --accept-proposed or give --map.",
            )
            return EXIT_INPUT
        mapping = preview.proposal
    info = reconciliation.import_list(
        session,
        path,
        fmt=fmt,  # type: ignore[arg-type]
        name=args.name,
        source=args.source,
        owner=args.owner,
        mapping=mapping,
        encoding=args.encoding,
    )
    out.result(
        {"imported": True, "list": info.list_id, "entries": info.entries},
        f"List {info.list_id}: {info.entries} sought persons imported",
    )
    return EXIT_OK


def _cmd_show(session: Session, args: argparse.Namespace, out: Output) -> int:
    found = reconciliation.lists(session)

    def text() -> str:
        if not found:
            return "No lists."
        return "\n".join(
            f"{i.list_id}  {escaped(i.name)}  received {day_first(i.received)}  "
            f"{i.entries} sought, {i.confirmed} found"
            for i in found
        )

    out.result(
        [
            {
                "list": i.list_id,
                "name": i.name,
                "source": i.source,
                "owner": i.owner,
                "received": i.received,
                "entries": i.entries,
                "confirmed": i.confirmed,
            }
            for i in found
        ],
        text,
    )
    return EXIT_OK


def _cmd_match(session: Session, args: argparse.Namespace, out: Output) -> int:
    matches = reconciliation.match(session, args.list_id)
    data = []
    lines = []
    for m in matches:
        candidates = [
            {
                "person": c.person_id,
                "label": c.label,
                "score": round(c.comparison.score, 1),
                "fields": {f.role: f.verdict for f in c.comparison.fields},
                "sex": c.sex,
            }
            for c in m.candidates
        ]
        data.append(
            {
                "entry": m.entry_no,
                "reference": m.entry.reference,
                "confirmed": m.confirmed,
                "candidates": candidates,
            }
        )
        name = " ".join(n for n in (m.entry.family, m.entry.given, m.entry.patronymic) if n)
        shown = "; ".join(f"{c['person']} {c['label']} {c['score']}" for c in candidates)
        mark = f" [confirmed {m.confirmed}]" if m.confirmed else ""
        lines.append(f"{m.entry_no:>6}  {escaped(name)}{mark}: {shown or 'no candidate'}")
    out.result(data, lambda: "\n".join(lines) or "The list is empty.")
    return EXIT_OK


def _decide(decision: reconciliation.Decision) -> Handler:
    def run(session: Session, args: argparse.Namespace, out: Output) -> int:
        reconciliation.decide(session, args.list_id, args.entry, args.person_id, decision)
        out.result(
            {"list": args.list_id, "entry": args.entry, "person": args.person_id,
             "decision": decision},
            f"Entry {args.entry}: {args.person_id} {decision}",
        )  # fmt: skip
        return EXIT_OK

    return with_session(run)


def _cmd_report(session: Session, args: argparse.Namespace, out: Output) -> int:
    wanted: list[tuple[reconciliation.ReportFormat, Path | None]] = [
        ("pdf", args.pdf),
        ("csv", args.csv),
        ("protection_csv", args.protection_csv),
    ]
    targets = [(fmt, path) for fmt, path in wanted if path is not None]
    if not targets:
        raise ValidationError("report", "lists.report_target")
    encryption = encryption_of(args, "report")
    content = reconciliation.report_content(session, args.list_id)
    written = []
    for fmt, path in targets:
        built = reconciliation.build_report(content, fmt, encryption)
        if fmt == "protection_csv":
            notice = PROTECTION_NOTICE.format(
                path=path, count=built.counts["found_without_consent"]
            )
        else:
            notice = NOTICE.format(found=built.counts["found"], path=path)
        print(notice, file=sys.stderr, flush=True)
        reconciliation.write_report(path, built)
        written.append(str(path))
    counts = reconciliation.report_counts(content)
    out.result(
        {"written": written, **counts, "encrypted": encryption is not None},
        f"{counts['sought']} sought: {counts['found']} found and named, "
        f"{counts['found_without_consent']} found without consent (not named), "
        f"{counts['not_found']} not found; written to {', '.join(written)}",
    )
    return EXIT_OK


def _cmd_list(session: Session, args: argparse.Namespace, out: Output) -> int:
    handler = _HANDLERS[args.list_command]
    return handler(session, args, out)


_HANDLERS = {
    "import": _cmd_import,
    "show": _cmd_show,
    "match": _cmd_match,
    "report": _cmd_report,
}


def _cmd_list_any(args: argparse.Namespace, out: Output) -> int:
    if args.list_command in ("confirm", "reject"):
        return _decide("confirmed" if args.list_command == "confirm" else "rejected")(args, out)
    return with_session(_cmd_list)(args, out)


COMMANDS: dict[str, Handler] = {"list": _cmd_list_any}
