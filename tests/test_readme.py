"""What a newcomer reads first stays true: the README's Layout lists every package, its links
lead to files that exist in the repository, and nothing sends the reader outside it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"


def _layout_block() -> str:
    text = README.read_text(encoding="utf-8")
    heading = text.index("\n## Layout\n")
    start = text.index("```", heading)
    end = text.index("```", start + 3)
    return text[start + 3 : end]


def _packages() -> list[str]:
    package = ROOT / "fieldreg"
    # A folder of modules is a package, with or without an __init__.py (services is a
    # namespace package).
    return sorted(
        f"fieldreg/{folder.name}"
        for folder in package.iterdir()
        if folder.is_dir() and not folder.name.startswith("_") and any(folder.glob("*.py"))
    )


def test_the_layout_lists_every_package() -> None:
    listed = set(re.findall(r"^(fieldreg/\w+)", _layout_block(), flags=re.MULTILINE))
    assert [name for name in _packages() if name not in listed] == []
    assert sorted(listed - set(_packages())) == []


def _links(path: Path) -> list[str]:
    return re.findall(r"\]\(([^)\s#]+)(?:#[^)]*)?\)", path.read_text(encoding="utf-8"))


def test_readme_and_docs_link_only_to_files_in_the_repository() -> None:
    broken = []
    for document in [README, *sorted(DOCS.glob("*.md"))]:
        for target in _links(document):
            if re.match(r"[a-z]+://", target):
                continue
            resolved = (document.parent / target).resolve()
            if not resolved.is_relative_to(ROOT) or not resolved.exists():
                broken.append(f"{document.relative_to(ROOT)} -> {target}")
    assert broken == []


def test_nothing_sends_the_reader_to_the_shared_folder() -> None:
    mentions = [
        str(document.relative_to(ROOT))
        for document in [README, *sorted(DOCS.glob("*.md"))]
        if "../shared" in document.read_text(encoding="utf-8")
    ]
    assert mentions == []
