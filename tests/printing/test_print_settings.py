"""Printing settings are read as untrusted: bad values are refused by name, newer keys ignored."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from fieldreg.core.errors import FieldregError
from fieldreg.printing.settings import PrintSettings, load_settings, save_settings


def test_defaults_err_on_the_side_of_privacy(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "printing.json")  # no file yet
    assert settings == PrintSettings()
    assert settings.shown == ("given_name", "household_id")
    assert settings.stock == "band-adult-203"


def test_saved_settings_round_trip_privately(tmp_path: Path) -> None:
    path = tmp_path / "data" / "printing.json"
    chosen = PrintSettings().changed(printer="Zebra_ZD421", shown=["needs_mark", "given_name"])
    save_settings(path, chosen)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_settings(path) == chosen
    assert chosen.shown == ("given_name", "needs_mark")  # kept in the catalogue's order
    assert [p.name for p in path.parent.iterdir()] == ["printing.json"]


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (b"{not json", "(file)"),
        (b"[]", "(file)"),
        (b'{"a": "' + b"x" * 20000 + b'"}', "(file)"),
        (b'{"stock": 5}', "stock"),
        (b'{"printer": "two words"}', "printer"),
        (b'{"printer": "../../etc"}', "printer"),
        (b'{"printer": "-hlocalhost"}', "printer"),  # would be an option to lp
        (b'{"band_output": "fax"}', "band_output"),
        (b'{"shown": ["given_name", "phone"]}', "shown"),
        (b'{"shown": ["given_name", "given_name"]}', "shown"),
        (b'{"tag_copies": true}', "tag_copies"),
        (b'{"tag_copies": 500}', "tag_copies"),
        (b'{"zpl_text_font": "E:../X.TTF"}', "zpl_text_font"),
        (b'{"child_band_under": 19}', "child_band_under"),
        (b'{"child_band_under": -1}', "child_band_under"),
        (b'{"child_band_under": "12"}', "child_band_under"),
        (b'{"child_band_under": false}', "child_band_under"),
        (b'{"pdf_folder": "/home/v/Kovalenko Daryna.pdf"}', "pdf_folder"),  # a file, not a folder
        (b'{"pdf_folder": "relative/folder"}', "pdf_folder"),
        (b'{"pdf_folder": "/tmp/a\\u0000b"}', "pdf_folder"),
        (b'{"pdf_folder": ""}', "pdf_folder"),
        (b'{"pdf_folder": 5}', "pdf_folder"),
    ],
)
def test_a_damaged_file_is_refused_by_name(tmp_path: Path, content: bytes, key: str) -> None:
    path = tmp_path / "printing.json"
    path.write_bytes(content)
    with pytest.raises(FieldregError) as caught:
        load_settings(path)
    assert caught.value.code == "print.settings_invalid"
    assert caught.value.params == {"key": key}


def test_keys_of_a_newer_version_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "printing.json"
    path.write_text('{"stock": "tags-a4", "colour_bands": true}', encoding="utf-8")
    assert load_settings(path) == PrintSettings(stock="tags-a4")


def test_child_bands_and_the_pdf_folder_have_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "printing.json")
    assert settings.child_band_under == 12
    assert settings.pdf_folder is None
    chosen = settings.changed(child_band_under=0, pdf_folder=str(tmp_path / "bands"))
    save_settings(tmp_path / "printing.json", chosen)
    assert load_settings(tmp_path / "printing.json") == chosen
