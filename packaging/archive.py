"""The Linux download: `dist/fieldreg-VERSION-linux-ARCH.tar.gz` from the onedir build
(`make package` runs this after PyInstaller; elsewhere it only prints the build's size).

    fieldreg-VERSION/
        fieldreg, _internal/        the build, run in place (`./fieldreg`)
        install.sh                  puts the menu entry and icons in ~/.local/share (no root)
        fieldreg.desktop            the menu entry install.sh fills in
        icons/hicolor/SIZExSIZE/apps/fieldreg.png
        README.txt                  the field team's instructions (docs/field-install.md)

For a USB stick: unpack it on the stick and create an empty file `portable` beside `fieldreg`.
"""

from __future__ import annotations

import io
import platform
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fieldreg import __version__  # noqa: E402

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

INSTALL_SH = """#!/bin/sh
# Adds fieldreg to the applications menu of this user (nothing outside ~/.local/share).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$share/applications"
for icon in "$here"/icons/hicolor/*/apps/fieldreg.png; do
    size=$(basename "$(dirname "$(dirname "$icon")")")
    mkdir -p "$share/icons/hicolor/$size/apps"
    cp "$icon" "$share/icons/hicolor/$size/apps/fieldreg.png"
done
sed "s|^Exec=.*|Exec=\\"$here/fieldreg\\"|" "$here/fieldreg.desktop" \\
    > "$share/applications/fieldreg.desktop"
echo "fieldreg is in the applications menu (Office)."
echo "To remove it: rm $share/applications/fieldreg.desktop"
"""


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _add_text(archive: tarfile.TarFile, name: str, text: str, mode: int) -> None:
    data = text.encode("utf-8")
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = mode
    info.mtime = int(Path(__file__).stat().st_mtime)
    archive.addfile(info, io.BytesIO(data))


def linux_tarball(dist: Path) -> Path:
    build = dist / "fieldreg"
    top = f"fieldreg-{__version__}"
    target = dist / f"{top}-linux-{platform.machine()}.tar.gz"
    icons = ROOT / "resources" / "icons"
    with tarfile.open(target, "w:gz", compresslevel=9) as archive:
        archive.add(build, arcname=top)
        archive.add(ROOT / "packaging" / "fieldreg.desktop", arcname=f"{top}/fieldreg.desktop")
        for size in ICON_SIZES:
            png = icons / f"fieldreg-{size}.png"
            if png.is_file():
                archive.add(png, arcname=f"{top}/icons/hicolor/{size}x{size}/apps/fieldreg.png")
        _add_text(archive, f"{top}/install.sh", INSTALL_SH, 0o755)
        guide = ROOT / "docs" / "field-install.md"
        if guide.is_file():
            _add_text(archive, f"{top}/README.txt", guide.read_text(encoding="utf-8"), 0o644)
    return target


def main() -> int:
    dist = Path(sys.argv[1] if len(sys.argv) > 1 else "dist").resolve()
    build = dist / "fieldreg"
    print(f"onedir build: {build} ({_size(build) / 1e6:.1f} MB, target <= 150 MB)")
    if sys.platform.startswith("linux"):
        target = linux_tarball(dist)
        print(f"tarball:      {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
