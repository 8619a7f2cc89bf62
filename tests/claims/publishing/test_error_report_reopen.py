"""A reader's error report leads somewhere: its own page, "reopen this claim", and the timeline links back to it."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from claims.models import ClaimEvent, ClaimStatus, ErrorReport
from claims.publishing import services as publishing

pytestmark = pytest.mark.django_db


def _report(check: Any, claim_number: int | None = 1, message: str = "The dose was 0.5 mg/kg.") -> ErrorReport:
    report = publishing.error_report_create(check_id=check.pk, claim_number=claim_number, message=message, ip=None)
    assert report is not None
    return report


def test_an_editor_reopens_the_claim_from_the_report_and_the_timeline_links_to_it(
    client: Client, editor: Any, published: Any
) -> None:
    report = _report(published)
    client.force_login(editor)
    page = client.get(reverse("publishing:error_report", args=[report.pk]))
    doc = lxml.html.fromstring(page.content)
    assert "The dose was 0.5 mg/kg." in doc.text_content()
    assert doc.get_element_by_id("id_reopen_note").text_content() == "A reader reported: The dose was 0.5 mg/kg."
    response = client.post(
        reverse("publishing:error_report_reopen", args=[report.pk]), {"note": "Check the dose against table 2."}
    )
    assert response.status_code == 302
    claim = report.claim
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.CHANGES_REQUESTED
    event = ClaimEvent.objects.get(claim=claim, action="reopen")
    assert event.data == {"error_report_id": report.pk} and event.note == "Check the dose against table 2."
    timeline = client.get(reverse("claims:claim", args=[claim.pk])).content.decode()
    assert f'reopened it after <a href="{reverse("publishing:error_report", args=[report.pk])}">a reader' in timeline
    # Once reopened, the report page says there is nothing left to reopen.
    again = client.get(reverse("publishing:error_report", args=[report.pk])).content.decode()
    assert "there is nothing to reopen" in again


def test_reopening_needs_a_note_and_a_claim(client: Client, editor: Any, published: Any) -> None:
    report = _report(published)
    client.force_login(editor)
    refused = client.post(reverse("publishing:error_report_reopen", args=[report.pk]), {"note": "  "})
    assert refused.status_code == 400 and "Say what needs correcting" in refused.content.decode()
    whole = _report(published, claim_number=None, message="The headline is unfair.")
    refused = client.post(reverse("publishing:error_report_reopen", args=[whole.pk]), {"note": "x"})
    assert refused.status_code == 400 and "whole check" in refused.content.decode()
    report.claim.refresh_from_db()
    assert report.claim.status == ClaimStatus.PUBLISHED


def test_a_report_cannot_reopen_a_claim_it_is_not_about(editor: Any, published: Any) -> None:
    report = _report(published, claim_number=1)
    other = published.article.claims.order_by("span_start")[1]
    with pytest.raises(publishing.ServiceError, match="not about this claim"):
        publishing.claim_reopen_for_correction(claim_id=other.pk, by=editor, note="x", error_report_id=report.pk)


def test_the_reports_list_leads_to_each_report(client: Client, editor: Any, published: Any) -> None:
    report = _report(published)
    client.force_login(editor)
    html = client.get(reverse("publishing:error_reports")).content.decode()
    assert f'href="{reverse("publishing:error_report", args=[report.pk])}#reopen">Reopen this claim' in html
    resolved = client.post(
        reverse("publishing:error_report_resolve", args=[report.pk]),
        {"resolution": "Corrected", "next": reverse("publishing:error_report", args=[report.pk])},
    )
    assert resolved["Location"] == reverse("publishing:error_report", args=[report.pk])
