"""Smoke test of a frozen build, run as a field laptop runs it: `make package-smoke`, and in CI
(.github/workflows/package.yml) on each platform.

    python packaging/smoke_test.py dist/fieldreg

Every command runs the build's own executable with a bare environment: HOME is a fresh folder,
PATH holds no Python (an empty folder), nothing of the build machine's Python leaks in. It checks
`--version`; a laptop store (`init`, `register` in Cyrillic, `search`, `band print --pdf`, three
`bundle export`s) and a coordinator store importing the three bundles at once (the import decodes
in a worker process: the same executable started again, which is seen running and must not fail);
a store of the previous schema upgraded (migrations found); the desk starting into the first-run
wizard in Ukrainian (translations found: on Linux the window title is read from the X server under
Xvfb, elsewhere the desk runs offscreen and the log says which screen opened in which language);
portable mode leaving HOME untouched. It prints the build's size and the start-up time to the
unlock window beside `python -m fieldreg` measured in the same run, with the targets.

This is the Python of the build environment running the checks; the build never sees it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "store" / "fixtures"
FIXTURE_PASSPHRASE = "fixture store passphrase, not a secret"  # scripts/make_fixture_stores.py
PASSPHRASE = "smoke test passphrase, not a secret"
NETWORK_PASSPHRASE = "smoke test network passphrase"
SIZE_TARGET_MB = 150
START_TARGET_S = 3.0
WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")
UK_TITLE = "fieldreg: пункт реєстрації"  # MainWindow's title in fieldreg_uk.ts


class SmokeFailure(Exception):
    pass


def check(condition: object, what: str) -> None:
    if not condition:
        raise SmokeFailure(what)
    print(f"  ok  {what}")


class Build:
    def __init__(self, folder: Path, work: Path, display: str | None) -> None:
        self.folder = folder
        names = ["fieldreg-cli.exe", "fieldreg.exe"] if WINDOWS else ["fieldreg"]
        self.cli = next(folder / n for n in names if (folder / n).is_file())
        self.desk = folder / ("fieldreg.exe" if WINDOWS else "fieldreg")
        self.work = work
        self.display = display
        self.empty_path = work / "empty-path"
        self.empty_path.mkdir()

    def env(self, home: Path, **extra: str) -> dict[str, str]:
        env = {
            "PATH": str(self.empty_path),
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "FIELDREG_PASSPHRASE": PASSPHRASE,
            "FIELDREG_NETWORK_PASSPHRASE": NETWORK_PASSPHRASE,
            "FIELDREG_KDF_PROFILE": "minimum",  # the smoke test times start-up, not Argon2
        }
        if WINDOWS:  # a Windows process needs these to start at all
            for name in ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "TEMP", "TMP"):
                if name in os.environ:
                    env[name] = os.environ[name]
            env["USERPROFILE"] = env["APPDATA"] = env["LOCALAPPDATA"] = str(home)
        elif "TMPDIR" in os.environ:
            env["TMPDIR"] = os.environ["TMPDIR"]
        env.update(extra)
        return env

    def run(
        self, home: Path, *args: str, exe: Path | None = None, ok: bool = True, **extra: str
    ) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(exe or self.cli), *args],
            env=self.env(home, **extra),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
            check=False,
        )
        if ok and done.returncode != 0:
            raise SmokeFailure(f"fieldreg {' '.join(args)} exited {done.returncode}: {done.stderr}")
        return done


def children_of(pid: int) -> list[str]:
    """Command lines of the processes whose parent is `pid` (Linux /proc; else psutil)."""
    if LINUX:
        found = []
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                stat = (proc / "stat").read_text()
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                if parent == pid:
                    found.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode())
            except (OSError, ValueError, IndexError):
                continue
        return found
    import psutil

    try:
        return [" ".join(c.cmdline()) for c in psutil.Process(pid).children()]
    except (psutil.Error, OSError):
        return []


def file_tree(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under `folder` with its size and modification time."""
    tree = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        tree[str(path.relative_to(folder))] = (info.st_size, info.st_mtime_ns)
    return tree


@contextmanager
def xvfb() -> Iterator[str | None]:
    """An X server for the desk on Linux (None elsewhere, or when Xvfb is not installed and
    this is not CI: then the desk runs offscreen)."""
    if not LINUX or shutil.which("Xvfb") is None or shutil.which("xwininfo") is None:
        if LINUX and os.environ.get("CI") == "true":
            raise SmokeFailure("CI needs Xvfb and xwininfo (apt-get install xvfb x11-utils)")
        yield None
        return
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise SmokeFailure("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def window_titles(display: str) -> str:
    done = subprocess.run(
        ["xwininfo", "-root", "-tree"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
    return done.stdout


def start_desk(
    build: Build,
    command: list[str],
    home: Path,
    log: Path,
    expect: str,
    *,
    cwd: Path | None = None,
    **extra: str,
) -> tuple[float, str]:
    """Start the desk, wait for the log line saying which screen opened; stop it. Returns the
    seconds it took and the window titles (on X)."""
    if build.display:
        extra = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": build.display, **extra}
    else:
        extra = {"QT_QPA_PLATFORM": "offscreen", **extra}
    before = log.read_text(encoding="utf-8") if log.exists() else ""
    started = time.perf_counter()
    desk = subprocess.Popen(
        command,
        env=build.env(home, **extra),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    titles = ""
    try:
        deadline = started + 60
        while True:
            text = log.read_text(encoding="utf-8") if log.exists() else ""
            new = text[len(before) :]
            if "started:" in new:
                elapsed = time.perf_counter() - started
                break
            if desk.poll() is not None:
                output = desk.stdout.read().decode(errors="replace") if desk.stdout else ""
                raise SmokeFailure(f"the desk exited {desk.returncode}: {output}")
            if time.perf_counter() > deadline:
                raise SmokeFailure("the desk did not start within 60 s")
            time.sleep(0.01)
        check(expect in new, f"the desk's log says {expect!r}")
        if build.display:
            wait_until = time.perf_counter() + 10
            while UK_TITLE not in titles and time.perf_counter() < wait_until:
                titles = window_titles(build.display)
                time.sleep(0.05)
    finally:
        desk.terminate()
        try:
            desk.wait(timeout=20)
        except subprocess.TimeoutExpired:
            desk.kill()
            desk.wait()
    return elapsed, titles


def step_version(build: Build, home: Path) -> None:
    print("--version")
    text = build.run(home, "--version").stdout
    print(f"      {text.strip()}")
    check(text.startswith("fieldreg "), "it names fieldreg and its version")
    check("commit unknown" not in text or "--allow-unknown-commit" in sys.argv, "it names a commit")
    check("Qt 6." in text and "Python 3." in text, "it names the Qt and Python versions")


def step_stores(build: Build, home: Path) -> None:
    print("a laptop and a coordinator")
    hub, laptop = build.work / "hub", build.work / "laptop"

    def cli(store: Path, *args: str) -> str:
        return build.run(home, *args, "--data-dir", str(store)).stdout

    created = json.loads(
        cli(hub, "network", "create", "--point", "Хаб", "--operator", "Coord", "--json")
    )
    cli(laptop, "init", "--point", "Школа 5", "--operator", "Olena")
    request, answer = build.work / "request.txt", build.work / "answer.txt"
    cli(laptop, "enroll", "request", "--out", str(request))
    cli(hub, "enroll", "approve", str(request), "--prefix", "K7", "--out", str(answer))
    cli(laptop, "enroll", "accept", str(answer), "--fingerprint", created["fingerprint"])
    stick = build.work / "stick"
    stick.mkdir()
    people = {}
    for family, given in (("Мельник", "Іван"), ("Шевчук", "Ганна"), ("Коваленко", "Остап")):
        found = json.loads(cli(laptop, "register", "--family", family, "--given", given, "--json"))
        people[found["id"]] = family
        cli(laptop, "bundle", "export", "--out", str(stick))
    check(len(people) == 3, "register took three people with Cyrillic names")
    first = next(iter(people))
    check(first in cli(laptop, "search", "Мельник"), "search finds Мельник")
    pdf = build.work / "bands.pdf"
    cli(laptop, "band", "print", first, "--pdf", str(pdf))
    check(pdf.read_bytes()[:5] == b"%PDF-", "band print --pdf wrote a PDF (fonts found)")
    bundles = sorted(stick.glob("*.bundle"))
    check(len(bundles) == 3, "bundle export wrote three bundles")

    importing = subprocess.Popen(
        [str(build.cli), "bundle", "import", *map(str, bundles), "--json", "--data-dir", str(hub)],
        env=build.env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    workers: set[str] = set()
    while importing.poll() is None:
        workers.update(c for c in children_of(importing.pid) if "multiprocessing" in c)
        time.sleep(0.002)
    out, err = importing.communicate()
    if importing.returncode != 0:
        raise SmokeFailure(f"bundle import exited {importing.returncode}: {err}")
    outcomes = [entry["outcome"] for entry in json.loads(out)]
    check(outcomes == ["applied"] * 3, "the coordinator imported the three bundles")
    check(workers, "the import started its worker process (this executable, multiprocessing)")
    print(f"      worker: {sorted(workers)[0][:120]}")
    check("usage:" not in err and "error" not in err.lower(), "the worker ran (no usage error)")
    shown = cli(hub, "show", first)
    check(people[first] in shown, "the coordinator shows the imported person")
    # What the build leaves out of numpy and the codecs must not be what these need.
    cli(laptop, "register", "--family", "Мельник", "--given", "Иван", "--json")
    pairs = json.loads(cli(laptop, "duplicates", "find", "--json"))
    check(pairs, "duplicates find pairs Мельник Іван with Мельник Иван (the name matcher)")
    sheet = build.work / "people.xlsx"
    cli(hub, "export", "xlsx", "--out", str(sheet))
    check(sheet.read_bytes()[:2] == b"PK", "export xlsx wrote a workbook")


def step_hub(build: Build, home: Path) -> None:
    print("the hub (uvicorn and its by-name modules found)")
    hub, certs = build.work / "hub", build.work / "hub-tls"
    build.run(home, "hub", "certificate", "--out", str(certs), "--data-dir", str(hub))
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    serving = subprocess.Popen(
        [str(build.cli), "hub", "serve", "--listen", f"127.0.0.1:{port}", "--data-dir", str(hub),
         "--cert", str(certs / "hub-cert.pem"), "--key", str(certs / "hub-key.pem")],
        env=build.env(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        context = ssl.create_default_context(cafile=str(certs / "hub-cert.pem"))
        answer = ""
        deadline = time.monotonic() + 60
        while not answer and time.monotonic() < deadline and serving.poll() is None:
            try:
                with (
                    socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
                    context.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
                ):
                    tls.sendall(b"GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                b"Connection: close\r\n\r\n")  # fmt: skip
                    answer = tls.makefile("rb").read().decode("utf-8", "replace")
            except OSError:
                time.sleep(0.2)
        check(answer.startswith("HTTP/1.1 200"), "hub serve answers /v1/health over its TLS")
    finally:
        serving.terminate()
        _, err = serving.communicate(timeout=30)
    check("Traceback" not in err, "the hub stopped without a traceback")


def step_migration(build: Build, home: Path) -> None:
    print("a store of the previous schema")
    older = sorted(p for p in FIXTURES.iterdir() if (p / "expected.json").is_file())[-1]
    expected = json.loads((older / "expected.json").read_text(encoding="utf-8"))
    store = build.work / "older"
    store.mkdir(mode=0o700)
    for name in ("store.sqlite", "keyslots.json"):
        shutil.copy2(older / name, store / name)
    person, names = next(iter(expected["people"].items()))
    shown = build.run(
        home, "show", person, "--data-dir", str(store), FIELDREG_PASSPHRASE=FIXTURE_PASSPHRASE
    ).stdout
    check(names["family_name"] in shown, f"a {older.name} store opens, upgraded")
    backups = [p.name for p in (store / "backups").iterdir()]
    check(any(f"from-{older.name}" in b for b in backups), "the upgrade kept a backup first")


def step_desk(build: Build, home: Path) -> None:
    print("the desk")
    fresh = build.work / "fresh"
    fresh.mkdir(mode=0o700)
    (fresh / "settings.json").write_text('{"language": "uk"}', encoding="utf-8")
    _, titles = start_desk(
        build,
        [str(build.desk), "--data-dir", str(fresh)],
        home,
        fresh / "logs" / "fieldreg.log",
        "started: first run, language uk",
    )
    if build.display:
        check(UK_TITLE in titles, f"the window's title is {UK_TITLE!r} (translations found)")


def timed_starts(
    build: Build, home: Path, command: list[str], label: str, **extra: str
) -> list[float]:
    store = build.work / "laptop"
    times = []
    for _ in range(3):
        elapsed, _ = start_desk(
            build,
            [*command, "--data-dir", str(store)],
            home,
            store / "logs" / "fieldreg.log",
            "started: unlock",
            cwd=ROOT,
            **extra,
        )
        times.append(elapsed)
    print(f"      {label}: " + ", ".join(f"{t:.2f} s" for t in times))
    return times


def step_portable(build: Build, outer: Path) -> None:
    print("portable mode")
    home = outer / "portable-home"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents" / "note.txt").write_text("the laptop owner's file", encoding="utf-8")
    stick = outer / "stick"
    shutil.copytree(build.folder, stick / "fieldreg", symlinks=True)
    (stick / "fieldreg" / "portable").write_text("", encoding="utf-8")
    cli = stick / "fieldreg" / build.cli.name
    desk = stick / "fieldreg" / build.desk.name
    before = file_tree(home)
    build.run(home, "init", "--point", "Школа 5", "--operator", "Olena", exe=cli)
    build.run(home, "register", "--family", "Бондар", "--given", "Марія", exe=cli)
    data = stick / "fieldreg" / "fieldreg-data"
    pdf = outer / "portable.pdf"
    person = build.run(home, "search", "Бондар", "--json", exe=cli).stdout
    found = json.loads(person)
    check(found, "the portable store finds Бондар")
    build.run(home, "band", "print", found[0]["id"], "--pdf", str(pdf), exe=cli)
    start_desk(build, [str(desk)], home, data / "logs" / "fieldreg.log", ", portable")
    check((data / "store.sqlite").is_file(), "the store is in fieldreg-data beside the program")
    if not WINDOWS:
        check(data.stat().st_mode & 0o077 == 0, "fieldreg-data is private (0700)")
    after = file_tree(home)
    changed = sorted(set(before.items()) ^ set(after.items()))
    check(not changed, f"nothing under HOME changed ({len(after)} entries before and after)")
    if changed:
        print(changed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("build", type=Path, help="the onedir build (dist/fieldreg)")
    parser.add_argument(
        "--allow-unknown-commit", action="store_true", help="built outside a git checkout"
    )
    parser.add_argument(
        "--no-compare",
        action="store_true",
        help="do not time `python -m fieldreg` beside the build",
    )
    options = parser.parse_args()
    folder = options.build.resolve()
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fieldreg-smoke-") as tmp, xvfb() as display:
        work = Path(tmp)
        home = work / "home"
        home.mkdir()
        build = Build(folder, work, display)
        print(f"build: {folder} ({'X server ' + display if display else 'offscreen'})")
        frozen: list[float] = []
        plain: list[float] = []
        steps: list[tuple[str, Callable[[], None]]] = [
            ("version", lambda: step_version(build, home)),
            ("stores", lambda: step_stores(build, home)),
            ("hub", lambda: step_hub(build, home)),
            ("migration", lambda: step_migration(build, home)),
            ("desk", lambda: step_desk(build, home)),
            ("portable", lambda: step_portable(build, work)),
        ]
        for name, step in steps:
            try:
                step()
            except SmokeFailure as failure:
                failures += 1
                print(f"  FAIL {name}: {failure}")
        if (work / "laptop" / "keyslots.json").exists():
            print("start-up to the unlock window (3 starts each)")
            frozen = timed_starts(build, home, [str(build.desk)], "frozen build")
            if not options.no_compare:
                plain = timed_starts(
                    build,
                    home,
                    [sys.executable, "-m", "fieldreg"],
                    "python -m fieldreg",
                    PYTHONPATH=str(ROOT),
                )
    print()
    print(f"build size:     {size / 1e6:6.1f} MB   (target <= {SIZE_TARGET_MB} MB)")
    if frozen:
        print(
            f"start, frozen:  {statistics.median(frozen):6.2f} s    (median of 3; first "
            f"{frozen[0]:.2f} s; target <= {START_TARGET_S:.0f} s)"
        )
    if plain:
        print(
            f"start, python:  {statistics.median(plain):6.2f} s    (python -m fieldreg, "
            f"same machine, same run)"
        )
    if failures:
        print(f"{failures} step(s) FAILED")
        return 1
    print("all smoke checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
