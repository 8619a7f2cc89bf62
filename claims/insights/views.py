"""The editors' dashboard and the CSV file of each of its tables."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_GET

from claims import permissions
from claims.insights import charts, figures, selectors
from factcheck.spreadsheet import csv_response

editor_required = permissions.editor_required(gettext_lazy("Only editors can see the newsroom dashboard."))


@require_GET
@editor_required
def dashboard(request: HttpRequest) -> HttpResponse:
    filters, problems = selectors.insight_filters(request.GET)
    reviewers = selectors.reviewer_choices()
    context = {
        "filters": filters,
        "problems": problems,
        "outlets": selectors.outlets(),
        "reviewers": reviewers,
        "charts": figures.drawn(figures.dashboard_charts(filters, reviewers)),
        "query": filters.querystring(),
    }
    return render(request, "insights/dashboard.html", context)


@require_GET
@editor_required
def chart_export(request: HttpRequest, chart_id: str) -> StreamingHttpResponse:
    """One table of the dashboard, for the same filters, as a CSV file."""
    if chart_id not in figures.CHART_IDS:
        raise Http404(gettext("The dashboard has no such table."))
    filters, _problems = selectors.insight_filters(request.GET)
    chart = figures.chart_by_id(filters, selectors.reviewer_choices(), chart_id)
    assert chart is not None
    header = [chart.category_label, *(s.label for s in chart.columns)]
    name = f"{chart_id}-{filters.start.isoformat()}-{filters.end.isoformat()}.csv"
    return csv_response(name, header, charts.as_rows(chart))
