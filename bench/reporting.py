"""What every benchmark module reports to: one row per figure, printed as it comes and gathered
into the closing table (figure | measured | baseline | ratio | target | met).

A module's `run(report)` calls `report(name, value, target, ok, unit="")` for a figure with an
absolute target, and `report.ratio(...)` for a figure measured against a physical baseline in the
same run, whose target is the ratio (see bench/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Section:
    title: str
    load: str = ""  # the machine's load around the module (see bench.gauge)


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    measured: str
    baseline: str
    ratio: str
    target: str
    met: bool | None  # None: not measured here (a tool is missing)


def shown(value: float, unit: str) -> str:
    return f"{value:.3g}{unit}"


class Reporter:
    """Collects rows; `section` starts a module's part of the table with the machine's load."""

    def __init__(self) -> None:
        self.rows: list[Row | Section] = []

    def section(self, title: str) -> Section:
        print(f"{title}:", flush=True)
        section = Section(title)
        self.rows.append(section)
        return section

    def __call__(self, name: str, value: float, target: str, ok: bool, unit: str = "") -> None:
        """A figure with an absolute target (or an information line: target "(...)", ok True)."""
        measured = shown(value, unit)
        print(f"  {name:<48} {measured:>12}   target {target:<24} {_met(ok)}", flush=True)
        self.rows.append(Row(name, measured, "", "", target, ok))

    def ratio(
        self,
        name: str,
        measured: float,
        baseline: float,
        target_ratio: float,
        unit: str,
        *,
        baseline_name: str,
        faster: bool = False,
        scale: float = 1.0,
    ) -> None:
        """A figure whose target is its ratio to a baseline measured interleaved in the same run.

        `measured` and `baseline` are times (medians) in seconds, shown multiplied by `scale` in
        `unit`. The ratio is measured / baseline and must be ≤ `target_ratio`, or with `faster`
        baseline / measured, which must be ≥ `target_ratio` (fieldreg that much faster)."""
        ratio = baseline / measured if faster else measured / baseline
        ok = ratio >= target_ratio if faster else ratio <= target_ratio
        target = f"≥ {target_ratio:g}× faster" if faster else f"≤ {target_ratio:g}×"
        ratio_text = f"{ratio:.3g}× faster" if faster else f"{ratio:.3g}×"
        measured_text = shown(measured * scale, unit)
        baseline_text = f"{shown(baseline * scale, unit)} {baseline_name}"
        print(
            f"  {name:<48} {measured_text:>12}   baseline {baseline_text}\n"
            f"  {'':<48} {ratio_text:>12}   target {target:<24} {_met(ok)}",
            flush=True,
        )
        self.rows.append(Row(name, measured_text, baseline_text, ratio_text, target, ok))

    def compared(
        self,
        name: str,
        value: float,
        target: str,
        ok: bool,
        unit: str,
        *,
        baseline: float,
        baseline_name: str,
    ) -> None:
        """A figure that keeps its absolute target, with a baseline of the same run beside it
        (same unit as `value`) so that a reader can see how much of it the machine explains."""
        measured, base = shown(value, unit), f"{shown(baseline, unit)} {baseline_name}"
        ratio = f"{value / baseline:.3g}×"
        print(
            f"  {name:<48} {measured:>12}   target {target:<24} {_met(ok)}\n"
            f"  {'':<48} {ratio:>12}   of {base}",
            flush=True,
        )
        self.rows.append(Row(name, measured, base, ratio, target, ok))

    def missing(self, name: str, measured: float, unit: str, why: str, target: str) -> None:
        """A ratio figure whose baseline cannot be measured here (e.g. a tool not installed)."""
        measured_text = shown(measured, unit)
        print(f"  {name:<48} {measured_text:>12}   baseline: {why}", flush=True)
        self.rows.append(Row(name, measured_text, why, "—", target, None))

    def table(self) -> str:
        """The closing table, as Markdown (it can be pasted into the README as it is)."""
        header = ("figure", "measured", "baseline", "ratio", "target", "met")
        lines = [_line(header), _line(tuple("---" for _ in header))]
        for row in self.rows:
            if isinstance(row, Section):
                title = f"**{row.title}** (load: {row.load})" if row.load else f"**{row.title}**"
                lines.append(_line((title, "", "", "", "", "")))
            elif row.target.startswith("("):  # information: its note stands in the target
                lines.append(_line((row.name.strip(), row.measured, "", "", row.target, "")))
            else:
                cells = (row.name.strip(), row.measured, row.baseline, row.ratio, row.target)
                lines.append(_line((*cells, _met(row.met))))
        return "\n".join(lines)

    def summary(self) -> str:
        judged = [r for r in self.rows if isinstance(r, Row) and not r.target.startswith("(")]
        missed = [r for r in judged if r.met is False]
        unmeasured = [r for r in judged if r.met is None]
        measured = len(judged) - len(unmeasured)
        lines = [f"{measured - len(missed)} of {measured} targets met."]
        lines += [
            f"  MISSED {r.name.strip()}: {r.ratio if _is_ratio(r) else r.measured}"
            f" (target {r.target})"
            for r in missed
        ]
        lines += [f"  NOT MEASURED {r.name.strip()}: {r.baseline}" for r in unmeasured]
        return "\n".join(lines)


def _is_ratio(row: Row) -> bool:
    """Whether the row's target is its ratio (not an absolute figure with a baseline beside)."""
    return row.target.endswith(("×", "× faster"))


def _met(ok: bool | None) -> str:
    return "n/a" if ok is None else "OK" if ok else "MISSED"


def _line(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |"
