"""Shared by the printing tests: a private CUPS scheduler with file-device queues, and the
reference tools (poppler's pdftoppm, zbar's zbarimg) that check what was printed.

The scheduler is our own `cupsd` on a socket in a temporary directory, configured here, so the
tests need neither root nor a running system CUPS and leave the machine's printers alone. Its
queues write each job to a file. CUPS refuses file devices for raw queues, so each queue gets a
tiny PPD whose only filter passes raw jobs (and PDF) through unchanged (`gziptoany` copies data
that is not compressed); a raw ZPL job then arrives in the file byte for byte, as it would at a
Zebra printer. Completed jobs and their files are not kept (`PreserveJob* No`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree

CUPS_TOOLS = ("cupsd", "lpadmin", "lp", "lpstat", "cupsdisable", "cupsenable")
START_TIMEOUT_S = 30.0
JOB_TIMEOUT_S = 60.0

_PPD = """*PPD-Adobe: "4.3"
*FormatVersion: "4.3"
*FileVersion: "1.0"
*LanguageVersion: English
*LanguageEncoding: ISOLatin1
*PCFileName: "FRTEST.PPD"
*Manufacturer: "fieldreg"
*Product: "(fieldreg test queue)"
*ModelName: "fieldreg test queue"
*ShortNickName: "fieldreg test queue"
*NickName: "fieldreg test queue"
*PSVersion: "(3010.000) 0"
*LanguageLevel: "3"
*ColorDevice: False
*DefaultColorSpace: Gray
*FileSystem: False
*Throughput: "1"
*LandscapeOrientation: Plus90
*TTRasterizer: Type42
*cupsVersion: 2.4
*cupsFilter: "application/vnd.cups-raw 0 gziptoany"
*cupsFilter: "application/vnd.cups-pdf 0 gziptoany"
*OpenUI *PageSize: PickOne
*OrderDependency: 10 AnySetup *PageSize
*DefaultPageSize: A4
*PageSize A4/A4: "<</PageSize[595 842]>>setpagedevice"
*CloseUI: *PageSize
*OpenUI *PageRegion: PickOne
*OrderDependency: 10 AnySetup *PageRegion
*DefaultPageRegion: A4
*PageRegion A4/A4: "<</PageSize[595 842]>>setpagedevice"
*CloseUI: *PageRegion
*DefaultImageableArea: A4
*ImageableArea A4/A4: "0 0 595 842"
*DefaultPaperDimension: A4
*PaperDimension A4/A4: "595 842"
"""


def cups_missing() -> str | None:
    """Why the CUPS tests cannot run here, or None."""
    missing = [tool for tool in CUPS_TOOLS if shutil.which(tool) is None]
    if Path("/usr/sbin/cupsd").exists() and "cupsd" in missing:
        missing.remove("cupsd")
    return f"CUPS is not installed (missing {', '.join(missing)})" if missing else None


class CupsDied(AssertionError):
    """The private scheduler exited while starting (a config it refused, a missing file...)."""

    def __init__(self, code: int, log: str) -> None:
        super().__init__(f"cupsd exited with status {code} while starting:\n{log}")


def scheduler_running(lpstat_answer: str) -> bool:
    """Whether `lpstat -r` said the scheduler runs (its exit status says nothing about it)."""
    return lpstat_answer.strip() == "scheduler is running"


class PrivateCups:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.socket = base / "cups.sock"
        self.out = base / "out"
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: BinaryIO | None = None

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": str(self.socket), "LC_ALL": "C"}

    def run(self, *command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(command), env=self.env, capture_output=True, text=True, timeout=60, check=False
        )

    def start(self) -> None:
        for name in ("spool", "cache", "state", "log", "out"):
            (self.base / name).mkdir()
        temp = self.base / "tmp"
        temp.mkdir()
        temp.chmod(0o1777)  # filters run as the scheduler's "lp" user when it runs as root
        self.base.chmod(0o755)
        (self.base / "cupsd.conf").write_text(
            f"Listen {self.socket}\nLogLevel warn\nBrowsing No\nWebInterface No\n"
            "PreserveJobFiles No\nPreserveJobHistory No\nDefaultPolicy open\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy open>\n  JobPrivateAccess all\n  JobPrivateValues none\n"
            "  SubscriptionPrivateAccess all\n  SubscriptionPrivateValues none\n"
            "  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n",
            encoding="utf-8",
        )
        b = self.base
        (b / "cups-files.conf").write_text(self.files_conf(), encoding="utf-8")
        (b / "fieldreg-test.ppd").write_text(_PPD, encoding="ascii")
        cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
        self._stderr = (b / "log" / "cupsd.stderr").open("wb")
        self._process = subprocess.Popen(
            [cupsd, "-f", "-c", str(b / "cupsd.conf"), "-s", str(b / "cups-files.conf")],
            stdout=subprocess.DEVNULL,
            stderr=self._stderr,
            start_new_session=True,
        )
        wait_until(self.ready, START_TIMEOUT_S, "cupsd")
        _point_libcups_at(self.socket)

    def files_conf(self) -> str:
        b = self.base
        return (
            f"ServerRoot {b}\nRequestRoot {b / 'spool'}\nCacheDir {b / 'cache'}\n"
            f"StateDir {b / 'state'}\nTempDir {b / 'tmp'}\nAccessLog {b / 'log' / 'access_log'}\n"
            f"ErrorLog {b / 'log' / 'error_log'}\nPageLog {b / 'log' / 'page_log'}\n"
            # A private printcap: a bare `Printcap` line is fatal to cups 2.4.2-3+deb12u10.
            f"FileDevice Yes\nPrintcap {b / 'state' / 'printcap'}\n"
        )

    def ready(self) -> bool:
        """True once the scheduler answers; raises with its own words if it died on the way.

        `lpstat -r` exits 0 even when it prints "scheduler is not running": read the answer."""
        if self._process is not None and self._process.poll() is not None:
            raise CupsDied(self._process.returncode, self.error_log())
        answer = self.run("lpstat", "-r").stdout
        return scheduler_running(answer)

    def error_log(self) -> str:
        """What the scheduler said about itself: its stderr, then the tail of its error log."""
        parts = []
        for path in (self.base / "log" / "cupsd.stderr", self.base / "log" / "error_log"):
            if path.exists():
                parts.append(path.read_text(encoding="utf-8", errors="replace")[-4000:])
        return "\n".join(part.strip() for part in parts if part.strip()) or "(no log)"

    def stop(self) -> None:
        if self._stderr is not None:
            self._stderr.close()
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        shutil.rmtree(self.base, ignore_errors=True)

    def add_queue(self, name: str) -> Path:
        """A queue that writes every job to a file; returns the file's path."""
        device = self.out / f"{name}.out"
        # Debian's cups (2.4.2-3+deb12u10) opens a file device O_WRONLY|O_EXCL without O_CREAT:
        # the file must exist, and a job overwrites it from the start without truncating.
        device.touch(mode=0o600)
        ppd = str(self.base / "fieldreg-test.ppd")
        done = self.run("lpadmin", "-p", name, "-v", f"file://{device}", "-P", ppd, "-E")
        assert done.returncode == 0, done.stderr
        return device

    def remove_queue(self, name: str) -> None:
        self.run("lpadmin", "-x", name)

    def disable(self, name: str) -> None:
        assert self.run("cupsdisable", name).returncode == 0


def start_private_cups() -> PrivateCups:
    server = PrivateCups(Path(tempfile.mkdtemp(prefix="fieldreg-cups-")))
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll an external process's progress (no Qt event loop is involved)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def wait_for_job(device: Path, complete: Callable[[bytes], bool]) -> bytes:
    """The bytes the queue wrote to its device file, once `complete` says they are all there."""
    wait_until(lambda: complete(device.read_bytes()), JOB_TIMEOUT_S, "the print job")
    return device.read_bytes()


def _point_libcups_at(socket: Path) -> None:
    """Qt reads the server through libcups, which caches it on first use; set it outright."""
    name = ctypes.util.find_library("cups")
    if name is None:
        return
    libcups = ctypes.CDLL(name)
    libcups.cupsSetServer.argtypes = [ctypes.c_char_p]
    libcups.cupsSetServer(str(socket).encode())


def decode_qr(image: Path) -> list[str]:
    """Every QR code zbar finds in the image, as text."""
    done = subprocess.run(
        ["zbarimg", "--nodbus", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.stdout.splitlines()


def decode_each(images: list[Path]) -> dict[Path, list[str]]:
    """The QR codes zbar finds in each image, with one zbar run for all of them."""
    done = subprocess.run(
        ["zbarimg", "--nodbus", "--xml", "-q", "-Sdisable", "-Sqrcode.enable", *map(str, images)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    found: dict[Path, list[str]] = {image: [] for image in images}
    namespace = {"z": "http://zbar.sourceforge.net/2008/barcode"}
    # zbar's own report about files this test wrote, not untrusted input
    for source in ElementTree.fromstring(done.stdout).findall("z:source", namespace):  # noqa: S314
        data = source.findall(".//z:data", namespace)
        found[Path(source.attrib["href"])] = [item.text or "" for item in data]
    return found


def render_pages(pdf: Path, dpi: int, out_dir: Path) -> list[Path]:
    prefix = out_dir / f"{pdf.stem}-{dpi}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return sorted(out_dir.glob(f"{prefix.name}-*.png"))


def tools_missing(*tools: str) -> str | None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    return f"not installed: {', '.join(missing)}" if missing else None
