"""What `fieldreg --version` and the About box say about this build.

A frozen build carries `fieldreg/_build_info.json`, written by `packaging/fieldreg.spec` when it
was built (the git commit and the Qt version it bundles); a source checkout reads its commit from
git; anything else says "unknown". Nothing here imports Qt: the CLI stays light.
"""

from __future__ import annotations

import json
import platform
import re
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Final

from fieldreg import __version__

BUILD_INFO_FILE: Final = "_build_info.json"
UNKNOWN: Final = "unknown"
_MAX_BYTES: Final = 4096


@dataclass(frozen=True, slots=True)
class BuildInfo:
    version: str
    commit: str
    qt: str
    python: str

    def line(self) -> str:
        return f"fieldreg {self.version} (commit {self.commit}), Qt {self.qt}, Python {self.python}"


def _package_dir() -> Path:
    return Path(__file__).resolve().parent.parent


def _baked() -> dict[str, str]:
    """The file the spec wrote at build time; {} when there is none or it is not ours."""
    path = _package_dir() / BUILD_INFO_FILE
    try:
        with path.open("rb") as handle:
            raw = handle.read(_MAX_BYTES + 1)
        parsed = json.loads(raw) if len(raw) <= _MAX_BYTES else None
    except (OSError, ValueError):
        return {}
    if not isinstance(parsed, dict):
        return {}
    return {k: v for k, v in parsed.items() if isinstance(k, str) and isinstance(v, str) and v}


def git_commit(checkout: Path) -> str:
    """The short commit of a source checkout (with "-dirty" for uncommitted changes)."""
    if not (checkout / ".git").exists():
        return UNKNOWN
    try:
        done = subprocess.run(
            ["git", "-C", str(checkout), "describe", "--always", "--dirty", "--abbrev=12"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return UNKNOWN
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and commit else UNKNOWN


def _distribution_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return UNKNOWN


def build_info() -> BuildInfo:
    baked = _baked()
    commit = baked.get("commit") or git_commit(_package_dir().parent)
    # PySide6 wheels carry the Qt release of their own version number; a frozen build names the
    # Qt it bundles, read with qVersion() when it was built.
    qt = baked.get("qt") or _distribution_version("PySide6-Essentials")
    return BuildInfo(__version__, commit, qt, platform.python_version())


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    version: str
    licence: str  # an SPDX expression or the package's own words; "" when it states none


def _licence(meta: metadata.PackageMetadata) -> str:
    fields = meta.json
    expression = fields.get("license_expression")
    if isinstance(expression, str) and expression:
        return expression
    text = fields.get("license")
    text = text.strip() if isinstance(text, str) else ""
    if text and "\n" not in text and len(text) <= 80:
        return text
    classifiers = fields.get("classifier") or []
    return ", ".join(
        c.rsplit(" :: ", 1)[-1]
        for c in (classifiers if isinstance(classifiers, list) else [classifiers])
        if c.startswith("License :: ") and "Other/Proprietary" not in c
    )


def _requirement_name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", requirement.strip(), maxsplit=1)[0]


def python_components(root: str = "fieldreg") -> list[Component]:
    """The Python distributions fieldreg runs on, found from its own requirements (extras left
    out; a requirement not installed here, such as another platform's, is skipped), with the
    licence each one's metadata states. A frozen build carries that metadata."""
    found: dict[str, Component] = {}
    pending = [root]
    while pending:
        name = pending.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in found:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        meta = distribution.metadata
        found[key] = Component(str(meta["Name"]), distribution.version, _licence(meta))
        for requirement in distribution.requires or []:
            if "extra ==" not in requirement.replace('"', "").replace("'", ""):
                pending.append(_requirement_name(requirement))
    own = re.sub(r"[-_.]+", "-", root).lower()
    return sorted((c for k, c in found.items() if k != own), key=lambda c: c.name.lower())
