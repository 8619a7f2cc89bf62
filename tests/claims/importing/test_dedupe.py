"""Importing text (or an address) already imported lands on the existing article; "import anyway" makes a
new version; hints skip text already claimed."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import CommandError, call_command

from claims.importing import fetch, services
from claims.importing.selectors import article_hints
from claims.models import Article
from tests.factories import ArticleFactory, ClaimFactory

TEXT = (
    "A study published in the journal JAMA Psychiatry found that optimism rose 4 hours after a single dose.\n\n"
    "The CNRS published a press release. One in three people with depression does not respond to the usual drugs."
)


@pytest.mark.django_db
def test_pasting_the_same_text_again_lands_on_the_first_import(client: Any, editor: Any) -> None:
    client.force_login(editor)
    first = client.post("/import/", {"text": TEXT, "title": "Ketamine story"})
    article = Article.objects.get()
    assert first.headers["Location"] == f"/articles/{article.pk}/"
    again = client.post("/import/", {"text": TEXT + "\n\n", "title": "Ketamine story, again"}, follow=True)
    assert Article.objects.count() == 1
    assert again.redirect_chain[-1][0] == f"/articles/{article.pk}/"
    page = again.content.decode()
    assert "This text was already imported on" in page and "so you are on that article now" in page
    assert "Import anyway, as a new version" in page


@pytest.mark.django_db
def test_import_anyway_makes_a_new_version_once(client: Any, editor: Any) -> None:
    client.force_login(editor)
    client.post("/import/", {"text": TEXT, "title": "Ketamine story"})
    client.post("/import/", {"text": TEXT, "title": "Ketamine story v2", "outlet": "Le Monde"})
    token = client.session["pending_import"]["token"]
    response = client.post("/import/anyway/", {"token": token}, follow=True)
    first, second = Article.objects.order_by("id")
    assert second.earlier_version == first and second.title == "Ketamine story v2" and second.outlet == "Le Monde"
    assert "as a new version of the article imported on" in response.content.decode()
    # The token is spent: posting it again imports nothing.
    again = client.post("/import/anyway/", {"token": token}, follow=True)
    assert Article.objects.count() == 2 and "Nothing is waiting to be imported" in again.content.decode()


@pytest.mark.django_db
def test_the_same_address_lands_on_the_article_from_it(editor: Any) -> None:
    existing = ArticleFactory(url="https://www.example.org/news/story/?utm_source=x", body="Other text entirely.")
    existing.url_key = "example.org/news/story"
    existing.save()
    source = fetch.ImportedText(
        body="The page has changed since.", origin="url", url="http://example.org/news/story#top", title="Story"
    )
    with pytest.raises(services.AlreadyImported) as refused:
        services.article_import(source=source, by=editor)
    assert refused.value.existing == existing and refused.value.same == "url"
    assert "An article from this address was already imported" in str(refused.value)
    new = services.article_import(source=source, by=editor, anyway=True)
    assert new.earlier_version == existing


@pytest.mark.django_db
def test_the_command_refuses_a_second_import_and_takes_anyway(tmp_path: Any) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Ketamine story\n\n" + TEXT, encoding="utf-8")
    call_command("import_article", str(story))
    with pytest.raises(CommandError, match=r"already imported as article \d+ .* Add --anyway"):
        call_command("import_article", str(story))
    call_command("import_article", str(story), "--anyway")
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_hints_skip_every_sentence_with_text_already_claimed() -> None:
    article = ArticleFactory(body=TEXT)
    before = {h.text[:20] for h in article_hints(article)}
    assert any(t.startswith("A study published") for t in before)
    assert any(t.startswith("One in three") for t in before)
    start = TEXT.index("JAMA Psychiatry")
    # A claim over part of one sentence and a claim covering all of another and more.
    ClaimFactory(article=article, span_start=start, span_end=start + 15)
    start = TEXT.index("press release")
    ClaimFactory(article=article, span_start=start, span_end=len(TEXT))
    assert article_hints(article) == []
