"""The import page and the hint dismissal: full pages, htmx fragments, refusals and cross-site scripting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_httpserver import HTTPServer

from claims.importing.hints import suggest
from claims.models import Article, DismissedSuggestion
from tests.claims.importing.test_fetch import ARTICLE_HTML, HOSTILE_HTML
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("imports:article_import")
SEED_TEXT = (Path(__file__).resolve().parents[3] / "seeds" / "data" / "ketamine-depression.txt").read_text("utf-8")
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def editor_client(client: Any, editor: Any) -> Any:
    client.force_login(editor)
    return client


def details(**overrides: str) -> dict[str, str]:
    return {"title": "", "outlet": "", "authors": "", "url": "", "published_on": "", **overrides}


# -- The form -------------------------------------------------------------------------------------


def test_the_import_page_offers_every_source(editor_client: Any) -> None:
    response = editor_client.get(IMPORT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html
    for name in ('name="source_url"', 'name="file"', 'name="text"', 'name="title"', 'name="published_on"'):
        assert name in html
    assert 'enctype="multipart/form-data"' in html
    assert "csrfmiddlewaretoken" in html


@pytest.mark.parametrize("persona", ["reviewer", "outsider"])
def test_only_editors_may_import(client: Any, request: Any, persona: str) -> None:
    client.force_login(request.getfixturevalue(persona))
    assert client.get(IMPORT_URL).status_code == 403
    assert client.post(IMPORT_URL, details(text="Some text to import here.")).status_code == 403
    assert not Article.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client: Any) -> None:
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_an_empty_form_says_what_to_give(editor_client: Any) -> None:
    response = editor_client.post(IMPORT_URL, details(title="My title"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Give a web address, upload a file or paste the article&#x27;s text." in html
    assert 'value="My title"' in html


def test_two_sources_at_once_are_refused_and_both_are_kept(editor_client: Any) -> None:
    response = editor_client.post(
        IMPORT_URL, details(text="Pasted words stay here.", source_url="https://example.org/a")
    )
    html = response.content.decode()
    assert "Use one source at a time" in html
    assert "Pasted words stay here." in html
    assert 'value="https://example.org/a"' in html
    assert not Article.objects.exists()


# -- Paste ----------------------------------------------------------------------------------------


def test_pasted_text_becomes_an_article_and_opens_its_page(editor_client: Any, editor: Any) -> None:
    response = editor_client.post(
        IMPORT_URL,
        details(
            text=SEED_TEXT,
            outlet="Example Times",
            authors="A. Writer",
            url="https://example.org/k",
            published_on="2022-10-05",
        ),
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("claims:article", args=[article.pk])
    assert article.body == SEED_TEXT
    assert article.title == "Ketamine proves effective against depression"
    assert (article.outlet, article.authors, article.url) == ("Example Times", "A. Writer", "https://example.org/k")
    assert article.published_on == dt.date(2022, 10, 5)
    assert article.origin == "paste"
    assert article.imported_by == editor


def test_a_typed_title_wins_over_the_first_line(editor_client: Any) -> None:
    editor_client.post(IMPORT_URL, details(text=SEED_TEXT, title="Ketamine and depression"))
    assert Article.objects.get().title == "Ketamine and depression"


def test_pasted_text_keeps_windows_line_endings_as_plain_newlines(editor_client: Any) -> None:
    editor_client.post(IMPORT_URL, details(text="Title line\r\n\r\nFirst paragraph of the article.\r\n"))
    assert Article.objects.get().body == "Title line\n\nFirst paragraph of the article.\n"


def test_an_invalid_date_is_refused_and_the_text_is_kept(editor_client: Any) -> None:
    response = editor_client.post(IMPORT_URL, details(text=SEED_TEXT, published_on="5th of October"))
    html = response.content.decode()
    assert "Enter a valid date." in html
    assert "one in three people affected by depression" in html
    assert not Article.objects.exists()


# -- Files ----------------------------------------------------------------------------------------


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_txt_file_is_stored_as_text(editor_client: Any) -> None:
    editor_client.post(IMPORT_URL, {**details(), "file": upload("ketamine.txt", SEED_TEXT.encode())})
    article = Article.objects.get()
    assert article.body == SEED_TEXT
    assert article.origin == "file"
    assert article.title == "Ketamine proves effective against depression"


def test_a_markdown_file_is_stored_as_text_with_its_heading_as_title(editor_client: Any) -> None:
    markdown = "# Sleep and screens\n\nA *survey* of 2,000 adults found that 40% sleep badly.\n"
    editor_client.post(IMPORT_URL, {**details(), "file": upload("sleep.md", markdown.encode())})
    article = Article.objects.get()
    assert article.body == markdown
    assert article.title == "Sleep and screens"


def test_an_html_file_goes_through_extraction(editor_client: Any) -> None:
    editor_client.post(IMPORT_URL, {**details(), "file": upload("page.html", ARTICLE_HTML.encode(), "text/html")})
    article = Article.objects.get()
    assert article.title == "Ketamine lifts mood within hours"
    assert article.authors == "Jane Doe"
    assert article.published_on == dt.date(2022, 10, 5)
    assert "<p>" not in article.body
    assert "Subscribe now" not in article.body
    assert article.origin == "file"


def test_an_html_file_in_its_own_declared_charset_is_read_correctly(editor_client: Any) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Café prices</title></head><body><article>'
        "<p>The price of a café crème rose by 12% in Paris cafés between 2020 and 2023, the survey found.</p>"
        "</article></body></html>"
    )
    editor_client.post(IMPORT_URL, {**details(), "file": upload("cafe.htm", page.encode("latin-1"), "text/html")})
    article = Article.objects.get()
    assert "café crème rose by 12%" in article.body
    assert article.title == "Café prices"


def test_a_file_that_is_not_utf8_is_refused_and_the_details_are_kept(editor_client: Any) -> None:
    response = editor_client.post(
        IMPORT_URL,
        {
            **details(title="Kept title", outlet="Kept outlet"),
            "file": upload("latin.txt", "Café crème".encode("latin-1")),
        },
    )
    html = response.content.decode()
    assert "“latin.txt” is not UTF-8 text" in html
    assert 'value="Kept title"' in html and 'value="Kept outlet"' in html
    assert "choose it again" in html
    assert not Article.objects.exists()


def test_a_file_of_another_type_is_refused(editor_client: Any) -> None:
    response = editor_client.post(IMPORT_URL, {**details(), "file": upload("scan.pdf", b"%PDF-1.7 ...")})
    assert "“scan.pdf” is not a .txt, .md or .html file" in response.content.decode()
    assert not Article.objects.exists()


def test_a_file_over_the_cap_is_refused(editor_client: Any, settings: Any) -> None:
    settings.IMPORT_MAX_BYTES = 100
    response = editor_client.post(IMPORT_URL, {**details(), "file": upload("long.txt", b"word " * 100)})
    assert "larger than the 100 bytes import limit" in response.content.decode()
    assert not Article.objects.exists()


# -- URLs -----------------------------------------------------------------------------------------


def test_a_url_is_fetched_and_the_typed_fields_win(editor_client: Any, settings: Any, httpserver: HTTPServer) -> None:
    settings.IMPORT_ALLOW_PRIVATE_HOSTS = True
    httpserver.expect_request("/k").respond_with_data(ARTICLE_HTML, content_type="text/html")
    response = editor_client.post(IMPORT_URL, details(source_url=httpserver.url_for("/k"), outlet="Typed outlet"))
    article = Article.objects.get()
    assert response.status_code == 302
    assert article.origin == "url"
    assert article.url == httpserver.url_for("/k")
    assert article.title == "Ketamine lifts mood within hours"
    assert article.outlet == "Typed outlet"
    assert article.authors == "Jane Doe"


def test_a_refused_url_shows_why_in_the_full_page(editor_client: Any, settings: Any) -> None:
    settings.IMPORT_ALLOW_PRIVATE_HOSTS = False
    response = editor_client.post(IMPORT_URL, details(source_url="http://127.0.0.1:5432/", title="Kept"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert "points to a private or local network address" in html
    assert 'value="http://127.0.0.1:5432/"' in html
    assert 'value="Kept"' in html
    assert not Article.objects.exists()


def test_a_refused_url_under_htmx_returns_only_the_form_fragment(editor_client: Any) -> None:
    response = editor_client.post(IMPORT_URL, details(source_url="ftp://example.org/a.txt"), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.lstrip().startswith('<form id="import-form"')
    assert "“ftp:” addresses cannot be imported" in html
    assert 'value="ftp://example.org/a.txt"' in html


def test_a_successful_htmx_import_redirects_the_browser(editor_client: Any) -> None:
    response = editor_client.post(IMPORT_URL, details(text=SEED_TEXT), **HTMX)
    article = Article.objects.get()
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("claims:article", args=[article.pk])


# -- Cross-site scripting -------------------------------------------------------------------------


def test_a_hostile_page_is_stored_and_shown_as_inert_text(
    editor_client: Any, settings: Any, httpserver: HTTPServer
) -> None:
    settings.IMPORT_ALLOW_PRIVATE_HOSTS = True
    httpserver.expect_request("/hostile").respond_with_data(HOSTILE_HTML, content_type="text/html")
    editor_client.post(IMPORT_URL, details(source_url=httpserver.url_for("/hostile")))
    article = Article.objects.get()
    for fragment in ("xss-script", "xss-onerror", "xss-link", "onerror", "javascript:", "<img", "document.cookie"):
        assert fragment not in article.body

    page = editor_client.get(reverse("claims:article", args=[article.pk])).content.decode()
    assert "40% of them slept less than six hours" in page
    assert "<script>alert" not in page
    assert "onerror" not in page
    assert "javascript:" not in page
    # Text that describes markup is shown, escaped.
    assert "&lt;script&gt;alert(&#x27;xss-escaped&#x27;)&lt;/script&gt;" in page


def test_pasted_markup_is_stored_verbatim_and_rendered_escaped(editor_client: Any) -> None:
    text = (
        'Headline here\n\n<script>alert("pasted")</script> A study of 300 people <img src=x onerror="alert(1)"> '
        'found <a href="javascript:alert(2)">that</a> 40% improved.'
    )
    editor_client.post(IMPORT_URL, details(text=text))
    article = Article.objects.get()
    assert article.body == text  # pasted text is the editor's own; offsets must match it exactly
    page = editor_client.get(reverse("claims:article", args=[article.pk])).content.decode()
    assert '<script>alert("pasted")' not in page
    assert "<img src=x" not in page
    assert '<a href="javascript:' not in page
    assert "&lt;script&gt;" in page


# -- Dismissing hints -----------------------------------------------------------------------------


def dismiss_url(article: Article) -> str:
    return reverse("imports:dismiss_suggestion", args=[article.pk])


def test_dismissing_needs_a_post(editor_client: Any) -> None:
    article = ArticleFactory(body=SEED_TEXT)
    assert editor_client.get(dismiss_url(article)).status_code == 405
    assert editor_client.get(IMPORT_URL).status_code == 200


def test_a_plain_dismissal_redirects_back_to_the_article(editor_client: Any) -> None:
    article = ArticleFactory(body=SEED_TEXT)
    hint = suggest(SEED_TEXT)[0]
    response = editor_client.post(dismiss_url(article), {"start": hint.start, "end": hint.end})
    assert response.status_code == 302
    assert response.url == reverse("claims:article", args=[article.pk])
    assert DismissedSuggestion.objects.filter(article=article, start=hint.start, end=hint.end).exists()


def test_an_htmx_dismissal_returns_the_refreshed_hint_list(
    editor_client: Any, django_assert_max_num_queries: Any
) -> None:
    article = ArticleFactory(body=SEED_TEXT)
    hints = suggest(SEED_TEXT)
    with django_assert_max_num_queries(10):
        response = editor_client.post(dismiss_url(article), {"start": hints[0].start, "end": hints[0].end}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.count('class="hint"') == len(hints) - 1
    assert f'id="hint-{hints[0].start}-{hints[0].end}"' not in html
    assert f'id="hint-{hints[1].start}-{hints[1].end}"' in html
    assert 'id="suggestions"' in html


def test_a_bad_dismissal_says_why(editor_client: Any) -> None:
    article = ArticleFactory(body="Short body of text.")
    response = editor_client.post(dismiss_url(article), {"start": 3, "end": 900}, **HTMX)
    assert "not part of this article" in response.content.decode()
    response = editor_client.post(dismiss_url(article), {"start": "x"}, follow=True)
    assert "That hint could not be identified" in response.content.decode()
    assert not DismissedSuggestion.objects.exists()


def test_a_reviewer_cannot_dismiss_hints(client: Any, reviewer: Any) -> None:
    article = ArticleFactory(body=SEED_TEXT)
    client.force_login(reviewer)
    hint = suggest(SEED_TEXT)[0]
    assert client.post(dismiss_url(article), {"start": hint.start, "end": hint.end}).status_code == 403
    assert not DismissedSuggestion.objects.exists()


def test_the_hint_fragment_offers_make_claim_with_the_sentence_offsets(editor_client: Any) -> None:
    from django.template.loader import render_to_string

    article = ArticleFactory(body=SEED_TEXT, outlet="Example Times")
    hints = suggest(SEED_TEXT)
    html = render_to_string("importing/_hints.html", {"article": article, "suggestions": hints})
    jama = next(h for h in hints if "JAMA" in h.text)
    assert f'action="{reverse("claims:claim_create", args=[article.pk])}"' in html
    assert f'name="span_start" value="{jama.start}"' in html
    assert f'name="span_end" value="{jama.end}"' in html
    assert "cites a journal" in html
    assert html.count("Dismiss</button>") == len(hints)


def test_the_hint_fragment_has_a_useful_empty_state() -> None:
    from django.template.loader import render_to_string

    html = render_to_string("importing/_hints.html", {"article": ArticleFactory.build(pk=1), "suggestions": []})
    assert "No sentence stands out as check-worthy" in html


def test_make_claim_from_a_hint_creates_a_claim_anchored_to_the_sentence(editor_client: Any) -> None:
    from django.template.loader import render_to_string

    from claims.models import Claim

    article = ArticleFactory(body=SEED_TEXT, outlet="Example Times")
    jama = next(h for h in suggest(SEED_TEXT) if "JAMA" in h.text)
    html = render_to_string("importing/_hints.html", {"article": article, "suggestions": [jama]})
    assert f'name="span_start" value="{jama.start}"' in html
    response = editor_client.post(
        reverse("claims:claim_create", args=[article.pk]),
        {"span_start": jama.start, "span_end": jama.end, "text": jama.text, "claimant": "Example Times"},
    )
    assert response.status_code == 302
    claim = Claim.objects.get(article=article)
    assert claim.quote == jama.text
    assert (claim.span_start, claim.span_end) == (jama.start, jama.end)
    assert claim.claimant == "Example Times"
