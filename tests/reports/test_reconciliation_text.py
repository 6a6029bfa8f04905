"""The reconciliation report's head as its owner reads it: dates day first, like the dates of
birth and the manifests, the time of writing with its zone."""

from __future__ import annotations

import datetime as dt

from fieldreg.reports.reconciliation_report import ReportContent, report_html


def test_the_report_writes_its_dates_day_first() -> None:
    content = ReportContent(
        list_name="Official list",
        owner="Red Cross",
        source="Authority",
        received="2026-12-04",
        generated=dt.datetime(2026, 12, 4, 6, 20, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        sought=0,
        found=(),
        no_information=(),
        withheld=(),
    )
    html = report_html(content)
    assert "Received: 04.12.2026<br/>" in html
    assert "Generated: 04.12.2026 04:20 UTC" in html
    assert "2026-12-04" not in html
