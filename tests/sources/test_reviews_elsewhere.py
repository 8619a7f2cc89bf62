"""With a Google Fact Check Tools key, other organisations' ClaimReviews of a claim appear in its
"Checked before?" card: the sources app finds them and hands them to the workspace through a hook."""

from __future__ import annotations

from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from sources import services
from sources.models import SourceSearch
from tests.factories import ClaimFactory
from tests.sources.conftest import data


@pytest.mark.django_db
def test_claimreviews_found_with_a_key_show_in_the_checked_before_card(
    client: Any, editor: Any, settings: Any, httpserver: HTTPServer
) -> None:
    settings.FACTCHECK_TOOLS_API_KEY = "a-key"
    settings.FACTCHECK_TOOLS_API_URL = httpserver.url_for("/factcheck")
    httpserver.expect_request("/factcheck/claims:search").respond_with_data(
        data("factcheck/claims_ketamine.json"), content_type="application/json"
    )
    claim = ClaimFactory(text="Ketamine cures depression in a few hours")
    client.force_login(editor)
    assert "Example Fact Check" not in client.get(f"/claims/{claim.pk}/checked-before/").content.decode()
    for search in services.searches_start(claim=claim, by=editor, enqueue=False):
        if search.provider == "factcheck":
            services.search_execute(search.pk)
    assert SourceSearch.objects.get(claim=claim, provider="factcheck").status == SourceSearch.Status.DONE
    card = client.get(f"/claims/{claim.pk}/checked-before/").content.decode()
    assert "Other fact-checkers (Google Fact Check Tools)" in card
    assert "Ketamine does not cure depression in hours" in card and "Example Fact Check" in card
    assert "rated “Misleading”" in card
    assert "once an administrator sets its key" not in card
