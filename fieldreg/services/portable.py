"""Portable mode: the whole application on a USB stick, nothing left on the laptop.

A file named `portable` beside the executable (or the `--portable` option) puts the data folder
(store, settings, logs) in `fieldreg-data/` beside the application, and points every place where
Qt and the libraries under it write for the user (Qt's own settings and caches, fontconfig's
cache, the GPU shader caches) at `fieldreg-data/profile/`, so the user profile is never written.
All of it is private (0700 folders; the store's files are 0600), as in the normal data folder.

"Beside the application" is the folder of the frozen executable (for a macOS `.app`, the folder
holding the `.app`); from a source checkout, the folder of the script that started Python.

The environment is set here, for this process and the worker it starts, before Qt starts:
Qt reads XDG_CONFIG_HOME / XDG_CACHE_HOME / XDG_DATA_HOME on Linux and APPDATA / LOCALAPPDATA
on Windows. docs/field-install.md lists what this cannot cover (the Windows registry entries of
the system's own file dialogs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Final

MARKER: Final = "portable"
DATA_FOLDER: Final = "fieldreg-data"
PROFILE_FOLDER: Final = "profile"


def application_dir() -> Path:
    """The folder the application runs from."""
    if getattr(sys, "frozen", False):
        folder = Path(sys.executable).resolve().parent
        # fieldreg.app/Contents/MacOS/fieldreg: the stick's folder is the one holding the .app.
        if folder.name == "MacOS" and folder.parent.parent.suffix == ".app":
            return folder.parent.parent.parent
        return folder
    return Path(sys.argv[0] or ".").resolve().parent


def marker_present() -> bool:
    return (application_dir() / MARKER).is_file()


def portable_root(*, forced: bool = False) -> Path | None:
    """The portable data folder if portable mode is on (`forced` by `--portable`), else None."""
    return application_dir() / DATA_FOLDER if forced or marker_present() else None


def _private_dir(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path


def profile_environment(root: Path) -> dict[str, str]:
    """The variables that send per-user writes of Qt and its libraries under `root`."""
    profile = root / PROFILE_FOLDER
    if sys.platform == "win32":
        return {
            "APPDATA": str(profile / "Roaming"),
            "LOCALAPPDATA": str(profile / "Local"),
        }
    env = {
        "XDG_CONFIG_HOME": str(profile / "config"),
        "XDG_CACHE_HOME": str(profile / "cache"),
        "XDG_DATA_HOME": str(profile / "data"),
        "XDG_STATE_HOME": str(profile / "state"),
    }
    if sys.platform == "darwin":
        # Qt on macOS asks the system for its folders, and the system answers from $HOME.
        env["HOME"] = str(profile / "home")
    return env


def activate(*, forced: bool = False) -> Path | None:
    """Turn portable mode on when asked (`--portable`) or when the marker file is there; set up
    the environment before anything else writes. Returns the portable data folder, or None."""
    root = portable_root(forced=forced)
    if root is None:
        return None
    _private_dir(root)
    for name, value in profile_environment(root).items():
        _private_dir(Path(value))
        os.environ[name] = value
    return root
