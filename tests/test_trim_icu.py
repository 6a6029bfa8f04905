"""The frozen Linux build's smaller ICU data (packaging/trim_icu.py): Qt still sorts and
case-maps Ukrainian, Russian and English as before, with the trimmed library in place of the
wheel's, and the items the desk needs stay while the rest goes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import trim_icu  # noqa: E402

# Sorted with each language's collation, which code-point order does not give (Ґ is U+0490, after
# я; Ё is U+0401, before а) — so a missing or broken collation shows.
_PROBE = """
import functools, sys
from PySide6.QtCore import QCollator, QCoreApplication, QLocale
app = QCoreApplication([])
def order(language, words):
    return sorted(words, key=functools.cmp_to_key(QCollator(QLocale(language)).compare))
print(order("uk", ["дах", "ґава", "гава", "їжак", "іній", "ява"]))
print(order("ru", ["жук", "ёж", "еж", "яма"]))
print(order("en", ["b", "B", "a", "A"]))
print(QLocale("uk").toUpper("ґанок їжак"), QLocale("ru").toLower("ЁЖИК"))
print(sorted({line.split()[-1] for line in open("/proc/self/maps") if "icudata" in line}))
"""
_EXPECTED = [
    "['гава', 'ґава', 'дах', 'іній', 'їжак', 'ява']",
    "['еж', 'ёж', 'жук', 'яма']",
    "['a', 'A', 'b', 'B']",
    "ҐАНОК ЇЖАК ёжик",
]


def _wheel_icu_data() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no bundled ICU (not a Linux wheel)")
    return found[0]


def _probe(preload: Path | None) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if preload is not None:
        env["LD_PRELOAD"] = str(preload)
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


KEPT = [
    "coll/uk.res", "coll/ru.res", "coll/root.res", "coll/ucadata.icu", "en_GB.res", "zone/uk.res",
    "supplementalData.res", "zoneinfo64.res", "ibm-5347_P100-1998.cnv", "nfc.nrm",
    "brkitr/word.brk",
]  # fmt: skip
DROPPED = ["coll/zh.res", "de.res", "brkitr/cjdict.dict", "translit/root.res", "gb18030.cnv"]


@pytest.mark.parametrize("item", KEPT)
def test_what_the_desks_languages_need_is_kept(item: str) -> None:
    assert trim_icu.keep(item)


@pytest.mark.parametrize("item", DROPPED)
def test_other_languages_dictionaries_and_charsets_go(item: str) -> None:
    assert not trim_icu.keep(item)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ICU is bundled only on Linux")
def test_qt_sorts_and_case_maps_the_same_with_the_trimmed_data(tmp_path: Path) -> None:
    original = _wheel_icu_data()
    trimmed = tmp_path / original.name
    trimmed.write_bytes(original.read_bytes())

    before, after = trim_icu.trim(trimmed)

    assert after < before / 4  # 31 MB -> under 8 MB
    with_wheel, with_trimmed = _probe(None), _probe(trimmed)
    assert with_wheel[:4] == _EXPECTED
    assert with_trimmed[:4] == _EXPECTED
    assert with_trimmed[4] == str([str(trimmed)])  # the probe really ran on the trimmed data


def test_a_library_that_is_not_icu_data_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "libicudata.so.73"
    other.write_bytes(Path(trim_icu.__file__).read_bytes())

    with pytest.raises(SystemExit, match="not an ICU data library"):
        trim_icu.trim(other)
