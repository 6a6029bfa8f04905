"""Runs `fieldreg bundle import` in this process on special files a stick may carry, one at a
time, and prints one JSON line per run: exit status, seconds, how much the peak memory grew,
and the exact bytes written to stdout and stderr. Run by test_hostile_files.py, in a process
of its own so that the peak memory is this import's alone."""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import resource
import sys
import time
from pathlib import Path

from fieldreg.__main__ import main

SPARSE_BYTES = 200 * 1024 * 1024
# An escape sequence that would retitle the terminal and turn it red, and bytes not UTF-8.
HOSTILE_NAME = b"\x1b]0;owned\x07\x1b[31mred\xff\xfe.bundle"


def make(stick: Path, case: str) -> Path:
    if case == "link":
        path = stick / "zero.bundle"
        path.symlink_to("/dev/zero")
    elif case == "fifo":
        path = stick / "fifo.bundle"
        os.mkfifo(path)
    elif case == "directory":
        path = stick / "folder.bundle"
        path.mkdir()
    elif case == "sparse":
        path = stick / "sparse.bundle"
        with path.open("wb") as handle:
            handle.truncate(SPARSE_BYTES)
    elif case in {"name", "name-json", "warm-up"}:
        path = Path(os.fsdecode(bytes(stick) + b"/" + HOSTILE_NAME))
        if case == "warm-up":
            path = stick / "warm-up.bundle"
        path.write_bytes(b"PK\x03\x04 not a bundle at all")
    else:
        raise AssertionError(case)
    return path


def peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def run(store: str, path: Path, *, as_json: bool) -> tuple[int, bytes, bytes]:
    # stdout as a terminal or a pipe would take it: UTF-8, surrogates passed through as bytes
    # (what Python does under a C locale), so that a name that is not UTF-8 shows in the bytes.
    out, err = io.BytesIO(), io.BytesIO()
    out_text = io.TextIOWrapper(out, encoding="utf-8", errors="surrogateescape")
    err_text = io.TextIOWrapper(err, encoding="utf-8", errors="surrogateescape")
    argv = ["bundle", "import", os.fspath(path), "--data-dir", store]
    with contextlib.redirect_stdout(out_text), contextlib.redirect_stderr(err_text):
        code = main([*argv, "--json"] if as_json else argv)
        out_text.flush()
        err_text.flush()
    return code, out.getvalue(), err.getvalue()


def report(line: dict[str, object]) -> None:
    print(json.dumps(line), flush=True)


def main_worker() -> None:
    store, stick_name, *cases = sys.argv[1:]
    stick = Path(stick_name)
    run(store, make(stick, "warm-up"), as_json=False)  # every module loaded, the store opened
    for case in cases:
        path = make(stick, case)
        before = peak_kib()
        started = time.monotonic()
        code, out, err = run(store, path, as_json=case.endswith("json"))
        report(
            {
                "case": case,
                "code": code,
                "seconds": time.monotonic() - started,
                "growth_mib": (peak_kib() - before) / 1024,
                "stdout": base64.b64encode(out).decode("ascii"),
                "stderr": base64.b64encode(err).decode("ascii"),
                "left_in_place": os.path.lexists(path),
            }
        )


if __name__ == "__main__":
    main_worker()
