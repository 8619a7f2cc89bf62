"""In a real browser: the login expires while a reviewer writes a verdict, and nothing typed is lost.

The server keeps nothing for a visitor who is not logged in; the tab keeps the text (verdict.js) and
puts it back after the login.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.sessions.models import Session

from claims.models import ClaimStatus, Verdict
from tests.browser import PASSWORD, Shots, login
from tests.factories import ClaimFactory, UserFactory, VerdictFactory

_shot = Shots("workspace")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_text_typed_after_the_login_expired_comes_back_after_logging_in(live_server: Any, page: Any) -> None:
    rita = UserFactory(username="rita", first_name="Rita", last_name="Reviewer", groups=["reviewer"])
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, assignee=rita)
    VerdictFactory(claim=claim, rating=None, explanation="", confidence="")
    base = live_server.url
    page.set_default_timeout(10_000)

    login(page, base, "rita")
    page.wait_for_url(re.compile(r"/queue/"))
    page.goto(f"{base}/claims/{claim.pk}/")
    page.get_by_text("comes back in this form after you log in again").wait_for()
    page.fill("#id_explanation", "The study measured optimism.")
    page.get_by_text(re.compile(r"Draft saved at .* \(version 2\)")).wait_for()

    # The login expires on the server while the reviewer goes on writing.
    Session.objects.all().delete()
    page.locator("#id_explanation").press_sequentially(" Not depression, and only in 26 patients.", delay=5)
    page.select_option("#id_confidence", "high")
    # The autosave is answered with the login page; nothing was stored for the anonymous visitor.
    page.wait_for_url(re.compile(r"/accounts/login/\?next="))
    assert Session.objects.count() == 0
    _shot(page, "20-login-expired-while-writing")
    page.fill("#id_username", "rita")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Log in')")

    page.wait_for_url(re.compile(rf"/claims/{claim.pk}/$"))
    notice = page.locator("#draft-restored")
    notice.wait_for()
    assert "not saved yet" in notice.inner_text()
    full = "The study measured optimism. Not depression, and only in 26 patients."
    assert page.input_value("#id_explanation") == full
    assert page.input_value("#id_confidence") == "high"
    _shot(page, "21-text-restored-after-login")
    assert Verdict.objects.get(claim=claim).explanation == "The study measured optimism."

    page.click("button:has-text('Save draft')")
    page.get_by_text("Draft saved (version 3)").wait_for()
    verdict = Verdict.objects.get(claim=claim)
    assert (verdict.explanation, verdict.confidence) == (full, "high")
    # Saved: coming back to the page restores nothing and shows no notice.
    page.goto(f"{base}/claims/{claim.pk}/")
    page.locator("#verdict-form").wait_for()
    assert page.locator("#draft-restored").is_hidden()
