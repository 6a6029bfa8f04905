"""One coordinator workstation importing bundle files into a shared PostgreSQL store, one file
per import (each its own transaction), starting when a line arrives on stdin so that two of
them start together. Prints one JSON line per file. Run by test_pg_race.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fieldreg.services import sync_service as sync
from fieldreg.services import vault
from fieldreg.services.paths import DataDir


def main() -> None:
    directory, store_url, passphrase, *files = sys.argv[1:]
    session = vault.open_session(
        DataDir(Path(directory), store_url), operator=None, passphrase=passphrase, load=False
    )
    try:
        print("ready", flush=True)
        sys.stdin.readline()
        for name in files:
            [outcome] = sync.import_bundles(session, [Path(name)])
            result = outcome.result
            line = {
                "file": name,
                "error": None if outcome.error is None else outcome.error.code,
                "outcome": None if result is None else str(result.outcome),
                "bundle": None if result is None else result.bundle_hash,
                "released": [] if result is None else result.released,
            }
            print(json.dumps(line), flush=True)
    finally:
        session.lock()
    print("done", flush=True)


if __name__ == "__main__":
    main()
