"""The inbox pages: the top bar's count, the list and its filters, marking read, opening, email choices."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from claims import services
from claims.inbox.models import Kind, Notification, Preference
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _assign(editor: Any, reviewer: Any, n: int = 1, note: str = "") -> list[Any]:
    claims = []
    for i in range(n):
        claim = ClaimFactory(text=f"Claim {i} to check")
        services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor, note=note)
        claims.append(claim)
    return claims


def _count(html: str) -> str:
    return lxml.html.fromstring(html).get_element_by_id("inbox-count").text_content().strip()


def test_the_top_bar_shows_the_unread_count(editor: Any, reviewer: Any) -> None:
    _assign(editor, reviewer, 2)
    html = _client(reviewer).get(reverse("claims:queue")).content.decode()
    assert _count(html) == "2 unread"
    assert _count(_client(editor).get(reverse("claims:board")).content.decode()) == "0 unread"


def test_the_inbox_lists_items_with_the_note_and_a_link_to_act(editor: Any, reviewer: Any) -> None:
    _assign(editor, reviewer, note="Find the CNRS release.")
    response = _client(reviewer).get(reverse("inbox:list"))
    assert response.status_code == 200
    doc = lxml.html.fromstring(response.content)
    [item] = doc.find_class("inbox-item")
    assert "Assigned to you" in item.text_content() and "Find the CNRS release." in item.text_content()
    item_id = Notification.objects.get().pk
    assert item.xpath(".//a/@href")[0] == reverse("inbox:open", args=[item_id])


def test_marking_one_item_read_drops_the_count(editor: Any, reviewer: Any) -> None:
    first, _second = _assign(editor, reviewer, 2)
    client = _client(reviewer)
    item = Notification.objects.get(claim=first)
    response = client.post(reverse("inbox:read", args=[item.pk]), {"next": reverse("inbox:list")})
    assert response.status_code == 302
    html = client.get(reverse("inbox:list")).content.decode()
    assert _count(html) == "1 unread"
    assert f'id="item-{item.pk}"' not in html  # the unread view leaves it out
    assert f'id="item-{item.pk}"' in client.get(reverse("inbox:list") + "?show=all").content.decode()


def test_marking_read_with_htmx_answers_the_list_and_the_top_bar_count(editor: Any, reviewer: Any) -> None:
    first, _second = _assign(editor, reviewer, 2)
    item = Notification.objects.get(claim=first)
    response = _client(reviewer).post(
        reverse("inbox:read", args=[item.pk]), {"next": reverse("inbox:list") + "?show=all"}, **HTMX
    )
    html = response.content.decode()
    assert 'id="inbox-results"' in html and 'hx-swap-oob="true"' in html
    assert _count(html) == "1 unread"
    assert f'id="item-{item.pk}"' in html  # the list as it was filtered: read and unread


def test_mark_all_read_and_by_kind(editor: Any, reviewer: Any) -> None:
    [claim] = _assign(editor, reviewer)
    services.comment_add(claim_id=claim.pk, by=editor, body="Hello")
    client = _client(reviewer)
    client.post(reverse("inbox:read_all"), {"kind": Kind.COMMENT})
    assert list(Notification.objects.filter(read_at__isnull=True).values_list("kind", flat=True)) == [Kind.ASSIGNMENT]
    response = client.post(reverse("inbox:read_all"), follow=True)
    assert "1 item marked as read." in response.content.decode()
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_opening_an_item_marks_it_read_and_goes_where_the_work_is(editor: Any, reviewer: Any) -> None:
    [claim] = _assign(editor, reviewer)
    item = Notification.objects.get()
    response = _client(reviewer).get(reverse("inbox:open", args=[item.pk]))
    assert response.status_code == 302 and response["Location"] == f"/claims/{claim.pk}/#verdict"
    item.refresh_from_db()
    assert item.read_at is not None


def test_nobody_opens_or_reads_someone_elses_item(editor: Any, reviewer: Any, other_reviewer: Any) -> None:
    _assign(editor, reviewer)
    item = Notification.objects.get()
    client = _client(other_reviewer)
    response = client.get(reverse("inbox:open", args=[item.pk]), follow=True)
    assert "That item is not in your inbox." in response.content.decode()
    client.post(reverse("inbox:read", args=[item.pk]))
    item.refresh_from_db()
    assert item.read_at is None


def test_the_list_filters_by_kind_and_nonsense_is_ignored(editor: Any, reviewer: Any) -> None:
    [claim] = _assign(editor, reviewer)
    services.comment_add(claim_id=claim.pk, by=editor, body="A note")
    client = _client(reviewer)
    html = client.get(reverse("inbox:list") + "?kind=comment").content.decode()
    assert "New comment" in html and "Assigned to you</span>" not in html
    response = client.get(reverse("inbox:list") + "?kind=nonsense&show=everything&page=x")
    assert response.status_code == 200 and response.content.decode().count('class="card inbox-item') == 2
    fragment = client.get(reverse("inbox:list") + "?kind=comment", **HTMX).content.decode()
    assert fragment.lstrip().startswith('<div id="inbox-results">')


def test_the_inbox_page_makes_the_same_queries_for_2_and_40_items(
    editor: Any, reviewer: Any, django_assert_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client(reviewer)
    _assign(editor, reviewer, 2)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("inbox:list") + "?show=all")
    _assign(editor, reviewer, 38)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("inbox:list") + "?show=all")
    assert len(small.captured_queries) == len(large.captured_queries)
    # session, user, groups, counts, the page of items, the top bar's count
    with django_assert_num_queries(6):
        client.get(reverse("inbox:list"))


def test_email_choices_are_saved_and_shown(reviewer: Any) -> None:
    client = _client(reviewer)
    html = client.get(reverse("inbox:preferences")).content.decode()
    assert "Sent back to you" in html and "Verdict submitted" not in html  # an editors' event
    response = client.post(reverse("inbox:preferences"), {"email_kinds": [Kind.SENT_BACK], "delivery": "digest"})
    assert response.status_code == 302
    preference = Preference.objects.get(user=reviewer)
    assert preference.digest and Kind.SENT_BACK in preference.email_kinds
    assert Kind.ASSIGNMENT not in preference.email_kinds
    doc = lxml.html.fromstring(client.get(reverse("inbox:preferences")).content)
    checked = doc.xpath("//input[@name='email_kinds'][@checked]/@value")
    assert checked == [Kind.SENT_BACK]
    assert doc.xpath("//input[@name='delivery'][@checked]/@value") == ["digest"]


def test_a_bad_delivery_choice_is_refused_with_the_form_kept(reviewer: Any) -> None:
    response = _client(reviewer).post(reverse("inbox:preferences"), {"email_kinds": [Kind.SENT_BACK], "delivery": "x"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Preference.objects.exists()
