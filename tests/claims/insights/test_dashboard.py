"""The dashboard: its numbers are right, the same in the chart and the table, and cost the same queries at any size."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from claims.insights import charts, figures, selectors
from claims.models import Check, CheckVersion, ClaimEvent, ClaimStatus, ErrorReport, Rating
from tests.factories import ArticleFactory, CandidateSourceFactory, ClaimFactory, UserFactory, VerdictFactory

pytestmark = pytest.mark.django_db
S = ClaimStatus
RANGE = "?start=2026-09-01&end=2026-11-30"


def at(day: str, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.fromisoformat(day).replace(hour=hour))


def _claim(outlet: str, created: str, reviewer: Any, status: str = S.APPROVED, **extra: Any) -> Any:
    article = ArticleFactory(outlet=outlet)
    return ClaimFactory(article=article, created_at=at(created), status=status, assignee=reviewer, **extra)


def _event(claim: Any, action: str, when: dt.datetime, by: Any) -> None:
    ClaimEvent.objects.create(claim=claim, actor=by, kind="status", action=action, created_at=when)


@pytest.fixture
def desk(editor: Any, reviewer: Any, other_reviewer: Any) -> dict[str, Any]:
    accurate, misleading = Rating.objects.get(label="Accurate"), Rating.objects.get(label="Misleading")
    c1 = _claim("Alpha News", "2026-09-07", reviewer, S.PUBLISHED)
    _event(c1, "approve", at("2026-09-08"), editor)  # 1 day
    _event(c1, "publish", at("2026-09-10"), editor)  # 3 days
    VerdictFactory(claim=c1, rating=accurate, approved_at=at("2026-09-08"), approved_by=editor)
    c2 = _claim("Alpha News", "2026-09-07", reviewer)
    _event(c2, "approve", at("2026-09-09"), editor)  # 2 days
    VerdictFactory(claim=c2, rating=misleading, approved_at=at("2026-09-09"), approved_by=editor)
    c3 = _claim("Beta Daily", "2026-10-05", other_reviewer, S.PUBLISHED)
    _event(c3, "approve", at("2026-10-15"), editor)  # 10 days
    _event(c3, "publish", at("2026-10-20"), editor)  # 15 days
    _event(c3, "approve", at("2026-10-25"), editor)  # approved again after a reopening: counted once
    VerdictFactory(claim=c3, rating=accurate, approved_at=at("2026-10-25"), approved_by=editor)
    c4 = _claim("Alpha News", "2026-08-01", reviewer)  # created before the range, approved inside it
    _event(c4, "approve", at("2026-09-02"), editor)  # 32 days
    # Open work today: two with the reviewer, one of them overdue.
    today = timezone.localdate()
    _claim("Alpha News", "2026-09-20", reviewer, S.ASSIGNED, due_date=today - dt.timedelta(days=1))
    _claim("Alpha News", "2026-09-21", reviewer, S.IN_REVIEW, due_date=today + dt.timedelta(days=3))
    CandidateSourceFactory(claim=c1, decision="confirmed", decided_by=editor, decided_at=at("2026-09-08"))
    CandidateSourceFactory(claim=c3, decision="disputed", decided_by=editor, decided_at=at("2026-10-06"))
    CandidateSourceFactory(claim=c3)  # only suggested: not a decision
    check = Check.objects.create(article=c1.article, slug="alpha", headline="Alpha checked")
    for number, when in ((1, "2026-09-10"), (2, "2026-11-03")):
        CheckVersion.objects.create(
            check_page=check, number=number, snapshot={}, published_by=editor, published_at=at(when)
        )
    ErrorReport.objects.create(check_page=check, claim=c1, message="x", created_at=at("2026-10-02"))
    ErrorReport.objects.create(check_page=check, claim=None, message="y", created_at=at("2026-11-04"))
    return {"c1": c1, "c3": c3}


def _filters(**extra: Any) -> selectors.InsightFilters:
    return selectors.InsightFilters(start=dt.date(2026, 9, 1), end=dt.date(2026, 11, 30), **extra)


def test_weekly_flow_counts_created_approved_and_published(desk: Any) -> None:
    flow = selectors.weekly_flow(_filters())
    by_week = {
        w.isoformat(): (c, a, p)
        for w, c, a, p in zip(flow.weeks, flow.created, flow.approved, flow.published, strict=True)
    }
    assert flow.weeks[0] == dt.date(2026, 8, 31) and flow.weeks[-1] == dt.date(2026, 11, 30)
    assert by_week["2026-08-31"] == (0, 1, 0)
    assert by_week["2026-09-07"] == (2, 2, 1)
    assert by_week["2026-09-14"] == (1, 0, 0)  # Sunday 20 September ends the week of the 14th
    assert by_week["2026-09-21"] == (1, 0, 0)
    assert by_week["2026-10-05"] == (1, 0, 0)
    assert by_week["2026-10-12"] == (0, 1, 0)
    assert by_week["2026-10-19"] == (0, 1, 1)
    assert sum(flow.created) == 5  # c4 was created before the range


def test_time_to_approval_and_publication_median_and_90th_percentile(desk: Any) -> None:
    found = selectors.durations(_filters())
    approved, published = found["approved"], found["published"]
    september = approved.months.index(dt.date(2026, 9, 1))
    # September: 32, 1 and 2 days -> median 2, 90th percentile 2 + 0.8 * (32 - 2) = 26.
    assert approved.count[september] == 3
    assert approved.median[september] == pytest.approx(2.0)
    assert approved.p90[september] == pytest.approx(26.0)
    # Over the range: 1, 2, 10, 32 (c3 counts once, at its first approval).
    assert approved.overall_count == 4
    assert approved.overall_median == pytest.approx(6.0)
    assert approved.overall_p90 == pytest.approx(25.4)
    assert published.overall_count == 2 and published.overall_median == pytest.approx(9.0)
    assert published.median[published.months.index(dt.date(2026, 11, 1))] is None


def test_filters_by_outlet_and_reviewer(desk: Any, other_reviewer: Any) -> None:
    beta = selectors.durations(_filters(outlet="Beta Daily"))["approved"]
    assert (beta.overall_count, beta.overall_median) == (1, pytest.approx(10.0))
    otto = selectors.weekly_flow(_filters(reviewer=other_reviewer.pk))
    assert sum(otto.created) == 1 and sum(otto.published) == 1
    nobody = selectors.weekly_flow(_filters(outlet="No Such Outlet"))
    assert sum(nobody.created) == sum(nobody.approved) == 0


def test_workload_ratings_sources_reports_and_corrections(desk: Any, reviewer: Any, other_reviewer: Any) -> None:
    loads = selectors.workload(_filters(), selectors.reviewer_choices())
    assert [(w.reviewer, w.open, w.overdue) for w in loads] == [(reviewer, 2, 1), (other_reviewer, 0, 0)]
    ratings = selectors.ratings_by_month(_filters())
    assert {r["label"]: r["counts"] for r in ratings.ratings} == {"Accurate": [1, 1, 0], "Misleading": [1, 0, 0]}
    sources = selectors.source_decisions(_filters())
    assert (sources.first, sources.second, sources.available) == ([1, 0, 0], [0, 1, 0], True)
    reports = selectors.reports_and_corrections(_filters())
    assert (reports.first, reports.second) == ([0, 1, 1], [0, 0, 1])
    mine = selectors.reports_and_corrections(_filters(reviewer=reviewer.pk))
    assert (mine.first, mine.second) == ([0, 1, 0], [0, 0, 1])


def test_without_an_app_keeping_sources_the_chart_says_so(desk: Any) -> None:
    from claims import hooks

    saved = dict(hooks.source_decisions._entries)
    hooks.source_decisions._entries.clear()
    try:
        found = selectors.source_decisions(_filters())
    finally:
        hooks.source_decisions._entries.update(saved)
    assert not found.available and sum(found.first) == 0


def _page(client: Client, query: str = RANGE) -> Any:
    response = client.get(reverse("insights:dashboard") + query)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def test_every_mark_of_every_chart_matches_its_table(client: Client, editor: Any, desk: Any) -> None:
    client.force_login(editor)
    doc = _page(client)
    svgs = doc.xpath("//svg[@data-chart]")
    assert [svg.get("data-chart") for svg in svgs] == list(figures.CHART_IDS)
    checked = 0
    for svg in svgs:
        chart_id = svg.get("data-chart")
        [table] = doc.xpath(f"//table[@data-chart='{chart_id}']")
        cells = {(td.get("data-series"), td.get("data-category")): td.text_content().strip() for td in table.iter("td")}
        for mark in svg.xpath(".//*[@data-value]"):
            assert cells[(mark.get("data-series"), mark.get("data-category"))] == mark.get("data-value"), chart_id
            checked += 1
        assert svg.get("role") == "img" and svg.find("title") is not None
    assert checked > 50
    flow = doc.xpath("//svg[@data-chart='flow']//rect[@data-series='Created'][@data-category='7 Sep']")
    assert flow[0].get("data-value") == "2"


def test_the_dashboard_makes_the_same_queries_at_any_size(
    client: Client, editor: Any, reviewer: Any, desk: Any, django_assert_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(editor)
    with CaptureQueriesContext(connection) as small:
        _page(client)
    for i in range(30):
        claim = _claim(f"Outlet {i % 4}", "2026-09-15", reviewer, S.PUBLISHED)
        _event(claim, "approve", at("2026-09-20"), editor)
        _event(claim, "publish", at("2026-10-01"), editor)
        VerdictFactory(claim=claim, approved_at=at("2026-09-20"), approved_by=editor)
        UserFactory(groups=["reviewer"])
    with CaptureQueriesContext(connection) as large:
        _page(client)
    assert len(small.captured_queries) == len(large.captured_queries)
    # session, user, groups, inbox count, reviewers, outlets, and the charts: durations 1, flow 2,
    # workload 1, ratings 1, sources 1, reports and corrections 2.
    with django_assert_num_queries(14):
        _page(client, RANGE + "&outlet=Outlet+1&reviewer=" + str(reviewer.pk))


def test_bad_filters_are_explained_not_an_error(client: Client, editor: Any) -> None:
    client.force_login(editor)
    doc = _page(client, "?start=yesterday&end=2026-01-01&reviewer=abc")
    alerts = " ".join(p.text_content() for p in doc.find_class("flash"))
    assert "“yesterday” is not a date" in alerts and "not one of the newsroom's" in alerts
    doc = _page(client, "?start=2026-11-30&end=2026-09-01")
    assert "swapped" in doc.find_class("flash")[0].text_content()
    assert doc.get_element_by_id("f-start").get("value") == "2026-09-01"


def test_each_table_downloads_as_csv_safe_for_spreadsheets(client: Client, editor: Any, desk: Any) -> None:
    UserFactory(username="formula", first_name='=HYPERLINK("http://x")', last_name="", groups=["reviewer"])
    client.force_login(editor)
    response = client.get(reverse("insights:export", args=["workload"]) + RANGE)
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="workload-2026-09-01-2026-11-30.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["Reviewer", "Open", "Overdue"]
    assert rows[1] == ["Rita Reviewer (rita)", "2", "1"]
    formula = next(r for r in rows if "HYPERLINK" in r[0])
    assert formula[0].startswith("'=")
    flow = client.get(reverse("insights:export", args=["flow"]) + RANGE)
    lines = b"".join(flow.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "Week of,Created,Approved,Published" and "7 Sep,2,2,1" in lines
    durations = client.get(reverse("insights:export", args=["to-approved"]) + RANGE)
    text = b"".join(durations.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0] == "Month,Median (days),90th percentile (days),Claims"
    assert client.get(reverse("insights:export", args=["nope"])).status_code == 404


def test_nice_ticks_and_column_heights() -> None:
    assert charts.nice_ticks(7) == [0, 2, 4, 6, 8]
    assert charts.nice_ticks(0) == [0, 1]
    assert charts.nice_ticks(130) == [0, 50, 100, 150]
    chart = charts.columns(
        id="t", title="T", summary="s", categories=["a", "b"], series=[charts.Series("x", "X", "#000", [2, 4])]
    )
    heights = [shape.height for shape in chart.shapes]
    assert heights[1] == pytest.approx(2 * heights[0])
    assert [shape.text for shape in chart.shapes] == ["2", "4"]
    assert chart.rows == [("a", [("X", "2")]), ("b", [("X", "4")])]
    empty = charts.columns(
        id="e", title="E", summary="s", categories=["a"], series=[charts.Series("x", "X", "#000", [0])]
    )
    assert empty.empty


def test_reviewers_and_outsiders_cannot_see_the_dashboard(client: Client, reviewer: Any) -> None:
    client.force_login(reviewer)
    assert client.get(reverse("insights:dashboard")).status_code == 403


def test_the_rating_series_are_named_in_the_viewers_language(client: Client, editor: Any, desk: Any) -> None:
    from django.utils import translation

    from factcheck.people.services import language_set

    accurate = Rating.objects.get(label="Accurate")
    french = accurate.label_in("fr")
    assert french and french != "Accurate"
    with translation.override("fr"):
        labels = {r["label"] for r in selectors.ratings_by_month(_filters()).ratings}
    assert labels == {french, Rating.objects.get(label="Misleading").label_in("fr")}
    with translation.override("en-gb"):
        assert {r["label"] for r in selectors.ratings_by_month(_filters()).ratings} == {"Accurate", "Misleading"}
    language_set(by=editor, language="fr")
    client.force_login(editor)
    page = lxml.html.fromstring(client.get(reverse("insights:dashboard") + RANGE).content)
    chart = " ".join(page.xpath("//*[@id='chart-ratings']")[0].text_content().split())
    assert french in chart and "Accurate" not in chart
