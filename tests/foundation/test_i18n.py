"""The translation machinery: languages, the request's language, French pages, the JavaScript catalogue, lists.

French changes nothing but the language: every page renders under it (with ``lang="fr"`` and French dates)
exactly where the English one does. That the English pages are unchanged is the rest of the suite.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from claims.models import Rating
from claims.publishing import services as publishing
from claims.services import claim_assign, comment_add, review_start, verdict_save_draft, verdict_submit
from claims.templatetags.dates import iso_date, weekday_date, weekday_day_month
from claims.templatetags.wording import priority_phrase
from factcheck.text import list_and
from tests.claims.publishing.conftest import approved_claim, publish
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

MONDAY = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


def test_english_with_british_formats_and_french_are_the_languages() -> None:
    assert settings.LANGUAGE_CODE == "en-gb"
    assert [code for code, _name in settings.LANGUAGES] == ["en-gb", "fr"]
    assert settings.LOCALE_PATHS == [settings.BASE_DIR / "locale"]


def test_the_locale_middleware_comes_after_sessions_and_before_common() -> None:
    middleware = settings.MIDDLEWARE
    locale = middleware.index("django.middleware.locale.LocaleMiddleware")
    assert middleware.index("django.contrib.sessions.middleware.SessionMiddleware") < locale
    assert locale < middleware.index("django.middleware.common.CommonMiddleware")


@pytest.mark.parametrize(("header", "language"), [("fr-FR,fr;q=0.9", "fr"), ("en-US,en;q=0.9", "en"), ("", "en")])
def test_the_browsers_language_picks_the_page_language(client: Client, header: str, language: str) -> None:
    html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE=header).content.decode()
    assert f'<html lang="{language}">' in html


@pytest.fixture
def newsroom(editor: Any, reviewer: Any) -> dict[str, Any]:
    """A claim submitted for approval (with a due date, a draft history and a comment) and a published check."""
    with time_machine.travel(MONDAY, tick=False):
        article = ArticleFactory(title="Ketamine and mood", published_on=dt.date(2026, 2, 27))
        working = ClaimFactory(article=article, claimant="A researcher")
        claim_assign(claim_id=working.pk, reviewer_id=reviewer.pk, due_date=dt.date(2026, 3, 9), by=editor, note="Go")
        review_start(claim_id=working.pk, by=reviewer)
        verdict_save_draft(
            claim_id=working.pk,
            by=reviewer,
            version=1,
            rating_id=Rating.objects.order_by("order").first().pk,
            explanation="Optimism rose 4 hours after the dose; depression was not measured.",
            confidence="high",
        )
        comment_add(claim_id=working.pk, by=editor, body="Check the sample size.")
        verdict_submit(claim_id=working.pk, by=reviewer)
        checked = ArticleFactory(title="Checked article")
        approved_claim(checked, number=1, reviewer=reviewer, editor=UserFactory(groups=["editor"]))
        check = publishing.check_prepare(
            article_id=checked.pk, by=editor, headline="Checked: mood", summary="", assessment="", excluded_claim_ids=[]
        )
        publish(check, editor)
        check.refresh_from_db()
    return {"article": article, "working": working, "check": check, "checked": checked}


def _pages(data: dict[str, Any]) -> list[tuple[str, str]]:
    working, article = data["working"], data["article"]
    return [
        ("editor", reverse("claims:board")),
        ("editor", reverse("claims:articles")),
        ("editor", reverse("claims:article", args=[article.pk])),
        ("editor", reverse("claims:claim", args=[working.pk])),
        ("editor", reverse("imports:article_import")),
        ("editor", reverse("publishing:check_edit", args=[data["checked"].pk])),
        ("editor", reverse("publishing:error_reports")),
        ("editor", reverse("insights:dashboard") + "?start=2026-01-01&end=2026-03-02"),
        ("editor", reverse("inbox:list") + "?show=all"),
        ("reviewer", reverse("claims:queue")),
        ("reviewer", reverse("claims:claim", args=[working.pk])),
        ("reviewer", reverse("inbox:preferences")),
    ]


@pytest.mark.django_db
def test_every_page_renders_in_french_as_it_does_in_english(
    newsroom: dict[str, Any], editor: Any, reviewer: Any
) -> None:
    clients = {"editor": Client(), "reviewer": Client()}
    clients["editor"].force_login(editor)
    clients["reviewer"].force_login(reviewer)
    with time_machine.travel(MONDAY, tick=False):
        for who, url in _pages(newsroom):
            english = clients[who].get(url, HTTP_ACCEPT_LANGUAGE="en")
            french = clients[who].get(url, HTTP_ACCEPT_LANGUAGE="fr")
            assert (english.status_code, french.status_code) == (200, 200), url
            assert '<html lang="en">' in english.content.decode(), url
            assert '<html lang="fr">' in french.content.decode(), url
            # The same page, element for element: only words, dates and numbers change.
            assert _tags(english.content.decode()) == _tags(french.content.decode()), url


@pytest.mark.django_db
def test_the_public_pages_render_in_the_active_language(newsroom: dict[str, Any]) -> None:
    """Which language readers get is the newsroom's choice; whatever it is, the pages speak it."""
    from claims.publishing.selectors import snapshot_page_context

    snapshot = newsroom["check"].current_version.snapshot
    context = {**snapshot_page_context(snapshot), "site_url": settings.SITE_URL, "organization_name": "Le Desk"}
    for language, tag in (("fr", "fr"), ("en-gb", "en")):
        with translation.override(language):
            html = render_to_string("public/check.html", context)
            listing = render_to_string("public/check_list.html", {"items": [], "organization_name": "Le Desk"})
        assert f'<html lang="{tag}">' in html and f'<html lang="{tag}">' in listing
        assert _tags(html) == _tags(render_to_string("public/check.html", context))


def _tags(html: str) -> list[str]:
    return re.findall(r"<([a-z][a-z0-9-]*)", html)


@pytest.mark.django_db
def test_dates_on_a_french_page_are_french(newsroom: dict[str, Any], editor: Any) -> None:
    client = Client()
    client.force_login(editor)
    with time_machine.travel(MONDAY, tick=False):
        url = reverse("claims:claim", args=[newsroom["working"].pk])
        english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    # The timeline's times: "2 Mar 2026, 09:30" in English, Django's French format in French.
    assert "Mon 9 Mar 2026" in english and "2 Mar 2026, 09:30" in english
    assert "2 mars 2026 09:30" in french and "2 Mar 2026, 09:30" not in french


def test_date_and_phrase_filters_speak_english_unchanged() -> None:
    day = dt.date(2026, 11, 29)
    with translation.override("en-gb"):
        assert (weekday_date(day), weekday_day_month(day), iso_date("2026-11-29")) == (
            "Sun 29 Nov 2026",
            "Sun 29 Nov",
            "Sun 29 Nov 2026",
        )
        assert iso_date("someday") == "someday"
        assert [priority_phrase(n) for n in range(4)] == [
            "Low priority",
            "Normal priority",
            "High priority",
            "Urgent priority",
        ]


def test_numbers_follow_the_language() -> None:
    from claims.insights.charts import one_decimal, whole

    with translation.override("en-gb"):
        assert (whole(1234.4), one_decimal(1234.46)) == ("1,234", "1,234.5")
    with translation.override("fr"):
        assert (whole(1234.4), one_decimal(1234.46)) == ("1\xa0234", "1\xa0234,5")


def test_a_list_in_a_sentence_is_joined_as_the_language_joins_it() -> None:
    with translation.override("en-gb"):
        assert list_and([]) == ""
        assert list_and(["Crossref"]) == "Crossref"
        assert list_and(["Crossref", "PubMed"]) == "Crossref and PubMed"
        assert list_and(["Crossref", "PubMed", "OpenAlex"]) == "Crossref, PubMed and OpenAlex"


@pytest.mark.django_db
def test_the_javascript_catalogue_is_served_in_the_requests_language(client: Client) -> None:
    english = client.get(reverse("javascript_catalog") + "?language=en-gb", HTTP_ACCEPT_LANGUAGE="en")
    french = client.get(reverse("javascript_catalog") + "?language=fr", HTTP_ACCEPT_LANGUAGE="fr")
    assert english.status_code == french.status_code == 200
    assert english["Content-Type"].startswith("text/javascript")
    # The catalogue carries the language's formats: what interpolate() and the date helpers use.
    assert '"DATE_FORMAT": "j M Y"' in english.content.decode()
    assert '"DATE_FORMAT": "j F Y"' in french.content.decode()
    assert "django.gettext = function" in french.content.decode()


@pytest.mark.django_db
def test_pages_with_scripts_load_the_javascript_catalogue_before_them(newsroom: dict[str, Any], editor: Any) -> None:
    client = Client()
    client.force_login(editor)
    for url, script in (
        (reverse("claims:claim", args=[newsroom["working"].pk]), "claims/verdict.js"),
        (reverse("claims:article", args=[newsroom["article"].pk]), "claims/claim-picker.js"),
    ):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
        catalogue = html.index(reverse("javascript_catalog") + "?language=fr")
        assert catalogue < html.index(script)


def test_the_server_error_page_follows_the_language() -> None:
    with translation.override("fr"):
        assert '<html lang="fr">' in render_to_string("errors/500.html")
    with translation.override("en-gb"):
        assert "Something went wrong on our side" in render_to_string("errors/500.html")
