"""The dashboard's charts: the numbers of :mod:`claims.insights.selectors` laid out by :mod:`claims.insights.charts`.

The page and the CSV downloads both read :func:`dashboard_charts`, so a download holds what the page shows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from claims.insights import charts, selectors
from claims.insights.charts import Chart, Series
from claims.models import display_name

BLUE, GREEN, PURPLE, ORANGE, RED, OCHRE = "#0b5cad", "#1a7f37", "#8250df", "#bc4c00", "#b42318", "#9a6700"


def _week(day: dt.date) -> str:
    return date_format(day, "MONTH_DAY_FORMAT")


def _month(day: dt.date) -> str:
    return date_format(day, "YEAR_MONTH_FORMAT")


def _days(value: float | None) -> str:
    return charts.one_decimal(value)


def _flow(filters: selectors.InsightFilters) -> Chart:
    flow = selectors.weekly_flow(filters)
    total = sum(flow.created)
    return charts.columns(
        id="flow",
        title=_("Claims created, approved and published, per week"),
        summary=ngettext(
            "%(count)d claim created in the period; %(approved)d verdicts approved and %(published)d claims published.",
            "%(count)d claims created in the period; %(approved)d verdicts approved and %(published)d claims "
            "published.",
            total,
        )
        % {"count": total, "approved": sum(flow.approved), "published": sum(flow.published)},
        categories=[_week(w) for w in flow.weeks],
        category_label=_("Week of"),
        series=[
            Series("created", pgettext("claims counted in a chart", "Created"), BLUE, flow.created),
            Series("approved", pgettext("claims counted in a chart", "Approved"), GREEN, flow.approved),
            Series("published", pgettext("claims counted in a chart", "Published"), PURPLE, flow.published),
        ],
    )


def _duration(kind: str, found: selectors.Durations) -> Chart:
    titles = {
        "approved": _("Days from claim to approved verdict, by month of approval"),
        "published": _("Days from claim to publication, by month of publication"),
    }
    if found.overall_count:
        summaries = {
            "approved": ngettext(
                "%(count)d claim got an approved verdict: half within %(median)s days, "
                "nine in ten within %(p90)s days.",
                "%(count)d claims got an approved verdict: half within %(median)s days, nine in ten within %(p90)s "
                "days.",
                found.overall_count,
            ),
            "published": ngettext(
                "%(count)d claim was published: half within %(median)s days, nine in ten within %(p90)s days.",
                "%(count)d claims were published: half within %(median)s days, nine in ten within %(p90)s days.",
                found.overall_count,
            ),
        }
        summary = summaries[kind] % {
            "count": found.overall_count,
            "median": _days(found.overall_median),
            "p90": _days(found.overall_p90),
        }
    else:
        summary = {
            "approved": _("No verdict was approved for the first time in the period."),
            "published": _("No claim was published for the first time in the period."),
        }[kind]
    chart = charts.lines(
        id=f"to-{kind}",
        title=titles[kind],
        summary=summary,
        categories=[_month(m) for m in found.months],
        category_label=_("Month"),
        unit=_("days"),
        fmt=_days,
        series=[
            Series("median", _("Median (days)"), BLUE, found.median),
            Series("p90", _("90th percentile (days)"), ORANGE, found.p90, dashed=True),
        ],
    )
    # The table also says how many claims each month's figures rest on; the chart draws the two times.
    chart.table_only = [Series("count", _("Claims"), "", found.count, fmt=charts.whole)]
    return chart


def _workload(filters: selectors.InsightFilters, reviewers: list[Any]) -> Chart:
    loads = selectors.workload(filters, reviewers)
    open_total, overdue_total = sum(w.open for w in loads), sum(w.overdue for w in loads)
    return charts.bars(
        id="workload",
        title=_("Open and overdue claims per reviewer, today"),
        summary=ngettext(
            "%(count)d claim is open with reviewers, %(overdue)d of them overdue.",
            "%(count)d claims are open with reviewers, %(overdue)d of them overdue.",
            open_total,
        )
        % {"count": open_total, "overdue": overdue_total},
        categories=[f"{display_name(w.reviewer)} ({w.reviewer.get_username()})" for w in loads],
        category_label=_("Reviewer"),
        series=[
            Series("open", pgettext("claims counted in a chart", "Open"), BLUE, [w.open for w in loads]),
            Series("overdue", pgettext("claims counted in a chart", "Overdue"), RED, [w.overdue for w in loads]),
        ],
    )


def _ratings(filters: selectors.InsightFilters) -> Chart:
    found = selectors.ratings_by_month(filters)
    total = sum(sum(r["counts"]) for r in found.ratings)
    return charts.columns(
        id="ratings",
        title=_("Ratings given, by month of approval"),
        summary=ngettext(
            "%(count)d rated verdict approved in the period.", "%(count)d rated verdicts approved in the period.", total
        )
        % {"count": total},
        categories=[_month(m) for m in found.months],
        category_label=_("Month"),
        stacked=True,
        series=[Series(f"rating-{r['value']}", r["label"], r["colour"], r["counts"]) for r in found.ratings],
    )


def _sources(filters: selectors.InsightFilters) -> Chart:
    found = selectors.source_decisions(filters)
    if found.available:
        summary = _("%(confirmed)d candidate sources confirmed and %(disputed)d disputed in the period.") % {
            "confirmed": sum(found.first),
            "disputed": sum(found.second),
        }
    else:
        summary = _("No app keeping candidate sources is installed, so there is nothing to count.")
    return charts.columns(
        id="sources",
        title=_("Candidate sources confirmed and disputed, by month of the decision"),
        summary=summary,
        categories=[_month(m) for m in found.months],
        category_label=_("Month"),
        series=[
            Series("confirmed", pgettext("candidate sources counted in a chart", "Confirmed"), GREEN, found.first),
            Series("disputed", pgettext("candidate sources counted in a chart", "Disputed"), RED, found.second),
        ],
    )


def _reports(filters: selectors.InsightFilters) -> Chart:
    found = selectors.reports_and_corrections(filters)
    return charts.columns(
        id="reports",
        title=_("Readers' error reports and published corrections, per month"),
        summary=_("%(reports)d error reports from readers and %(corrections)d corrections published in the period.")
        % {"reports": sum(found.first), "corrections": sum(found.second)},
        categories=[_month(m) for m in found.months],
        category_label=_("Month"),
        series=[
            Series("reports", _("Error reports"), OCHRE, found.first),
            Series("corrections", _("Corrections"), PURPLE, found.second),
        ],
    )


def drawn(charts_: list[Chart]) -> list[tuple[Chart, str]]:
    """Each chart with its SVG, ready for the page."""
    empty = _("Nothing to show for this period.")
    return [(chart, mark_safe(charts.svg(chart, empty_text=empty))) for chart in charts_]


def dashboard_charts(filters: selectors.InsightFilters, reviewers: list[Any]) -> list[Chart]:
    """Every chart of the dashboard, in page order (one query each; two for the weekly flow and the reports)."""
    found = selectors.durations(filters)
    return [
        _flow(filters),
        _duration("approved", found["approved"]),
        _duration("published", found["published"]),
        _workload(filters, reviewers),
        _ratings(filters),
        _sources(filters),
        _reports(filters),
    ]


def chart_by_id(filters: selectors.InsightFilters, reviewers: list[Any], chart_id: str) -> Chart | None:
    """One chart, for its CSV download (only that chart's queries run)."""
    builders = {
        "flow": lambda: _flow(filters),
        "to-approved": lambda: _duration("approved", selectors.durations(filters)["approved"]),
        "to-published": lambda: _duration("published", selectors.durations(filters)["published"]),
        "workload": lambda: _workload(filters, reviewers),
        "ratings": lambda: _ratings(filters),
        "sources": lambda: _sources(filters),
        "reports": lambda: _reports(filters),
    }
    build = builders.get(chart_id)
    return build() if build else None


CHART_IDS = ("flow", "to-approved", "to-published", "workload", "ratings", "sources", "reports")
