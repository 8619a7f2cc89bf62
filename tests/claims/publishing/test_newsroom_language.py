"""Public pages, feeds and ClaimReview speak the newsroom's language (NEWSROOM_LANGUAGE), whatever the
reader's browser asks for; ratings show in it from the words frozen in the snapshot."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from claims.models import Check, Rating
from claims.publishing.words import rating_in_language, snapshot_in_language

pytestmark = pytest.mark.django_db


def _ld(html: str) -> list[dict[str, Any]]:
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert block, "no JSON-LD on the page"
    data = json.loads(block.group(1))
    return data if isinstance(data, list) else [data]


def test_a_french_newsroom_page_is_french_for_an_english_browser(client: Any, published: Check, settings: Any) -> None:
    settings.NEWSROOM_LANGUAGE = "fr"
    response = client.get(f"/checks/{published.slug}/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == "fr"
    assert '<html lang="fr"' in html
    # The seed claims are rated "Misleading" (conftest): the French word of the shipped scale shows.
    assert "Trompeur" in html
    reviews = _ld(html)
    assert reviews and all(r["inLanguage"] == "fr" for r in reviews)
    assert {r["reviewRating"]["name"] for r in reviews} == {"Trompeur"}


def test_an_english_newsroom_page_stays_english_for_a_french_browser(
    client: Any, published: Check, settings: Any
) -> None:
    settings.NEWSROOM_LANGUAGE = "en-gb"
    html = client.get(f"/checks/{published.slug}/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").content.decode()
    assert '<html lang="en' in html
    assert "Misleading" in html and "Trompeur" not in html
    assert {r["inLanguage"] for r in _ld(html)} == {"en-GB"}


def test_the_feed_names_ratings_in_the_newsroom_language(client: Any, published: Check, settings: Any) -> None:
    settings.NEWSROOM_LANGUAGE = "fr"
    atom = client.get("/checks/feed.atom", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'term="Trompeur"' in atom


def test_ratings_come_from_the_frozen_words_and_old_snapshots_keep_theirs() -> None:
    rating = Rating.objects.get(label="Inaccurate")
    frozen = {"label": "Inaccurate", "value": 1, "colour": "#b42318", "description": "x", "translations": {}}
    frozen["translations"] = rating.translations
    assert rating_in_language(frozen, "fr")["label"] == "Faux"
    assert rating_in_language(frozen, "en-gb")["label"] == "Inaccurate"
    old = {"label": "Inaccurate", "value": 1, "colour": "#b42318", "description": "x"}
    assert rating_in_language(old, "fr")["label"] == "Inaccurate"
    snapshot = {"claims": [{"rating": frozen}], "scale": [frozen, old]}
    shown = snapshot_in_language(snapshot, "fr")
    assert [s["label"] for s in shown["scale"]] == ["Faux", "Inaccurate"]
    assert snapshot["claims"][0]["rating"]["label"] == "Inaccurate"  # the snapshot itself is untouched
