"""`fieldreg` and `python -m fieldreg`: the CLI with a subcommand, the desk application without."""

from __future__ import annotations

import multiprocessing
import sys

from fieldreg.services.paths import DataDir


def start_desk(data_dir: DataDir) -> int:
    """The desk application (Qt is imported only here, so the CLI stays light)."""
    from fieldreg.ui.app import main as desk_main

    return desk_main(data_dir, sys.argv[:1])


def main(argv: list[str] | None = None) -> int:
    # First of all: in a frozen build the import's worker process is this same executable, started
    # again with multiprocessing's arguments; freeze_support() runs the worker there and exits
    # (without it the worker would start another desk). Outside a frozen build it does nothing.
    multiprocessing.freeze_support()
    from fieldreg.cli.main import run

    return run(sys.argv[1:] if argv is None else argv, start_desk)


if __name__ == "__main__":
    sys.exit(main())
