"""The laptop's side of the hub: a client that pins the hub's certificate (its SHA-256, from
the enrollment answer or `fieldreg hub pin`) instead of trusting a CA, signs every request with
the device's key, and `sync_now`: export what is new, post it, fetch the roster.

No connection is the normal case in the field: `sync_now` then answers `reachable=False` and
keeps the exported bundles in the outbox for the next time."""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import secrets
import socket
import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from fieldreg.core.errors import FieldregError, TamperError, ValidationError
from fieldreg.core.tasks import CancelFlag, Progress
from fieldreg.crypto.durable_file import write_new_file
from fieldreg.services import roster_service, sync_service
from fieldreg.services.hub.auth import sign_headers
from fieldreg.services.paths import ensure_private_dir
from fieldreg.services.roster_service import RosterApplied
from fieldreg.services.session import Session
from fieldreg.services.settings import Settings
from fieldreg.services.sync_access import now_ms, sync_repository
from fieldreg.sync.export import SUFFIX, identity_of

OUTBOX: Final = "hub-outbox"
INBOX: Final = "hub-inbox"
ROSTER_SUFFIX: Final = ".roster"
TIMEOUT_S: Final = 20.0
MAX_ANSWER: Final = 64 * 1024 * 1024
PIN: Final = re.compile(r"[0-9a-f]{64}")
_UNREACHABLE: Final = (OSError, http.client.HTTPException, ssl.SSLError, TimeoutError)
_STALE: Final = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


class Unreachable(Exception):
    """No answer from the hub (no network, the hub is down, the connection broke)."""


def check_address(untrusted: str) -> str:
    """HOST:PORT as typed (trimmed); ValidationError otherwise."""
    text = untrusted.strip()
    host, colon, port = text.rpartition(":")
    if not colon or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValidationError("hub_address", "hub.bad_address")
    if any(c.isspace() or c in "/?#@" for c in host):
        raise ValidationError("hub_address", "hub.bad_address")
    return text


def check_pin(untrusted: str) -> str:
    pin = untrusted.strip().lower().replace(":", "")
    if not PIN.fullmatch(pin):
        raise ValidationError("hub_certificate", "hub.bad_pin")
    return pin


@dataclass(frozen=True, slots=True)
class HubSettings:
    address: str
    pin: str


def hub_settings(settings: Settings) -> HubSettings | None:
    """The hub this laptop syncs with, if one is set (the settings file is untrusted)."""
    address, pin = settings.hub_address, settings.hub_certificate_sha256
    if not address or not pin:
        return None
    return HubSettings(address, pin)


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: bytes

    def json(self) -> dict[str, Any]:
        try:
            value = json.loads(self.body)
        except ValueError:
            raise FieldregError("hub.bad_answer") from None
        if not isinstance(value, dict):
            raise FieldregError("hub.bad_answer")
        return value


class _Response(http.client.HTTPResponse):
    """An answer that closes its reading end when its status line never comes (the hub went
    away): http.client leaves that to the garbage collector, so each failed attempt held the
    connection's socket open until a collection, which then warned of an unclosed socket."""

    def begin(self) -> None:
        try:
            super().begin()
        except BaseException:
            self.close()
            raise


def _close_sockets_of(error: BaseException) -> None:
    """Close the sockets that the frames of `error`'s traceback still hold. A hub that resets
    the connection just before the TLS handshake makes `ssl.SSLSocket._create` (CPython 3.11,
    its check for data sent before the handshake) raise without closing the socket it has just
    made: only the traceback holds it, and the collector later closes it with a warning."""
    trace = error.__traceback__
    while trace is not None:
        for value in trace.tb_frame.f_locals.values():
            if isinstance(value, socket.socket):
                value.close()
        trace = trace.tb_next


class HubClient:
    """Requests to one hub, on one kept-alive connection, over TLS pinned to `pin`."""

    def __init__(
        self,
        address: str,
        pin: str,
        *,
        network_id: str,
        device_id: str,
        signing_key: Any,
        timeout: float = TIMEOUT_S,
    ) -> None:
        host, _, port = check_address(address).rpartition(":")
        self.host, self.port = host.strip("[]"), int(port)
        self.pin = check_pin(pin)
        self.network_id = network_id
        self.device_id = device_id
        self._key = signing_key
        self.timeout = timeout
        self._connection: http.client.HTTPSConnection | None = None

    def _connect(self) -> http.client.HTTPSConnection:
        if self._connection is not None:
            return self._connection
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False  # the pin below is stronger than a name
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection(
            self.host, self.port, timeout=self.timeout, context=context
        )
        connection.response_class = _Response
        try:
            connection.connect()
            assert isinstance(connection.sock, ssl.SSLSocket)
            # Raises when the hub reset the connection before the handshake (then ssl leaves
            # the socket unconnected, without a handshake, and says so only here).
            der = connection.sock.getpeercert(binary_form=True) or b""
        except _UNREACHABLE as exc:
            connection.close()
            _close_sockets_of(exc)
            raise Unreachable(str(exc)) from None
        if hashlib.sha256(der).hexdigest() != self.pin:
            connection.close()
            raise TamperError("hub.wrong_certificate")
        self._connection = connection
        return connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def request(self, method: str, path: str, body: bytes = b"", *, signed: bool = True) -> Answer:
        for attempt in (1, 2):
            # Signed afresh for each attempt: a request sent again is a new one (its own nonce),
            # and the hub's answer to a bundle sent twice is a replay receipt, never a change.
            headers = {"content-type": "application/octet-stream"} if body else {}
            if signed:
                headers.update(
                    sign_headers(
                        self._key,
                        network_id=self.network_id,
                        device=self.device_id,
                        method=method,
                        path=path,
                        body=body,
                        time_ms=now_ms(),
                    )
                )
            connection = self._connect()
            try:
                connection.request(method, path, body=body or None, headers=headers)
                # Closed however the reading ends (a full read has closed it already).
                with connection.getresponse() as response:
                    data = response.read(MAX_ANSWER + 1)
            except _STALE as exc:
                # A kept-alive connection the hub had closed: opened again once.
                self.close()
                if attempt == 2:
                    raise Unreachable(str(exc)) from None
                continue
            except _UNREACHABLE as exc:  # no answer in time: not sent again blindly
                self.close()
                raise Unreachable(str(exc)) from None
            if response.will_close:
                self.close()
            if len(data) > MAX_ANSWER:
                self.close()  # the rest of the answer is still on its way: not kept alive
                raise FieldregError("hub.bad_answer")
            declared = response.getheader("Content-Length")
            if declared is not None and declared.isdigit() and int(declared) != len(data):
                # The hub went away mid-answer (read(n) returns what came, short): no answer.
                self.close()
                raise Unreachable("the answer was cut off")
            return Answer(response.status, data)
        raise Unreachable("no answer")

    def health(self) -> bool:
        return self.request("GET", "/v1/health", signed=False).status == 200

    def post_bundle(self, data: bytes) -> dict[str, Any]:
        """The receipt of one bundle; FieldregError when the hub refused the request itself."""
        answer = self.request("POST", "/v1/bundles", data)
        if answer.status in (200, 422):
            return answer.json()
        raise _refused(answer)

    def roster(self) -> bytes | None:
        """The device's roster file (untrusted until roster_service checks it), or None when
        the hub has none for it."""
        answer = self.request("GET", "/v1/roster")
        if answer.status == 404:
            return None
        if answer.status == 200:
            return answer.body
        raise _refused(answer)


def _refused(answer: Answer) -> FieldregError:
    try:
        reason = str(answer.json().get("error", ""))
    except FieldregError:
        reason = ""
    return FieldregError("hub.refused", status=answer.status, reason=reason[:40])


def client_for(session: Session, hub: HubSettings, *, timeout: float = TIMEOUT_S) -> HubClient:
    with sync_repository(session) as repo, repo.reading():
        identity = identity_of(repo, session.device_id)
    return HubClient(
        hub.address,
        hub.pin,
        network_id=identity.network.network_id,
        device_id=session.device_id,
        signing_key=identity.keys.signer(),
        timeout=timeout,
    )


# --- sync now ------------------------------------------------------------------------------


@dataclass(slots=True)
class SyncReport:
    reachable: bool = True
    exported: int = 0  # bundles written since the last sync
    receipts: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (file, receipt)
    waiting: int = 0  # bundles still in the outbox (not acknowledged)
    roster: RosterApplied | None = None  # the roster applied now
    roster_current: bool = False  # the hub's roster was the one this laptop has already
    roster_error: FieldregError | None = None  # the hub's roster was refused (nothing changed)

    @property
    def quarantined(self) -> int:
        return sum(1 for _, r in self.receipts if r.get("status") == "quarantined")


def outbox(session: Session) -> Path:
    return ensure_private_dir(session.data_dir.root / OUTBOX)


def sync_now(
    session: Session,
    hub: HubSettings,
    *,
    progress: Progress | None = None,
    cancelled: CancelFlag | None = None,
    timeout: float = TIMEOUT_S,
) -> SyncReport:
    """Export what is new into the outbox, post every bundle there (oldest first; each one the
    hub acknowledged leaves the outbox), then ask for the roster."""
    report = SyncReport()
    client = client_for(session, hub, timeout=timeout)
    try:
        try:
            if not client.health():
                report.reachable = False
        except Unreachable:
            report.reachable = False
        if not report.reachable:
            report.waiting = len(_waiting(session))
            return report
        folder = outbox(session)
        try:
            report.exported = len(sync_service.export_bundles(session, folder))
        except FieldregError as error:
            if error.code != "bundle.nothing_to_export":
                raise
        files = _waiting(session)
        try:
            for done, path in enumerate(files, start=1):
                if cancelled is not None and cancelled():
                    break
                receipt = client.post_bundle(path.read_bytes())
                report.receipts.append((path.name, receipt))
                path.unlink()  # the hub has it (applied, already there, held or quarantined)
                if progress is not None:
                    progress(done, len(files))
            roster = client.roster()
            if roster is not None:
                _apply_roster(session, roster, report)
        except Unreachable:
            report.reachable = False
        report.waiting = len(_waiting(session))
        return report
    finally:
        client.close()


def _apply_roster(session: Session, untrusted: bytes, report: SyncReport) -> None:
    """Apply the roster through roster_service, as a file from a stick would be."""
    folder = ensure_private_dir(session.data_dir.root / INBOX)
    path = folder / f"hub-{secrets.token_hex(6)}{ROSTER_SUFFIX}"
    try:
        write_new_file(path, untrusted)
        report.roster = roster_service.import_roster(session, path)
    except FieldregError as error:
        if error.code == "roster.rollback":
            report.roster_current = True  # nothing newer than what this laptop has
        else:
            report.roster_error = error
    finally:
        path.unlink(missing_ok=True)


def _waiting(session: Session) -> list[Path]:
    """Bundles in the outbox, in the order they were exported (their names carry sequence)."""
    folder = session.data_dir.root / OUTBOX
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIX) and p.is_file())
