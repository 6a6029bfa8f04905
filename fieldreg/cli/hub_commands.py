"""The hub on the command line (docs/hub.md): `hub certificate` and `hub serve` on the
coordinator, `hub devices` to see who synced, `hub pin` on a laptop enrolled before the hub
existed."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from pathlib import Path
from typing import Any

from fieldreg.cli.common import (
    EXIT_OK,
    Handler,
    Output,
    data_dir,
    require_store,
    shown_path,
    with_session,
)
from fieldreg.cli.passphrases import read_secret
from fieldreg.cli.sync_commands import ENV_NETWORK_PASSPHRASE
from fieldreg.core.dates import ms_text
from fieldreg.core.messages import counted
from fieldreg.services import hub_client
from fieldreg.services.hub import certificate, overview, server
from fieldreg.services.session import Session
from fieldreg.services.settings import Settings


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("hub", parents=[common], help="the coordinator's network service")
    hsub = p.add_subparsers(dest="hub_command", metavar="ACTION", required=True)
    q = hsub.add_parser(
        "certificate", parents=[common], help="coordinator: make the hub's TLS key and certificate"
    )
    q.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for both files")
    q.add_argument(
        "--name",
        action="append",
        metavar="HOST",
        help="a host name or IP address laptops use (repeatable; default: 127.0.0.1)",
    )
    q = hsub.add_parser("serve", parents=[common], help="coordinator: serve laptops until Ctrl+C")
    q.add_argument(
        "--listen", default="127.0.0.1:8443", metavar="HOST:PORT", help="default 127.0.0.1:8443"
    )
    q.add_argument("--cert", type=Path, required=True, metavar="FILE", help="hub-cert.pem")
    q.add_argument("--key", type=Path, required=True, metavar="FILE", help="hub-key.pem")
    q.add_argument(
        "--network-passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"the network passphrase, which signs rosters (or set {ENV_NETWORK_PASSPHRASE}; "
        "without it the hub takes bundles but serves no rosters)",
    )
    q.epilog = (
        "The store stays unlocked while the hub runs (the passphrase from --passphrase-file or "
        "FIELDREG_PASSPHRASE). One log line per request goes to stderr: time, device prefix, "
        "endpoint, status, bytes received, milliseconds."
    )
    hsub.add_parser("devices", parents=[common], help="coordinator: each device's contacts")
    q = hsub.add_parser("pin", parents=[common], help="laptop: sync with this hub")
    q.add_argument("address", metavar="HOST:PORT", help="the hub's address")
    q.add_argument("sha256", metavar="SHA256", help="the certificate's SHA-256 the hub printed")


def _cmd_hub(args: argparse.Namespace, out: Output) -> int:
    if args.hub_command == "certificate":
        names = args.name or ["127.0.0.1"]
        made = certificate.make_certificate(args.out, names, now=dt.datetime.now(dt.UTC))
        out.result(
            {
                "cert": shown_path(made.cert_path),
                "key": shown_path(made.key_path),
                "sha256": made.sha256,
            },
            f"{shown_path(made.cert_path)}\n{shown_path(made.key_path)}\nSHA-256: {made.sha256}",
        )
        return EXIT_OK
    if args.hub_command == "pin":
        directory = require_store(data_dir(args))  # the store first, as every command
        address = hub_client.check_address(args.address)
        pin = hub_client.check_pin(args.sha256)
        settings = Settings.load(directory)
        settings.hub_address = address
        settings.hub_certificate_sha256 = pin
        settings.save()
        out.result({"address": address, "sha256": pin}, f"This laptop syncs with {address}.")
        return EXIT_OK
    return with_session(_hub_session)(args, out)


def _hub_session(session: Session, args: argparse.Namespace, out: Output) -> int:
    if args.hub_command == "devices":
        return _devices(session, out)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("fieldreg.hub")
    log.addHandler(handler)
    log.setLevel(logging.INFO)

    def ready(listening: server.Listening) -> None:
        print(f"listening on {listening.host}:{listening.port}", flush=True)
        print(f"certificate SHA-256: {listening.sha256}", flush=True)

    network_passphrase = None
    if args.network_passphrase_file is not None or ENV_NETWORK_PASSPHRASE in os.environ:
        network_passphrase = read_secret(
            file=args.network_passphrase_file, env=ENV_NETWORK_PASSPHRASE, prompt=""
        )
    else:
        print("no network passphrase given: bundles only, no rosters", file=sys.stderr)
    server.serve(
        session,
        args.listen,
        args.cert,
        args.key,
        network_passphrase=network_passphrase,
        ready=ready,
    )
    return EXIT_OK


def _when(ms: int | None) -> str:
    if ms is None:
        return "never"
    return ms_text(ms, dt.UTC)


def _devices(session: Session, out: Output) -> int:
    found = overview.device_contacts(session)
    rows = [
        {
            "device": d.device_id,
            "prefix": d.prefix,
            "last_contact_ms": d.last_contact_ms,
            "bundles_sent": d.bundles_sent,
            "bundles_applied": d.bundles_applied,
            "applied_up_to": d.applied_up_to,
            "sent_up_to": d.sent_up_to,
            "missing": d.missing,
            "held": d.held,
            "rosters_fetched": d.rosters_fetched,
            "revoked": d.revoked,
        }
        for d in found
    ]

    def text() -> str:
        lines = []
        for d in found:
            missing = counted(d.missing, "event", "events")
            lack = f", {missing} missing ({d.held} held)" if d.missing else ""
            revoked = ", revoked" if d.revoked else ""
            lines.append(
                f"{d.prefix} {d.device_id[:12]}  last contact {_when(d.last_contact_ms)}; "
                f"{counted(d.bundles_sent, 'bundle', 'bundles')} sent, "
                f"events 1-{d.applied_up_to} here{lack}; "
                f"{counted(d.rosters_fetched, 'roster request', 'roster requests')}{revoked}"
            )
        return "\n".join(lines) or "No enrolled devices."

    out.result(rows, text)
    return EXIT_OK


COMMANDS: dict[str, Handler] = {"hub": _cmd_hub}
