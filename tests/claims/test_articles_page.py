"""The Articles page: every article, newest first, with its claims' progress and its check; filters and pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from claims.models import Check, CheckVersion, ClaimStatus
from tests.factories import ArticleFactory, ClaimFactory, UserFactory


def _article_with(statuses: list[str], *, reviewer: Any, **fields: Any) -> Any:
    article = ArticleFactory(**fields)
    for i, status in enumerate(statuses):
        ClaimFactory(
            article=article,
            span_start=i,
            span_end=i + 10,
            status=status,
            assignee=None if status == ClaimStatus.NEW else reviewer,
        )
    return article


def _publish(article: Any, editor: Any) -> Check:
    check = Check.objects.create(article=article, slug=f"check-{article.pk}", headline="A check")
    version = CheckVersion.objects.create(check_page=check, number=1, snapshot={}, published_by=editor)
    Check.objects.filter(pk=check.pk).update(
        status=Check.Status.PUBLISHED, current_version=version, first_published_at=timezone.now()
    )
    return check


@pytest.mark.django_db
def test_it_lists_every_article_newest_first_with_progress_importer_and_check(
    client: Any, editor: Any, reviewer: Any
) -> None:
    old = _article_with([], reviewer=reviewer, title="An article nobody claimed yet", imported_by=editor)
    old.imported_at = timezone.now() - dt.timedelta(days=3)
    old.save()
    busy = _article_with(
        [ClaimStatus.APPROVED, ClaimStatus.PUBLISHED, ClaimStatus.NEW, ClaimStatus.IN_REVIEW, ClaimStatus.APPROVED],
        reviewer=reviewer,
        title="The busy article",
        outlet="Le Monde",
    )
    _publish(busy, editor)
    client.force_login(editor)
    page = client.get("/articles/").content.decode()
    assert page.index("The busy article") < page.index("An article nobody claimed yet")
    assert "3 of 5 approved" in page
    assert "no claims yet" in page
    assert "Edna" in page  # who imported the older one
    assert "Published" in page and "Le Monde" in page
    assert f'href="/articles/{old.pk}/"' in page and f'href="/articles/{busy.pk}/"' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("progress=none", ["Empty"], ["Half done", "All done"]),
        ("progress=open", ["Half done"], ["Empty", "All done"]),
        ("progress=done", ["All done"], ["Empty", "Half done"]),
        ("published=yes", ["All done"], ["Empty", "Half done"]),
        ("published=no", ["Empty", "Half done"], ["All done"]),
        ("outlet=Le+Monde", ["Half done"], ["Empty", "All done"]),
        ("progress=nonsense&page=x", ["Empty", "Half done", "All done"], []),
    ],
)
def test_filters_narrow_the_list(
    client: Any, editor: Any, reviewer: Any, query: str, shown: list[str], hidden: list[str]
) -> None:
    _article_with([], reviewer=reviewer, title="Empty")
    _article_with([ClaimStatus.APPROVED, ClaimStatus.NEW], reviewer=reviewer, title="Half done", outlet="Le Monde")
    done = _article_with([ClaimStatus.PUBLISHED], reviewer=reviewer, title="All done")
    _publish(done, editor)
    client.force_login(editor)
    page = client.get(f"/articles/?{query}").content.decode()
    for title in shown:
        assert f">{title}</a>" in page, title
    for title in hidden:
        assert f">{title}</a>" not in page, title


@pytest.mark.django_db
def test_it_pages_fifty_at_a_time_and_says_when_no_article_matches(client: Any, editor: Any) -> None:
    ArticleFactory.create_batch(51)
    client.force_login(editor)
    first = client.get("/articles/").content.decode()
    assert "Page 1 of 2 · 51 articles" in first and 'rel="next"' in first
    second = client.get("/articles/?page=2").content.decode()
    assert second.count('<tr id="article-') == 1
    assert "No article matches these filters." in client.get("/articles/?outlet=Nowhere").content.decode()


@pytest.mark.django_db
def test_the_htmx_request_gets_the_results_alone(client: Any, editor: Any) -> None:
    ArticleFactory(title="Only me")
    client.force_login(editor)
    response = client.get("/articles/", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="articles-results">') and "Only me" in body and "<html" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/articles/", "/articles/?progress=open&published=no"])
def test_the_number_of_queries_does_not_grow_with_the_articles(
    client: Any, editor: Any, reviewer: Any, url: str, django_assert_num_queries: Any
) -> None:
    client.force_login(editor)
    _article_with([ClaimStatus.NEW], reviewer=reviewer)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(30):
        article = _article_with([ClaimStatus.NEW, ClaimStatus.APPROVED], reviewer=reviewer, outlet=f"Outlet {i % 5}")
        if i % 3 == 0:
            _publish(article, editor)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)


@pytest.mark.django_db
def test_the_top_bar_links_the_articles_page_and_the_board_opens_an_article(client: Any, editor: Any) -> None:
    claim = ClaimFactory()
    client.force_login(editor)
    board = client.get("/board/").content.decode()
    assert 'href="/articles/"' in board
    assert f'<a href="/articles/{claim.article_id}/" class="clamp">' in board


@pytest.mark.django_db
def test_reviewers_cannot_list_articles(client: Any) -> None:
    client.force_login(UserFactory(groups=["reviewer"]))
    assert client.get("/articles/").status_code == 403
