"""An article's language: chosen at import, or detected from its text, and said on its page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claims.models import Article
from factcheck import languages

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[3] / "seeds" / "data"


def _import(client: Any, text: str, **extra: str) -> Article:
    response = client.post("/import/", {"text": text, "title": extra.pop("title", "Un titre"), **extra})
    assert response.status_code == 302, response.content.decode()[:500]
    return Article.objects.latest("id")


def test_a_french_text_is_detected_as_french_and_an_english_one_as_english(client: Any, editor: Any) -> None:
    client.force_login(editor)
    french = _import(client, (SEEDS / "ketamine-depression-fr.txt").read_text(encoding="utf-8"))
    english = _import(client, (SEEDS / "ketamine-depression.txt").read_text(encoding="utf-8"), title="A title")
    assert (french.language, english.language) == ("fr", "en")
    page = client.get(f"/articles/{french.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "written in French" in page


def test_the_editors_choice_wins_over_detection(client: Any, editor: Any) -> None:
    client.force_login(editor)
    text = "Selon une étude publiée dans la revue, un patient sur trois ne répond pas aux traitements."
    article = _import(client, text, language="en")
    assert article.language == "en"


def test_an_unknown_language_is_refused_with_a_message_and_nothing_saved(client: Any, editor: Any) -> None:
    client.force_login(editor)
    response = client.post("/import/", {"text": "Some text to check.", "title": "T", "language": "de"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister said that one in three people was affected by the new rules.", "en"),
        ("Le ministre a déclaré qu’une personne sur trois était concernée par les nouvelles règles.", "fr"),
        ("D’après les chercheurs de l’Inserm, les résultats sont encourageants pour les patients.", "fr"),
        ("12 345 678", "en"),
    ],
)
def test_detection_counts_each_languages_own_short_words(text: str, expected: str) -> None:
    assert languages.detect(text) == expected
