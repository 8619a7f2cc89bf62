"""Readers' error reports: the form, the honeypot, the rate limit, and resolving them in the workspace."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Check, ErrorReport
from claims.publishing import services as publishing
from claims.services import ServiceError
from tests.claims.publishing.conftest import withdraw

pytestmark = pytest.mark.django_db


def report_url(check: Check, claim: int | None = 2) -> str:
    url = reverse("public:error_report", args=[check.slug])
    return f"{url}?claim={claim}" if claim else url


def test_each_claim_links_to_its_report_form(client: Client, published: Check) -> None:
    html = client.get(reverse("public:check", args=[published.slug])).content.decode()
    for n in (1, 2, 3):
        assert f'{reverse("public:error_report", args=[published.slug])}?claim={n}"' in html
    form = client.get(report_url(published))
    assert form.status_code == 200
    assert "Claim number 2" in form.content.decode()
    assert 'name="csrfmiddlewaretoken"' in form.content.decode()
    assert form["Content-Security-Policy"]


def test_a_report_lands_in_the_workspace_linked_to_its_claim(client: Client, published: Check) -> None:
    response = client.post(
        report_url(published),
        {"claim": "2", "message": "The study had 26 patients, not 260.", "name": "Ana", "email": "ana@example.org"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    report = ErrorReport.objects.get()
    claim2 = published.article.claims.order_by("span_start")[1]
    assert (report.check_page, report.claim, report.name, report.email) == (published, claim2, "Ana", "ana@example.org")
    assert report.client_ip == "203.0.113.9"
    assert report.resolved_at is None


def test_an_empty_message_is_refused_and_what_was_typed_is_kept(client: Client, published: Check) -> None:
    response = client.post(report_url(published), {"claim": "2", "message": "  ", "name": "Ana Typed"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "the message cannot be empty" in html
    assert 'value="Ana Typed"' in html
    assert not ErrorReport.objects.exists()


def test_a_bad_email_is_refused_with_a_message(client: Client, published: Check) -> None:
    response = client.post(report_url(published), {"claim": "2", "message": "Wrong", "email": "not-an-email"})
    assert response.status_code == 400
    assert "Enter a valid email address" in response.content.decode()
    assert "Wrong</textarea>" in response.content.decode()


def test_the_honeypot_discards_a_bot_report_without_telling_it(client: Client, published: Check) -> None:
    response = client.post(report_url(published), {"claim": "2", "message": "Buy now", "website": "http://spam"})
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert not ErrorReport.objects.exists()


def test_one_address_may_send_five_reports_an_hour(client: Client, published: Check, make_check: Any) -> None:
    for n in range(publishing.ERROR_REPORTS_PER_HOUR):
        ok = client.post(report_url(published), {"claim": "1", "message": f"Report {n}"}, REMOTE_ADDR="198.51.100.7")
        assert ok.status_code == 200
    refused = client.post(report_url(published), {"claim": "1", "message": "One more"}, REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert "You have sent 5 reports in the last hour" in refused.content.decode()
    assert "One more</textarea>" in refused.content.decode()
    assert ErrorReport.objects.count() == 5
    other = client.post(report_url(published), {"claim": "1", "message": "Another reader"}, REMOTE_ADDR="198.51.100.8")
    assert other.status_code == 200
    assert ErrorReport.objects.count() == 6


def test_reports_on_a_withdrawn_check_are_refused(client: Client, published: Check, editor: Any) -> None:
    withdraw(published, editor, "Gone")
    assert client.post(report_url(published), {"message": "x"}).status_code == 410
    with pytest.raises(ServiceError, match="not published"):
        publishing.error_report_create(check_id=published.pk, claim_number=1, message="x", ip=None)


def test_a_report_on_an_unknown_claim_number_is_refused(published: Check) -> None:
    with pytest.raises(ServiceError, match="not part of this check"):
        publishing.error_report_create(check_id=published.pk, claim_number=99, message="x", ip=None)


def test_editor_sees_open_reports_and_resolves_one(client: Client, published: Check, editor: Any) -> None:
    report = publishing.error_report_create(check_id=published.pk, claim_number=3, message="Typo in the DOI", ip=None)
    client.force_login(editor)
    page = client.get(reverse("publishing:error_reports"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Typo in the DOI" in html and "Claim number 3" in html
    assert reverse("claims:claim", args=[report.claim_id]) in html
    response = client.post(reverse("publishing:error_report_resolve", args=[report.pk]), {"resolution": "DOI fixed"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.resolved_by == editor and report.resolution == "DOI fixed" and report.resolved_at
    assert "Typo in the DOI" not in client.get(reverse("publishing:error_reports")).content.decode()
    assert "Typo in the DOI" in client.get(reverse("publishing:error_reports") + "?show=resolved").content.decode()


def test_resolving_over_htmx_returns_the_row_and_needs_a_resolution(
    client: Client, published: Check, editor: Any
) -> None:
    report = publishing.error_report_create(check_id=published.pk, claim_number=1, message="Wrong year", ip=None)
    client.force_login(editor)
    url = reverse("publishing:error_report_resolve", args=[report.pk])
    refused = client.post(url, {"resolution": ""}, headers={"HX-Request": "true"})
    assert refused.status_code == 200
    assert "Say how the report was resolved" in refused.content.decode()
    assert refused.content.decode().lstrip().startswith(f'<tr id="report-{report.pk}"')
    done = client.post(url, {"resolution": "No error"}, headers={"HX-Request": "true"})
    assert "Resolved" in done.content.decode() and "<html" not in done.content.decode()


def test_reviewer_cannot_see_or_resolve_reports(client: Client, published: Check, reviewer: Any) -> None:
    report = publishing.error_report_create(check_id=published.pk, claim_number=1, message="x", ip=None)
    client.force_login(reviewer)
    assert client.get(reverse("publishing:error_reports")).status_code == 403
    assert (
        client.post(reverse("publishing:error_report_resolve", args=[report.pk]), {"resolution": "y"}).status_code
        == 403
    )
    with pytest.raises(ServiceError, match="Only an editor"):
        publishing.error_report_resolve(report_id=report.pk, by=reviewer, resolution="y")


def test_behind_a_proxy_the_address_is_the_one_the_proxy_appended(settings: Any) -> None:
    from claims.publishing.services import client_ip

    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    meta = {"HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7", "REMOTE_ADDR": "10.0.0.2"}
    assert client_ip(meta) == "203.0.113.7"  # the first entry is whatever the client sent
    settings.TRUSTED_PROXIES = []
    assert client_ip(meta) == "10.0.0.2"


def test_a_forwarded_for_that_is_not_an_address_is_no_error_page(
    client: Client, published: Check, settings: Any
) -> None:
    # The attack: behind the proxy setting, "X-Forwarded-For: not-an-ip" was a 500.
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    for trusted in ([], ["127.0.0.1"]):
        settings.TRUSTED_PROXIES = trusted
        response = client.post(
            report_url(published), {"claim": "2", "message": "Wrong figure."}, HTTP_X_FORWARDED_FOR="not-an-ip"
        )
        assert response.status_code == 200
    assert set(ErrorReport.objects.values_list("client_ip", flat=True)) == {"127.0.0.1"}


def test_rotating_the_forwarded_for_header_does_not_pass_the_hourly_limit(
    client: Client, published: Check, settings: Any
) -> None:
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    statuses = [
        client.post(
            report_url(published),
            {"claim": "2", "message": f"Report {n}"},
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        ).status_code
        for n in range(publishing.ERROR_REPORTS_PER_HOUR + 2)
    ]
    assert statuses[: publishing.ERROR_REPORTS_PER_HOUR] == [200] * publishing.ERROR_REPORTS_PER_HOUR
    assert statuses[publishing.ERROR_REPORTS_PER_HOUR :] == [429, 429]
