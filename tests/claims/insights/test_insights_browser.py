"""In a real browser: the dashboard draws its charts from the seed plus generated data, and each table
holds the numbers its chart draws. It prints, and fits a phone."""

from __future__ import annotations

from typing import Any

import pytest

from claims.insights.figures import CHART_IDS
from seeds.services import seeds_load
from tests.browser import Shots, login
from tests.claims.insights.desk import generate

_shot = Shots("insights")

# For every mark of every chart: its series, category and number, and the table cell for the same series
# and category. Returns the marks whose cell says something else (none, when the two agree).
COMPARE = """() => {
  const out = {marks: 0, mismatches: [], charts: {}};
  for (const svg of document.querySelectorAll("svg[data-chart]")) {
    const id = svg.dataset.chart;
    const table = document.querySelector(`table[data-chart="${id}"]`);
    const cells = new Map();
    for (const td of table.querySelectorAll("td[data-series]")) {
      cells.set(td.dataset.series + "|" + td.dataset.category, td.textContent.trim());
    }
    const marks = svg.querySelectorAll("[data-value]");
    out.charts[id] = marks.length;
    for (const mark of marks) {
      out.marks += 1;
      const cell = cells.get(mark.dataset.series + "|" + mark.dataset.category);
      if (cell !== mark.dataset.value) {
        out.mismatches.push([id, mark.dataset.series, mark.dataset.category, mark.dataset.value, cell]);
      }
    }
  }
  return out;
}"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_dashboard_draws_its_charts_and_each_table_matches_its_chart(live_server: Any, page: Any) -> None:
    seeds_load()
    desk = generate(claims=80)
    base = live_server.url
    page.set_default_timeout(15_000)
    problems: list[str] = []
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, base, desk["editor"].username)
    page.wait_for_url(f"{base}/board/")
    page.click("header a:has-text('Insights')")
    page.wait_for_selector("svg[data-chart='flow']")
    found = page.evaluate(COMPARE)
    assert sorted(found["charts"]) == sorted(CHART_IDS)
    assert all(found["charts"][chart] > 0 for chart in CHART_IDS), found["charts"]
    assert found["mismatches"] == []
    # The weekly flow's columns add up to the claims created in the period (both seeds' eight and the generated).
    created = page.evaluate(
        "() => [...document.querySelectorAll(\"svg[data-chart='flow'] rect[data-series='Created']\")]"
        ".reduce((n, r) => n + Number(r.dataset.value.replace(',', '')), 0)"
    )
    assert created == 88
    # Drawn bars have heights in proportion to their numbers.
    heights = page.evaluate(
        "() => [...document.querySelectorAll(\"svg[data-chart='workload'] rect[data-series='Open']\")]"
        ".map(r => [Number(r.dataset.value), r.getBBox().width])"
    )
    biggest = max(heights)
    for value, width in heights:
        assert width == pytest.approx(biggest[1] * value / biggest[0], abs=1.0)
    assert page.evaluate("document.scripts.length") <= 2  # htmx of the workspace; the charts need none
    _shot(page, "01-dashboard")
    page.locator("#chart-flow").screenshot(path=str(_shot.folder / "02-flow-chart-and-table.png"))
    page.locator("#chart-to-approved").screenshot(path=str(_shot.folder / "03-time-to-approval.png"))
    page.locator("#chart-ratings").screenshot(path=str(_shot.folder / "04-ratings.png"))

    # Filtered by an outlet, the numbers change and still match.
    page.select_option("#f-outlet", "Le Quotidien")
    page.click(".insights-filters button:has-text('Show')")
    page.wait_for_url("**/insights/?*outlet=Le+Quotidien*")
    filtered = page.evaluate(COMPARE)
    assert filtered["mismatches"] == [] and filtered["marks"] > 0

    # On paper: the charts and tables, without the top bar and the filters.
    page.emulate_media(media="print")
    assert not page.locator("header.topbar").is_visible()
    assert page.locator("svg[data-chart='ratings']").is_visible()
    _shot(page, "05-dashboard-print")
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(page, "06-dashboard-phone")
    page.locator("#chart-workload").screenshot(path=str(_shot.folder / "07-workload-phone.png"))
    assert not problems, problems
