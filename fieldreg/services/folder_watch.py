"""The folder transport (`fieldreg sync watch DIR`): any file sync tool or network share that
keeps a folder in step carries bundles and rosters.

    DIR/outbox   what this machine writes: a laptop's bundles (a coordinator's rosters)
    DIR/inbox    what it reads: a coordinator imports the bundles found here (a laptop, rosters)

Each poll handles every file once. A file still being copied is left alone: it is taken only
when its size and modification time did not change since the previous poll and, for a bundle,
its container parses (a truncated copy that stays truncated for PARTIAL_GRACE_S goes to
quarantine like any bad bundle). Names handled are remembered in the data folder, so a restart
does not import the same files again (importing one again would only be a replay)."""

from __future__ import annotations

import json
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from fieldreg.core.errors import FieldregError
from fieldreg.crypto.durable_file import read_limited, write_new_file
from fieldreg.services import enrollment_service, roster_service, sync_service
from fieldreg.services.bundle_import import FileOutcome
from fieldreg.services.paths import ensure_private_dir
from fieldreg.services.roster_service import RosterApplied
from fieldreg.services.session import Session
from fieldreg.sync import bundle_format
from fieldreg.sync.export import SUFFIX

STATE_FILE: Final = "folder-watch.json"
HANDLED_MAX: Final = 20_000
STATE_MAX_BYTES: Final = 4 * 1024 * 1024
PARTIAL_GRACE_S: Final = 600.0
ROSTER_SUFFIX: Final = ".roster"


@dataclass(slots=True)
class PollReport:
    exported: list[Path] = field(default_factory=list)  # laptop: new bundles in the outbox
    imported: list[FileOutcome] = field(default_factory=list)  # coordinator: inbox bundles
    waiting: int = 0  # files seen but not complete yet
    rosters_written: list[Path] = field(default_factory=list)  # coordinator: in the outbox
    rosters_applied: list[RosterApplied] = field(default_factory=list)  # laptop
    rosters_refused: list[tuple[Path, FieldregError]] = field(default_factory=list)  # laptop


class FolderWatch:
    def __init__(
        self,
        session: Session,
        folder: Path,
        *,
        network_passphrase: str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """`network_passphrase`: a coordinator's, to sign the rosters it writes (without it, a
        coordinator imports bundles and writes no rosters)."""
        if not folder.is_dir():
            raise FieldregError("sync.no_folder")
        self.session = session
        self.inbox = ensure_private_dir(folder / "inbox")
        self.outbox = ensure_private_dir(folder / "outbox")
        self.role = enrollment_service.network_status(session).role
        if self.role not in ("coordinator", "device"):
            raise FieldregError("sync.not_enrolled")
        self._clock = clock
        self._network_passphrase = network_passphrase
        self._sizes: dict[str, tuple[int, int]] = {}  # name -> (size, mtime_ns) at last poll
        self._state = session.data_dir.root / STATE_FILE
        self._handled = _load_handled(self._state)
        self._handled_set = set(self._handled)

    def poll(self) -> PollReport:
        report = PollReport()
        if self.role == "device":
            try:
                exported = sync_service.export_bundles(self.session, self.outbox)
                report.exported = [e.path for e in exported]
            except FieldregError as error:
                if error.code != "bundle.nothing_to_export":
                    raise
            rosters = self._complete(ROSTER_SUFFIX, report)
            for path in rosters:
                self._apply_roster(path, report)
            self._remember([p.name for p in rosters])
            return report
        ready = [p for p in self._complete(SUFFIX, report) if self._parses_or_stale(p, report)]
        if ready:
            report.imported = sync_service.import_bundles(self.session, ready)
            self._remember([p.name for p in ready])
        senders = sorted({o.result.device_id for o in report.imported if o.applied and o.result})
        if senders and self._network_passphrase is not None:
            # Each device that sent something new gets a roster with its receipts.
            report.rosters_written = [
                w.path
                for w in roster_service.write_rosters(
                    self.session,
                    self.outbox,
                    senders,
                    network_passphrase=self._network_passphrase,
                )
            ]
        return report

    def _apply_roster(self, path: Path, report: PollReport) -> None:
        try:
            report.rosters_applied.append(roster_service.import_roster(self.session, path))
        except FieldregError as error:
            # Another laptop's roster in a shared folder, or one this laptop has already:
            # nothing to do. Anything else is said (the current roster is kept).
            if error.code not in ("roster.other_device", "roster.rollback"):
                report.rosters_refused.append((path, error))

    def _complete(self, suffix: str, report: PollReport) -> list[Path]:
        """Files not handled yet whose size and time held still since the previous poll."""
        found: list[Path] = []
        seen: dict[str, tuple[int, int]] = {}
        for entry in sorted(os.scandir(self.inbox), key=lambda e: e.name):
            name = entry.name
            if name.startswith(".") or not name.endswith(suffix) or name in self._handled_set:
                continue
            if not entry.is_file(follow_symlinks=False):
                continue
            stat = entry.stat(follow_symlinks=False)
            seen[name] = (stat.st_size, stat.st_mtime_ns)
            if self._sizes.get(name) == seen[name] and stat.st_size > 0:
                found.append(Path(entry.path))
            else:
                report.waiting += 1
        self._sizes = seen
        return found

    def _parses_or_stale(self, path: Path, report: PollReport) -> bool:
        try:
            untrusted = read_limited(path, bundle_format.MAX_FILE_BYTES + 1)
            if untrusted is not None:
                bundle_format.parse_container(untrusted)
            return True
        except FieldregError:
            age = self._clock() - path.stat().st_mtime
            if age >= PARTIAL_GRACE_S:
                return True  # it stays broken: import rejects it into quarantine
            report.waiting += 1
            return False
        except OSError:
            report.waiting += 1
            return False

    def _remember(self, names: list[str]) -> None:
        self._handled.extend(names)
        self._handled = self._handled[-HANDLED_MAX:]
        self._handled_set = set(self._handled)
        payload = json.dumps(self._handled, ensure_ascii=True).encode("ascii")
        temporary = self._state.with_name(f".{STATE_FILE}.{secrets.token_hex(6)}.tmp")
        try:
            write_new_file(temporary, payload)
            temporary.replace(self._state)
        except OSError:
            pass  # kept in memory; after a restart a file imported again is only a replay
        finally:
            temporary.unlink(missing_ok=True)


def _load_handled(path: Path) -> list[str]:
    """Names handled before (an unreadable or damaged file: none, which costs only replays)."""
    try:
        untrusted = read_limited(path, STATE_MAX_BYTES)
        value = json.loads(untrusted) if untrusted is not None else []
    except (OSError, ValueError, RecursionError):
        return []
    return (
        [n for n in value if isinstance(n, str)][-HANDLED_MAX:] if isinstance(value, list) else []
    )
