"""What `fieldreg bundle import` and `bundle inspect` print: a progress line on a terminal, one
line (or JSON row) per file, and a bundle's header and checks. No personal data appears here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from fieldreg.cli.common import EXIT_INPUT, EXIT_OK, shown_path
from fieldreg.core.messages import describe
from fieldreg.services import sync_service as sync
from fieldreg.services.bundle_import import FileOutcome, outcome_text
from fieldreg.services.session import Session


class ProgressLine:
    """`\\r`-updated progress on a terminal's stderr; silent when stderr is not a terminal."""

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if self.shown and percent != self.last:
            self.last = percent
            bar = "#" * (percent // 4)
            print(f"\r  importing [{bar:<25}] {done}/{total} events", end="", file=sys.stderr)

    def close(self) -> None:
        if self.shown and self.last >= 0:
            print(file=sys.stderr)


def import_report(outcomes: list[FileOutcome]) -> tuple[list[dict[str, Any]], str, int]:
    """(JSON rows, text, exit status): 3 if any file was rejected."""
    rows = []
    texts = []
    status = EXIT_OK
    for outcome in outcomes:
        # A name from a stick may hold terminal escapes or bytes that are not UTF-8.
        name = shown_path(outcome.path.name)
        row: dict[str, Any] = {"file": shown_path(outcome.path)}
        if outcome.result is not None:
            result = outcome.result
            row.update(
                outcome=result.outcome.value,
                device_id=result.device_id,
                first=result.first,
                last=result.last,
                applied=result.applied,
                conflicts=result.conflicts,
            )
            texts.append(outcome_text(outcome, name))
        if outcome.error is not None:
            status = EXIT_INPUT
            message = describe(outcome.error)
            row.update(outcome="rejected", code=outcome.error.code, message=message)
            where = f" Moved to {shown_path(outcome.rejected.path)}." if outcome.rejected else ""
            alarm = "FORK ALARM: " if outcome.fork else ""
            texts.append(f"{alarm}{name}: rejected: {message}{where}")
            if outcome.rejected is not None:
                row["quarantined"] = shown_path(outcome.rejected.path)
        for held in outcome.held_rejected:
            status = EXIT_INPUT
            texts.append(f"a held bundle was rejected: {describe(held.error)}")
        rows.append(row)
    return rows, "\n".join(texts), status


def inspection_report(
    path: Path, *, session: Session | None = None, root_public: bytes | None = None
) -> tuple[dict[str, Any], str, bool]:
    """(JSON, text, whether the bundle checks out) of `sync.inspect_bundle`."""
    report = sync.inspect_bundle(path, session=session, root_public=root_public)
    header = report.header
    data: dict[str, Any] = {
        "size": report.size,
        "header": None,
        "signature_ok": report.signature_ok,
        "certificate_ok": report.certificate_ok,
        "recipients": report.recipients,
        "problems": [{"code": p.code, "message": describe(p)} for p in report.problems],
    }
    lines = [f"size: {report.size} bytes"]
    if header is not None:
        data["header"] = {
            "network": header.network,
            "device": header.device,
            "epoch": header.epoch,
            "first": header.first,
            "last": header.last,
            "count": header.count,
            "prev": header.prev,
            "head": header.head,
            "payload_sha256": header.payload,
            "created_ms": header.created,
        }
        lines += [f"{k}: {v}" for k, v in data["header"].items()]
    if report.certificate is not None:
        data["prefix"] = report.certificate.prefix
        lines.append(f"device prefix: {report.certificate.prefix}")

    def state(value: bool | None) -> str:
        return "not checked (no root key)" if value is None else "valid" if value else "INVALID"

    lines.append(f"signature: {state(report.signature_ok)}")
    lines.append(f"certificate: {state(report.certificate_ok)}")
    lines.append(f"age recipients: {report.recipients}")
    lines += [f"problem: {describe(p)}" for p in report.problems]
    return data, "\n".join(lines), report.ok
