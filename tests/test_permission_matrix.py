"""Every URL in the URLconf answers each persona as its area declared. A URL nobody declared fails.

Each area lists its URLs in ``tests/<area>/permission_expectations.py`` (or ``*_permission_expectations.py``):
url name -> method -> persona -> "ok" | "login" | status code. Public, login and admin pages are listed
here as PUBLIC. Every request is made with empty data, in a savepoint rolled back afterwards, so each
persona meets the same world.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from claims.matching.models import SimilarClaim
from claims.models import Check, CheckVersion, ClaimStatus, Comment, ErrorReport, Evidence
from tests.factories import ArticleFactory, CandidateSourceFactory, ClaimFactory, UserFactory, VerdictFactory

TESTS_DIR = Path(__file__).resolve().parent
PERSONAS = ["anonymous", "outsider", "reviewer", "assignee", "editor"]
METHODS = ["GET", "POST"]
PUBLIC_NAMES = {
    "login",
    "logout",
    "password_change",
    "password_change_done",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "healthz",
}
PUBLIC_NAMESPACES = {"admin", "public"}


def _walk(patterns: list[Any], namespace: str | None = None) -> Iterator[tuple[str, Any]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace
            full = ":".join(n for n in (namespace, inner) if n) or None
            yield from _walk(entry.url_patterns, full)
        elif isinstance(entry, URLPattern):
            name = entry.name or f"<unnamed {entry.pattern}>"
            yield (f"{namespace}:{name}" if namespace else name), entry


def _is_public(name: str) -> bool:
    namespace = name.split(":", 1)[0] if ":" in name else ""
    return name in PUBLIC_NAMES or namespace in PUBLIC_NAMESPACES


def workspace_urls() -> dict[str, Any]:
    return {name: pattern for name, pattern in _walk(get_resolver().url_patterns) if not _is_public(name)}


def collected_expectations() -> dict[str, dict[str, dict[str, Any]]]:
    expectations: dict[str, dict[str, dict[str, Any]]] = {}
    files = {*TESTS_DIR.glob("**/permission_expectations.py"), *TESTS_DIR.glob("**/*_permission_expectations.py")}
    for path in sorted(files):
        module_name = ".".join(path.relative_to(TESTS_DIR.parent).with_suffix("").parts)
        module = importlib.import_module(module_name)
        for name, methods in module.EXPECTATIONS.items():
            assert name not in expectations, f"{name} is declared twice (again in {module_name})"
            expectations[name] = methods
    return expectations


URLS = workspace_urls()
EXPECTATIONS = collected_expectations()
CASES = [(name, method) for name in sorted(URLS) for method in METHODS]


@pytest.fixture
def world(db: Any) -> dict[str, Any]:
    """One of everything a URL may point at, and the five personas."""
    editor = UserFactory(username="matrix-editor", groups=["editor"])
    assignee = UserFactory(username="matrix-assignee", groups=["reviewer"])
    reviewer = UserFactory(username="matrix-reviewer", groups=["reviewer"])
    outsider = UserFactory(username="matrix-outsider")
    article = ArticleFactory()
    claim = ClaimFactory(
        article=article, status=ClaimStatus.IN_REVIEW, assignee=assignee, due_date=timezone.localdate()
    )
    verdict = VerdictFactory(claim=claim, author=assignee)
    candidate = CandidateSourceFactory(claim=claim)
    evidence = Evidence.objects.create(verdict=verdict, url="https://example.org/study", stance="supports")
    comment = Comment.objects.create(claim=claim, author=editor, body="A comment.")
    check = Check.objects.create(article=article, slug="seed-check", headline="Seed check")
    version = CheckVersion.objects.create(check_page=check, number=1, snapshot={}, published_by=editor)
    Check.objects.filter(pk=check.pk).update(
        status=Check.Status.PUBLISHED, current_version=version, first_published_at=timezone.now()
    )
    report = ErrorReport.objects.create(check_page=check, claim=claim, message="The date is wrong.")
    similar = SimilarClaim.objects.create(claim=claim, other=ClaimFactory(), score=0.9)
    from claims.inbox.models import Notification

    item = Notification.objects.create(recipient=assignee, kind="assignment", claim=claim, target="/")
    return {
        "users": {"editor": editor, "assignee": assignee, "reviewer": reviewer, "outsider": outsider},
        "kwargs": {
            "article_id": article.pk,
            "claim_id": claim.pk,
            "candidate_id": candidate.pk,
            "report_id": report.pk,
            "notification_id": item.pk,
            "comment_id": comment.pk,
            "evidence_id": evidence.pk,
            "check_id": check.pk,
            "slug": "seed-check",
            "similar_id": similar.pk,
            "chart_id": "flow",
        },
    }


def _url(name: str, pattern: Any, kwargs: dict[str, Any]) -> str:
    wanted = {key: kwargs[key] for key in pattern.pattern.converters}
    return reverse(name, kwargs=wanted)


def _outcome(response: Any) -> Any:
    login = reverse("login")
    if response.status_code == 302 and response.headers["Location"].startswith(login):
        return "login"
    if response.status_code in (403, 404, 405, 410):
        return response.status_code
    return "ok"


def test_every_url_has_an_expectation_for_every_method() -> None:
    missing = [f"{name} {method}" for name, method in CASES if method not in EXPECTATIONS.get(name, {})]
    assert not missing, "No permission expectation for: " + ", ".join(missing)


def test_every_expectation_names_a_url_that_exists() -> None:
    assert not set(EXPECTATIONS) - set(URLS), "Expectations for URLs that do not exist"


def test_the_matrix_covers_the_workspace() -> None:
    assert {"claims:board", "claims:claim", "claims:verdict_save"} <= set(URLS)
    assert "public:check" not in URLS and "login" not in URLS


@pytest.mark.parametrize(("name", "method"), CASES, ids=[f"{n}-{m}" for n, m in CASES])
def test_permission_matrix(world: dict[str, Any], name: str, method: str) -> None:
    declared = EXPECTATIONS.get(name, {}).get(method)
    assert declared is not None, (
        f"{name} has no {method} expectation: declare it in its area's permission_expectations.py"
    )
    url = _url(name, URLS[name], world["kwargs"])
    answers = {}
    for persona in PERSONAS:
        client = Client()
        if persona != "anonymous":
            client.force_login(world["users"][persona])
        with transaction.atomic():
            response = client.get(url) if method == "GET" else client.post(url, {})
            transaction.set_rollback(True)
        answers[persona] = _outcome(response)
    expected = {persona: declared[persona] for persona in PERSONAS}
    assert answers == expected, f"{method} {url}"


def test_personas_are_what_they_say(world: dict[str, Any]) -> None:
    users = world["users"]
    assert set(get_user_model().objects.filter(groups__name="editor").values_list("username", flat=True)) == {
        users["editor"].username
    }
    assert not users["outsider"].groups.exists()
