"""Every CLI command driven with generated arguments (issue 11 §4), through the real entry point
in this process: the exit status is always a documented one (never 1, a bug), no traceback is
printed, and the store verifies clean afterwards.

The arguments come from the parser itself (every command, every option, their choices), mixed
with values known to have broken things: hostile text, look-alike letters, a link to /dev/zero,
a folder, numbers out of range, the store's real IDs."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldreg.cli.main import build_parser
from tests.cli.inprocess import DOCUMENTED_EXITS, cli
from tests.conftest import PASSPHRASE

# Options the generator leaves alone: the store it works on and its passphrase are fixed, and a
# printer queue would reach this machine's real printing system.
FIXED = {"--data-dir", "--passphrase-file", "--printer", "--via", "-h", "--help"}
# Values that broke a command once, or might.
SPECIAL_TEXT = [
    "",
    " ",
    "-",
    "--",
    "-1",
    "0",
    "00000",
    "99999999999999999999999",
    "Шевчenko",
    "Серг\u0069й",
    "АВ\U0001f600123",
    "\x1b[31mred\x1b]0;title\x07",
    "line\nbreak",
    "\u202eevil",
    "\udcff\udcfe",  # bytes that are not UTF-8, as Python decodes them from argv
    "," * 5000,
    "uk, xx",
    "medical,,mobility",
    "K7-0001-Z",
    "31.02.1990",
    "~45",
    "a" * 300,
]

# Plausible values of some options, beside the hostile ones.
SENSIBLE = {
    "field_family_name": ["Бойко", "Шевчenko", "O'Brien"],
    "field_given_name": ["Олена", "Серг\u0069й"],
    "field_dob": ["12.03.1984", "1984", "~45", "31.02.1990"],
    "field_phone": ["+380 67 123 4567", "00000"],
    "field_languages": ["uk, ru", "uk, xx"],
    "field_needs": ["medical", "medical,mobility", "," * 5000],
    "relationship": ["child", "spouse", "head"],
    "query": ["Бойко", "1984", "K7"],
    "field": ["family_name", "dob", "status"],
}


def _commands() -> list[tuple[list[str], argparse.ArgumentParser]]:
    found: list[tuple[list[str], argparse.ArgumentParser]] = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            found.append((path, parser))
        for action in subs:
            for name, child in action.choices.items():
                walk(child, [*path, name])

    walk(build_parser(), [])
    return found


# Commands that serve until they are stopped (Ctrl+C): tried by their own tests (tests/hub,
# tests/sync/test_sync_watch.py), never here, where a command runs to its end in this process.
RUNS_UNTIL_STOPPED = {("hub", "serve"), ("sync", "watch")}
COMMANDS = [(path, parser) for path, parser in _commands() if tuple(path) not in RUNS_UNTIL_STOPPED]
EXAMPLES_PER_COMMAND = 3


def _text() -> st.SearchStrategy[str]:
    typed = st.text(
        alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=["Cs"]),
        max_size=24,
    )
    return st.one_of(st.sampled_from(SPECIAL_TEXT), typed)


@st.composite
def _argv(
    draw: st.DrawFn,
    command: tuple[list[str], argparse.ArgumentParser],
    ids: list[str],
    paths: list[str],
) -> list[str]:
    path, parser = command
    ids_or_text = st.one_of(st.sampled_from(ids), _text())
    paths_or_text = st.one_of(st.sampled_from(paths), _text())

    def value(action: argparse.Action) -> str:
        hostile = draw(st.integers(0, 3)) == 0  # one value in four is anything at all
        if hostile:
            return draw(st.one_of(_text(), paths_or_text, ids_or_text))
        if action.choices:
            return draw(st.sampled_from(sorted(map(str, action.choices))))
        if action.type is Path:
            return draw(st.sampled_from(paths))
        if action.type is int:
            return str(draw(st.integers(-(10**12), 10**12)))
        if action.dest in {"id", "household", "ids", "of", "device"}:
            return draw(st.sampled_from(ids))
        if action.dest == "operator":
            return "Olena"
        return draw(st.one_of(st.sampled_from(SENSIBLE.get(action.dest, SPECIAL_TEXT)), _text()))

    argv = list(path)
    positionals: list[str] = []
    for action in parser._actions:
        if action.option_strings and action.option_strings[0] in FIXED:
            continue
        if isinstance(action, argparse._HelpAction):
            continue
        # Required ones are nearly always given: a missing one is a usage error (2), tried too.
        given_it = draw(st.integers(0, 9)) < (9 if action.required else 3)
        if not given_it:
            continue
        if not action.option_strings:
            count = draw(st.integers(1, 3)) if action.nargs == "+" else 1
            positionals += [value(action) for _ in range(count)]
        elif action.nargs == 0:
            argv.append(action.option_strings[0])
        else:
            argv += [action.option_strings[0], value(action)]
    if positionals:
        argv += (["--"] if draw(st.booleans()) else []) + positionals
    return argv


@pytest.fixture
def store(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FIELDREG_PASSPHRASE", PASSPHRASE)
    # Relative paths the generator makes land here, never in the repository.
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    done = cli(data_dir, "init", "--point", "Вокзал", "--operator", "Olena", "--prefix", "K7")
    assert done.code == 0, done.err
    return data_dir


def _files(tmp_path: Path) -> list[str]:
    """Paths a stick might offer: a file, a folder, a link to /dev/zero, nothing, stdin, and
    places no file can be made."""
    stick = tmp_path / "stick"
    stick.mkdir()
    regular = stick / "file.json"
    regular.write_text('[{"family_name": "Бойко", "given_name": "Олена"}]', encoding="utf-8")
    (stick / "folder").mkdir()
    (stick / "zero").symlink_to("/dev/zero")
    others = [str(stick / "folder"), str(stick / "zero"), str(stick / "missing"), "-"]
    return [str(regular), *others, "/proc/fieldreg/x", "/sys/fieldreg"]


def test_every_command_with_generated_arguments_exits_documented_and_leaves_a_clean_store(
    store: Path, tmp_path: Path
) -> None:
    ids = [cli(store, "register", "--family", "Мельник", "--given", "Андрій").out.strip()]
    ids.append(cli(store, "household", "create").out.strip())
    assert all(ids)
    paths = _files(tmp_path)
    seen: list[tuple[list[str], list[str]]] = []  # (command, its whole argument list)

    # Every command in turn, a few generated argument lists each (drawing the command too left
    # half of them untried: Hypothesis favours the first of a list).
    for command in COMMANDS:

        @settings(
            max_examples=EXAMPLES_PER_COMMAND,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(argv=_argv(command, ids, paths))
        def one_command(argv: list[str]) -> None:
            seen.append((command[0], argv))  # noqa: B023 - called at once, in this iteration
            done = cli(store, *argv)
            assert done.code in DOCUMENTED_EXITS, (argv, done.code, done.err)
            assert "Traceback" not in done.out + done.err, argv

        one_command()
    assert {tuple(path) for path, _ in COMMANDS} == {tuple(a[: len(p)]) for p, a in seen}
    verified = cli(store, "verify", "--operator", "Olena")
    assert verified.code == 0, verified.out + verified.err
    assert (tmp_path / "stick" / "zero").is_symlink()  # a link is refused, never moved
