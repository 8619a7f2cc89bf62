"""The demo seed loads the article with its claims, unassigned, and a second run changes nothing."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from claims.models import Article, Claim, ClaimStatus

pytestmark = pytest.mark.django_db


def _snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every project table, so 'the same database' is checked, not assumed."""
    snap = {}
    for model in apps.get_models():
        if model._meta.app_label in {"claims", "sources", "auth", "seeds"}:
            snap[model._meta.label] = sorted(model.objects.values_list(), key=repr)
    return snap


def test_load_seeds_twice_gives_the_same_database() -> None:
    call_command("load_seeds", "--demo-users", stdout=io.StringIO())
    first = _snapshot()
    out = io.StringIO()
    call_command("load_seeds", "--demo-users", stdout=out)
    assert _snapshot() == first
    assert "Seeds loaded: 0 new articles. 0 new claims." in out.getvalue()


def test_the_first_load_counts_both_seeds_with_plurals() -> None:
    out = io.StringIO()
    call_command("load_seeds", stdout=out)
    assert Article.objects.filter(origin=Article.Origin.SEED).count() == 2
    assert "Seeds loaded: 2 new articles. 8 new claims." in out.getvalue()


def test_the_output_goes_through_the_catalogue_with_plural_forms(monkeypatch: Any) -> None:
    """Each count is one whole plural message, so a translator gets every form (French: 0 and 1 singular)."""
    from seeds.management.commands import load_seeds

    asked: list[tuple[str, str, int]] = []

    def fake_ngettext(singular: str, plural: str, n: int) -> str:
        asked.append((singular, plural, n))
        return "«" + (singular if n <= 1 else plural) + "»"

    monkeypatch.setattr(load_seeds, "ngettext", fake_ngettext)
    out = io.StringIO()
    call_command("load_seeds", stdout=out)
    assert asked == [
        ("Seeds loaded: %(count)d new article.", "Seeds loaded: %(count)d new articles.", 2),
        ("%(count)d new claim.", "%(count)d new claims.", 8),
    ]
    assert out.getvalue().strip() == "«Seeds loaded: 2 new articles.» «8 new claims.»"


def test_seed_article_has_unassigned_claims_anchored_to_exact_text() -> None:
    call_command("load_seeds", stdout=io.StringIO())
    article = Article.objects.get(title="Ketamine proves effective against depression")
    assert article.language == "en"
    claims = list(Claim.objects.filter(article=article))
    assert len(claims) >= 4
    for claim in claims:
        assert claim.status == ClaimStatus.NEW
        assert claim.assignee is None
        assert article.body[claim.span_start : claim.span_end] == claim.quote
        assert claim.events.filter(kind="created").count() == 1
    assert any("JAMA Psychiatry" in c.quote for c in claims)


def test_french_seed_tells_the_same_story_in_french_with_exact_spans() -> None:
    from factcheck.languages import detect

    call_command("load_seeds", stdout=io.StringIO())
    article = Article.objects.get(title="La kétamine efficace contre la dépression")
    assert article.language == "fr" and detect(article.body) == "fr"
    english = Article.objects.get(language="en", origin=Article.Origin.SEED)
    assert article.published_on == english.published_on
    claims = list(Claim.objects.filter(article=article).order_by("span_start"))
    assert len(claims) == english.claims.count() == 4
    for claim in claims:
        assert claim.status == ClaimStatus.NEW and claim.assignee is None
        assert article.body[claim.span_start : claim.span_end] == claim.quote
    # The cues source finding reads: the journal, the researchers, the institutions, the year.
    for cue in ("JAMA Psychiatry", "Bottemanne", "Liane Schmidt", "Inserm", "CNRS", "2022"):
        assert cue in article.body, cue
    assert any("JAMA Psychiatry" in c.quote for c in claims)
    assert any("une personne sur trois" in c.quote for c in claims)


def test_a_seed_with_an_unknown_language_is_refused_with_its_name(tmp_path: Any, monkeypatch: Any) -> None:
    import json

    from seeds import services

    (tmp_path / "x.txt").write_text("Title\n\nSome text.", encoding="utf-8")
    (tmp_path / "x.json").write_text(json.dumps({"file": "x.txt", "language": "xx", "claims": []}), encoding="utf-8")
    monkeypatch.setattr(services, "DATA_DIR", tmp_path)
    with pytest.raises(ValueError, match="x.txt"):
        services.seeds_load()
    assert not Article.objects.exists()


def test_demo_accounts_are_printed_and_can_log_in(client: Any) -> None:
    out = io.StringIO()
    call_command("load_seeds", "--demo-users", stdout=out)
    text = out.getvalue()
    assert "username: editor" in text and "username: reviewer" in text
    password = text.split("username: editor")[1].split("password:")[1].split()[0]
    # Through the login page, as a person logs in (the login throttle needs the request).
    response = client.post(reverse("login"), {"username": "editor", "password": password})
    assert response.status_code == 302
    assert client.get(reverse("claims:board")).status_code == 200
