"""Public pages speak the newsroom's language, and snapshots keep data the pages word when they render."""

from __future__ import annotations

import copy
import json
from typing import Any

import lxml.html
import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from claims.models import Check, CheckVersion, Rating
from claims.publishing import services as publishing
from claims.publishing.public_views import page_memory
from tests.claims.publishing.conftest import publish
from tests.claims.publishing.test_versions import correct_claim

FRENCH = {
    "Misleading": {"label": "Trompeur", "description": "Une part de vérité, une impression fausse."},
    "Inaccurate": {"label": "Inexact", "description": "L’affirmation est fausse."},
}


@pytest.fixture
def french_scale(db: Any) -> None:
    for label, words in FRENCH.items():
        Rating.objects.filter(label=label).update(translations={"fr": words})


@pytest.fixture
def french(settings: Any, french_scale: None) -> None:
    settings.NEWSROOM_LANGUAGE = "fr"


def _page(client: Client, check: Check, **headers: str) -> lxml.html.HtmlElement:
    response = client.get(reverse("public:check", args=[check.slug]), **headers)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def _reviews(doc: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    return json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)


def test_the_snapshot_keeps_data_not_sentences(
    published: Check, editor: Any, reviewer: Any, french_scale: None
) -> None:
    correct_claim(published, number=3, editor=editor, reviewer=reviewer, rating="Inaccurate")
    version = publish(published, editor, "A larger trial found no effect.")
    snap = version.snapshot
    assert snap["schema"] == publishing.SNAPSHOT_SCHEMA == 2
    claim = snap["claims"][2]
    assert claim["rating"]["translations"]["fr"]["label"] == "Inexact"
    assert claim["confidence"] == "high"
    assert claim["evidence"][0]["stance"] == "refutes"
    assert "stance_label" not in claim["evidence"][0]
    correction = snap["corrections"][-1]
    assert correction["reason"] == "A larger trial found no effect."
    assert "note" not in correction
    (change,) = correction["changes"]
    assert change["kind"] == "rating_changed"
    assert change["number"] == 3
    assert (change["from"]["label"], change["to"]["label"]) == ("Misleading", "Inaccurate")
    assert change["to"]["translations"]["fr"]["label"] == "Inexact"


def test_a_french_newsroom_gets_a_french_page_whatever_the_browser_says(
    client: Client, published: Check, editor: Any, reviewer: Any, french: None
) -> None:
    correct_claim(published, number=3, editor=editor, reviewer=reviewer, rating="Inaccurate")
    with time_machine.travel("2026-12-02 10:00:00+00:00", tick=False):
        publish(published, editor, "Un essai plus large n’a trouvé aucun effet.")
    doc = _page(client, published, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert doc.get("lang") == "fr"
    claim = doc.get_element_by_id("claim-3").text_content()
    assert "Inexact" in claim
    assert "Inaccurate" not in claim
    assert "Trompeur" in doc.get_element_by_id("claim-1").text_content()
    methodology = doc.get_element_by_id("methodology").text_content()
    assert "L’affirmation est fausse." in methodology
    log = " ".join(doc.get_element_by_id("corrections").text_content().split())
    assert "2 décembre 2026" in log
    # The change rendered from its record with the French labels, the editor's reason exactly as written.
    assert "Trompeur" in log and "Inexact" in log
    assert "Un essai plus large n’a trouvé aucun effet." in log
    reviews = _reviews(doc)
    assert {r["inLanguage"] for r in reviews} == {"fr"}
    assert reviews[2]["reviewRating"]["name"] == "Inexact"
    # The same page for a French browser: one language, so the memory keeps one copy.
    page_memory.clear()
    cache.clear()
    french_browser = client.get(reverse("public:check", args=[published.slug]), HTTP_ACCEPT_LANGUAGE="fr")
    english_browser = client.get(reverse("public:check", args=[published.slug]), HTTP_ACCEPT_LANGUAGE="en")
    assert french_browser.content == english_browser.content
    assert english_browser["Content-Language"] == "fr"


def test_the_french_feeds_and_lists_speak_french(client: Client, published: Check, french: None) -> None:
    feed = client.get(reverse("public:claimreview_feed"), HTTP_ACCEPT_LANGUAGE="en").json()
    assert feed["inLanguage"] == "fr"
    assert {r["inLanguage"] for r in feed["dataFeedElement"]} == {"fr"}
    assert {r["reviewRating"]["name"] for r in feed["dataFeedElement"]} == {"Trompeur"}
    atom = client.get(reverse("public:feed"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Trompeur" in atom
    listing = client.get(reverse("public:check_list"), HTTP_ACCEPT_LANGUAGE="en")
    doc = lxml.html.fromstring(listing.content)
    assert doc.get("lang") == "fr"
    assert "Trompeur" in doc.text_content()
    report = client.get(reverse("public:error_report", args=[published.slug]), HTTP_ACCEPT_LANGUAGE="en")
    assert lxml.html.fromstring(report.content).get("lang") == "fr"


def test_an_english_newsroom_keeps_english_and_british_in_language(client: Client, published: Check) -> None:
    doc = _page(client, published, HTTP_ACCEPT_LANGUAGE="fr")
    assert doc.get("lang") == "en"
    assert {r["inLanguage"] for r in _reviews(doc)} == {"en-GB"}
    assert "Misleading" in doc.get_element_by_id("claim-1").text_content()
    assert "Why we rated it misleading" in doc.get_element_by_id("claim-1").text_content()


def test_a_schema_1_snapshot_still_renders(client: Client, published: Check, french: None) -> None:
    """Snapshots published before schema 2: a stance label, the confidence's text, an English note."""
    version = published.current_version
    old = copy.deepcopy(version.snapshot)
    old["schema"] = 1
    for claim in old["claims"]:
        claim["confidence"] = "High"
        claim["rating"].pop("translations", None)
        for ev in claim["evidence"]:
            ev["stance_label"] = "Refutes the claim"
    for step in old["scale"]:
        step.pop("translations", None)
    old["claims"][0]["same_as"] = {"url": "https://x.example/c#claim-1", "headline": "Earlier", "rating": "Accurate"}
    old["corrections"] = [
        {"version": 2, "at": "2026-12-01T10:00:00+00:00", "note": "The rating of claim 3 changed because x."}
    ]
    CheckVersion.objects.filter(pk=version.pk).update(snapshot=old)
    doc = _page(client, published)
    assert doc.get("lang") == "fr"
    # No translations in the old snapshot: the label it was published with.
    assert "Misleading" in doc.get_element_by_id("claim-1").text_content()
    assert "Accurate" in doc.get_element_by_id("claim-1").text_content()  # the earlier check's rating
    log = " ".join(doc.get_element_by_id("corrections").text_content().split())
    assert "The rating of claim 3 changed because x." in log
    assert "1 décembre 2026" in log
    assert client.get(reverse("public:feed")).status_code == 200
    assert client.get(reverse("public:claimreview_feed")).status_code == 200


def test_each_change_kind_is_worded() -> None:
    accurate = {"label": "Accurate", "value": 6, "translations": {"fr": {"label": "Exact"}}}
    misleading = {"label": "Misleading", "value": 3}
    changes = [
        {"kind": "rating_changed", "number": 3, "from": misleading, "to": accurate},
        {"kind": "claim_added", "number": 4, "text": "New", "rating": accurate},
        {"kind": "claim_renumbered", "number": 2, "before": 1},
        {"kind": "wording_revised", "number": 2},
        {"kind": "explanation_revised", "number": 2},
        {"kind": "evidence_updated", "number": 2},
        {"kind": "claim_removed", "number": 5, "text": "Gone"},
        {"kind": "headline_revised"},
        {"kind": "summary_revised"},
        {"kind": "assessment_revised"},
    ]
    note = publishing.correction_note_compose(changes, "A reader wrote in")
    assert note == (
        "The rating of claim 3 changed from Misleading to Accurate; claim 4 (“New”) was added, rated Accurate; "
        "claim 1 is now claim 2, following the order of the article; the wording of claim 2 was revised; "
        "the explanation of claim 2 was revised; the evidence for claim 2 was updated; "
        "the earlier claim 5 (“Gone”) was removed; the headline was revised; the summary was revised; "
        "the overall assessment was revised because a reader wrote in."
    )
