"""The board: words to find, filters that apply as they change, the due-date order, and the CSV export."""

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

from claims.models import ClaimStatus
from tests.factories import ArticleFactory, ClaimFactory, VerdictFactory

pytestmark = pytest.mark.django_db
S = ClaimStatus


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _rows(html: bytes) -> list[str]:
    doc = lxml.html.fromstring(html)
    return [
        " ".join(tr.xpath("./td[1]//a")[0].text_content().split())
        for tr in doc.xpath("//table[@class='board']/tbody/tr")
    ]


def test_words_find_claims_by_text_claimant_or_article_title(editor: Any, reviewer: Any) -> None:
    ketamine = ArticleFactory(title="Ketamine proves effective")
    ClaimFactory(article=ketamine, text="Mood lifts within hours")
    ClaimFactory(text="One in three do not respond", claimant="CNRS")
    ClaimFactory(text="Unrelated claim about trains")
    client = _client(editor)
    assert _rows(client.get(reverse("claims:board") + "?q=ketamine").content) == ["Mood lifts within hours"]
    assert _rows(client.get(reverse("claims:board") + "?q=cnrs").content) == ["One in three do not respond"]
    assert _rows(client.get(reverse("claims:board") + "?q=THREE+do").content) == ["One in three do not respond"]
    doc = lxml.html.fromstring(client.get(reverse("claims:board") + "?q=trains").content)
    assert doc.get_element_by_id("f-q").get("value") == "trains"
    # The status tabs count within the words found.
    assert "All 1" in " ".join(doc.find_class("status-counts")[0].text_content().split())


def test_filters_apply_as_they_change_and_apply_stays_for_pages_without_javascript(editor: Any) -> None:
    html = _client(editor).get(reverse("claims:board")).content.decode()
    doc = lxml.html.fromstring(html)
    form = doc.find_class("filters")[0]
    assert "change" in form.get("hx-trigger") and "from:#f-q" in form.get("hx-trigger")
    assert form.get("action") == reverse("claims:board") and form.get("method") == "get"
    assert '<noscript><button type="submit">Apply</button></noscript>' in html


def test_sorting_by_due_date_puts_open_work_first(editor: Any, reviewer: Any) -> None:
    today = timezone.localdate()
    old_published = ClaimFactory(
        text="Published long ago", status=S.PUBLISHED, assignee=reviewer, due_date=today - dt.timedelta(days=60)
    )
    VerdictFactory(claim=old_published)
    ClaimFactory(
        text="Approved last month", status=S.APPROVED, assignee=reviewer, due_date=today - dt.timedelta(days=30)
    )
    ClaimFactory(text="Overdue review", status=S.IN_REVIEW, assignee=reviewer, due_date=today - dt.timedelta(days=2))
    ClaimFactory(text="Due next week", status=S.ASSIGNED, assignee=reviewer, due_date=today + dt.timedelta(days=7))
    ClaimFactory(text="No due date yet", status=S.NEW)
    rows = _rows(_client(editor).get(reverse("claims:board")).content)
    assert rows == ["Overdue review", "Due next week", "No due date yet", "Published long ago", "Approved last month"]


def test_the_export_holds_every_claim_of_the_filter_and_is_safe_for_spreadsheets(editor: Any, reviewer: Any) -> None:
    for i in range(60):  # more than one page of the board
        ClaimFactory(text=f"Claim {i}", status=S.ASSIGNED, assignee=reviewer)
    ClaimFactory(text='=HYPERLINK("http://evil.example","click")', claimant="+cmd", status=S.NEW)
    client = _client(editor)
    response = client.get(reverse("claims:board_export") + "?status=assigned")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Claim ID", "Claim", "Claimant"]
    assert len(rows) == 61 and {r[5] for r in rows[1:]} == {"Assigned"}
    assert {r[7] for r in rows[1:]} == {"rita"}
    everything = client.get(reverse("claims:board_export") + "?q=HYPERLINK")
    [row] = list(csv.reader(io.StringIO(b"".join(everything.streaming_content).decode("utf-8-sig"))))[1:]
    assert row[1] == '\'=HYPERLINK("http://evil.example","click")' and row[2] == "'+cmd"
    board = client.get(reverse("claims:board") + "?status=assigned&sort=priority").content.decode()
    assert 'href="/board/export.csv?status=assigned&amp;sort=priority"' in board


@pytest.mark.parametrize("n", [3, 40])
def test_the_board_with_words_stays_bounded(
    editor: Any, reviewer: Any, django_assert_max_num_queries: Any, n: int
) -> None:
    for i in range(n):
        ClaimFactory(text=f"Ketamine claim {i}", status=S.ASSIGNED, assignee=reviewer)
    client = _client(editor)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("claims:board") + "?q=ketamine")
    assert len(response.context["page"].claims) == min(n, 50)


def test_words_that_match_many_claims_give_the_same_answer(editor: Any, monkeypatch: Any) -> None:
    from claims import selectors

    for i in range(5):
        ClaimFactory(text=f"Ketamine claim {i}")
    ClaimFactory(text="Trains run late")
    client = _client(editor)
    listed = _rows(client.get(reverse("claims:board") + "?q=ketam").content)
    monkeypatch.setattr(selectors, "WORDS_LISTED", 2)  # more matches than are spelled out: a subquery instead
    assert sorted(_rows(client.get(reverse("claims:board") + "?q=ketam").content)) == sorted(listed)
    assert len(listed) == 5


def test_words_that_match_nothing_cost_the_same_queries(editor: Any, django_assert_num_queries: Any) -> None:
    ClaimFactory(text="Ketamine works")
    client = _client(editor)
    client.get(reverse("claims:board") + "?q=ketamine")
    # session, user, groups, the ids found, status counts, page rows, reviewers, the top bar's count
    with django_assert_num_queries(8):
        client.get(reverse("claims:board") + "?q=ketamine")
    with django_assert_num_queries(8):
        assert _rows(client.get(reverse("claims:board") + "?q=nothing+like+it").content) == []
