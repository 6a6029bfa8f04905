"""Sync on the command line: `network`, `enroll`, `device`, `bundle`, `conflicts` and
`duplicates`.

A coordinator automates imports with `fieldreg bundle import /media/stick/*.bundle --json`; the
exit status is 0 when every file was imported (or was already there), 3 when any was rejected
(and moved to quarantine with its reason).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import Any

from fieldreg.cli.bundle_output import ProgressLine, import_report, inspection_report
from fieldreg.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_VERIFY,
    Handler,
    Output,
    escaped,
    new_passphrase,
    new_store_dir,
    require_store,
    shown_path,
    with_session,
)
from fieldreg.cli.passphrases import ENV_NEW_PASSPHRASE, ENV_PASSPHRASE, read_secret
from fieldreg.cli.person_text import value_text
from fieldreg.core.dates import moment_text
from fieldreg.core.errors import AuthError, FieldregError, ValidationError
from fieldreg.core.messages import counted, describe, pair_field_lines
from fieldreg.services import duplicates, folder_watch, hub_client, sync_desk
from fieldreg.services import enrollment_service as enroll
from fieldreg.services import sync_service as sync
from fieldreg.services.hub.certificate import certificate_fingerprint
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.services.settings import Settings

ENV_NETWORK_PASSPHRASE = "FIELDREG_NETWORK_PASSPHRASE"


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    network = argparse.ArgumentParser(add_help=False)
    network.add_argument(
        "--network-passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"read the network passphrase from a file (or set {ENV_NETWORK_PASSPHRASE}; "
        "else it is asked for)",
    )

    p = sub.add_parser("network", parents=[common], help="the sync network (coordinator)")
    nsub = p.add_subparsers(dest="network_command", metavar="ACTION", required=True)
    q = nsub.add_parser(
        "create", parents=[common, network], help="create a coordinator store with new keys"
    )
    q.add_argument("--point", required=True, help="name of the hub")
    q.add_argument(
        "--prefix",
        default=enroll.COORDINATOR_PREFIX,
        help=f"the hub's own ID prefix (default: {enroll.COORDINATOR_PREFIX})",
    )
    q.epilog = (
        "--operator names the hub's first operator (required). Two passphrases are set, each "
        "asked for twice unless given otherwise: the store's, from --passphrase-file or "
        f"{ENV_PASSPHRASE}; and the network's, which protects the root signing key and the "
        f"escrow key, from --network-passphrase-file or {ENV_NETWORK_PASSPHRASE}."
    )
    nsub.add_parser("show", parents=[common], help="network id, role and fingerprint")
    q = nsub.add_parser(
        "identity", parents=[common], help="write the bundle key as an age identity file"
    )
    q.add_argument("--out", type=Path, required=True, metavar="FILE", help="the file to write")
    q = nsub.add_parser(
        "recover-laptop",
        parents=[common, network],
        help="set a new passphrase on a laptop's store through its escrow slot",
    )
    q.add_argument("laptop_data_dir", type=Path, metavar="LAPTOP_DIR", help="the laptop's store")
    q.add_argument("--laptop-operator", metavar="NAME", help="the laptop's operator (if several)")
    q.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"read the laptop operator's new passphrase from a file (or set "
        f"{ENV_NEW_PASSPHRASE}; else it is asked for twice)",
    )

    p = sub.add_parser("enroll", parents=[common], help="enroll a laptop in the network")
    esub = p.add_subparsers(dest="enroll_command", metavar="ACTION", required=True)
    q = esub.add_parser("request", parents=[common], help="laptop: make an enrollment request")
    q.add_argument("--name", help="device name shown to the coordinator (default: the point)")
    q.add_argument("--out", type=Path, metavar="FILE", help="also write the request to this file")
    q = esub.add_parser(
        "approve", parents=[common, network], help="coordinator: sign a certificate"
    )
    q.add_argument("request", metavar="REQUEST", help="request file, or the request text itself")
    q.add_argument("--prefix", required=True, help="ID prefix to assign (2-4 symbols)")
    q.add_argument("--out", type=Path, metavar="FILE", help="also write the answer to this file")
    q.add_argument(
        "--hub-address", metavar="HOST:PORT", help="the hub the laptop will sync with (optional)"
    )
    q.add_argument(
        "--hub-cert",
        type=Path,
        metavar="FILE",
        help="the hub's certificate (hub-cert.pem), whose SHA-256 the laptop pins",
    )
    q = esub.add_parser("accept", parents=[common], help="laptop: import the coordinator's answer")
    q.add_argument("answer", metavar="ANSWER", help="answer file, or the answer text itself")
    q.add_argument("--fingerprint", help="the network fingerprint read out by the coordinator")

    p = sub.add_parser("device", parents=[common], help="enrolled devices (coordinator)")
    dsub = p.add_subparsers(dest="device_command", metavar="ACTION", required=True)
    dsub.add_parser("list", parents=[common], help="list enrolled devices")
    q = dsub.add_parser(
        "revoke", parents=[common, network], help="accept a device's bundles only up to N"
    )
    q.add_argument("device", metavar="DEVICE", help="prefix or start of the device id")
    q.add_argument(
        "--up-to", type=int, required=True, metavar="N", help="the last sequence number accepted"
    )

    p = sub.add_parser("bundle", parents=[common], help="sync bundles")
    bsub = p.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    q = bsub.add_parser("export", parents=[common], help="laptop: write new events to a bundle")
    q.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder (the stick)")
    q.add_argument("--first", type=int, help="first sequence number (default: after last export)")
    q.add_argument("--last", type=int, help="last sequence number (default: the newest)")
    q = bsub.add_parser("import", parents=[common], help="coordinator: import bundles")
    q.add_argument("files", type=Path, nargs="+", metavar="FILE", help="bundle files")
    q = bsub.add_parser("inspect", parents=[common], help="header, signature and certificate")
    q.add_argument("file", type=Path, help="the bundle file")
    q.add_argument("--root-key", help="network root key (hex) instead of opening the store")
    q = bsub.add_parser("split", parents=[common], help="parts for the age and minisign tools")
    q.add_argument("file", type=Path, help="the bundle file")
    q.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the parts")
    bsub.add_parser("quarantine", parents=[common], help="rejected bundles and why")
    bsub.add_parser("held", parents=[common], help="bundles waiting for a missing one")

    p = sub.add_parser("conflicts", parents=[common], help="concurrent edits to review")
    csub = p.add_subparsers(dest="conflicts_command", metavar="ACTION", required=True)
    csub.add_parser("list", parents=[common], help="list open conflicts")
    q = csub.add_parser("resolve", parents=[common], help="settle a conflict")
    q.add_argument("id", metavar="ID", help="the person's ID")
    q.add_argument(
        "field", metavar="FIELD", help="the field in conflict (as conflicts list shows it)"
    )
    how = q.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--pick", type=int, metavar="N", help="number of the competing value (from conflicts list)"
    )
    how.add_argument("--value", help="a new value (lists comma-separated)")

    p = sub.add_parser("sync", parents=[common], help="sync over the hub or a shared folder")
    ssub = p.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    q = ssub.add_parser("now", parents=[common], help="laptop: send new bundles to the hub")
    q.add_argument(
        "--timeout", type=float, default=20.0, metavar="S", help="seconds per request (20)"
    )
    q.epilog = (
        "Exit status 0 also when the hub is not reachable (no network is normal): the bundles "
        "wait in the outbox for the next time. 3 when the hub quarantined a bundle, 7 when the "
        "hub's certificate is not the pinned one."
    )
    q = ssub.add_parser(
        "watch", parents=[common], help="sync through DIR/inbox and DIR/outbox until Ctrl+C"
    )
    q.add_argument("folder", type=Path, metavar="DIR", help="a folder a sync tool or share keeps")
    q.add_argument(
        "--interval", type=float, default=10.0, metavar="S", help="seconds between polls (10)"
    )
    q.add_argument("--once", action="store_true", help="one poll, then exit (for cron)")
    q.add_argument(
        "--network-passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"coordinator: the network passphrase, to write rosters to DIR/outbox (or set "
        f"{ENV_NETWORK_PASSPHRASE}; without it, bundles are imported and no roster is written)",
    )

    p = sub.add_parser("duplicates", parents=[common], help="people registered twice")
    dsub = p.add_subparsers(dest="duplicates_command", metavar="ACTION", required=True)
    dsub.add_parser("find", parents=[common], help="likely pairs not marked yet, best first")
    dsub.add_parser("list", parents=[common], help="duplicate marks in force")
    for action, text in (
        ("mark", "mark ID as the same person as --of"),
        ("unmark", "undo marking ID as the same person as --of"),
    ):
        q = dsub.add_parser(action, parents=[common], help=text)
        q.add_argument("id", metavar="ID", help="the later registration")
        q.add_argument("--of", required=True, metavar="ID", help="the registration to keep")


def _network_passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    return read_secret(
        file=args.network_passphrase_file,
        env=ENV_NETWORK_PASSPHRASE,
        prompt="Network passphrase: ",
        confirm=confirm,
    )


def _hub_pin(args: argparse.Namespace) -> tuple[str, str] | None:
    """The hub an enrollment answer names, from --hub-address and --hub-cert (both or none)."""
    if args.hub_address is None and args.hub_cert is None:
        return None
    if args.hub_address is None or args.hub_cert is None:
        raise ValidationError("hub_address", "hub.pin_incomplete")
    address = hub_client.check_address(args.hub_address)
    return address, certificate_fingerprint(args.hub_cert)


def _token_argument(value: str, tag: str) -> str:
    """A token given inline (it starts with its tag) or the path of a file holding one."""
    if value.strip().startswith(tag + ":"):
        return value
    return sync_desk.read_token_file(Path(value))


def _write_text(path: Path | None, text: str) -> None:
    if path is not None:
        sync_desk.save_token_file(path, text)


# --- network ---------------------------------------------------------------------------------


def _cmd_network(args: argparse.Namespace, out: Output) -> int:
    if args.network_command == "create":
        return _network_create(args, out)
    if args.network_command == "recover-laptop":
        return with_session(_network_recover)(args, out)
    return with_session(_network_session)(args, out)


def _network_create(args: argparse.Namespace, out: Output) -> int:
    if not args.operator:
        raise ValidationError("operator", "validation.required")
    directory = new_store_dir(args)
    passphrase = read_secret(
        file=args.passphrase_file, env=ENV_PASSPHRASE, prompt="New passphrase: ", confirm=True
    )
    created = enroll.create_network(
        directory,
        point=args.point,
        operator=args.operator,
        passphrase=passphrase,
        network_passphrase=_network_passphrase(args, confirm=True),
        prefix=args.prefix,
    )
    out.result(
        {
            "network_id": created.network_id,
            "fingerprint": created.fingerprint,
            "recovery_key": created.init.recovery_key,
            "prefix": created.init.prefix,
        },
        lambda: (
            f"Coordinator store created for network {created.network_id}.\n"
            f"Network fingerprint (read it out to every laptop that enrolls): "
            f"{created.fingerprint}\n\n"
            f"RECOVERY KEY of this store (shown once; write it down):\n\n"
            f"    {created.init.recovery_key}\n"
        ),
    )
    return EXIT_OK


def _network_session(session: Session, args: argparse.Namespace, out: Output) -> int:
    if args.network_command == "identity":
        path = enroll.coordinator_identity(session, args.out)
        out.result({"path": shown_path(path)}, f"Wrote {shown_path(path)} (keep it private).")
        return EXIT_OK
    status = enroll.network_status(session)
    data = {
        "role": status.role or "not enrolled",
        "network_id": status.network_id,
        "fingerprint": status.fingerprint,
        "prefix": status.prefix,
    }
    out.result(data, "\n".join(f"{k}: {value_text(k, v)}" for k, v in data.items()))
    return EXIT_OK


def _network_recover(session: Session, args: argparse.Namespace, out: Output) -> int:
    laptop = require_store(DataDir(args.laptop_data_dir))
    try:
        enroll.recover_laptop(
            session,
            laptop,
            network_passphrase=_network_passphrase(args),
            operator=args.laptop_operator,
            new_passphrase=new_passphrase(args),
        )
    except AuthError as error:
        if error.code == "auth.choose_operator":  # the laptop's operators, not the hub's
            error.params["option"] = "--laptop-operator"
        raise
    out.result({"ok": True}, "New passphrase set on the laptop's store.")
    return EXIT_OK


# --- enroll and devices ----------------------------------------------------------------------


def _quarantined_at(untrusted: str) -> str:
    """When a file was quarantined (its reason file says, in ISO 8601), as the command line
    writes a time; anything else as it is, escaped."""
    try:
        return moment_text(dt.datetime.fromisoformat(untrusted), dt.UTC)
    except ValueError:
        return escaped(untrusted)


def _cmd_enroll(session: Session, args: argparse.Namespace, out: Output) -> int:
    if args.enroll_command == "request":
        text = enroll.enrollment_request(session, args.name)
        _write_text(args.out, text)
        out.result({"request": text}, text)
    elif args.enroll_command == "approve":
        approval = enroll.approve_request(
            session,
            _token_argument(args.request, "FRQ1"),
            prefix=args.prefix,
            network_passphrase=_network_passphrase(args),
            hub=_hub_pin(args),
        )
        _write_text(args.out, approval.answer)
        out.result(
            {"answer": approval.answer, "device_id": approval.device_id, "prefix": approval.prefix},
            approval.answer,
        )
    else:
        accepted = enroll.accept_answer(
            session, _token_argument(args.answer, "FRA1"), fingerprint=args.fingerprint
        )
        out.result(
            {"prefix": accepted.prefix, "fingerprint": accepted.fingerprint},
            f"Enrolled. New IDs start with {accepted.prefix}.\n"
            f"Network fingerprint: {accepted.fingerprint} (must match the coordinator's)",
        )
    return EXIT_OK


def _cmd_device(session: Session, args: argparse.Namespace, out: Output) -> int:
    if args.device_command == "revoke":
        device = enroll.revoke_device(
            session,
            args.device,
            up_to=args.up_to,
            network_passphrase=_network_passphrase(args),
        )
        out.result(
            {"device_id": device.device_id, "up_to": device.revoked_up_to},
            f"Device {device.prefix}: bundles accepted up to {device.revoked_up_to} only.",
        )
        return EXIT_OK
    found = enroll.devices(session)
    rows = [
        {
            "device_id": d.device_id,
            "name": d.name,
            "prefix": d.prefix,
            "epoch": d.epoch,
            "imported_up_to": d.last_seq,
            "revoked_up_to": d.revoked_up_to,
        }
        for d in found
    ]
    out.result(
        rows,
        lambda: (
            "\n".join(
                f"{d.prefix:5} {d.device_id[:12]}  up to {d.last_seq:<8} "
                + (f"REVOKED after {d.revoked_up_to}  " if d.revoked_up_to is not None else "")
                + d.name
                for d in found
            )
            or "No devices enrolled."
        ),
    )
    return EXIT_OK


# --- bundles ---------------------------------------------------------------------------------


def _cmd_bundle(args: argparse.Namespace, out: Output) -> int:
    if args.bundle_command == "split":
        paths = sync.split_bundle(args.file, args.out)
        shown = [shown_path(p) for p in paths]
        out.result(shown, "\n".join(shown))
        return EXIT_OK
    if args.bundle_command == "inspect" and args.root_key:
        try:
            root = bytes.fromhex(args.root_key)
        except ValueError:
            raise FieldregError("sync.bad_key") from None
        return _show_inspection(out, *inspection_report(args.file, root_public=root))
    return with_session(_bundle_session)(args, out)


def _bundle_session(session: Session, args: argparse.Namespace, out: Output) -> int:
    command = args.bundle_command
    if command == "export":
        exported = sync.export_bundles(session, args.out, first=args.first, last=args.last)
        out.result(
            [
                {"path": shown_path(e.path), "first": e.header.first, "last": e.header.last}
                for e in exported
            ],
            "\n".join(
                f"{shown_path(e.path)} (events {e.header.first}-{e.header.last})" for e in exported
            ),
        )
        return EXIT_OK
    if command == "import":
        return _bundle_import(session, args, out)
    if command == "inspect":
        return _show_inspection(out, *inspection_report(args.file, session=session))
    if command == "held":
        held = sync.held(session)
        out.result(
            [{"device_id": d, "first": a, "last": b} for d, a, b in held],
            "\n".join(f"{d[:12]} {a}-{b}" for d, a, b in held) or "Nothing held.",
        )
        return EXIT_OK
    entries = sync.quarantined(session)
    out.result(
        [
            {"file": shown_path(e.path), "code": e.code, "params": e.params, "when": e.when}
            for e in entries
        ],
        "\n".join(
            f"{_quarantined_at(e.when)}  {shown_path(e.path.name)}: {describe(e.error)}"
            for e in entries
        )
        or "Quarantine is empty.",
    )
    return EXIT_OK


def _bundle_import(session: Session, args: argparse.Namespace, out: Output) -> int:
    line = ProgressLine()
    try:
        files = list(args.files)
        # Several files: decrypt the next in a worker process while this one is applied.
        workers = 1 if len(files) > 2 else 0
        outcomes = sync.import_bundles(session, files, progress=line, workers=workers)
    finally:
        line.close()
    rows, text, status = import_report(outcomes)
    out.result(rows, text)
    return status


def _show_inspection(out: Output, data: dict[str, Any], text: str, ok: bool) -> int:
    out.result(data, text)
    return EXIT_OK if ok else EXIT_VERIFY


# --- conflicts -------------------------------------------------------------------------------


def _cmd_conflicts(session: Session, args: argparse.Namespace, out: Output) -> int:
    if args.conflicts_command == "resolve":
        # List fields take "a,b" as typed; validation splits them like the edit command's flags.
        sync.resolve_conflict(session, args.id, args.field, value=args.value, pick=args.pick)
        out.result({"ok": True}, "Resolved.")
        return EXIT_OK
    found = sync.conflicts(session)
    out.result(
        [{"id": c.person_id, "field": c.field, "values": c.values} for c in found],
        lambda: (
            "\n".join(
                f"{c.person_id} {c.field}: "
                + "  ".join(f"[{i}] {value_text(c.field, v)}" for i, v in enumerate(c.values))
                for c in found
            )
            or "No conflicts."
        ),
    )
    return EXIT_OK


# --- duplicates ------------------------------------------------------------------------------


def _cmd_duplicates(session: Session, args: argparse.Namespace, out: Output) -> int:
    command = args.duplicates_command
    if command == "mark":
        added = duplicates.mark(session, args.id, args.of)
        out.result({"ok": True, "added": added}, "Marked." if added else "Already marked.")
        return EXIT_OK
    if command == "unmark":
        duplicates.unmark(session, args.id, args.of)
        out.result({"ok": True}, "Mark undone.")
        return EXIT_OK
    if command == "list":
        marks = duplicates.marked_duplicates(session)
        out.result(
            [{"id": m.person_id, "duplicate_of": m.duplicate_of} for m in marks],
            lambda: (
                "\n".join(f"{m.person_id} = {m.duplicate_of}" for m in marks)
                or "No duplicate marks."
            ),
        )
        return EXIT_OK
    found = duplicates.likely_duplicates(session)

    def fields(c: duplicates.Candidate) -> list[tuple[str, str, str, str]]:
        return [(f.role, f.verdict, f.ours, f.theirs) for f in c.fields]

    out.result(
        [
            {
                "id": c.person_id,
                "of": c.other_id,
                "score": c.score,
                "reasons": list(c.reasons),
                "fields": [
                    {"role": r, "verdict": v, "ours": o, "theirs": t} for r, v, o, t in fields(c)
                ],
            }
            for c in found
        ],
        lambda: (
            "\n".join(
                f"{c.person_id} ~ {c.other_id}  {c.score:.0f}"
                + "".join(f"\n    {line}" for line in pair_field_lines(fields(c)))
                for c in found
            )
            or "No likely duplicates."
        ),
    )
    return EXIT_OK


# --- sync over the network or a folder ---------------------------------------------------------


def _cmd_sync(session: Session, args: argparse.Namespace, out: Output) -> int:
    if args.sync_command == "watch":
        return _sync_watch(session, args, out)
    hub = hub_client.hub_settings(Settings.load(session.data_dir))
    if hub is None:
        raise FieldregError("hub.not_configured")
    report = hub_client.sync_now(session, hub, timeout=args.timeout)
    data = {
        "reachable": report.reachable,
        "exported": report.exported,
        "receipts": [{"file": name, **receipt} for name, receipt in report.receipts],
        "waiting": report.waiting,
        "roster": report.roster.version if report.roster else None,
        "roster_current": report.roster_current,
        "roster_error": report.roster_error.code if report.roster_error else None,
    }
    if not report.reachable and not report.receipts:
        out.result(data, "hub not reachable, nothing sent")
        return EXIT_OK
    lines = [f"{shown_path(name)}: {_receipt_text(receipt)}" for name, receipt in report.receipts]
    if not report.reachable:
        waiting = counted(report.waiting, "bundle waits", "bundles wait")
        lines.append(f"hub no longer reachable; {waiting} for next time")
    elif not report.receipts:
        lines.append("Nothing new to send.")
    if report.roster is not None:
        r = report.roster
        lines.append(
            f"Roster version {r.version} applied: {r.added} new, {r.updated} updated, "
            f"{r.erased} erased."
        )
    elif report.roster_current:
        lines.append("The roster is up to date.")
    elif report.roster_error is not None:
        lines.append(f"The hub's roster was refused: {describe(report.roster_error)}")
    out.result(data, "\n".join(lines))
    return EXIT_INPUT if report.quarantined or report.roster_error else EXIT_OK


def _receipt_text(receipt: dict[str, Any]) -> str:
    status = receipt.get("status")
    span = f"{receipt.get('first')}-{receipt.get('last')}"
    if status == "applied":
        return f"applied, events {span} ({receipt.get('applied')} new)"
    if status == "replay":
        return f"already at the hub (events {span})"
    if status == "held":
        return f"held at the hub until the bundle before it arrives ({span})"
    code = str(receipt.get("code", ""))
    return f"quarantined at the hub: {describe(FieldregError(code)) if code else status}"


def _sync_watch(session: Session, args: argparse.Namespace, out: Output) -> int:
    network_passphrase = None
    if args.network_passphrase_file is not None or ENV_NETWORK_PASSPHRASE in os.environ:
        network_passphrase = _network_passphrase(args)
    watch = folder_watch.FolderWatch(session, args.folder, network_passphrase=network_passphrase)
    try:
        while True:
            report = watch.poll()
            for path in report.exported:
                print(f"{shown_path(path)} written", flush=True)
            if report.imported:
                _rows, text, _status = import_report(report.imported)
                print(text, flush=True)
            for path in report.rosters_written:
                print(f"{shown_path(path)} written", flush=True)
            for roster in report.rosters_applied:
                print(f"roster version {roster.version} applied", flush=True)
            for path, error in report.rosters_refused:
                print(f"{shown_path(path.name)}: refused: {describe(error)}", flush=True)
            if args.once:
                return EXIT_OK
            time.sleep(max(args.interval, 0.1))
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return EXIT_OK


COMMANDS: dict[str, Handler] = {
    "sync": with_session(_cmd_sync),
    "network": _cmd_network,
    "enroll": with_session(_cmd_enroll),
    "device": with_session(_cmd_device),
    "bundle": _cmd_bundle,
    "conflicts": with_session(_cmd_conflicts),
    "duplicates": with_session(_cmd_duplicates),
}
