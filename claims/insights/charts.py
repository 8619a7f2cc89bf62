"""Charts drawn on the server as SVG: the geometry of columns, stacked columns, lines and horizontal bars.

Pure functions from numbers to shapes; :func:`svg` writes the shapes as SVG elements (no JavaScript,
prints as it shows) and ``insights/dashboard.html`` writes the same numbers as a table. Both read one
:class:`Chart`, so the table beside a chart always holds the chart's own numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.translation import pgettext

WIDTH = 640
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 34
COLUMN_HEIGHT = 240
BAR_ROW = 22


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    colour: str
    values: list[float | None]
    dashed: bool = False
    fmt: Callable[[float | None], str] | None = None  # the table's format, when not the chart's


@dataclass(frozen=True)
class Shape:
    """One column or bar: its box, the series and category it draws, and the number it stands for."""

    x: float
    y: float
    width: float
    height: float
    colour: str
    series: str
    category: str
    value: float | None
    text: str  # the value as the table shows it
    tooltip: str


@dataclass(frozen=True)
class Line:
    series: str
    colour: str
    dashed: bool
    points: str
    dots: list[Shape]


@dataclass(frozen=True)
class Tick:
    position: float
    text: str


@dataclass
class Chart:
    """Everything the SVG template and the table template need for one chart."""

    id: str
    title: str
    summary: str
    kind: str  # "columns", "stacked", "lines" or "bars"
    categories: list[str]
    series: list[Series]
    unit: str = ""
    width: int = WIDTH
    height: int = COLUMN_HEIGHT
    shapes: list[Shape] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    plot: tuple[float, float, float, float] = (0, 0, 0, 0)  # left, top, right, bottom
    empty: bool = False
    category_label: str = ""
    fmt: Callable[[float | None], str] = str
    table_only: list[Series] = field(default_factory=list)  # columns of the table the chart does not draw

    @property
    def columns(self) -> list[Series]:
        return [*self.series, *self.table_only]

    @property
    def rows(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The table: one row per category, one (series, text) cell per series, as the chart's tooltips write it."""
        return [
            (category, [(s.label, (s.fmt or self.fmt)(s.values[i])) for s in self.columns])
            for i, category in enumerate(self.categories)
        ]

    @property
    def left(self) -> float:
        return self.plot[0]

    @property
    def top(self) -> float:
        return self.plot[1]

    @property
    def right(self) -> float:
        return self.plot[2]

    @property
    def bottom(self) -> float:
        return self.plot[3]

    @property
    def label_y(self) -> float:
        return self.plot[3] + 16

    @property
    def tick_x(self) -> float:
        return self.plot[0] - 6

    @property
    def middle(self) -> tuple[float, float]:
        return ((self.plot[0] + self.plot[2]) / 2, (self.plot[1] + self.plot[3]) / 2)


def whole(value: float | None) -> str:
    """1,234 (1 234 in French), or a dash for no value."""
    return "—" if value is None else number_format(f"{value:.0f}", force_grouping=True)


def one_decimal(value: float | None) -> str:
    """1,234.5 (1 234,5 in French), or a dash for no value."""
    return "—" if value is None else number_format(f"{value:.1f}", decimal_pos=1, force_grouping=True)


def tooltip(category: str, series: str, value: str, unit: str = "") -> str:
    """What a mark of a chart says when pointed at: "Mar 2026, Approved: 3.5 days"."""
    if unit:
        return pgettext(
            "a chart's mark pointed at: category, series: value unit", "%(category)s, %(series)s: %(value)s %(unit)s"
        ) % {
            "category": category,
            "series": series,
            "value": value,
            "unit": unit,
        }
    return pgettext("a chart's mark pointed at: category, series: value", "%(category)s, %(series)s: %(value)s") % {
        "category": category,
        "series": series,
        "value": value,
    }


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """Round tick values from 0 to at least ``top``: steps of 1, 2 or 5 times a power of ten."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    if step < 1 and top >= 1:
        step = 1.0
    ticks = [0.0]
    while ticks[-1] < top:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _x_ticks(categories: list[str], centres: list[float], most: int = 9) -> list[Tick]:
    every = max(1, math.ceil(len(categories) / most))
    return [Tick(centres[i], categories[i]) for i in range(0, len(categories), every)]


def _y_axis(chart: Chart, top_value: float) -> tuple[float, Callable[[float], float]]:
    top, bottom = chart.top, chart.bottom
    ticks = nice_ticks(top_value)
    scale_top = ticks[-1] or 1.0

    def y(value: float) -> float:
        return bottom - (value / scale_top) * (bottom - top)

    chart.y_ticks = [Tick(round(y(t), 1), chart.fmt(t) if t != int(t) else f"{t:,.0f}") for t in ticks]
    return scale_top, y


def _frame(chart: Chart) -> None:
    chart.plot = (LEFT, TOP, chart.width - RIGHT, chart.height - BOTTOM)
    chart.empty = not chart.categories or all(v in (None, 0) for s in chart.series for v in s.values)


def columns(
    *,
    id: str,
    title: str,
    summary: str,
    categories: list[str],
    series: list[Series],
    stacked: bool = False,
    unit: str = "",
    category_label: str = "",
    fmt: Callable[[float | None], str] = whole,
) -> Chart:
    """Columns per category: side by side (grouped), or stacked one on the other."""
    chart = Chart(
        id=id,
        title=title,
        summary=summary,
        kind="stacked" if stacked else "columns",
        categories=categories,
        series=series,
        unit=unit,
        category_label=category_label,
        fmt=fmt,
    )
    _frame(chart)
    left, right = chart.left, chart.right
    n = max(len(categories), 1)
    slot = (right - left) / n
    if stacked:
        totals = [sum(s.values[i] or 0 for s in series) for i in range(len(categories))]
        top_value = max(totals, default=0)
    else:
        top_value = max((v or 0 for s in series for v in s.values), default=0)
    _, y = _y_axis(chart, top_value)
    gap = min(6.0, slot * 0.2)
    centres = []
    for i, category in enumerate(categories):
        x0 = left + i * slot + gap / 2
        inner = slot - gap
        centres.append(left + i * slot + slot / 2)
        base = 0.0
        for j, s in enumerate(series):
            value = s.values[i]
            amount = value or 0
            if stacked:
                y_top, y_bottom = y(base + amount), y(base)
                x, width = x0, inner
                base += amount
            else:
                width = inner / len(series)
                x, y_top, y_bottom = x0 + j * width, y(amount), y(0)
            chart.shapes.append(
                Shape(
                    x=round(x, 1),
                    y=round(y_top, 1),
                    width=round(max(width, 0.5), 1),
                    height=round(max(y_bottom - y_top, 0), 1),
                    colour=s.colour,
                    series=s.label,
                    category=category,
                    value=value,
                    text=fmt(value),
                    tooltip=tooltip(category, s.label, fmt(value), unit if value is not None else ""),
                )
            )
    chart.x_ticks = _x_ticks(categories, centres)
    return chart


def lines(
    *,
    id: str,
    title: str,
    summary: str,
    categories: list[str],
    series: list[Series],
    unit: str = "",
    category_label: str = "",
    fmt: Callable[[float | None], str] = one_decimal,
) -> Chart:
    """One line per series over the categories; a category without a value leaves a gap in the line."""
    chart = Chart(
        id=id,
        title=title,
        summary=summary,
        kind="lines",
        categories=categories,
        series=series,
        unit=unit,
        category_label=category_label,
        fmt=fmt,
    )
    _frame(chart)
    left, right = chart.left, chart.right
    n = max(len(categories), 1)
    slot = (right - left) / n
    top_value = max((v or 0 for s in series for v in s.values), default=0)
    _, y = _y_axis(chart, top_value)
    centres = [left + i * slot + slot / 2 for i in range(len(categories))]
    for s in series:
        dots = []
        runs: list[list[str]] = [[]]
        for i, category in enumerate(categories):
            value = s.values[i]
            if value is None:
                runs.append([])
                continue
            cx, cy = round(centres[i], 1), round(y(value), 1)
            runs[-1].append(f"{cx},{cy}")
            dots.append(
                Shape(
                    x=cx,
                    y=cy,
                    width=0,
                    height=0,
                    colour=s.colour,
                    series=s.label,
                    category=category,
                    value=value,
                    text=fmt(value),
                    tooltip=tooltip(category, s.label, fmt(value), unit),
                )
            )
        points = " M ".join(" L ".join(run) for run in runs if run)
        chart.lines.append(Line(s.label, s.colour, s.dashed, ("M " + points) if points else "", dots))
    chart.x_ticks = _x_ticks(categories, centres)
    return chart


def bars(
    *,
    id: str,
    title: str,
    summary: str,
    categories: list[str],
    series: list[Series],
    category_label: str = "",
    fmt: Callable[[float | None], str] = whole,
) -> Chart:
    """Horizontal bars, one row per category (a person), one bar per series in the row."""
    chart = Chart(
        id=id,
        title=title,
        summary=summary,
        kind="bars",
        categories=categories,
        series=series,
        category_label=category_label,
        fmt=fmt,
        height=TOP + BOTTOM + BAR_ROW * max(len(categories), 1),
    )
    label_room = 190
    chart.plot = (label_room, TOP, chart.width - RIGHT, chart.height - BOTTOM)
    chart.empty = not categories or all(v in (None, 0) for s in series for v in s.values)
    left, top, right = chart.left, chart.top, chart.right
    top_value = max((v or 0 for s in series for v in s.values), default=0)
    ticks = nice_ticks(top_value)
    scale_top = ticks[-1] or 1.0

    def x(value: float) -> float:
        return left + (value / scale_top) * (right - left)

    chart.y_ticks = [Tick(round(x(t), 1), f"{t:,.0f}") for t in ticks]  # across, for bars
    height = (BAR_ROW - 6) / max(len(series), 1)
    for i, category in enumerate(categories):
        row_top = top + i * BAR_ROW + 3
        for j, s in enumerate(series):
            value = s.values[i]
            chart.shapes.append(
                Shape(
                    x=left,
                    y=round(row_top + j * height, 1),
                    width=round(max(x(value or 0) - left, 0), 1),
                    height=round(height, 1),
                    colour=s.colour,
                    series=s.label,
                    category=category,
                    value=value,
                    text=fmt(value),
                    tooltip=f"{category}, {s.label}: {fmt(value)}",
                )
            )
    chart.x_ticks = [Tick(round(top + i * BAR_ROW + BAR_ROW / 2 + 4, 1), c) for i, c in enumerate(categories)]
    return chart


def as_rows(chart: Chart) -> list[list[Any]]:
    """The chart's numbers for a CSV file: the category, then each series' raw value."""
    return [[category, *(s.values[i] for s in chart.columns)] for i, category in enumerate(chart.categories)]


def _num(value: float) -> str:
    return f"{value:g}"


def svg(chart: Chart, *, empty_text: str) -> str:
    """The chart as an SVG element (every text escaped, no script). Written in Python rather than a template:
    a template loop over the hundreds of marks of a two-year range cost as much as the page's queries."""
    e = escape
    out = [
        f'<svg class="chart chart-{e(chart.kind)}" viewBox="0 0 {chart.width} {chart.height}" width="100%" '
        f'role="img" aria-labelledby="{e(chart.id)}-title {e(chart.id)}-desc" data-chart="{e(chart.id)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{e(chart.id)}-title">{e(chart.title)}</title>',
        f'<desc id="{e(chart.id)}-desc">{e(chart.summary)}</desc>',
        '<g class="axes" aria-hidden="true">',
    ]
    if chart.kind == "bars":
        for t in chart.y_ticks:
            out.append(
                f'<line class="grid" x1="{_num(t.position)}" x2="{_num(t.position)}" y1="{_num(chart.top)}" '
                f'y2="{_num(chart.bottom)}"/><text class="tick" x="{_num(t.position)}" y="{_num(chart.label_y)}" '
                f'text-anchor="middle">{e(t.text)}</text>'
            )
        for t in chart.x_ticks:
            label = t.text if len(t.text) <= 26 else t.text[:25] + "…"
            out.append(
                f'<text class="tick category" x="{_num(chart.tick_x)}" y="{_num(t.position)}" '
                f'text-anchor="end">{e(label)}</text>'
            )
    else:
        for t in chart.y_ticks:
            out.append(
                f'<line class="grid" x1="{_num(chart.left)}" x2="{_num(chart.right)}" y1="{_num(t.position)}" '
                f'y2="{_num(t.position)}"/><text class="tick" x="{_num(chart.tick_x)}" y="{_num(t.position)}" '
                f'dy="4" text-anchor="end">{e(t.text)}</text>'
            )
        for t in chart.x_ticks:
            out.append(
                f'<text class="tick category" x="{_num(t.position)}" y="{_num(chart.label_y)}" '
                f'text-anchor="middle">{e(t.text)}</text>'
            )
        out.append(
            f'<line class="axis" x1="{_num(chart.left)}" x2="{_num(chart.right)}" y1="{_num(chart.bottom)}" '
            f'y2="{_num(chart.bottom)}"/>'
        )
    out.append('</g><g class="marks">')

    def data(s: Shape) -> str:
        return (
            f'fill="{e(s.colour)}" data-series="{e(s.series)}" data-category="{e(s.category)}" '
            f'data-value="{e(s.text)}"><title>{e(s.tooltip)}</title>'
        )

    for s in chart.shapes:
        out.append(
            f'<rect class="mark" x="{_num(s.x)}" y="{_num(s.y)}" width="{_num(s.width)}" '
            f'height="{_num(s.height)}" {data(s)}</rect>'
        )
    for line in chart.lines:
        if line.points:
            dash = ' stroke-dasharray="6 4"' if line.dashed else ""
            out.append(
                f'<path class="line" d="{e(line.points)}" stroke="{e(line.colour)}" fill="none" '
                f'stroke-width="2.5"{dash}/>'
            )
        for s in line.dots:
            out.append(f'<circle class="mark" cx="{_num(s.x)}" cy="{_num(s.y)}" r="3.5" {data(s)}</circle>')
    out.append("</g>")
    if chart.empty:
        x, y = chart.middle
        out.append(f'<text class="empty-note" x="{_num(x)}" y="{_num(y)}" text-anchor="middle">{e(empty_text)}</text>')
    out.append("</svg>")
    return "".join(out)
