"""The `fieldreg` command line.

Exit codes (documented in the README):
  0 success · 1 unexpected error (a bug: see the log) · 2 usage · 3 invalid input ·
  4 wrong passphrase, recovery key or operator · 5 not found · 6 store or disk problem ·
  7 verification found problems · 130 interrupted · 141 the output's reader went away
Errors go to stderr as one sentence; `--json` prints results as JSON on stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from fieldreg.cli.common import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_STORE,
    EXIT_USAGE,
    EXIT_VERIFY,
    Handler,
    Output,
    data_dir,
    exit_code_for,
    global_options,
    new_passphrase,
    new_store_dir,
    open_session,
    os_error,
    passphrase,
    store_dir,
    with_session,
)
from fieldreg.cli.passphrases import (
    ENV_NEW_PASSPHRASE,
    ENV_PASSPHRASE,
    ENV_RECOVERY_KEY,
    read_secret,
)
from fieldreg.cli.person_text import changed_text, history_lines, label, value_text
from fieldreg.cli.second_look import print_second_look
from fieldreg.core.dates import day_first, moment_text
from fieldreg.core.entities import (
    CONSENT_FIELDS,
    FIELDS,
    HOUSEHOLD_FIELDS,
    STATUS_FIELDS,
    Kind,
    Relationship,
    Status,
)
from fieldreg.core.errors import (
    AuthError,
    FieldregError,
    IdError,
    NotFoundError,
    ValidationError,
)
from fieldreg.core.messages import FIELD_LABELS, describe
from fieldreg.services import desk_counts, household_file, key_health, vault
from fieldreg.services.build_info import build_info
from fieldreg.services.paths import DataDir
from fieldreg.services.portable import activate as activate_portable
from fieldreg.services.session import Session

# Modules adding commands of their own feature (printing, sync, ...).
EXTENSIONS: tuple[str, ...] = (
    "fieldreg.cli.sync_commands",
    "fieldreg.cli.band_commands",
    "fieldreg.cli.export_commands",
    "fieldreg.cli.digest_command",
    "fieldreg.cli.list_commands",
    "fieldreg.cli.roster_commands",
    "fieldreg.cli.hub_commands",
    "fieldreg.cli.transport_commands",
    "fieldreg.cli.erase_commands",
)

# CLI flag -> field name; one flag per field.
FIELD_FLAGS: dict[str, str] = {
    "family": "family_name",
    "given": "given_name",
    "patronymic": "patronymic",
    "latin-family": "latin_family_name",
    "latin-given": "latin_given_name",
    "latin-patronymic": "latin_patronymic",
    "sex": "sex",
    "dob": "dob",
    "origin": "origin_settlement",
    "district": "origin_district",
    "region": "origin_region",
    "country": "origin_country",
    "citizenship": "citizenship",
    "document-type": "document_type",
    "document-number": "document_number",
    "phone": "phone",
    "languages": "languages",
    "needs": "needs",
    "needs-note": "needs_note",
    "consent-data": "consent_data",
    "consent-tracing": "consent_tracing",
    "wishes-evacuation": "wishes_evacuation",
}


# The command that changes a field `edit` does not (services.field_input.EDITABLE).
_OWN_COMMAND: Final = {
    **dict.fromkeys(STATUS_FIELDS, "status"),
    **dict.fromkeys(CONSENT_FIELDS, "consent"),
    **dict.fromkeys(HOUSEHOLD_FIELDS, "household link"),
}


# What each kind of field takes, where its label alone does not say it.
_KIND_HINTS: dict[Kind, str] = {
    Kind.DOB: "a date such as 31.12.1980, a year such as 1980, or an age such as ~45",
    Kind.PHONE: "5 to 15 digits, optionally after a +",
    Kind.LANGUAGES: "codes such as uk, ru, en, comma-separated",
}


def _add_field_flags(parser: argparse.ArgumentParser, *, editing: bool = False) -> None:
    """The fields' options; `editing`: for `edit`, whose help leaves out the fields another
    command changes (given all the same, they are refused naming that command)."""
    for flag, name in FIELD_FLAGS.items():
        if editing and name in _OWN_COMMAND:
            parser.add_argument(f"--{flag}", dest=f"field_{name}", help=argparse.SUPPRESS)
            continue
        spec = FIELDS[name]
        helptext = FIELD_LABELS.get(name, name)
        if spec.choices:
            several = "; several, comma-separated" if spec.kind is Kind.CHOICES else ""
            helptext += f": {', '.join(spec.choices)}{several}"
        elif spec.kind in _KIND_HINTS:
            helptext += f": {_KIND_HINTS[spec.kind]}"
        parser.add_argument(f"--{flag}", dest=f"field_{name}", metavar="VALUE", help=helptext)


def _fields_from(args: argparse.Namespace) -> dict[str, object]:
    return {
        name: getattr(args, f"field_{name}")
        for name in FIELD_FLAGS.values()
        if getattr(args, f"field_{name}", None) is not None
    }


class _VersionAction(argparse.Action):
    """`--version`: fieldreg's version and commit, the Qt and Python it runs on (read only when
    asked: a source checkout asks git)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)
        self.help = "print the version, commit, Qt and Python versions and exit"

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(build_info().line())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    common = global_options(defaults=False)
    parser = argparse.ArgumentParser(
        prog="fieldreg",
        description="Offline registration of evacuees. "
        "Without a command, starts the desk application.",
        epilog="`fieldreg COMMAND --help` describes a command. Exit status: 0 done, 1 a bug "
        "(see the log), 2 wrong usage, 3 invalid input, 4 wrong passphrase, recovery key or "
        "operator, 5 not found, 6 store or disk problem (no store in the folder, for one), "
        "7 verification found problems, 130 interrupted, 141 the output's reader went away.",
        parents=[global_options(defaults=True)],
    )
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    person_id = "the person's ID (as printed on the band)"
    relationships = ", ".join(r.value for r in Relationship)

    p = sub.add_parser("init", parents=[common], help="create a new store on this laptop")
    p.add_argument("--point", required=True, help="name of the reception point")
    p.add_argument("--prefix", help="ID prefix assigned by the coordinator (default: provisional)")
    p.epilog = (
        f"--operator names the first operator (required). The new passphrase is read from "
        f"--passphrase-file, else {ENV_PASSPHRASE}, else asked for twice."
    )

    p = sub.add_parser("register", parents=[common], help="register a person; prints the new ID")
    _add_field_flags(p)
    p.add_argument("--household", metavar="ID", help="an existing household to add the person to")
    p.add_argument(
        "--new-household", action="store_true", help="start a household with this person"
    )
    p.add_argument(
        "--relationship",
        metavar="VALUE",
        help=f"relationship to the household's head ({relationships})",
    )

    p = sub.add_parser("edit", parents=[common], help="change fields of a person")
    p.epilog = (
        'An empty value ("") clears a field. Consents have their own command (fieldreg '
        "consent), and so do the status (fieldreg status) and the household (fieldreg household "
        "link)."
    )
    p.add_argument("id", metavar="ID", help=person_id)
    _add_field_flags(p, editing=True)

    p = sub.add_parser("consent", parents=[common], help="record consents of a person")
    p.add_argument("id", metavar="ID", help=person_id)
    for flag in ("consent-data", "consent-tracing", "wishes-evacuation"):
        p.add_argument(
            f"--{flag}",
            dest=f"field_{FIELD_FLAGS[flag]}",
            choices=["yes", "no", "undecided"],
            help=FIELD_LABELS[FIELD_FLAGS[flag]],
        )

    p = sub.add_parser("show", parents=[common], help="show a person")
    p.add_argument("id", metavar="ID", help=person_id)

    p = sub.add_parser("search", parents=[common], help="find people by name, date of birth or ID")
    p.add_argument(
        "query", metavar="QUERY", help="names in any script, a year or date of birth, or an ID"
    )
    p.add_argument(
        "--limit", type=int, default=10, metavar="N", help="at most this many (default: 10)"
    )

    p = sub.add_parser("status", parents=[common], help="record what happened to a person")
    p.add_argument("id", metavar="ID", help=person_id)
    statuses = [s.value for s in Status]
    p.add_argument(
        "status", choices=statuses, metavar="STATUS", help=f"what happened: {', '.join(statuses)}"
    )
    p.add_argument("--transport", help="bus, convoy or vehicle (required for departed)")
    p.add_argument("--location", help="where the person is now")
    p.add_argument("--note", help="a note recorded with the status")

    p = sub.add_parser("note", parents=[common], help="add a note to a person")
    p.add_argument("id", metavar="ID", help=person_id)
    p.add_argument("text", metavar="TEXT", help="the note")

    p = sub.add_parser(
        "history", parents=[common], help="what happened to a person, and who recorded it"
    )
    p.add_argument("id", metavar="ID", help=person_id)

    p = sub.add_parser("household", parents=[common], help="households")
    hsub = p.add_subparsers(dest="household_command", metavar="ACTION", required=True)
    hsub.add_parser("create", parents=[common], help="create an empty household; prints its ID")
    q = hsub.add_parser(
        "register",
        parents=[common],
        help="register a whole household at once (all or nothing); prints its ID, then the new IDs",
        description=household_file.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    q.add_argument("members", type=Path, help="the members file (JSON, see above); - reads stdin")
    q = hsub.add_parser("link", parents=[common], help="add a person to a household")
    q.add_argument("id", metavar="ID", help=person_id)
    q.add_argument("household", metavar="HOUSEHOLD", help="the household's ID")
    q.add_argument(
        "--relationship", required=True, metavar="VALUE", help=f"to the head ({relationships})"
    )
    q = hsub.add_parser("unlink", parents=[common], help="take a person out of their household")
    q.add_argument("id", metavar="ID", help=person_id)

    p = sub.add_parser("operator", parents=[common], help="operators of this laptop")
    osub = p.add_subparsers(dest="operator_command", metavar="ACTION", required=True)
    q = osub.add_parser("add", parents=[common], help="add an operator with their own passphrase")
    q.add_argument("--name", required=True, help="the new operator's name")
    _add_new_passphrase_flag(q, "the new operator's passphrase")
    osub.add_parser("list", parents=[common], help="list operators (needs no passphrase)")

    p = sub.add_parser("passphrase", parents=[common], help="passphrases")
    psub = p.add_subparsers(dest="passphrase_command", metavar="ACTION", required=True)
    q = psub.add_parser("change", parents=[common], help="change your passphrase")
    _add_new_passphrase_flag(q, "the new passphrase")

    p = sub.add_parser(
        "recover", parents=[common], help="unlock with the recovery key and set a new passphrase"
    )
    p.add_argument(
        "--recovery-key-file",
        type=Path,
        metavar="FILE",
        help=f"read the recovery key from a file (or set {ENV_RECOVERY_KEY}; else it is asked for)",
    )
    _add_new_passphrase_flag(p, "the new passphrase")

    sub.add_parser(
        "verify", parents=[common], help="check integrity, the event chain and every sealed value"
    )
    sub.add_parser("stats", parents=[common], help="counts by status and need")
    for module in _extensions():
        module.add_parsers(sub, common)
    _finish_help(parser)
    return parser


def _add_new_passphrase_flag(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"read {what} from a file (or set {ENV_NEW_PASSPHRASE}; else it is asked for twice)",
    )


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps help at spaces only: option names such as --network-passphrase-file stay whole."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return textwrap.fill(
            " ".join(text.split()),
            width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )


def _finish_help(parser: argparse.ArgumentParser) -> None:
    """Every command and action gets the formatter, and as the description of its own --help
    the line its parent's list shows (argparse keeps the two apart)."""
    parser.formatter_class = _HelpFormatter
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for listed in action._choices_actions:
                child = action.choices[listed.dest]
                if child.description is None and listed.help:
                    child.description = listed.help[0].upper() + listed.help[1:] + "."
                _finish_help(child)


def _extensions() -> list[Any]:
    """Command modules of other features; each has `add_parsers(sub, common)` and `COMMANDS`."""
    return [importlib.import_module(name) for name in EXTENSIONS]


def _format_person(view: Any) -> str:
    lines = [f"{view.person_id}"]
    for name, value in view.fields.items():
        lines.append(f"  {label(name)}: {value_text(name, value)}")
    if view.registered:
        lines.append(f"  Registered: {moment_text(view.registered)}")
    if view.household_members:
        lines.append(f"  Household members: {', '.join(view.household_members)}")
    for name, values in view.conflicts.items():
        competing = " | ".join(value_text(name, value) for value in values)
        lines.append(f"  CONFLICT {label(name)}: {competing}")
    for note in view.notes:
        lines.append(f"  Note {moment_text(note.when)}: {note.text}")
    return "\n".join(lines)


def _cmd_init(args: argparse.Namespace, out: Output) -> int:
    if not args.operator:
        raise ValidationError("operator", "validation.required")
    directory = new_store_dir(args)
    passphrase = read_secret(
        file=args.passphrase_file, env=ENV_PASSPHRASE, prompt="New passphrase: ", confirm=True
    )
    result = vault.init_store(
        directory,
        point=args.point,
        operator=args.operator,
        passphrase=passphrase,
        prefix=args.prefix,
    )
    out.result(
        {
            "recovery_key": result.recovery_key,
            "prefix": result.prefix,
            "operator_id": result.operator_id,
        },
        lambda: (
            f"Store created. IDs on this laptop start with {result.prefix}.\n\n"
            f"RECOVERY KEY (shown once; write it down and give it to the coordinator):\n\n"
            f"    {result.recovery_key}\n"
        ),
    )
    return EXIT_OK


def _cmd_register(session: Session, args: argparse.Namespace, out: Output) -> int:
    person_id = session.register(
        _fields_from(args),
        household_id=args.household,
        relationship=args.relationship,
        new_household=args.new_household,
    )
    out.result({"id": person_id}, person_id)
    print_second_look(session, [person_id])
    return EXIT_OK


def _cmd_edit(session: Session, args: argparse.Namespace, out: Output) -> int:
    changed = session.update(args.id, _fields_from(args))
    out.result({"changed": changed}, changed_text(changed))
    return EXIT_OK


def _cmd_consent(session: Session, args: argparse.Namespace, out: Output) -> int:
    changed = session.record_consent(args.id, _fields_from(args))
    out.result({"changed": changed}, changed_text(changed))
    return EXIT_OK


def _cmd_show(session: Session, args: argparse.Namespace, out: Output) -> int:
    view = session.person(args.id)
    data = {
        "id": view.person_id,
        "fields": view.fields,
        "registered": view.registered,
        "conflicts": view.conflicts,
        "notes": [{"when": n.when, "text": n.text} for n in view.notes],
        "household_members": view.household_members,
        "bands": view.bands,
    }
    out.result(data, lambda: _format_person(view))
    return EXIT_OK


def _cmd_search(session: Session, args: argparse.Namespace, out: Output) -> int:
    result = session.search(args.query, limit=max(1, min(args.limit, 100)))
    if result.id_error:
        raise (
            IdError(result.id_error)
            if result.id_error != "id.unknown"
            else NotFoundError("id.unknown")
        )
    hits = [
        {
            "id": h.person_id,
            "score": round(h.score, 1),
            "reasons": list(h.reasons),
            "fields": h.fields,
        }
        for h in result.hits
    ]

    def text() -> str:
        if not hits:
            return "No match."
        rows = []
        for h in result.hits:
            f = h.fields
            name = " ".join(
                str(f.get(k) or "") for k in ("family_name", "given_name", "patronymic")
            ).strip()
            dob = value_text("dob", f.get("dob")) if f.get("dob") else ""
            status = value_text("status", f.get("status")) if f.get("status") else ""
            rows.append(f"{h.person_id:12} {h.score:5.1f}  {name}  {dob}  [{status}]")
        return "\n".join(rows)

    out.result(hits, text)
    return EXIT_OK


def _cmd_status(session: Session, args: argparse.Namespace, out: Output) -> int:
    session.set_status(
        args.id, args.status, transport=args.transport, location=args.location, note=args.note
    )
    out.result(
        {"id": args.id.upper(), "status": args.status},
        f"{label('status')}: {value_text('status', args.status)}",
    )
    return EXIT_OK


def _cmd_note(session: Session, args: argparse.Namespace, out: Output) -> int:
    session.add_note(args.id, args.text)
    out.result({"ok": True}, "Note added.")
    return EXIT_OK


def _cmd_history(session: Session, args: argparse.Namespace, out: Output) -> int:
    entries = session.history(args.id)
    data = [
        {
            "when": e.when,
            "operator": e.operator,
            "device": e.device_id[:12],
            "type": e.type,
            "changes": e.changes,
        }
        for e in entries
    ]
    out.result(data, lambda: "\n".join(history_lines(entries)))
    return EXIT_OK


def _cmd_household(session: Session, args: argparse.Namespace, out: Output) -> int:
    if args.household_command == "create":
        household_id = session.create_household()
        out.result({"id": household_id}, household_id)
    elif args.household_command == "register":
        new, linked = household_file.parse_members(
            household_file.read_members_file(args.members, sys.stdin.buffer)
        )
        saved = session.register_household(new, linked)
        data = {"household": saved.household_id, "new": saved.new_ids}
        out.result(data, "\n".join([saved.household_id, *saved.new_ids]))
        print_second_look(session, [*saved.new_ids, *(person_id for person_id, _ in linked)])
    elif args.household_command == "link":
        session.link_member(args.id, args.household, args.relationship)
        out.result({"ok": True}, "Linked.")
        print_second_look(session, [args.id])
    else:
        session.unlink_member(args.id)
        out.result({"ok": True}, "Unlinked.")
    return EXIT_OK


def _cmd_operator(args: argparse.Namespace, out: Output) -> int:
    if args.operator_command == "list":
        infos = vault.operators(store_dir(args))
        out.result(
            [{"id": o.operator_id, "name": o.label} for o in infos],
            "\n".join(o.label for o in infos),
        )
        return EXIT_OK
    session = open_session(args)
    try:
        new = read_secret(
            file=args.new_passphrase_file,
            env=ENV_NEW_PASSPHRASE,
            prompt=f"Passphrase for {args.name}: ",
            confirm=True,
        )
        operator_id = vault.add_operator(session, label=args.name, passphrase=new)
    finally:
        session.lock()
    out.result({"operator_id": operator_id}, "Operator added.")
    return EXIT_OK


def _cmd_passphrase(args: argparse.Namespace, out: Output) -> int:
    directory = store_dir(args)
    old = passphrase(args)
    new = new_passphrase(args)
    vault.change_passphrase(
        directory, operator=args.operator, old_passphrase=old, new_passphrase=new
    )
    out.result({"ok": True}, "Passphrase changed.")
    return EXIT_OK


def _cmd_recover(args: argparse.Namespace, out: Output) -> int:
    directory = store_dir(args)
    key = read_secret(file=args.recovery_key_file, env=ENV_RECOVERY_KEY, prompt="Recovery key: ")
    new = new_passphrase(args)
    vault.recover(directory, recovery_key=key, operator=args.operator, new_passphrase=new)
    out.result({"ok": True}, "New passphrase set. The old one no longer works.")
    return EXIT_OK


def _cmd_verify(session: Session, args: argparse.Namespace, out: Output) -> int:
    report = session.verify()
    keys = key_health.repair_key_copies(session)  # names each bad key copy and rewrites it
    data = {
        "ok": report.ok and not keys,
        "key_copies": [{"copy": k.copy, "code": k.code, "repaired": k.repaired} for k in keys],
        "integrity": report.integrity,
        "events": report.events,
        "people": report.people,
        "notes": report.notes,
        "problems": [{"code": c, **p} for c, p in report.problems],
        "notices": [{"code": c, **p} for c, p in report.notices],
    }

    def sentences(found: list[tuple[str, dict[str, object]]]) -> str:
        return "".join(f"\n  {describe(FieldregError(c, **p))}" for c, p in found)

    out.result(
        data,
        lambda: (
            f"integrity_check: {report.integrity}\n"
            f"events: {report.events}  people: {report.people}  notes: {report.notes}"
            + "".join(f"\nKEYS: {describe(k.error())}" for k in keys)
            + (f"\nNOTE:{sentences(report.notices)}" if report.notices else "")
            + (
                "\nOK: every derived record matches the event log, every sealed value opens."
                + (
                    " Only the key copies above were damaged, and they are repaired."
                    if keys
                    else ""
                )
                if report.ok
                else f"\nPROBLEMS:{sentences(report.problems)}"
            )
        ),
    )
    return EXIT_OK if report.ok and not keys else EXIT_VERIFY


def _cmd_stats(session: Session, args: argparse.Namespace, out: Output) -> int:
    s = session.stats()
    figures = desk_counts.dashboard_figures(session)  # the desk's dashboard shows the same numbers
    data = {
        "total": s.total,
        "registered_today": s.registered_today,
        "households": s.households,
        "with_needs": s.with_needs,
        "by_status": figures.by_status,
        "by_need": figures.by_need,
        "by_point": figures.by_point,
        "by_day": figures.by_day,
        "by_transport": [t.as_json() for t in figures.by_transport],
    }
    out.result(
        data,
        lambda: "\n".join(
            [
                f"people: {s.total}",
                f"registered today: {s.registered_today}",
                f"households: {s.households}",
                f"with needs: {s.with_needs}",
            ]
            + [f"status {value_text('status', k)}: {v}" for k, v in s.by_status.items()]
            + [f"need {value_text('needs', k)}: {v}" for k, v in s.by_need.items()]
            + [f"point {k}: {v}" for k, v in figures.by_point.items()]
            + [f"day {day_first(k)}: {v}" for k, v in figures.by_day.items()]
            + [
                f"transport {t.name} ({t.transport_id}, "
                f"{day_first(t.departure) or 'no departure'}): "
                f"{t.assigned} assigned, {t.boarded} boarded, {t.no_shows} no-shows"
                for t in figures.by_transport
            ]
        ),
    )
    return EXIT_OK


COMMANDS: dict[str, Handler] = {
    "init": _cmd_init,
    "register": with_session(_cmd_register),
    "edit": with_session(_cmd_edit),
    "consent": with_session(_cmd_consent),
    "show": with_session(_cmd_show),
    "search": with_session(_cmd_search),
    "status": with_session(_cmd_status),
    "note": with_session(_cmd_note),
    "history": with_session(_cmd_history),
    "household": with_session(_cmd_household),
    "operator": _cmd_operator,
    "passphrase": _cmd_passphrase,
    "recover": _cmd_recover,
    "verify": with_session(_cmd_verify),
    "stats": with_session(_cmd_stats),
}


def _handlers() -> dict[str, Handler]:
    handlers = dict(COMMANDS)
    for module in _extensions():
        handlers.update(module.COMMANDS)
    return handlers


def _in_cli_terms(error: FieldregError) -> FieldregError:
    """The desk's wording of an error, where the command line needs another: an option to use."""
    if error.code == "auth.choose_operator":
        return AuthError("cli.choose_operator", option=error.params.get("option", "--operator"))
    if isinstance(error, ValidationError) and error.code == "validation.not_editable":
        command = _OWN_COMMAND.get(error.field)
        if command is not None:
            return ValidationError(error.field, "cli.not_editable", command=command)
    return error


def run(argv: Sequence[str], start_desk: Callable[[DataDir], int] | None = None) -> int:
    """One command; with none, `start_desk` on the store folder (the desk application, given
    by `fieldreg.__main__`, so that the CLI never imports the ui), else the usage."""
    os.umask(0o077)  # everything this process creates is private
    parser = build_parser()
    args = parser.parse_args(list(argv))
    portable = activate_portable(forced=args.portable)  # before anything writes or Qt starts
    if portable is not None and args.data_dir is None:
        args.data_dir = portable
    out = Output(args.json)
    if args.command is None:
        if start_desk is None:
            parser.print_usage(sys.stderr)
            return EXIT_USAGE
        return start_desk(data_dir(args))
    try:
        code = _handlers()[args.command](args, out)
        sys.stdout.flush()  # here, where a closed pipe is caught, not at the interpreter's exit
        return code
    except BrokenPipeError:
        # The reader stopped reading (`fieldreg search X | head -1`): not an error of ours, and
        # nothing must be written to the closed pipe when Python flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except FieldregError as error:
        return _fail(describe(_in_cli_terms(error)), exit_code_for(error))
    except OSError as error:
        # A folder that cannot be created (`--data-dir /proc/x`), a file that cannot be read.
        return _fail(describe(os_error(error)), EXIT_STORE)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _fail(sentence: str, code: int) -> int:
    with contextlib.suppress(OSError):  # stderr closed too: the exit status still tells
        print(f"fieldreg: {sentence}", file=sys.stderr)
    return code
