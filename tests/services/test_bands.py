"""Issuing bands: recorded only once the output accepted them, a reprint voids the old band, a
scan of a voided band warns, a household prints as one batch; tags are never recorded."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from fieldreg.core.errors import FieldregError, IdError, NotFoundError
from fieldreg.core.ids import format_id, next_counter
from fieldreg.printing.settings import PrintSettings
from fieldreg.services import bands
from fieldreg.services.session import Session

FAMILY = [
    {"family_name": "Заболотнянська", "given_name": "Євдокія", "dob": "1947", "needs": "medical"},
    {"family_name": "Заболотнянський", "given_name": "Ґаврило", "dob": "2015-03-04"},
]
RU = str.maketrans("FRK:/", "АКЛЖ.")  # enough of the Russian layout for these IDs' letters


@pytest.fixture
def family(session: Session) -> list[str]:
    members = session.register_batch(FAMILY, new_household=True)
    household = session.people.summaries()[members[0]]["household_id"]
    assert isinstance(household, str)
    return [household, *members]


def _zpl(session: Session, ids: list[str], path: Path, **options: object) -> bands.PrintResult:
    return bands.print_labels(session, ids, bands.ZplFile(path), **options)  # type: ignore[arg-type]


def test_a_household_prints_as_one_batch_and_every_band_is_recorded(
    session: Session, family: list[str], tmp_path: Path
) -> None:
    household, head, child = family
    out = tmp_path / "bands.zpl"
    result = _zpl(session, [household], out)
    assert result.people == [head, child]
    assert result.bands == [f"{head}/1", f"{child}/1"]
    zpl = out.read_text(encoding="utf-8")
    assert zpl.count("^XA") == 2
    assert f"^FDMM,AFR1:{head}/1^FS" in zpl
    assert f"^FDMM,AFR1:{child}/1^FS" in zpl
    assert "Євдокія" in zpl
    assert household in zpl
    assert "Заболотнянська" not in zpl  # the family name is not on a band by default
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert session.bands(head) == {f"{head}/1": True}


def test_a_reprint_voids_the_previous_band(
    session: Session, family: list[str], tmp_path: Path
) -> None:
    _, head, child = family
    _zpl(session, [head], tmp_path / "a.zpl")
    again = _zpl(session, [head], tmp_path / "b.zpl")
    assert again.bands == [f"{head}/2"]
    assert again.voided == [f"{head}/1"]
    assert session.bands(head) == {f"{head}/1": False, f"{head}/2": True}
    assert session.person(head).bands == [f"{head}/2"]
    assert session.bands(child) == {}


def test_a_failed_output_marks_nothing_and_leaves_nothing(
    session: Session, family: list[str], tmp_path: Path
) -> None:
    _, head, _ = family
    missing = tmp_path / "no such folder" / "bands.zpl"
    with pytest.raises(FieldregError) as caught:
        _zpl(session, [head], missing)
    assert caught.value.code == "print.write_failed"
    assert session.bands(head) == {}
    assert not missing.parent.exists()
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(FieldregError) as cancelled:
        _zpl(session, [head], out / "c.zpl", cancelled=lambda: True)
    assert cancelled.value.code == "task.cancelled"
    assert session.bands(head) == {}
    assert list(out.iterdir()) == []  # no partial file either


def test_refusals_name_the_problem(session: Session, family: list[str], tmp_path: Path) -> None:
    _, head, _ = family
    with pytest.raises(NotFoundError):
        _zpl(session, [format_id("K7", next_counter("K7", 900))], tmp_path / "x.zpl")
    with pytest.raises(IdError) as bad:
        _zpl(session, ["K7-0042-1"], tmp_path / "x.zpl")
    assert bad.value.code == "id.bad_check"
    with pytest.raises(FieldregError) as sheet:
        _zpl(session, [head], tmp_path / "x.zpl", stock_name="tags-a4")
    assert sheet.value.code == "print.not_zpl"
    with pytest.raises(FieldregError) as stock:
        _zpl(session, [head], tmp_path / "x.zpl", stock_name="roll-of-stickers")
    assert stock.value.code == "print.unknown_stock"
    assert session.bands(head) == {}


def test_a_scanned_code_can_name_who_to_reprint(
    session: Session, family: list[str], tmp_path: Path
) -> None:
    _, head, _ = family
    typed_on_russian_layout = f"FR1:{head}/1".translate(RU)
    result = _zpl(session, [typed_on_russian_layout], tmp_path / "a.zpl")
    assert result.people == [head]


def test_settings_choose_the_stock_and_the_fields(
    session: Session, family: list[str], tmp_path: Path
) -> None:
    _, head, _ = family
    path = bands.settings_path(session.data_dir)
    bands.save_print_settings(
        session.data_dir,
        PrintSettings().changed(stock="band-child-300", shown=["needs_mark", "birth_year"]),
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    result = _zpl(session, [head], tmp_path / "a.zpl")
    zpl = (tmp_path / "a.zpl").read_text(encoding="utf-8")
    assert result.stock == "band-child-300"
    assert "^PW300" in zpl
    assert "Євдокія" not in zpl
    assert "1947" in zpl
    assert "^GC" in zpl  # the needs mark
    path.write_text('{"stock": "band-xxl"}', encoding="utf-8")
    with pytest.raises(FieldregError) as caught:
        _zpl(session, [head], tmp_path / "b.zpl")
    assert caught.value.code == "print.settings_invalid"
    assert caught.value.params == {"key": "stock"}


@pytest.mark.usefixtures("qapp")
def test_tags_and_previews_issue_no_band(
    session: Session, family: list[str], tmp_path: Path
) -> None:
    household, head, child = family
    out = tmp_path / "tags.pdf"
    result = bands.print_labels(
        session, [household], bands.PdfFile(out), stock_name="tags-a4", copies=3
    )
    assert result.labels == 6
    assert result.bands == []
    assert out.read_bytes().startswith(b"%PDF")
    with bands.preview_pdf(session, [head]) as preview:
        assert preview.read_bytes().startswith(b"%PDF")
        assert stat.S_IMODE(preview.parent.stat().st_mode) == 0o700
    assert not preview.parent.exists()
    assert session.bands(head) == {}
    assert session.bands(child) == {}


def test_search_resolves_band_scans_and_warns_about_voided_bands(
    session: Session, family: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, head, _ = family
    _zpl(session, [head], tmp_path / "a.zpl")
    _zpl(session, [head], tmp_path / "b.zpl")  # band 1 is now void

    current = session.search(f"FR1:{head}/2".translate(RU))
    assert (current.exact_id, current.band_warning, current.id_error) == (head, None, None)
    assert [hit.person_id for hit in current.hits] == [head]
    voided = session.search(f"FR1:{head}/1")
    assert (voided.exact_id, voided.band_warning) == (head, "scan.band_voided")
    unknown = session.search(f"FR1:{head}/7")
    assert (unknown.exact_id, unknown.band_warning) == (head, "scan.band_unknown")
    tag = session.search(f"FR1:{head}")
    assert (tag.exact_id, tag.band_warning) == (head, None)
    assert session.search(head).exact_id == head  # a typed ID as before
    assert session.search(head.translate(RU)).exact_id == head  # ... on a Cyrillic layout
    assert session.search("Заболотнянська").hits  # names still search by name

    def no_lookup(person_id: str) -> dict[str, bool]:
        raise AssertionError("a refused scan must not be looked up")

    monkeypatch.setattr(session, "bands", no_lookup)
    for hostile, code in [
        ("FR1:" + "A" * 4096, "scan.too_long"),
        (f"FR1:{head[:-1]}{'X' if head[-1] != 'X' else 'Y'}/2", "id.bad_check"),
        ("FR7:K7-0042-0", "scan.version"),
        ("FR1:K7-0042-0/zz", "scan.malformed"),
    ]:
        result = session.search(hostile)
        assert (result.hits, result.id_error, result.exact_id) == ([], code, None), hostile


def test_a_household_batch_is_recorded_whole_or_not_at_all(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from fieldreg.core.errors import StoreError
    from fieldreg.store.repository import Repository

    ids = session.register_batch(
        [{"family_name": "Данилюк", "given_name": n} for n in ("Ірина", "Тарас", "Зоя")],
        new_household=True,
    )
    original = Repository.save_state
    calls = {"n": 0}

    def fail_on_third(self: Repository, state: object, *, is_new: bool) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise sqlite3.OperationalError("disk I/O error")
        original(self, state, is_new=is_new)  # type: ignore[arg-type]

    monkeypatch.setattr(Repository, "save_state", fail_on_third)
    with pytest.raises(StoreError):
        session.record_bands([(i, f"{i}/1") for i in ids])
    monkeypatch.undo()
    assert all(session.bands(i) == {} for i in ids)
    assert session.record_bands([(i, f"{i}/1") for i in ids]) == []
    assert session.record_bands([(ids[0], f"{ids[0]}/2")]) == [f"{ids[0]}/1"]
    assert session.bands(ids[0]) == {f"{ids[0]}/1": False, f"{ids[0]}/2": True}


def test_children_get_the_child_band_of_the_same_resolution(
    session: Session, family: list[str], tmp_path: Path
) -> None:
    """Ґаврило (born 2015, under 12) on the 178 mm child band, Євдокія on the 254 mm adult band:
    one job each, adults first; the child bands go to a second file beside the first."""
    household, head, child = family
    out = tmp_path / "bands.zpl"
    today = dt.date(2026, 11, 24)
    result = _zpl(session, [household], out, by_age=True, today=today)
    assert result.stocks == {"band-adult-203": [head], "band-child-203": [child]}
    assert result.bands == [f"{head}/1", f"{child}/1"]
    adult_zpl = out.read_text(encoding="utf-8")
    child_zpl = (tmp_path / "bands-child.zpl").read_text(encoding="utf-8")
    assert f"FR1:{head}/1" in adult_zpl
    assert f"FR1:{child}/1" not in adult_zpl
    assert f"FR1:{child}/1" in child_zpl
    assert "^LL2030" in adult_zpl  # 254 mm at 203 dpi
    assert "^LL1423" in child_zpl  # 178 mm
    assert session.bands(child) == {f"{child}/1": True}

    alone = _zpl(session, [child], tmp_path / "one.zpl", by_age=True, today=today)
    assert alone.stocks == {"band-child-203": [child]}  # one child alone: one file, its own
    assert not (tmp_path / "one-child.zpl").exists()
    assert "^LL1423" in (tmp_path / "one.zpl").read_text(encoding="utf-8")


def test_the_child_age_is_a_setting(session: Session, family: list[str], tmp_path: Path) -> None:
    household, head, child = family
    today = dt.date(2026, 11, 24)  # Ґаврило is 11
    bands.save_print_settings(session.data_dir, PrintSettings(child_band_under=11))
    result = _zpl(session, [household], tmp_path / "a.zpl", by_age=True, today=today)
    assert result.stocks == {"band-adult-203": [head, child]}
    bands.save_print_settings(
        session.data_dir, PrintSettings(stock="band-adult-300", child_band_under=12)
    )
    result = _zpl(session, [household], tmp_path / "b.zpl", by_age=True, today=today)
    assert result.stocks == {"band-adult-300": [head], "band-child-300": [child]}
    bands.save_print_settings(session.data_dir, PrintSettings(child_band_under=0))
    result = _zpl(session, [household], tmp_path / "c.zpl", by_age=True, today=today)
    assert result.stocks == {"band-adult-203": [head, child]}
    # Without by_age (the command line's explicit --stock), the stock named is used for all.
    result = _zpl(session, [child], tmp_path / "d.zpl", stock_name="band-adult-203")
    assert result.stocks == {"band-adult-203": [child]}
