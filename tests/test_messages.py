"""Every error code the program can raise has a sentence for the user, and every sentence can be
filled from the parameters its error carries."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path

from fieldreg.core.errors import FieldregError, ValidationError
from fieldreg.core.messages import FIELD_LABELS, MESSAGES, SIZE_CODES, describe

PACKAGE = Path(__file__).resolve().parent.parent / "fieldreg"
CODE = re.compile(r"^[a-z_]+\.[a-z_]+$")


def _error_classes() -> set[type[FieldregError]]:
    """Every FieldregError subclass fieldreg defines, found by importing all of its modules."""
    for module in pkgutil.walk_packages([str(PACKAGE)], prefix="fieldreg."):
        if module.name != "fieldreg.__main__":
            importlib.import_module(module.name)
    found: set[type[FieldregError]] = set()
    todo: list[type[FieldregError]] = [FieldregError]
    while todo:
        cls = todo.pop()
        if cls.__module__.startswith("fieldreg.") and cls not in found:
            found.add(cls)
            todo.extend(cls.__subclasses__())
    return found


ERROR_CLASSES = {cls.__name__ for cls in _error_classes()}


def _raised_codes() -> dict[str, set[str]]:
    """code -> the parameter names passed where it is raised (from the source, statically)."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ERROR_CLASSES:
                continue
            position = 1 if node.func.id == "ValidationError" else 0
            if len(node.args) <= position:
                continue
            arg = node.args[position]
            if (
                isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
                and CODE.match(arg.value)
            ):
                params = {kw.arg for kw in node.keywords if kw.arg}
                if node.func.id == "ValidationError":
                    params.add("field")
                found.setdefault(arg.value, set()).update(params)
    return found


def test_error_classes_are_found_without_a_list() -> None:
    assert {"FieldregError", "ValidationError", "StoreError", "LockedError", "Cancelled"} <= (
        ERROR_CLASSES
    )
    assert "BundleRejected" in ERROR_CLASSES  # one defined outside core is found too


def test_every_raised_code_has_a_message() -> None:
    missing = sorted(code for code in _raised_codes() if code not in MESSAGES)
    assert missing == []
    fixed = {cls.__name__: getattr(cls, "CODE", None) for cls in _error_classes()}
    assert sorted(name for name, code in fixed.items() if code and code not in MESSAGES) == []


def test_placeholders_are_filled_by_the_raised_params() -> None:
    problems = []
    for code, params in _raised_codes().items():
        template = MESSAGES.get(code)
        if template is None:
            continue
        wanted = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        if not wanted <= params | {"field"}:
            problems.append((code, sorted(wanted - params)))
    assert problems == []


def test_describe_uses_field_labels_and_never_fails() -> None:
    error = ValidationError("dob", "validation.too_long", max=10)
    assert describe(error) == "Date of birth: too long (at most 10 characters)."
    assert "Unexpected error" in describe(FieldregError("no.such_code"))
    # a template whose params are missing still gives a sentence rather than a crash
    assert describe(FieldregError("validation.too_long")).startswith("{field}")
    assert set(FIELD_LABELS) >= {"family_name", "given_name", "dob", "phone", "passphrase"}


def test_a_system_error_is_said_in_words_and_keeps_its_name_for_scripts() -> None:
    error = FieldregError("sync.write_failed", reason="ENOENT")
    assert describe(error) == "The file could not be written (there is no such folder or file)."
    assert error.params == {"reason": "ENOENT"}  # what --json prints
    full = FieldregError("sync.write_failed", reason="ENOSPC")
    assert describe(full) == "The file could not be written (the disk is full)."


def test_a_reason_that_is_not_a_system_error_name_is_shown_as_it_is() -> None:
    error = FieldregError("hub.refused", status=503, reason="Service Unavailable")
    assert describe(error) == "The hub refused the request (503 Service Unavailable)."


def test_a_size_limit_is_said_as_a_file_manager_shows_it() -> None:
    bundle = FieldregError("bundle.too_large", max=64 * 1024 * 1024 + 12_310)
    assert describe(bundle) == "The file is too large to be a bundle (at most 64 MB)."
    assert bundle.params == {"max": 64 * 1024 * 1024 + 12_310}  # the exact figure for --json
    data = FieldregError("json.too_large", max=1_048_576)
    assert describe(data) == "The data is too large (at most 1 MB)."
    seats = FieldregError("transport.capacity", field="capacity", max=80)
    assert describe(seats).endswith("1 to 80.")  # a number that is not a size stays a number


def test_every_size_code_is_a_message_with_a_size_placeholder() -> None:
    for code in SIZE_CODES:
        assert "{max}" in MESSAGES[code] or "{limit}" in MESSAGES[code], code
