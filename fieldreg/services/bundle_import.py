"""Importing bundles at the coordinator: files in each device's sequence order, each bundle in its
own transaction (all of it or nothing), a rejected file moved to quarantine with its reason, and
the session's people refreshed at the end.

With `workers=1` the next bundle is decrypted and parsed in a worker process while the current one
is applied (only after its signature, certificate and revocation checks passed).
"""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from fieldreg.core.bulk import without_cycle_collection
from fieldreg.core.errors import Cancelled, FieldregError, StoreError
from fieldreg.core.messages import counted
from fieldreg.core.tasks import CancelFlag, Progress
from fieldreg.crypto.encoding import strict_b64decode
from fieldreg.services.outside_files import open_outside_file
from fieldreg.services.session import Session
from fieldreg.services.sync_access import (
    now_ms,
    read_untrusted,
    session_network,
    sync_repository,
)
from fieldreg.store.engine import ENVIRONMENT_ERRORS, store_error
from fieldreg.sync import bundle_format, minisign, quarantine
from fieldreg.sync.decoder import PrefetchingDecoder, decode
from fieldreg.sync.importer import BundleRejected, Checked, Importer, ImportResult, Outcome

MAX_FILES = 1000
# Events committed together: on a laptop's disk each commit's flush costs milliseconds, so fewer
# commits; but a crash loses the open batch (the files can simply be imported again) and another
# process writing the store waits for the batch (under a second here, well inside busy_timeout).
BATCH_EVENTS = 10_000


@dataclass(slots=True)
class FileOutcome:
    path: Path
    result: ImportResult | None = None
    rejected: quarantine.Quarantined | None = None
    error: FieldregError | None = None  # the rejection (or why the file could not be read)
    held_rejected: list[quarantine.Quarantined] = field(default_factory=list)

    @property
    def fork(self) -> bool:
        return self.error is not None and self.error.code == "bundle.fork"

    @property
    def applied(self) -> bool:
        return self.result is not None and self.result.outcome is Outcome.APPLIED

    @property
    def replayed(self) -> bool:
        """Everything in it was here already: nothing changed."""
        return self.result is not None and self.result.outcome is Outcome.REPLAY

    @property
    def held(self) -> bool:
        """It starts after a gap: kept until the missing bundle arrives."""
        return self.result is not None and self.result.outcome is Outcome.HELD


@dataclass(slots=True)
class _Item:
    path: Path
    count: int = 1  # events its header announces, for progress
    raw: bytes = b""
    checked: Checked | None = None
    error: FieldregError | None = None
    rejection: BundleRejected | None = None


def _survey(paths: list[Path]) -> list[_Item]:
    """Each device's bundles in sequence order (so none waits for a gap that the next file
    fills); files whose header does not even parse go last, to be rejected."""
    keyed: list[tuple[tuple[int, str, int, int], _Item]] = []
    for position, path in enumerate(paths):
        item = _Item(path)
        key = (1, "", 0, position)
        try:
            container = bundle_format.parse_container(read_untrusted(path))
            header = bundle_format.parse_header(minisign.parse(container.signature).trusted_comment)
            item.count = header.count
            key = (0, header.device, header.first, position)
        except FieldregError:
            pass
        keyed.append((key, item))
    return [item for _, item in sorted(keyed, key=lambda pair: pair[0])]


def import_bundles(
    session: Session,
    paths: list[Path],
    *,
    progress: Progress | None = None,
    cancelled: CancelFlag | None = None,
    workers: int = 0,
    show_people: bool = True,
) -> list[FileOutcome]:
    """Import each file; see the module docstring. `show_people=False` leaves the session's
    people as they are, for a session that shows no one (the hub's never loads them)."""
    if len(paths) > MAX_FILES:
        raise FieldregError("sync.too_many_files", max=MAX_FILES)
    items = _survey(paths)
    total = max(sum(item.count for item in items), 1)
    outcomes: list[FileOutcome] = []
    done = 0
    prefetch = PrefetchingDecoder() if workers > 0 and len(items) > 1 else None
    context: AbstractContextManager[object] = prefetch if prefetch is not None else nullcontext()
    try:
        # Millions of short-lived objects and no cycles: see fieldreg.core.bulk.
        with without_cycle_collection(), sync_repository(session) as repo, context:
            network = session_network(session, repo)
            identity = strict_b64decode(network.secrets.get("recipient"), 32)
            if identity is None:
                raise StoreError("store.corrupt")
            importer = Importer(repo, network.info, identity, now_ms, decoder=prefetch or decode)
            if items:
                # The first is decoded here while the worker process starts up with the second.
                _prepare(importer, None, items[0])
            index = 0
            for batch in _batches(items):
                # One commit (one flush to disk) for several bundles, each still all or nothing.
                with repo.batch():
                    for item in batch:
                        if cancelled is not None and cancelled():
                            raise Cancelled
                        index += 1
                        if index < len(items):
                            _prepare(importer, prefetch, items[index])

                        def inner(step: int, _count: int, base: int = done) -> None:
                            if progress is not None:
                                progress(min(base + step, total), total)

                        outcomes.append(_finish(session, importer, item, inner, cancelled))
                        # Settled: its bytes go now, not at the end (a call holds up to
                        # MAX_FILES bundles; all of them kept grew the process by ~1.6 MB per
                        # 2,000-event bundle, 0.8 GB for 1,000,000 events).
                        item.raw, item.checked = b"", None
                        done += item.count
                        if progress is not None:
                            progress(min(done, total), total)
                # Committed: the anchor learns how far each device's log now reaches.
                session.anchor_log_ends(repo)
    finally:
        # Also after a cancel or an error: what was committed before it is shown.
        if show_people:
            _show(session, outcomes)
    return outcomes


def _show(session: Session, outcomes: list[FileOutcome]) -> None:
    """Bring the session's people up to date with what the import changed."""
    session.show_changed(sorted({p for o in outcomes if o.result for p in o.result.people}))
    results = [o.result for o in outcomes if o.result is not None]
    for result in sorted(results, key=lambda r: (r.device_id, r.first)):
        if result.applied == result.last - result.first + 1:  # all of it written here, now
            session.wrote_log(result.device_id, result.first - 1, result.last)


def _batches(items: list[_Item]) -> list[list[_Item]]:
    """Consecutive files with about BATCH_EVENTS events between them (at least one file)."""
    batches: list[list[_Item]] = []
    size = BATCH_EVENTS
    for item in items:
        if size >= BATCH_EVENTS:
            batches.append([])
            size = 0
        batches[-1].append(item)
        size += item.count
    return batches


def _prepare(importer: Importer, prefetch: PrefetchingDecoder | None, item: _Item) -> None:
    """Read and check a file; hand it to the worker if it will need decrypting."""
    try:
        item.raw = read_untrusted(item.path)
    except FieldregError as unreadable:
        if unreadable.code == "bundle.too_large":
            # Refused by its size before a byte was read; like any rejected bundle, it goes
            # to quarantine.
            item.rejection = BundleRejected(unreadable.code, **unreadable.params)
        else:
            item.error = unreadable
        return
    try:
        item.checked = importer.check(item.raw)
    except BundleRejected as rejection:
        item.rejection = rejection
        return
    if prefetch is not None and importer.needs_decoding(item.checked):
        prefetch.submit(importer.job(item.checked))


def _finish(
    session: Session,
    importer: Importer,
    item: _Item,
    progress: Progress,
    cancelled: CancelFlag | None,
) -> FileOutcome:
    outcome = FileOutcome(item.path, error=item.error)
    if item.error is not None:
        return outcome  # nothing to move: the file could not even be read
    rejection = item.rejection
    if item.checked is not None:
        try:
            outcome.result = importer.import_checked(
                item.checked, progress=progress, cancelled=cancelled
            )
        except BundleRejected as exc:
            rejection = exc
    now = dt.datetime.now(dt.UTC)
    directory = session.data_dir.quarantine
    try:
        if rejection is not None:
            outcome.error = rejection
            outcome.rejected = _quarantine(directory, item.path, rejection, now)
        elif outcome.result is not None:
            for raw, held_error in outcome.result.held_rejected:
                outcome.held_rejected.append(
                    quarantine.quarantine_bytes(directory, raw, held_error, now)
                )
    except ENVIRONMENT_ERRORS as exc:
        raise store_error(exc) from exc
    return outcome


def _quarantine(
    directory: Path, path: Path, rejection: FieldregError, now: dt.datetime
) -> quarantine.Quarantined | None:
    """Move the rejected file into quarantine, opened by the same rules as when it was read;
    None if it is no longer a regular file there (it was swapped for a link or a FIFO), or if it
    is over the size limit and on another file system (left on the stick, see
    `quarantine.quarantine_unread`)."""
    try:
        with open_outside_file(path) as opened:
            if opened.size > bundle_format.MAX_FILE_BYTES:  # refused by its size, never read
                return quarantine.quarantine_unread(directory, path, opened.fd, rejection, now)
            return quarantine.quarantine_file(directory, path, opened.fd, rejection, now)
    except FieldregError:
        return None


def outcome_text(outcome: FileOutcome, name: str | None = None) -> str:
    """One line for a terminal (personal data never appears in these); `name` is the file's
    name as the terminal may show it (escaped), by default the name itself."""
    name = outcome.path.name if name is None else name
    result = outcome.result
    if result is None:
        return f"{name}: rejected"
    span = f"{result.first}-{result.last}"
    device = result.device_id[:12]
    if result.outcome is Outcome.REPLAY:
        return f"{name}: already imported (device {device}, events {span})"
    if result.outcome is Outcome.HELD:
        return f"{name}: held until the bundle before it arrives ({span})"
    released = counted(len(result.released), "held bundle", "held bundles")
    extra = f", {released} applied" if result.released else ""
    in_conflict = counted(len(result.conflicts), "person", "people")
    conflicts_text = f", {in_conflict} in conflict" if result.conflicts else ""
    new = counted(result.applied, "new event", "new events")
    return f"{name}: {new} from device {device} ({span}){extra}{conflicts_text}"
