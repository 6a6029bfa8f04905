"""Applies one roster payload to a laptop store; run by test_roster_crash.py, which kills it with
SIGKILL at a random moment. Arguments: store folder, passphrase, payload file, version."""

from __future__ import annotations

import sys
from pathlib import Path

from fieldreg.services import roster_service as rosters
from fieldreg.services import vault
from fieldreg.services.paths import DataDir


def main() -> None:
    directory, passphrase, payload, version = sys.argv[1:]
    session = vault.open_session(
        DataDir(Path(directory)), operator=None, passphrase=passphrase, load=False
    )
    untrusted = Path(payload).read_bytes()
    print("ready", flush=True)
    now = rosters.now_ms()
    rosters.apply_payload(
        session,
        untrusted,
        version=int(version),
        base=0,
        created_ms=now,
        expires_ms=now + rosters.VALID_MS,
    )
    print("done", flush=True)


if __name__ == "__main__":
    main()
