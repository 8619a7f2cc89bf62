"""Nobody who is not logged in can write session data, whatever they post and wherever.

The attack: verdict drafts posted to any claim id were kept in the anonymous session, without a size
limit (10 posts grew the session table from 104 kB to 33 MB).
"""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import get_resolver

from claims.models import CheckVersion
from tests.test_permission_matrix import _url, _walk, world  # noqa: F401 (world is a fixture)

BIG = "x" * 200_000
FORM = {
    "rating": "1",
    "explanation": BIG,
    "confidence": "high",
    "version": "1",
    "autosave": "1",
    "message": BIG,
    "note": BIG,
    "body": BIG,
    "text": BIG,
    "username": "nobody",
    "password": "wrong",
}
ANONYMOUS_POSTS = {
    name: pattern
    for name, pattern in _walk(get_resolver().url_patterns)
    if not name.startswith("admin:") or name == "admin:login"
}


def test_every_url_is_covered() -> None:
    assert {"claims:verdict_save", "claims:verdict_submit", "public:error_report", "login"} <= set(ANONYMOUS_POSTS)


def test_no_anonymous_post_writes_session_data(world: dict[str, Any]) -> None:  # noqa: F811
    # The world's check carries an empty snapshot; give it the shape a published one has.
    CheckVersion.objects.update(
        snapshot={"claims": [], "headline": "Seed check", "slug": "seed-check", "article": {"title": "An article"}}
    )
    for name, pattern in sorted(ANONYMOUS_POSTS.items()):
        url = _url(name, pattern, world["kwargs"])
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            client = Client()
            response = client.post(url, FORM, **headers)
            assert response.status_code != 500, url
            assert "sessionid" not in response.cookies, f"POST {url} set a session cookie"
    assert Session.objects.count() == 0


def test_the_verdict_post_after_expiry_sends_the_reviewer_to_log_in_and_keeps_nothing(world: dict[str, Any]) -> None:  # noqa: F811
    claim_id = world["kwargs"]["claim_id"]
    client = Client()
    response = client.post(f"/claims/{claim_id}/verdict/", {"explanation": "Half a sentence", "version": 1})
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=%2Fclaims%2F{claim_id}%2F"
    assert Session.objects.count() == 0
