"""The search box: every kind of text, ranked and highlighted (escaped), misspellings and names, who may
see what, bad input, documents kept true by the database, and a constant number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import services
from claims.models import ClaimStatus, Comment, Evidence
from claims.search.models import Document
from claims.search.selectors import search
from tests.factories import ArticleFactory, ClaimFactory, UserFactory, VerdictFactory

BODY = (
    "Liane Schmidt, neuroscience researcher at Inserm, said ketamine lifts mood within hours. "
    "The study appeared in JAMA Psychiatry.\n\nUnrelated closing words about the weather."
)


def _world(reviewer: Any) -> dict[str, Any]:
    article = ArticleFactory(title="Ketamine against depression", outlet="Libération", body=BODY)
    mine = ClaimFactory(
        article=article,
        span_start=0,
        span_end=60,
        text="Ketamine lifts mood within hours, says Schmidt.",
        claimant="Liane Schmidt",
        status=ClaimStatus.IN_REVIEW,
        assignee=reviewer,
    )
    verdict = VerdictFactory(claim=mine, author=reviewer, explanation="The trial measured optimism after one infusion.")
    Evidence.objects.create(
        verdict=verdict, url="https://example.org/bottemanne", title="Belief-updating biases study", stance="supports"
    )
    Comment.objects.create(claim=mine, author=reviewer, body="Ask the press office about the placebo arm.")
    other = ClaimFactory(
        article=ArticleFactory(title="Another story", body="A secret claim about placebo, nobody else's."),
        span_start=0,
        span_end=20,
        text="A secret placebo claim",
        status=ClaimStatus.ASSIGNED,
        assignee=UserFactory(groups=["reviewer"]),
    )
    return {"article": article, "mine": mine, "verdict": verdict, "other": other}


def _kinds(results: Any) -> dict[str, list[str]]:
    return {group.kind: [str(hit.title) + " | " + str(hit.snippet) for hit in group.hits] for group in results.groups}


@pytest.mark.django_db
def test_it_finds_articles_claims_verdicts_comments_and_evidence_grouped_by_kind(editor: Any, reviewer: Any) -> None:
    _world(reviewer)
    kinds = _kinds(search(user=editor, raw="ketamine"))
    assert set(kinds) == {"article", "claim"}
    assert "<mark>Ketamine</mark> against depression" in kinds["article"][0]
    assert "optimism" in str(_kinds(search(user=editor, raw="optimism infusion"))["verdict"])
    assert "placebo" in str(_kinds(search(user=editor, raw="press office"))["comment"])
    assert "Belief" in str(_kinds(search(user=editor, raw="biases"))["evidence"])
    assert search(user=editor, raw="Libération").groups[0].kind == "article"  # the outlet


@pytest.mark.django_db
def test_misspelt_words_and_names_find_what_they_meant(editor: Any, reviewer: Any) -> None:
    _world(reviewer)
    results = search(user=editor, raw="ketamne")
    assert "ketamine" in results.corrections["ketamne"] and results.groups
    results = search(user=editor, raw="Schmit")
    assert "schmidt" in results.corrections["schmit"]
    assert "Liane" in str(_kinds(results)["claim"]) and "<mark>Schmidt</mark>" in str(_kinds(results)["claim"])


@pytest.mark.django_db
def test_a_reviewer_finds_only_what_they_may_open(reviewer: Any) -> None:
    world = _world(reviewer)
    kinds = _kinds(search(user=reviewer, raw="placebo"))
    assert list(kinds) == ["comment"]  # their own claim's comment; not the other claim, nor any article
    assert search(user=reviewer, raw="secret").message.startswith("Nothing you can open matches")
    assert "article" not in _kinds(search(user=reviewer, raw="ketamine"))
    # Misspellings are corrected from every text, so a reviewer is not told which words exist.
    assert search(user=reviewer, raw="secrte").corrections == {}
    del world


@pytest.mark.django_db
def test_stored_markup_comes_back_escaped_and_only_the_match_is_marked(client: Any, editor: Any) -> None:
    ArticleFactory(
        title="<script>alert(1)</script> ketamine", body="<img src=x onerror=alert(1)> ketamine \x02bold\x03"
    )
    client.force_login(editor)
    page = client.get("/search/", {"q": "ketamine"}).content.decode()
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>ketamine</mark>" in page
    assert "<mark>bold" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("q", "sentence", "status"),
    [
        ("", "Type what you are looking for", 200),
        ("   ", "Type what you are looking for", 200),
        ("?!… ---", "There is nothing to search for in", 200),
        ("ketamine " * 1200, "Only the first 200 characters were searched.", 200),
        ("ketamine\x00", "invisible NUL character", 400),
    ],
)
def test_bad_input_answers_with_a_sentence(client: Any, editor: Any, q: str, sentence: str, status: int) -> None:
    ArticleFactory(title="Ketamine")
    client.force_login(editor)
    response = client.get("/search/", {"q": q})
    assert response.status_code == status
    assert sentence in response.content.decode()


@pytest.mark.django_db
def test_too_many_words_are_cut_with_a_note(editor: Any) -> None:
    results = search(user=editor, raw="one two three four five six seven eight nine ten")
    assert "Only the first 8 words were searched." in results.notes


@pytest.mark.django_db
def test_the_database_keeps_documents_true_whoever_writes(editor: Any) -> None:
    article = ArticleFactory(body="Plain words.\n\nMore plain words.")
    claim = services.claim_create(article=article, span_start=0, span_end=11, by=editor, search_sources=False)
    assert Document.objects.filter(kind="claim", object_id=claim.pk).exists()
    services.claim_edit(claim_id=claim.pk, by=editor, version=claim.version, text="Zebras migrate", claimant="")
    assert search(user=editor, raw="zebras").groups[0].hits[0].claim_id == claim.pk
    article.delete()
    assert not Document.objects.filter(article_id=article.pk).exists()


@pytest.mark.django_db
def test_the_page_needs_the_same_queries_for_few_and_many_matches(client: Any, editor: Any) -> None:
    client.force_login(editor)
    ArticleFactory(title="Ketamine one")
    client.get("/search/", {"q": "ketamine"})
    with CaptureQueriesContext(connection) as few:
        client.get("/search/", {"q": "ketamine"})
    for i in range(25):
        article = ArticleFactory(title=f"Ketamine {i}")
        claim = ClaimFactory(article=article, text=f"Ketamine claim {i}")
        Comment.objects.create(claim=claim, author=editor, body="ketamine again")
    with CaptureQueriesContext(connection) as many:
        response = client.get("/search/", {"q": "ketamine"})
    assert len(many.captured_queries) == len(few.captured_queries)
    assert "The best 10 are shown" in response.content.decode()


@pytest.mark.django_db
def test_the_search_box_is_in_the_top_bar(client: Any, reviewer: Any) -> None:
    client.force_login(reviewer)
    page = client.get("/queue/").content.decode()
    assert 'role="search"' in page and 'action="/search/"' in page


@pytest.mark.django_db
def test_changing_an_articles_language_changes_the_stemming(editor: Any, settings: Any) -> None:
    from io import StringIO

    from django.core.management import CommandError, call_command

    article = ArticleFactory(title="Les chercheurs ont publié leurs résultats", body="Les résultats sont publiés.")
    claim = ClaimFactory(article=article, text="Les vaccins protègent les enfants")

    def lexemes(kind: str = "article") -> str:
        return str(Document.objects.get(kind=kind).vector)

    assert "'les'" in lexemes() and "'publié'" in lexemes()  # English keeps French words whole
    type(article).objects.filter(pk=article.pk).update(language="fr")
    assert "'les'" not in lexemes() and "'publi'" in lexemes()  # a French stop word, a French stem
    assert "'vaccin'" in lexemes("claim")  # the article's claims follow its language
    assert set(Document.objects.values_list("config", flat=True)) == {"french"}
    assert search(user=editor, raw="chercheur publier").groups
    out = StringIO()
    call_command("search_reindex", stdout=out)
    assert "'publi'" in lexemes()
    settings.SEARCH_CONFIG = "klingon"
    with pytest.raises(CommandError, match="not a text search configuration"):
        call_command("search_reindex")
    settings.SEARCH_CONFIG = "english"
    call_command("search_reindex", stdout=StringIO())
    assert claim.pk


@pytest.mark.django_db
def test_a_french_query_finds_french_articles_by_stem_and_english_ones_still(editor: Any) -> None:
    french = ArticleFactory(
        title="Le vaccin protège les enfants", body="Selon l'étude, le vaccin est sûr.", language="fr"
    )
    english = ArticleFactory(title="Hospitals report shortages", body="Hospitals reported shortages of beds.")
    found = search(user=editor, raw="vaccins")
    hits = [h for g in found.groups for h in g.hits if h.kind == "article"]
    assert [h.article_id for h in hits] == [french.pk]
    assert "<mark>vaccin</mark>" in str(hits[0].title)
    hits = [h for g in search(user=editor, raw="hospital shortage").groups for h in g.hits if h.kind == "article"]
    assert [h.article_id for h in hits] == [english.pk]
    # "les" is a French stop word: it does not have to be found in French text.
    assert search(user=editor, raw="les enfants").groups
