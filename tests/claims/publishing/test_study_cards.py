"""The public page shows each piece of evidence's study card from the snapshot; old snapshots still render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import lxml.html
from django.test import Client
from django.urls import reverse

from claims.models import Check, CheckVersion, Evidence
from tests.claims.publishing.conftest import publish

CARD = {"kind": "observational", "participants": 26, "peer_review": "peer_reviewed", "journal": "JAMA Psychiatry",
        "notices": [{"type": "correction", "url": "https://doi.org/10.5555/fix"}]}  # fmt: skip


def test_the_snapshot_carries_the_card_and_the_page_shows_it(client: Client, make_check: Callable, editor: Any) -> None:
    check = make_check(1)
    Evidence.objects.filter(verdict__claim__article=check.article).update(study=CARD)
    publish(check, editor)
    snapshot = CheckVersion.objects.get(check_page=check).snapshot
    assert snapshot["claims"][0]["evidence"][0]["study"]["kind"] == "observational"
    doc = lxml.html.fromstring(client.get(reverse("public:check", args=[check.slug])).content)
    card = " ".join(doc.xpath('string(//dl[@class="study-card"])').split())
    assert "Observational study" in card and "26" in card and "Peer-reviewed journal" in card
    assert doc.xpath('//dl[@class="study-card"]//a/@href') == ["https://doi.org/10.5555/fix"]
    # Reviewers' notes on wording are for the workspace, not for readers.
    assert not doc.xpath('//*[@class="overclaim-note"]')


def test_a_snapshot_published_before_cards_existed_still_renders(
    client: Client, make_check: Callable, editor: Any
) -> None:
    check = make_check(1)
    publish(check, editor)
    version = CheckVersion.objects.get(check_page=check)
    for claim in version.snapshot["claims"]:
        for evidence in claim["evidence"]:
            for key in ("study", "pmid"):
                evidence.pop(key, None)
    version.save()
    from django.core.cache import cache

    from claims.publishing.public_views import page_memory

    cache.clear()
    page_memory.clear()
    response = client.get(reverse("public:check", args=[check.slug]))
    assert response.status_code == 200 and b"study-card" not in response.content


def test_manual_evidence_by_doi_is_never_an_untitled_source(client: Client, make_check: Callable, editor: Any) -> None:
    check: Check = make_check(1)
    verdict = check.article.claims.get().verdict
    Evidence.objects.create(verdict=verdict, doi="10.5555/typed", stance="context", lookup="failed")
    publish(check, editor)
    html = client.get(reverse("public:check", args=[check.slug])).content.decode()
    assert "Untitled source" not in html and "doi:10.5555/typed" in html
