"""In a real browser: a French-speaking editor's browser gets the pages in French, with the JavaScript
catalogue loaded before the page's scripts; an English one gets them as they always were."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from claims.models import ClaimStatus
from tests.browser import PASSWORD, Shots
from tests.factories import ClaimFactory, UserFactory

_shot = Shots("i18n")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("locale", "lang", "date_format"), [("fr-FR", "fr", "j F Y"), ("en-GB", "en", "j M Y")])
def test_the_browsers_language_gives_the_pages_and_their_scripts_catalogue(
    live_server: Any, browser: Any, locale: str, lang: str, date_format: str
) -> None:
    UserFactory(username="edna", first_name="Edna", last_name="Editor", groups=["editor"])
    rita = UserFactory(username="rita", first_name="Rita", last_name="Reviewer", groups=["reviewer"])
    claim = ClaimFactory(status=ClaimStatus.ASSIGNED, assignee=rita, due_date=dt.date.today() + dt.timedelta(days=7))
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        base = live_server.url
        # Whatever the words of the login page are in this language: fill it in and press Enter.
        page.goto(f"{base}/accounts/login/")
        page.fill("#id_username", "edna")
        page.fill("#id_password", PASSWORD)
        page.press("#id_password", "Enter")
        page.wait_for_url(re.compile(r"/board/"))
        assert page.get_attribute("html", "lang") == lang
        page.goto(f"{base}/claims/{claim.pk}/")
        assert page.get_attribute("html", "lang") == lang
        # The catalogue came before verdict.js: its functions and the language's formats are there.
        assert page.evaluate("typeof gettext === 'function' && typeof interpolate === 'function'")
        assert page.evaluate("get_format('DATE_FORMAT')") == date_format
        assert page.evaluate("interpolate(gettext('%(n)s claims'), {n: 3}, true)") == "3 claims"
        _shot(page, f"claim-page-{lang}")
        page.goto(f"{base}/articles/{claim.article_id}/")
        assert page.evaluate("typeof gettext === 'function'")
        _shot(page, f"article-page-{lang}")
    finally:
        context.close()
