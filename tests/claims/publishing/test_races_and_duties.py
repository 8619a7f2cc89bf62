"""Publishing at the same moment twice, and nobody publishing a verdict they wrote.

The attacks: two simultaneous publishes (or republishes) of one check answered 500 (a duplicate
version number: the current version was read before the lock was held); two simultaneous first
saves of a check, or of two articles with the same title, answered 500 (a duplicate slug).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from claims.models import Check, CheckVersion
from claims.publishing import services as publishing
from claims.services import ServiceError
from tests.claims.publishing.conftest import approved_claim
from tests.concurrency import Racer
from tests.factories import ArticleFactory, UserFactory


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _prepare(article: Any, editor: Any) -> Check:
    return publishing.check_prepare(
        article_id=article.pk, by=editor, headline="Checked", summary="", assessment="", excluded_claim_ids=[]
    )


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_first_publishes_publish_once_and_explain(
    make_check: Callable[..., Check], editor: Any
) -> None:
    check = make_check(2)
    url = reverse("publishing:check_publish", args=[check.article_id])
    first, second = _client(editor), _client(UserFactory(username="eddie", groups=["editor"]))
    with transaction.atomic():
        assert first.post(url, {"seen_version": "0"}).status_code == 302
        racer = Racer(lambda: second.post(url, {"seen_version": "0"})).start_until_blocked()
        assert racer.thread.is_alive(), "the second publish should wait for the first"
    response = racer.result()
    assert response.status_code == 400
    assert "Another editor published version 1 of this check a moment ago." in response.content.decode()
    assert list(CheckVersion.objects.values_list("number", flat=True)) == [1]


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_republishes_get_the_next_numbers(make_check: Callable[..., Check], editor: Any) -> None:
    check = make_check(2)
    publishing.check_publish(check_id=check.pk, by=editor)
    with transaction.atomic():
        publishing.check_publish(check_id=check.pk, by=editor, reason="a reader found a typo")
        racer = Racer(
            lambda: publishing.check_publish(check_id=check.pk, by=editor, reason="the same typo")
        ).start_until_blocked()
        assert racer.thread.is_alive()
    assert racer.result().number == 3
    check.refresh_from_db()
    assert check.current_version.number == 3
    assert list(CheckVersion.objects.order_by("number").values_list("number", flat=True)) == [1, 2, 3]


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_first_saves_of_a_check_make_one_check(
    editor: Any, reviewer: Any, make_check: Callable[..., Check]
) -> None:
    article = ArticleFactory(title="Ketamine lifts mood")
    approved_claim(article, number=1, reviewer=reviewer, editor=editor)
    with transaction.atomic():
        _prepare(article, editor)
        racer = Racer(lambda: _prepare(article, editor)).start_until_blocked()
        assert racer.thread.is_alive()
    assert racer.result().article_id == article.pk
    assert Check.objects.filter(article=article).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_articles_with_the_same_title_saved_at_once_get_two_slugs(editor: Any, reviewer: Any) -> None:
    one, two = ArticleFactory(title="Ketamine lifts mood"), ArticleFactory(title="Ketamine lifts mood")
    for article in (one, two):
        approved_claim(article, number=1, reviewer=reviewer, editor=editor)
    with transaction.atomic():
        first = _prepare(one, editor)
        racer = Racer(lambda: _prepare(two, editor)).start_until_blocked()
        assert racer.thread.is_alive(), "the second insert should wait on the slug's unique index"
    second = racer.result()
    assert (first.slug, second.slug) == ("ketamine-lifts-mood", "ketamine-lifts-mood-2")


# Separation of duties --------------------------------------------------------------------------


@pytest.fixture
def self_reviewed(editor: Any, reviewer: Any) -> tuple[Check, Any]:
    """A check with two approved claims; the first one's verdict was written by an editor who reviews too."""
    both = UserFactory(username="bo", first_name="Bo", last_name="Both", groups=["editor", "reviewer"])
    article = ArticleFactory(title="Ketamine lifts mood")
    approved_claim(article, number=1, reviewer=both, editor=editor)
    approved_claim(article, number=2, reviewer=reviewer, editor=editor)
    return _prepare(article, editor), both


@pytest.mark.django_db
def test_nobody_publishes_a_verdict_they_wrote(self_reviewed: tuple[Check, Any], editor: Any) -> None:
    check, both = self_reviewed
    with pytest.raises(ServiceError, match="you wrote its verdict, so you cannot publish it yourself"):
        publishing.check_publish(check_id=check.pk, by=both)
    assert not CheckVersion.objects.exists()
    assert publishing.check_publish(check_id=check.pk, by=editor).number == 1


@pytest.mark.django_db
def test_leaving_out_their_own_claim_lets_them_publish(self_reviewed: tuple[Check, Any]) -> None:
    check, both = self_reviewed
    own = check.article.claims.order_by("span_start").first()
    publishing.check_prepare(
        article_id=check.article_id, by=both, headline="Checked", summary="", assessment="", excluded_claim_ids=[own.pk]
    )
    assert publishing.check_publish(check_id=check.pk, by=both).number == 1


@pytest.mark.django_db
def test_the_publish_page_offers_the_author_no_publish_button(self_reviewed: tuple[Check, Any], editor: Any) -> None:
    check, both = self_reviewed
    url = reverse("publishing:check_edit", args=[check.article_id])
    html = _client(both).get(url).content.decode()
    assert "You wrote a verdict in this check, so another editor publishes it." in html
    assert "you wrote its verdict" in html
    assert ">Publish</button>" not in html
    assert ">Publish</button>" in _client(editor).get(url).content.decode()
