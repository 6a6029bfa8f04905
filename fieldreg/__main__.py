"""`fieldreg` and `python -m fieldreg`: the CLI with a subcommand, the desk application without."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from fieldreg.cli.main import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
