"""The global options (--data-dir, --operator, --passphrase-file, --json) work before the command,
after it and after its action, for every command the parser has; a store that is not there is
named, never replaced by another (the default store in the user data directory, here)."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldreg.cli.main import build_parser, run
from fieldreg.services import vault
from fieldreg.services.paths import DataDir, default_data_dir
from tests.conftest import PASSPHRASE

OTHER_PASSPHRASE = "another long passphrase 42"
# Commands that work without a store: they make one, or read only the file they are given.
CREATES_STORE = {("init",), ("network", "create")}
STORE_FREE = CREATES_STORE | {("band", "parse"), ("bundle", "split"), ("hub", "certificate")}

Command = tuple[str, ...]


def _commands(parser: argparse.ArgumentParser, path: Command = ()) -> Iterator[Command]:
    """Every command and action the parser knows, read from the parser itself."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _commands(child, (*path, name))
            return
    yield path


def _parser_of(path: Command) -> argparse.ArgumentParser:
    parser = build_parser()
    for name in path:
        [actions] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        parser = actions.choices[name]
    return parser


def _value(action: argparse.Action, inputs: Path) -> str:
    if action.choices:
        return str(next(iter(action.choices)))
    if action.type is Path:
        return str(inputs / action.dest)
    return "1" if action.type is not None else "X"


def _required_arguments(path: Command, inputs: Path) -> list[str]:
    """Positionals and required options, each with a value the parser accepts."""
    parser = _parser_of(path)
    arguments: list[str] = []
    for action in parser._actions:
        if not action.option_strings:
            arguments.append(_value(action, inputs))
        elif action.required:
            arguments += [action.option_strings[0], _value(action, inputs)]
    for group in parser._mutually_exclusive_groups:
        if group.required:
            first = group._group_actions[0]
            arguments += [first.option_strings[0], _value(first, inputs)]
    return arguments


def _placed(path: Command, position: int, options: list[str], inputs: Path) -> list[str]:
    """The command line with `options` after the first `position` words of the command; past
    the end of the path, after the command's own arguments too."""
    words = [*path, *_required_arguments(path, inputs)]
    cut = position if position <= len(path) else len(words)
    return [*words[:cut], *options, *words[cut:]]


def _positions(path: Command) -> range:
    return range(len(path) + 2)  # before the command, after each word of it, at the very end


def _snapshot(root: Path) -> dict[str, tuple[int, str]]:
    return {
        str(p.relative_to(root)): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(autouse=True)
def _umask() -> Iterator[None]:
    """`run` sets the process umask to 0o077, as the command does; the tests share the process."""
    previous = os.umask(0o077)
    yield
    os.umask(previous)


@pytest.fixture
def secrets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No command may wait on a prompt: every secret it could ask for is in the environment,
    and the passphrase itself only in the file the options name."""
    monkeypatch.setenv("FIELDREG_NEW_PASSPHRASE", OTHER_PASSPHRASE)
    monkeypatch.setenv("FIELDREG_NETWORK_PASSPHRASE", OTHER_PASSPHRASE)
    monkeypatch.setenv("FIELDREG_RECOVERY_KEY", "not a key")
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n")
    return secret


@pytest.fixture
def default_store() -> Path:
    """Store B, in the user data directory: where an ignored --data-dir would send a command."""
    directory = DataDir(default_data_dir())
    vault.init_store(directory, point="Point B", operator="Olena", passphrase=PASSPHRASE)
    return directory.root


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("path", list(_commands(build_parser())), ids=" ".join)
def test_data_dir_before_or_after_names_that_store_and_no_other(
    path: Command,
    tmp_path: Path,
    secrets: Path,
    default_store: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    home = tmp_path / "home"
    inputs = tmp_path / "inputs"
    before = _snapshot(home)
    for position in _positions(path):
        missing = tmp_path / f"store-a-{position}"
        options = ["--data-dir", str(missing), "--operator", "Olena"]
        options += ["--passphrase-file", str(secrets), "--json"]
        argv = _placed(path, position, options, inputs)
        code, out, err = _run(argv, capsys)
        if path in CREATES_STORE:
            assert code == 0, (argv, err)
            assert "recovery_key" in json.loads(out), argv
            assert [o.label for o in vault.operators(DataDir(missing))] == ["Olena"], argv
        elif path in STORE_FREE:
            assert not missing.exists(), argv
        else:
            assert code == 6, (argv, code, out, err)
            assert err == (
                f"fieldreg: There is no store in {missing}. Name the store's folder with "
                "--data-dir, or create a store there with fieldreg init.\n"
            ), argv
            assert not missing.exists(), argv
        assert _snapshot(home) == before, argv


@pytest.mark.parametrize("path", list(_commands(build_parser())), ids=" ".join)
def test_every_global_option_is_read_before_or_after_the_command(
    path: Command, tmp_path: Path
) -> None:
    wanted = (tmp_path / "a", "Taras", tmp_path / "secret", True)
    options = ["--data-dir", str(wanted[0]), "--operator", wanted[1]]
    options += ["--passphrase-file", str(wanted[2]), "--json"]
    for position in _positions(path):
        argv = _placed(path, position, options, tmp_path)
        args = build_parser().parse_args(argv)
        assert (args.data_dir, args.operator, args.passphrase_file, args.json) == wanted, argv
    unset = build_parser().parse_args(_placed(path, 0, [], tmp_path))
    assert (unset.data_dir, unset.operator, unset.passphrase_file, unset.json) == (
        None,
        None,
        None,
        False,
    )


def test_given_before_and_after_the_command_the_one_after_wins(tmp_path: Path) -> None:
    link = ["household", "link", "X", "Y", "--relationship", "child"]
    args = build_parser().parse_args(
        ["--data-dir", str(tmp_path / "a"), *link, "--data-dir", str(tmp_path / "b")]
    )
    assert args.data_dir == tmp_path / "b"
    assert "the one after the command wins" in build_parser().format_help().replace("\n", " ")


def _register(store: Path, given: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(
        ["register", "--data-dir", str(store), "--family", "Testenko", "--given", given], capsys
    )
    assert code == 0, err


def test_stats_before_or_after_count_the_named_store(
    tmp_path: Path,
    default_store: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FIELDREG_PASSPHRASE", PASSPHRASE)
    store_a = tmp_path / "a"
    vault.init_store(DataDir(store_a), point="Point A", operator="Olena", passphrase=PASSPHRASE)
    _register(store_a, "Ira", capsys)
    _register(store_a, "Ola", capsys)
    for argv, people in (
        (["--data-dir", str(store_a), "stats", "--json"], 2),
        (["--json", "stats", "--data-dir", str(store_a)], 2),
        (["stats", "--json"], 0),  # no option: the default store, which has nobody yet
    ):
        code, out, err = _run(argv, capsys)
        assert code == 0, err
        assert json.loads(out)["total"] == people, argv


def test_operator_and_passphrase_file_before_or_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "a"
    vault.init_store(DataDir(store), point="Point A", operator="Olena", passphrase=PASSPHRASE)
    monkeypatch.setenv("FIELDREG_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FIELDREG_NEW_PASSPHRASE", OTHER_PASSPHRASE)
    code, _, err = _run(["operator", "add", "--name", "Taras", "--data-dir", str(store)], capsys)
    assert code == 0, err
    monkeypatch.delenv("FIELDREG_PASSPHRASE")
    secret = tmp_path / "taras.txt"
    secret.write_text(OTHER_PASSPHRASE)
    mine = ["--operator", "Taras", "--passphrase-file", str(secret), "--json"]
    register = ["register", "--family", "Testenko", "--given", "Ira", "--data-dir", str(store)]
    for argv in ([*mine, *register], [*register, *mine], [register[0], *mine, *register[1:]]):
        code, out, err = _run(argv, capsys)
        assert code == 0, (argv, err)
        person = json.loads(out)["id"]
        code, out, err = _run(["history", person, "--data-dir", str(store), *mine], capsys)
        assert code == 0, err
        assert [entry["operator"] for entry in json.loads(out)] == ["Taras"], argv


def test_nested_actions_take_the_options_between_and_after(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "a"
    vault.init_store(DataDir(store), point="Point A", operator="Olena", passphrase=PASSPHRASE)
    for argv in (
        ["--json", "--data-dir", str(store), "operator", "list"],
        ["operator", "--json", "--data-dir", str(store), "list"],
        ["operator", "list", "--json", "--data-dir", str(store)],
    ):
        code, out, err = _run(argv, capsys)
        assert code == 0, (argv, err)
        assert [o["name"] for o in json.loads(out)] == ["Olena"], argv
