"""Issuing wristbands and printing tags: who, on which stock, to which output, and recording.

A band counts as issued only once its output accepted it: the spooler returned a job id, the
system printer took the job, or the requested PDF/ZPL file was completely written and renamed
into place. Only then is each band recorded with `Session.record_band`, which voids the person's
earlier bands in the same transaction. If the output fails, nothing is recorded, so the next
attempt prints the same band numbers again. Tags are not bands: they carry the person's ID
without a band number and are never recorded.

Nothing holding a name is left behind: ZPL goes to the spooler on a pipe, a PDF for a file is
written beside its target as a 0600 file and renamed (or removed on error), and previews live in a
private temporary directory that is deleted when the preview closes.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from fieldreg.core.children import age_years
from fieldreg.core.entities import Relationship
from fieldreg.core.errors import FieldregError, NotFoundError, os_error_reason
from fieldreg.core.tasks import CancelFlag, Progress
from fieldreg.printing import spool
from fieldreg.printing.layouts import LabelContent, label_content
from fieldreg.printing.payload import band_id, format_payload, next_band_no, parse_scan
from fieldreg.printing.settings import FILE_NAME, PrintSettings, load_settings, save_settings
from fieldreg.printing.stocks import Stock, band_for, stock_named
from fieldreg.printing.zpl import render_zpl
from fieldreg.services.outside_files import refuse_unless_regular
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session

MAX_LABELS: Final = 1000


@dataclass(frozen=True, slots=True)
class PdfFile:
    path: Path


@dataclass(frozen=True, slots=True)
class ZplFile:
    path: Path


@dataclass(frozen=True, slots=True)
class PrinterQueue:
    """A named queue; bands go as raw ZPL unless `system` (PDF through the printer's driver)."""

    name: str
    system: bool = False


@dataclass(frozen=True, slots=True)
class DialogPrinter:
    """A QPrinter the desk application set up with Qt's print dialog (typed loosely here so
    that services stay free of Qt)."""

    printer: Any


Destination = PdfFile | ZplFile | PrinterQueue | DialogPrinter


@dataclass(frozen=True, slots=True)
class PrintResult:
    stock: str  # of the first job (the only one unless children got child bands)
    people: list[str]
    labels: int
    bands: list[str] = field(default_factory=list)  # recorded as issued
    voided: list[str] = field(default_factory=list)  # voided by those
    job: str | None = None  # the spooler's job id, for raw ZPL (of the last job)
    stocks: dict[str, list[str]] = field(default_factory=dict)  # stock name -> its people


@dataclass(frozen=True, slots=True)
class Job:
    """People printed together on one stock."""

    stock: Stock
    people: list[str]


def settings_path(data_dir: DataDir) -> Path:
    return data_dir.root / FILE_NAME


def load_print_settings(data_dir: DataDir) -> PrintSettings:
    return load_settings(settings_path(data_dir))


def save_print_settings(data_dir: DataDir, settings: PrintSettings) -> None:
    save_settings(settings_path(data_dir), settings)


def remember_pdf_folder(data_dir: DataDir, pdf: Path) -> None:
    """Keep the folder `pdf` was written to for the next PDF; never the file's own name, which
    a volunteer may have made of a person's name."""
    settings = load_print_settings(data_dir)
    folder = str(pdf.parent)
    if settings.pdf_folder != folder:
        save_print_settings(data_dir, settings.changed(pdf_folder=folder))


def people_to_print(session: Session, untrusted: Sequence[str]) -> list[str]:
    """Person IDs for what was typed or scanned: IDs, band or tag payloads (any keyboard
    layout), and household IDs, which stand for all members, head first."""
    people: list[str] = []
    for text in untrusted:
        record = parse_scan(text).person_id
        members = session.people.household_members(record)
        if members:
            people.extend(sorted(members, key=lambda p: (_not_head(session, p), p)))
        elif record in session.people:
            people.append(record)
        elif session.people.is_household(record):
            raise FieldregError("print.nobody")
        else:
            raise NotFoundError("person.not_found", id=record)
    return list(dict.fromkeys(people))


def plan_jobs(
    session: Session,
    people: Sequence[str],
    stock: Stock,
    settings: PrintSettings,
    *,
    by_age: bool,
    today: dt.date,
) -> list[Job]:
    """One job on `stock`, or with `by_age` and a band stock, the people younger than the
    settings' `child_band_under` on the child band of its resolution and everyone else
    (including anyone whose age is not known) on the adult band: one job per stock, adults
    first, each in the given order."""
    if not (by_age and stock.is_band and settings.child_band_under):
        return [Job(stock, list(people))]
    jobs: dict[str, Job] = {}
    for person_id in people:
        age = age_years((session.people.summary(person_id) or {}).get("dob"), today)
        child = age is not None and age < settings.child_band_under
        chosen = band_for(stock, child=child)
        jobs.setdefault(chosen.name, Job(chosen, [])).people.append(person_id)
    return sorted(jobs.values(), key=lambda job: job.stock.label_h, reverse=True)


def plan_jobs_on(
    session: Session,
    people: Sequence[str],
    stock_name: str,
    settings: PrintSettings,
    *,
    by_age: bool,
    today: dt.date,
) -> list[Job]:
    """`plan_jobs` on the stock named (FieldregError for a name that is not a stock)."""
    stock = stock_named(stock_name)
    return plan_jobs(session, people, stock, settings, by_age=by_age, today=today)


def plan_labels(
    session: Session,
    people: Sequence[str],
    stock: Stock,
    settings: PrintSettings,
    copies: int | None = None,
) -> list[LabelContent]:
    """The labels to print: a new band number per person on a band stock, `copies` tags each
    (the settings' number by default) on a sheet."""
    labels = []
    for person_id in people:
        fields = session.people.summary(person_id)
        if fields is None:
            raise NotFoundError("person.not_found", id=person_id)
        if stock.is_band:
            number = next_band_no(person_id, session.bands(person_id))
            labels.append(
                label_content(
                    person_id,
                    format_payload(person_id, number),
                    fields,
                    settings.shown,
                    band_id(person_id, number),
                )
            )
        else:
            tag = label_content(person_id, format_payload(person_id), fields, settings.shown)
            labels.extend([tag] * (copies or settings.tag_copies))
    if len(labels) > MAX_LABELS:
        raise FieldregError("print.too_many", max=MAX_LABELS)
    return labels


def print_labels(
    session: Session,
    untrusted_ids: Sequence[str],
    destination: Destination,
    *,
    stock_name: str | None = None,
    copies: int | None = None,
    by_age: bool = False,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: CancelFlag | None = None,
) -> PrintResult:
    """Print bands (or tags) for the people and households named, and record issued bands.

    With `by_age`, children get the child band (see `plan_jobs`): a job per stock, each
    recorded as soon as its output accepted it. A file destination then gets the child bands
    in a second file beside it, named like it with "-child" added (see `child_file`)."""
    settings = load_print_settings(session.data_dir)
    stock = stock_named(stock_name or settings.stock)
    people = people_to_print(session, untrusted_ids)
    jobs = plan_jobs(
        session, people, stock, settings, by_age=by_age, today=today or dt.date.today()
    )
    planned = [(job, plan_labels(session, job.people, job.stock, settings, copies)) for job in jobs]
    count = sum(len(labels) for _, labels in planned)
    if count > MAX_LABELS:
        raise FieldregError("print.too_many", max=MAX_LABELS)
    total = count * 2 if stock.is_band else count
    done = 0
    if progress:
        progress(0, total)
    issued: list[str] = []
    voided: list[str] = []
    spooled: str | None = None
    for index, (job, labels) in enumerate(planned):
        target = destination if index == 0 else _second_file(destination)
        spooled = _deliver(target, job.stock, labels, settings, cancelled) or spooled
        done += len(labels)
        if progress:
            progress(done, total)
        if not job.stock.is_band:
            continue
        printed = [(label.person_id, label.band_id) for label in labels if label.band_id]
        # One transaction per job: a job is recorded whole or not at all.
        voided.extend(session.record_bands(printed))
        issued.extend(band_id for _, band_id in printed)
        done += len(labels)
        if progress:
            progress(done, total)
    return PrintResult(
        jobs[0].stock.name,
        people,
        count,
        bands=issued,
        voided=voided,
        job=spooled,
        stocks={job.stock.name: list(job.people) for job in jobs},
    )


def child_file(path: Path) -> Path:
    """Where the child bands of a job written to `path` go: "bands.pdf" -> "bands-child.pdf"."""
    return path.with_name(f"{path.stem}-child{path.suffix}")


def _second_file(destination: Destination) -> Destination:
    if isinstance(destination, PdfFile):
        return PdfFile(child_file(destination.path))
    if isinstance(destination, ZplFile):
        return ZplFile(child_file(destination.path))
    return destination


@contextmanager
def preview_pdf(
    session: Session, untrusted_ids: Sequence[str], stock_name: str | None = None
) -> Iterator[Path]:
    """A PDF of what would print (nothing is recorded), deleted when the `with` block ends."""
    settings = load_print_settings(session.data_dir)
    stock = stock_named(stock_name or settings.stock)
    labels = plan_labels(session, people_to_print(session, untrusted_ids), stock, settings)
    with spool.private_tempdir() as directory:
        path = spool.new_private_file(directory / "preview.pdf")
        _render_pdf(path, stock, labels, None)
        yield path


def _deliver(
    destination: Destination,
    stock: Stock,
    labels: list[LabelContent],
    settings: PrintSettings,
    cancelled: CancelFlag | None,
) -> str | None:
    if isinstance(destination, PdfFile):
        _write_file(destination.path, lambda path: _render_pdf(path, stock, labels, cancelled))
        return None
    if isinstance(destination, ZplFile):
        data = _zpl(stock, labels, settings, cancelled)
        _write_file(destination.path, lambda path: path.write_bytes(data))
        return None
    if isinstance(destination, DialogPrinter):
        with _renderer() as renderer:
            renderer.print_to(destination.printer, stock, labels, cancelled)
        return None
    queue = spool.check_queue_name(destination.name)
    if stock.is_band and not destination.system:
        return spool.send_raw(queue, _zpl(stock, labels, settings, cancelled))
    if spool.cups_available():
        spool.check_queue(queue)  # Qt cannot tell a queue that rejects jobs
    with _renderer() as renderer:
        renderer.print_to_queue(queue, stock, labels, cancelled)
    return None


def _zpl(
    stock: Stock, labels: list[LabelContent], settings: PrintSettings, cancelled: CancelFlag | None
) -> bytes:
    if not stock.is_band:
        raise FieldregError("print.not_zpl", stock=stock.name)
    return render_zpl(stock, labels, text_font=settings.zpl_text_font, cancelled=cancelled)


def _renderer() -> Any:
    from fieldreg.printing.qt_renderer import QtLabelRenderer  # Qt only when a PDF is made

    return QtLabelRenderer()


def _render_pdf(
    path: Path, stock: Stock, labels: list[LabelContent], cancelled: CancelFlag | None
) -> None:
    with _renderer() as renderer:
        renderer.write_pdf(path, stock, labels, cancelled)


def _write_file(target: Path, produce: Callable[[Path], object]) -> None:
    """Write through a 0600 file beside `target`, renamed over it only when complete; never over
    a link, a folder or a device (`outside_files.refuse_unless_regular`)."""
    refuse_unless_regular(target, "print.write_failed")
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        spool.new_private_file(temporary)
        produce(temporary)
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        temporary.replace(target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise FieldregError("print.write_failed", reason=os_error_reason(exc)) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _not_head(session: Session, person_id: str) -> bool:
    fields = session.people.summary(person_id) or {}
    return fields.get("relationship") != Relationship.HEAD.value
