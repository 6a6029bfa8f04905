"""The real CLI entry point run in this process, its output captured: much faster than a
subprocess per command, for tests that run hundreds of commands."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

from fieldreg.__main__ import main

# Exit codes documented in the README; 1 (a bug) is deliberately not among them.
DOCUMENTED_EXITS = frozenset({0, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14})  # 10-14: `board`


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


def cli(store: Path, *args: str) -> Ran:
    """`fieldreg ARGS --data-dir STORE`; argparse's exit (usage, --help) is a status too."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([*args, "--data-dir", str(store)])
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 2
    return Ran(code, out.getvalue(), err.getvalue())
