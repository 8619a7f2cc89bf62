"""The demo seed loads the article with its claims, unassigned, and a second run changes nothing."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from claims.models import Article, Claim, ClaimStatus

pytestmark = pytest.mark.django_db


def _snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every project table, so 'the same database' is checked, not assumed."""
    snap = {}
    for model in apps.get_models():
        if model._meta.app_label in {"claims", "sources", "auth", "seeds"}:
            snap[model._meta.label] = sorted(model.objects.values_list(), key=repr)
    return snap


def test_load_seeds_twice_gives_the_same_database() -> None:
    call_command("load_seeds", "--demo-users", stdout=io.StringIO())
    first = _snapshot()
    out = io.StringIO()
    call_command("load_seeds", "--demo-users", stdout=out)
    assert _snapshot() == first
    assert "0 new article(s), 0 new claim(s)" in out.getvalue()


def test_seed_article_has_unassigned_claims_anchored_to_exact_text() -> None:
    call_command("load_seeds", stdout=io.StringIO())
    article = Article.objects.get(title="Ketamine proves effective against depression")
    claims = list(Claim.objects.filter(article=article))
    assert len(claims) >= 4
    for claim in claims:
        assert claim.status == ClaimStatus.NEW
        assert claim.assignee is None
        assert article.body[claim.span_start : claim.span_end] == claim.quote
        assert claim.events.filter(kind="created").count() == 1
    assert any("JAMA Psychiatry" in c.quote for c in claims)


def test_demo_accounts_are_printed_and_can_log_in(client: Any) -> None:
    out = io.StringIO()
    call_command("load_seeds", "--demo-users", stdout=out)
    text = out.getvalue()
    assert "username: editor" in text and "username: reviewer" in text
    password = text.split("username: editor")[1].split("password:")[1].split()[0]
    # Through the login page, as a person logs in (the login throttle needs the request).
    response = client.post(reverse("login"), {"username": "editor", "password": password})
    assert response.status_code == 302
    assert client.get(reverse("claims:board")).status_code == 200
