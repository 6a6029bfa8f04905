"""Imports bundle files one at a time into a coordinator store, printing each file after its
import returned (= committed). Run by test_import_crash.py, which kills it with SIGKILL."""

from __future__ import annotations

import sys
from pathlib import Path

from fieldreg.services import sync_service as sync
from fieldreg.services import vault
from fieldreg.services.paths import DataDir


def main() -> None:
    directory, passphrase, *files = sys.argv[1:]
    session = vault.open_session(
        DataDir(Path(directory)), operator=None, passphrase=passphrase, load=False
    )
    print("ready", flush=True)
    for name in files:
        [outcome] = sync.import_bundles(session, [Path(name)])
        assert outcome.error is None, outcome.error
        print(name, flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main()
