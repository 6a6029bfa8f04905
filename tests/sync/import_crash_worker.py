"""Imports bundle files into a coordinator store: one at a time, printing each file after its
import returned (= committed); or with `--together N` all in one call, committed in batches of
about N events (savepoints inside). Run by test_import_crash.py, which kills it with SIGKILL."""

from __future__ import annotations

import sys
from pathlib import Path

from fieldreg.services import bundle_import, vault
from fieldreg.services import sync_service as sync
from fieldreg.services.paths import DataDir


def main() -> None:
    directory, passphrase, *files = sys.argv[1:]
    store_url = None
    if files[0] == "--store":
        store_url, files = files[1], files[2:]
    session = vault.open_session(
        DataDir(Path(directory), store_url), operator=None, passphrase=passphrase, load=False
    )
    print("ready", flush=True)
    if files[0] == "--together":
        bundle_import.BATCH_EVENTS = int(files[1])
        outcomes = sync.import_bundles(session, [Path(name) for name in files[2:]])
        assert all(outcome.error is None for outcome in outcomes)
        print("done", flush=True)
        return
    for name in files:
        [outcome] = sync.import_bundles(session, [Path(name)])
        assert outcome.error is None, outcome.error
        print(name, flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main()
