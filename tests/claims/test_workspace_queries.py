"""The board and the queue make the same number of queries for 3 claims as for 60."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.models import ClaimStatus
from tests.factories import ArticleFactory, ClaimFactory, UserFactory, VerdictFactory

pytestmark = pytest.mark.django_db
# session, user, groups, the top bar's unread count, status counts, page rows, reviewers list,
# (article title when filtered)
BOARD_MAX_QUERIES = 8
QUEUE_MAX_QUERIES = 6


def _make_claims(n: int, reviewers: list[Any]) -> None:
    today = timezone.localdate()
    articles = [ArticleFactory() for _ in range(max(1, n // 5))]
    for i in range(n):
        reviewer = reviewers[i % len(reviewers)]
        status = [ClaimStatus.NEW, ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW, ClaimStatus.SUBMITTED][i % 4]
        claim = ClaimFactory(
            article=articles[i % len(articles)],
            status=status,
            assignee=None if status == ClaimStatus.NEW else reviewer,
            due_date=today + dt.timedelta(days=(i % 9) - 4),
            priority=i % 4,
        )
        if status == ClaimStatus.SUBMITTED:
            VerdictFactory(claim=claim)


BOARD_URLS = ["", "?status=assigned", "?due=overdue&sort=priority", "?sort=status&page=2", "?assignee=none"]


@pytest.mark.parametrize("n", [3, 60])
@pytest.mark.parametrize("query", BOARD_URLS)
def test_board_queries_do_not_grow_with_claims(
    client: Any, editor: Any, reviewer: Any, django_assert_max_num_queries: Any, n: int, query: str
) -> None:
    _make_claims(n, [reviewer, UserFactory(groups=["reviewer"])])
    client.force_login(editor)
    with django_assert_max_num_queries(BOARD_MAX_QUERIES):
        response = client.get(reverse("claims:board") + query)
    assert response.status_code == 200


@pytest.mark.parametrize("n", [3, 60])
def test_board_filtered_by_article_and_assignee_stays_bounded(
    client: Any, editor: Any, reviewer: Any, django_assert_max_num_queries: Any, n: int
) -> None:
    _make_claims(n, [reviewer])
    article_id = reviewer.assigned_claims.first().article_id
    client.force_login(editor)
    with django_assert_max_num_queries(BOARD_MAX_QUERIES):
        client.get(reverse("claims:board") + f"?article={article_id}&assignee={reviewer.pk}")


@pytest.mark.parametrize("n", [3, 60])
def test_queue_queries_do_not_grow_with_claims(
    client: Any, reviewer: Any, django_assert_max_num_queries: Any, n: int
) -> None:
    _make_claims(n, [reviewer])
    client.force_login(reviewer)
    with django_assert_max_num_queries(QUEUE_MAX_QUERIES):
        response = client.get(reverse("claims:queue"))
    assert len(response.context["page"].items) == min(25, sum(1 for _ in reviewer.assigned_claims.all()))


def test_board_query_count_is_the_same_for_3_and_60_claims(
    client: Any, editor: Any, reviewer: Any, django_assert_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(editor)
    _make_claims(3, [reviewer])
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("claims:board"))
    _make_claims(57, [reviewer])
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("claims:board"))
    assert len(small.captured_queries) == len(large.captured_queries)
