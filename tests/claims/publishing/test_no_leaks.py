"""Every public URL: drafts, unpublished versions, names on unpublished claims and workspace URLs never show."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, reverse

from claims.models import Check, ClaimStatus
from claims.publishing import services as publishing
from claims.publishing.urls import public_patterns
from tests.claims.publishing.conftest import publish, withdraw
from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRETS = [
    "Secret draft headline",
    "A claim nobody published",
    "Zebedee",  # the reviewer of the left-out claim
    "Half-written explanation",
    "Unpublished rewording",
    "Draft-only summary",
]
WORKSPACE_PREFIXES = ["/articles/", "/claims/", "/board", "/error-reports", "/admin", "/accounts/", "/import/"]


@pytest.fixture
def world(make_check: Any, editor: Any, reviewer: Any) -> dict[str, Check]:
    live = make_check(2, title="Live article")
    hidden_reviewer = UserFactory(username="zeb", first_name="Zebedee", last_name="Hidden", groups=["reviewer"])
    left_out = ClaimFactory(
        article=live.article,
        status=ClaimStatus.IN_REVIEW,
        assignee=hidden_reviewer,
        text="A claim nobody published",
        span_start=90,
        span_end=99,
    )
    publishing.check_prepare(
        article_id=live.article_id,
        by=editor,
        headline=live.headline,
        summary=live.summary,
        assessment=live.assessment,
        excluded_claim_ids=[left_out.pk],
    )
    publish(live, editor)
    # Work continues in the workspace after publishing: none of it is public until republished.
    publishing.check_prepare(
        article_id=live.article_id,
        by=editor,
        headline="Secret draft headline",
        summary="Draft-only summary",
        assessment="",
        excluded_claim_ids=[],
    )
    claim = live.article.claims.order_by("span_start").first()
    claim.text = "Unpublished rewording"
    claim.save()
    claim.verdict.explanation = "Half-written explanation"
    claim.verdict.save()
    draft = make_check(1, title="Secret draft headline")
    gone = make_check(1, title="Gone article")
    publish(gone, editor)
    withdraw(gone, editor, "Withdrawn for a reason readers may read")
    return {"live": live, "draft": draft, "gone": gone}


def _urls(world: dict[str, Check]) -> list[str]:
    urls = []
    for pattern in public_patterns:
        assert isinstance(pattern, URLPattern)
        name = f"public:{pattern.name}"
        if "slug" in pattern.pattern.converters:
            for check in world.values():
                url = reverse(name, args=[check.slug])
                urls += [url, url + "?claim=1"] if pattern.name == "error_report" else [url]
        else:
            urls.append(reverse(name))
    return urls


def test_every_public_url_is_free_of_drafts_private_names_and_workspace_links(
    client: Client, world: dict[str, Check], editor: Any
) -> None:
    urls = _urls(world)
    assert len(urls) >= 12
    seen_statuses = set()
    for url in urls:
        response = client.get(url)
        seen_statuses.add(response.status_code)
        assert response.status_code in {200, 404, 410}, url
        body = response.content.decode()
        for secret in SECRETS:
            assert secret not in body, f"{secret!r} leaked on {url}"
        for prefix in WORKSPACE_PREFIXES:
            assert f'"{prefix}' not in body and f"{prefix}" not in body.replace("https://", ""), f"{prefix} on {url}"
    assert seen_statuses == {200, 404, 410}
    # The same holds for a logged-in editor: public pages never switch to a workspace view.
    client.force_login(editor)
    for url in urls:
        assert "Secret draft headline" not in client.get(url).content.decode()
