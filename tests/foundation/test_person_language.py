"""Each person's language: chosen on their settings page, over the browser's, and the one their emails speak."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from claims import services
from claims.inbox import emails
from claims.inbox import services as inbox
from claims.inbox.models import Preference
from factcheck.outbox.models import OutboundEmail
from factcheck.people.models import PersonSettings
from factcheck.people.services import language_for_email, language_set
from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db
FRENCH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9"}
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}


def test_without_a_choice_the_browser_decides(client: Any, editor: Any) -> None:
    client.force_login(editor)
    assert client.get(reverse("claims:board"), **FRENCH_BROWSER)["Content-Language"] == "fr"
    assert client.get(reverse("claims:board"), **ENGLISH_BROWSER)["Content-Language"] == "en-gb"


def test_the_chosen_language_wins_over_the_browser(client: Any, editor: Any) -> None:
    client.force_login(editor)
    response = client.post(reverse("people:settings"), {"language": "fr"}, **ENGLISH_BROWSER)
    assert response.status_code == 302
    assert PersonSettings.objects.get(user=editor).language == "fr"
    page = client.get(reverse("claims:board"), **ENGLISH_BROWSER)
    assert page["Content-Language"] == "fr"
    assert page.wsgi_request.LANGUAGE_CODE == "fr"
    assert 'lang="fr"' in page.content.decode()
    # Back to the browser's language.
    client.post(reverse("people:settings"), {"language": ""}, **ENGLISH_BROWSER)
    assert client.get(reverse("claims:board"), **FRENCH_BROWSER)["Content-Language"] == "fr"
    assert client.get(reverse("claims:board"), **ENGLISH_BROWSER)["Content-Language"] == "en-gb"


def test_another_persons_choice_is_not_mine(client: Any, editor: Any, reviewer: Any) -> None:
    language_set(by=reviewer, language="fr")
    client.force_login(editor)
    assert client.get(reverse("claims:board"), **ENGLISH_BROWSER)["Content-Language"] == "en-gb"


def test_the_settings_page_is_linked_from_the_top_bar_and_shows_the_choice(client: Any, reviewer: Any) -> None:
    client.force_login(reviewer)
    board = client.get(reverse("claims:queue"), **ENGLISH_BROWSER).content.decode()
    assert f'href="{reverse("people:settings")}"' in board
    page = client.get(reverse("people:settings"), **ENGLISH_BROWSER).content.decode()
    assert "Browser&#x27;s language" in page or "Browser's language" in page
    assert '<option value="fr">Français</option>' in page


def test_an_unknown_language_is_refused_with_a_message(client: Any, editor: Any) -> None:
    client.force_login(editor)
    response = client.post(reverse("people:settings"), {"language": "xx"}, **ENGLISH_BROWSER)
    assert response.status_code == 400
    assert "This language is not one the app speaks" in response.content.decode()
    assert not PersonSettings.objects.exists()


def test_the_settings_page_needs_a_login(client: Any) -> None:
    response = client.get(reverse("people:settings"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_an_email_is_written_in_the_recipients_language(editor: Any, monkeypatch: Any) -> None:
    french = UserFactory(username="remi", groups=["reviewer"])
    english = UserFactory(username="rosa", groups=["reviewer"])
    language_set(by=french, language="fr")
    spoken: list[tuple[str, str]] = []
    real = emails.single

    def single(item: Any) -> Any:
        spoken.append((item.recipient.username, translation.get_language()))
        return real(item)

    monkeypatch.setattr(emails, "single", single)
    with translation.override("en-gb"):  # the editor who assigns works in English
        for reviewer in (french, english):
            services.claim_assign(claim_id=ClaimFactory().pk, reviewer_id=reviewer.pk, due_date=None, by=editor)
        assert translation.get_language() == "en-gb"
    assert spoken == [("remi", "fr"), ("rosa", "en-gb")]
    assert OutboundEmail.objects.count() == 2


def test_without_a_choice_an_email_speaks_the_newsrooms_language(settings: Any) -> None:
    person = UserFactory()
    settings.NEWSROOM_LANGUAGE = "fr"
    assert language_for_email(person) == "fr"
    language_set(by=person, language="en-gb")
    assert language_for_email(person) == "en-gb"


def test_the_digest_is_written_in_the_recipients_language(editor: Any, monkeypatch: Any) -> None:
    reviewer = UserFactory(username="remi", groups=["reviewer"])
    language_set(by=reviewer, language="fr")
    Preference.objects.create(user=reviewer, email_kinds=["assignment"], digest=True)
    services.claim_assign(claim_id=ClaimFactory().pk, reviewer_id=reviewer.pk, due_date=None, by=editor)
    spoken: list[str] = []
    real = emails.digest

    def digest(user: Any, items: Any, today: dt.date) -> Any:
        spoken.append(translation.get_language())
        return real(user, items, today)

    monkeypatch.setattr(emails, "digest", digest)
    assert inbox.digests_send(today=dt.date(2026, 3, 2)) == 1
    assert spoken == ["fr"]
