"""What a print dialog or command may offer: the stocks, each child band, and the settings even
when their file is damaged."""

from __future__ import annotations

from fieldreg.services import bands, print_options
from fieldreg.services.session import Session


def test_the_band_choice_offers_bands_only_and_the_tag_choice_sheets_only() -> None:
    band_names = [stock.name for stock in print_options.stock_choices(bands_only=True)]
    sheets = [stock.name for stock in print_options.stock_choices(bands_only=False)]
    assert band_names
    assert sheets
    assert all(name.startswith("band-") for name in band_names)
    assert not set(band_names) & set(sheets)
    assert sorted(band_names + sheets) == sorted(s.name for s in print_options.stock_choices())
    assert [s.name for s in print_options.stock_choices() if s.default] == ["band-adult-203"]


def test_a_child_band_keeps_the_printers_resolution_and_a_sheet_stays_itself() -> None:
    assert print_options.child_stock_name("band-adult-300") == "band-child-300"
    assert print_options.child_stock_name("tags-a4") == "tags-a4"


def test_a_preview_page_fits_its_long_side() -> None:
    band = print_options.stock_choice("band-adult-203")
    assert round(band.preview_dpi(860) * band.page_h_mm / 25.4) == 860


def test_a_damaged_settings_file_gives_the_defaults_and_says_why(session: Session) -> None:
    path = bands.settings_path(session.data_dir)
    path.write_text("{not json", encoding="utf-8")
    loaded, failure = print_options.print_settings_or_defaults(session.data_dir)
    assert loaded == print_options.default_print_settings()
    assert failure is not None
    assert failure.code == "print.settings_invalid"
