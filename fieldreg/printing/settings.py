"""Printing settings: a small JSON file in the data directory (``printing.json``, mode 0600).

It holds only choices about media and printers, never anything about a person, so it is readable
before the store is unlocked (printers are chosen on the settings screen, not per person). Unknown
keys are ignored so that a file written by a newer fieldreg still opens; a known key with a bad
value is refused with its name, and `fieldreg band settings --reset` writes the defaults again.
"""

from __future__ import annotations

import json
import re
import secrets
import unicodedata
from dataclasses import asdict, dataclass, replace
from pathlib import Path, PurePath
from typing import Any, Final

from fieldreg.core.errors import FieldregError, os_error_reason
from fieldreg.crypto.durable_file import fsync_dir, read_limited, write_new_file
from fieldreg.printing.layouts import DEFAULT_SHOWN, SHOWABLE
from fieldreg.printing.spool import check_queue_name
from fieldreg.printing.stocks import DEFAULT_STOCK, STOCKS
from fieldreg.printing.zpl import DEFAULT_TEXT_FONT

FILE_NAME: Final = "printing.json"
MAX_BYTES: Final = 16 * 1024
MAX_TAG_COPIES: Final = 24
MAX_CHILD_BAND_AGE: Final = 18
MAX_FOLDER_CHARS: Final = 1024
BAND_OUTPUTS: Final = ("zpl", "system")
# A font on a Zebra printer: drive letter, 1-16 character name, TrueType or bitmap extension.
_ZPL_FONT: Final = re.compile(r"[REBA]:[A-Z0-9_\-]{1,16}\.(?:TTF|TTE|FNT)")


@dataclass(frozen=True, slots=True)
class PrintSettings:
    stock: str = DEFAULT_STOCK  # the stock `band print` uses unless told otherwise
    printer: str | None = None  # the queue the desk prints to
    band_output: str = "zpl"  # how bands reach a queue: raw ZPL, or PDF through the driver
    shown: tuple[str, ...] = DEFAULT_SHOWN  # fields printed besides the ID (see layouts)
    tag_copies: int = 2  # tags per person on a sheet
    zpl_text_font: str = DEFAULT_TEXT_FONT  # printer font for names in ZPL
    # People younger than this get the child band (of the chosen stock's resolution); 0: never.
    child_band_under: int = 12
    # The folder the desk last saved a PDF in: a folder only, since a file name may hold a name.
    pdf_folder: str | None = None

    def changed(self, **untrusted: object) -> PrintSettings:
        """A copy with some values replaced, each checked as if read from the file."""
        values = {**_as_json(self), **untrusted}
        return settings_from(values)


def settings_from(untrusted: object) -> PrintSettings:
    if not isinstance(untrusted, dict):
        raise FieldregError("print.settings_invalid", key="(file)")
    defaults = PrintSettings()
    values: dict[str, Any] = {}
    stock = untrusted.get("stock", defaults.stock)
    if not isinstance(stock, str) or stock not in STOCKS:
        raise FieldregError("print.settings_invalid", key="stock")
    values["stock"] = stock
    printer = untrusted.get("printer", defaults.printer)
    if printer is not None:
        try:
            check_queue_name(printer)
        except FieldregError:
            raise FieldregError("print.settings_invalid", key="printer") from None
    values["printer"] = printer
    band_output = untrusted.get("band_output", defaults.band_output)
    if band_output not in BAND_OUTPUTS:
        raise FieldregError("print.settings_invalid", key="band_output")
    values["band_output"] = band_output
    shown = untrusted.get("shown", list(defaults.shown))
    if (
        not isinstance(shown, (list, tuple))
        or not all(isinstance(name, str) and name in SHOWABLE for name in shown)
        or len(set(shown)) != len(shown)
    ):
        raise FieldregError("print.settings_invalid", key="shown")
    values["shown"] = tuple(name for name in SHOWABLE if name in shown)
    copies = untrusted.get("tag_copies", defaults.tag_copies)
    if isinstance(copies, bool) or not isinstance(copies, int):
        raise FieldregError("print.settings_invalid", key="tag_copies")
    if not 1 <= copies <= MAX_TAG_COPIES:
        raise FieldregError("print.settings_invalid", key="tag_copies")
    values["tag_copies"] = copies
    font = untrusted.get("zpl_text_font", defaults.zpl_text_font)
    if not isinstance(font, str) or not _ZPL_FONT.fullmatch(font):
        raise FieldregError("print.settings_invalid", key="zpl_text_font")
    values["zpl_text_font"] = font
    child_age = untrusted.get("child_band_under", defaults.child_band_under)
    if isinstance(child_age, bool) or not isinstance(child_age, int):
        raise FieldregError("print.settings_invalid", key="child_band_under")
    if not 0 <= child_age <= MAX_CHILD_BAND_AGE:
        raise FieldregError("print.settings_invalid", key="child_band_under")
    values["child_band_under"] = child_age
    folder = untrusted.get("pdf_folder", defaults.pdf_folder)
    if folder is not None and not _is_folder_path(folder):
        raise FieldregError("print.settings_invalid", key="pdf_folder")
    values["pdf_folder"] = folder
    return replace(defaults, **values)


def _is_folder_path(untrusted: object) -> bool:
    """An absolute path of printable characters that does not name a PDF file."""
    if not isinstance(untrusted, str) or not 0 < len(untrusted) <= MAX_FOLDER_CHARS:
        return False
    if any(unicodedata.category(char)[0] == "C" for char in untrusted):
        return False
    path = PurePath(untrusted)
    return path.is_absolute() and path.suffix.lower() != ".pdf"


def load_settings(path: Path) -> PrintSettings:
    """The settings in `path`, or the defaults when there is no file yet."""
    try:
        raw = read_limited(path, MAX_BYTES)
    except OSError as exc:
        raise FieldregError("print.settings_unreadable", reason=os_error_reason(exc)) from None
    if raw is None:
        return PrintSettings()
    if len(raw) > MAX_BYTES:
        raise FieldregError("print.settings_invalid", key="(file)")
    try:
        untrusted = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise FieldregError("print.settings_invalid", key="(file)") from None
    return settings_from(untrusted)


def save_settings(path: Path, settings: PrintSettings) -> None:
    """Replace the file durably: a new 0600 file beside it, synced, then renamed over it."""
    data = json.dumps(_as_json(settings), indent=2, sort_keys=True).encode("utf-8") + b"\n"
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_new_file(temporary, data)
        temporary.replace(path)
        fsync_dir(path.parent)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise FieldregError("print.settings_unwritable", reason=os_error_reason(exc)) from None


def _as_json(settings: PrintSettings) -> dict[str, Any]:
    values = asdict(settings)
    values["shown"] = list(settings.shown)
    return values
