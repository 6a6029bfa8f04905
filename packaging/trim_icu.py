"""Make the Linux build's ICU data library hold only what fieldreg's languages need.

PySide6's Linux wheels ship ICU, whose data library (`libicudata.so.NN`, 31 MB) holds every
locale's names, currencies, units, time zone names, collation and break rules, the CJK and South
East Asian word dictionaries and 200 legacy character sets. Qt asks ICU for collation (sorting
names in lists), case mapping, break iteration and character set conversion; the desk speaks
English, Ukrainian and Russian and sorts names in those scripts. Kept: the root locale and every
`en*`, `uk*` and `ru*` bundle of each tree, everything that is not per locale (Unicode
properties, normalisation, the collation base table `ucadata`, plural rules, time zone rules,
supplemental data), the converters of the character sets people in the region meet (UTF,
Windows-1251/1252, KOI8-R/U, ISO-8859-1/5, CP866); a locale that is not kept falls back to root,
as ICU does for any locale it lacks. Nothing else of the application changes.

How: the library is one symbol, `icudtNN_dat`, ICU's common data package. This script copies it
out, removes the other items with ICU's own `icupkg` (Debian/Ubuntu package `icu-devtools`), and
links a library with the same soname and symbol from the smaller package (`gcc`, `.incbin`).

    python packaging/trim_icu.py dist/fieldreg/_internal/PySide6/Qt/lib/libicudata.so.73
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TOOLS = ("icupkg", "gcc", "nm", "readelf")
LANGUAGES = ("en", "uk", "ru")
# Per-locale trees (and the top level, which is the "locales" tree): a bundle there is kept only if
# it is root, a pool or index of the tree, or one of LANGUAGES (with any region or script).
_LOCALE_ITEM = re.compile(r"^(?:(?P<tree>[a-z]+)/)?(?P<name>[A-Za-z0-9_]+)\.res$")
_TREES = frozenset({"", "coll", "curr", "lang", "region", "unit", "zone", "rbnf", "brkitr"})
_ALWAYS = frozenset({"root", "pool", "res_index"})
# Non-locale top-level bundles (supplemental data, time zones, plurals, ...) look like locale
# names only by accident: these names are kept whatever they are.
_DATA_BUNDLES = re.compile(
    r"^(supplementalData|likelySubtags|metadata|metaZones|timezoneTypes|windowsZones|zoneinfo64"
    r"|numberingSystems|plurals|pluralRanges|dayPeriods|genderList|grammaticalFeatures"
    r"|keyTypeData|langInfo|currencyNumericCodes|icuver|icustd|units|unitsTest|personNames"
    r"|convertrs)$"
)
_CONVERTERS_KEPT = re.compile(
    r"^(ibm-5347_P100-1998|ibm-5348_P100-1997|ibm-878_P100-1996|ibm-1168_P100-2002"
    r"|ibm-915_P100-1995|ibm-866_P100-1995|ibm-1252_P100-2000|ibm-912_P100-1995)\.cnv$"
)
_DROPPED_TREES = ("translit/",)  # transliteration rules: Qt never asks for them


def keep(item: str) -> bool:
    """Whether package item `item` (its name without the package prefix) stays."""
    if item.startswith(_DROPPED_TREES):
        return False
    if item.endswith(".cnv"):
        return _CONVERTERS_KEPT.match(item) is not None
    if item.endswith(".dict"):  # word dictionaries of CJK, Thai, Lao, Khmer, Burmese
        return False
    match = _LOCALE_ITEM.match(item)
    if match is None or (match["tree"] or "") not in _TREES:
        return True  # Unicode data, normalisation, collation base, break rules (.brk), ...
    name = match["name"]
    if name in _ALWAYS or (not match["tree"] and _DATA_BUNDLES.match(name)):
        return True
    return name.split("_")[0] in LANGUAGES


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the library's `icudtNN_dat` symbol."""
    listed = subprocess.run(
        ["nm", "-D", "-S", "--defined-only", str(library)],
        capture_output=True,
        text=True,
        check=False,
    )
    symbols = listed.stdout.split() if listed.returncode == 0 else []
    found = [i for i, word in enumerate(symbols) if re.fullmatch(r"icudt\d+_dat", word)]
    if len(found) != 1:
        raise SystemExit(f"{library}: not an ICU data library (no single icudtNN_dat symbol)")
    name = symbols[found[0]]
    address, size = int(symbols[found[0] - 3], 16), int(symbols[found[0] - 2], 16)
    sections = subprocess.run(
        ["readelf", "-S", "-W", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in sections.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            start, offset = int(fields[3], 16), int(fields[4], 16)
            return name, offset + address - start, size
    raise SystemExit(f"{library}: no .rodata section")


def _soname(library: Path) -> str:
    dynamic = subprocess.run(
        ["readelf", "-d", str(library)], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", dynamic)
    return found[1] if found else library.name


def trim(library: Path) -> tuple[int, int]:
    """Replace `library` by the trimmed one; returns (bytes before, bytes after)."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"trim_icu: missing {', '.join(missing)} (apt install icu-devtools gcc)")
    symbol, offset, size = _data_symbol(library)
    before = library.stat().st_size
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        with library.open("rb") as file:
            file.seek(offset)
            package = file.read(size)
        if package[2:4] != b"\xda\x27" or b"CmnD" not in package[:32]:
            raise SystemExit(f"{library}: the {symbol} symbol is not an ICU common data package")
        # icupkg wants the file named after the package its items are in (icudt73l: little-endian).
        package_name = symbol.removesuffix("_dat") + ("l" if sys.byteorder == "little" else "b")
        (work / "in").mkdir()
        (work / "out").mkdir()
        source = work / "in" / f"{package_name}.dat"
        source.write_bytes(package)
        listing = subprocess.run(
            ["icupkg", "-l", str(source)], capture_output=True, text=True, check=True
        ).stdout.split()
        dropped = [item for item in listing if not keep(item)]
        (work / "dropped.txt").write_text("\n".join(dropped) + "\n", encoding="ascii")
        trimmed = work / "out" / f"{package_name}.dat"
        subprocess.run(
            # brkitr/root.res names the word dictionaries: without them ICU breaks Thai and CJK
            # text by character, which the desk never shows.
            ["icupkg", "--ignore-deps", "-r", str(work / "dropped.txt"), str(source), str(trimmed)],
            check=True,
            capture_output=True,
        )
        assembly = work / "data.S"
        assembly.write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            "\t.balign 16\n"
            f"{symbol}:\n"
            f'\t.incbin "{trimmed}"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        built = work / library.name
        subprocess.run(
            [
                "gcc",
                "-shared",
                "-nostdlib",
                f"-Wl,-soname,{_soname(library)}",
                "-o",
                str(built),
                str(assembly),
            ],
            check=True,
        )
        shutil.copyfile(built, library)
    return before, library.stat().st_size


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    before, after = trim(Path(argv[1]))
    print(f"ICU data: {before / 2**20:.1f} MB -> {after / 2**20:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
