"""The hints card: the best few hints, the rest on demand, and the claimant the sentence itself names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from claims.importing.hints import claimant_for, speaker
from claims.importing.selectors import HINTS_SHOWN
from tests.factories import ArticleFactory

ROOT = Path(__file__).resolve().parents[3]
SEED_TEXT = (ROOT / "seeds" / "data" / "ketamine-depression.txt").read_text(encoding="utf-8")

# Sentences and who makes their claim: the name the sentence gives, "" when only a pronoun says who,
# None when nobody is quoted (the article itself claims it, so the outlet is offered).
SPEAKERS = [
    ("The council said it would build 300 homes by 2025.", "The council"),
    ("The council says unemployment fell by 4% last year.", "The council"),
    ("In 2021, the ministry announced that 2 million doses had been delivered.", "The ministry"),
    ("Researchers at Inserm told AFP that the effect lasted 24 hours.", "Researchers at Inserm"),
    ("“This is a clinical response,” said a researcher at the hospital.", "A researcher at the hospital"),
    (
        "According to the World Health Organization, 280 million people live with depression.",
        "The World Health Organization",
    ),
    ("Unemployment fell by 4% in 2023, according to Eurostat.", "Eurostat"),
    ("He said the drug worked in 70% of patients.", ""),
    ("They claimed that crime doubled in ten years.", ""),
    ("Ketamine lifts mood within hours for one in three patients.", None),
    ("The study published in JAMA Psychiatry found that optimism rose after 4 hours.", None),
]


@pytest.mark.parametrize(("sentence", "expected"), SPEAKERS)
def test_the_speaker_a_sentence_names(sentence: str, expected: str | None) -> None:
    assert speaker(sentence) == expected


def test_the_outlet_is_offered_only_when_the_sentence_quotes_nobody() -> None:
    hits = sum(
        claimant_for(text, "Example News") == (who if who is not None else "Example News") for text, who in SPEAKERS
    )
    assert hits == len(SPEAKERS)
    assert claimant_for("The council said it would build 300 homes.", "Example News") != "Example News"


@pytest.mark.django_db
def test_a_long_story_shows_the_best_few_hints_and_the_rest_on_demand(editor: Any) -> None:
    article = ArticleFactory(body=SEED_TEXT * 3, outlet="Example News")
    client = Client()
    client.force_login(editor)
    doc = lxml.html.fromstring(client.get(reverse("claims:article", args=[article.pk])).content)
    section = doc.get_element_by_id("suggestions")
    shown = section.xpath("./ol[@class='hint-list']/li")
    more = section.xpath(".//details[@class='more-hints']/ol/li")
    assert len(shown) == HINTS_SHOWN and len(more) > 10
    assert (
        f"Show {len(more)} more sentences" in section.xpath(".//details[@class='more-hints']/summary")[0].text_content()
    )
    # Best first: every hint shown scores at least as high as any behind "more".
    badge = section.xpath(".//h2/span[@class='badge']")[0].text_content()
    assert int(badge) == len(shown) + len(more)


@pytest.mark.django_db
def test_the_make_claim_form_offers_the_named_speaker_not_the_outlet(editor: Any) -> None:
    body = (
        "The council said it would build 300 homes by 2025, a promise it made in 2019.\n\n"
        "Prices rose by 12% in the city last year, the highest rise in the region."
    )
    article = ArticleFactory(body=body, outlet="Example News")
    client = Client()
    client.force_login(editor)
    doc = lxml.html.fromstring(client.get(reverse("claims:article", args=[article.pk])).content)
    claimants = {
        li.xpath(".//blockquote")[0].text_content()[:20]: li.xpath(".//input[@name='claimant']")[0].get("value")
        for li in doc.xpath("//section[@id='suggestions']//li[@class='hint']")
    }
    assert claimants["The council said it "] == "The council"
    assert claimants["Prices rose by 12% i"] == "Example News"
