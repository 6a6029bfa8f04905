"""The hub's HTTP API (docs/hub.md), an ASGI application on Starlette.

    POST /v1/bundles   body: one bundle file; answer: its receipt (200; 422 when quarantined)
    GET  /v1/roster    the requesting device's newest roster file (rosters.py; 404 if none yet)
    GET  /v1/health    {"status": "ok"}
    GET  /v1/metrics   counts only

Every request but health and metrics is signed by the device (auth.py). One log line per
request: time, device prefix, endpoint, status, bytes received, milliseconds; nothing else.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

import anyio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fieldreg.core.errors import FieldregError
from fieldreg.services.hub import auth
from fieldreg.services.hub.intake import Intake
from fieldreg.services.hub.limits import Limits, RateLimiter, declared_length, read_body
from fieldreg.services.hub.rosters import Rosters
from fieldreg.services.sync_access import now_ms

LOG: Final = logging.getLogger("fieldreg.hub")
# Rosters are signed with the network's root key: a hub started without the network passphrase
# takes bundles but has no roster to give.
NO_ROSTERS: Final = "the hub was started without the network passphrase"
NOT_YET: Final = "no roster for this device yet: the next batch makes one"


@dataclass(slots=True)
class Hub:
    """What the application works with, built by whoever starts it (server.py, the tests)."""

    intake: Intake
    network_id: str
    rosters: Rosters | None = None
    limits: Limits = field(default_factory=Limits)
    clock: Callable[[], int] = now_ms
    nonces: auth.NonceCache = field(default_factory=auth.NonceCache)
    rate: RateLimiter | None = None
    started: float = field(default_factory=time.monotonic)
    statuses: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.rate is None:
            self.rate = RateLimiter(self.limits)


def _refusal(refused: auth.Refused) -> JSONResponse:
    # After a body that was too big or too slow the connection is in no state to reuse.
    closing = {"connection": "close"} if refused.status in (408, 413) else None
    return JSONResponse({"error": refused.reason}, status_code=refused.status, headers=closing)


async def _authenticated(hub: Hub, request: Request, body_allowed: bool) -> tuple[str, bytes]:
    """(device id, body) of a request whose signature, device, clock, nonce and rate hold."""
    claim = auth.read_claim(request.headers)
    fresh, device = hub.intake.cached_device(claim.device)
    if not fresh:  # the list is read again from the store: off the event loop
        device = await anyio.to_thread.run_sync(hub.intake.device, claim.device)
    if device is None:
        raise auth.Refused(403, "unknown_device")
    request.scope.setdefault("state", {})["device_prefix"] = device.prefix
    declared = declared_length(request.headers.get("content-length"), hub.limits.max_body)
    if not body_allowed and declared:
        raise auth.Refused(400, "unexpected_body")
    untrusted_body = await read_body(request.stream(), hub.limits)
    if not body_allowed and untrusted_body:
        raise auth.Refused(400, "unexpected_body")
    auth.verify(
        claim,
        device=device,
        network_id=hub.network_id,
        method=request.method,
        path=request.url.path,
        body=untrusted_body,
        now_ms=hub.clock(),
        nonces=hub.nonces,
    )
    assert hub.rate is not None
    if not hub.rate.allow(claim.device):
        raise auth.Refused(429, "rate_limited")
    return claim.device, untrusted_body


async def post_bundle(request: Request) -> Response:
    hub: Hub = request.app.state.hub
    with hub.intake.arriving():  # the writer may wait a moment for it
        try:
            device, untrusted_body = await _authenticated(hub, request, body_allowed=True)
        except auth.Refused as refused:
            return _refusal(refused)
        if not untrusted_body:
            return JSONResponse({"error": "empty"}, status_code=400)
        hub.intake.note(device)
        future = hub.intake.submit(device, untrusted_body)
    try:
        # Awaited on the event loop, not on a thread; the writer never lets it be cancelled.
        receipt = await asyncio.wrap_future(future)
    except FieldregError as error:  # the store failed (disk full, locked): try again later
        return JSONResponse({"error": "store", "code": error.code}, status_code=503)
    status = 422 if receipt.status == "quarantined" else 200
    return JSONResponse(receipt.to_json(), status_code=status)


async def get_roster(request: Request) -> Response:
    hub: Hub = request.app.state.hub
    try:
        device, _ = await _authenticated(hub, request, body_allowed=False)
    except auth.Refused as refused:
        return _refusal(refused)
    hub.intake.note(device, rosters_fetched=1)
    if hub.rosters is None:
        return JSONResponse({"error": "no_roster", "reason": NO_ROSTERS}, status_code=404)
    roster = hub.rosters.newest(device)
    if roster is None:
        return JSONResponse({"error": "no_roster", "reason": NOT_YET}, status_code=404)
    return Response(roster, media_type="application/octet-stream")


async def health(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def metrics(request: Request) -> Response:
    hub: Hub = request.app.state.hub
    body: dict[str, Any] = {
        "uptime_s": int(time.monotonic() - hub.started),
        "bundles": dict(hub.intake.counts),
        "responses": {str(code): count for code, count in sorted(hub.statuses.items())},
    }
    return JSONResponse(body)


class RequestLog:
    """ASGI middleware: one line per request, and the count of each status for /v1/metrics."""

    def __init__(self, app: ASGIApp, hub: Hub) -> None:
        self.app = app
        self.hub = hub

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        seen = {"status": 500, "bytes": 0}
        scope.setdefault("state", {})

        async def counting_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                seen["bytes"] += len(message.get("body", b""))
            return message

        async def watching_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = int(message["status"])
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        finally:
            status = seen["status"]
            self.hub.statuses[status] = self.hub.statuses.get(status, 0) + 1
            elapsed = (time.perf_counter() - started) * 1000
            when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            prefix = scope["state"].get("device_prefix", "-")
            endpoint = f"{scope.get('method', '?')} {_endpoint(scope.get('path', ''))}"
            LOG.info("%s %s %s %d %d %.1f", when, prefix, endpoint, status, seen["bytes"], elapsed)


_ENDPOINTS: Final = ("/v1/bundles", "/v1/roster", "/v1/health", "/v1/metrics")


def _endpoint(path: str) -> str:
    """A known endpoint as is; anything else as "other" (a path is chosen by the caller)."""
    return path if path in _ENDPOINTS else "other"


def build_app(hub: Hub) -> ASGIApp:
    app = Starlette(
        routes=[
            Route("/v1/bundles", post_bundle, methods=["POST"]),
            Route("/v1/roster", get_roster, methods=["GET"]),
            Route("/v1/health", health, methods=["GET"]),
            Route("/v1/metrics", metrics, methods=["GET"]),
        ]
    )
    app.state.hub = hub
    return RequestLog(app, hub)
