"""``manage.py import_article``: prints the new article's id and URL, or fails with the reason."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from pytest_httpserver import HTTPServer

from claims.models import Article
from tests.claims.importing.test_fetch import ARTICLE_HTML

pytestmark = pytest.mark.django_db

SEED_PATH = Path(__file__).resolve().parents[3] / "seeds" / "data" / "ketamine-depression.txt"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_article", *args, stdout=out)
    return out.getvalue().strip()


def test_a_text_file_is_imported_and_its_id_and_url_printed(settings: Any) -> None:
    settings.SITE_URL = "https://desk.example.org"
    output = run(
        str(SEED_PATH), "--outlet", "Example Times", "--url", "https://example.org/k", "--published", "2022-10-05"
    )
    article = Article.objects.get()
    assert output == f"{article.pk} https://desk.example.org/articles/{article.pk}/"
    assert article.body == SEED_PATH.read_text("utf-8")
    assert article.title == "Ketamine proves effective against depression"
    assert article.outlet == "Example Times"
    assert str(article.published_on) == "2022-10-05"
    assert article.origin == "file"
    assert article.imported_by is None


def test_an_html_file_is_extracted(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(ARTICLE_HTML, "utf-8")
    run(str(page), "--title", "Typed title")
    article = Article.objects.get()
    assert article.title == "Typed title"
    assert article.authors == "Jane Doe"
    assert "<p>" not in article.body


def test_a_url_is_fetched(settings: Any, httpserver: HTTPServer) -> None:
    settings.IMPORT_ALLOW_PRIVATE_HOSTS = True
    httpserver.expect_request("/k").respond_with_data(ARTICLE_HTML, content_type="text/html")
    output = run(httpserver.url_for("/k"))
    article = Article.objects.get()
    assert output.startswith(f"{article.pk} ")
    assert article.url == httpserver.url_for("/k")
    assert article.origin == "url"


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("ftp://example.org/story.txt", "“ftp:” addresses cannot be imported"),
        ("javascript:alert(1)", "“javascript:” addresses cannot be imported"),
        ("http://127.0.0.1/story", "private or local network address"),
        ("/no/such/file.txt", "there is no file"),
    ],
)
def test_a_refused_source_fails_with_the_reason(settings: Any, source: str, reason: str) -> None:
    settings.IMPORT_ALLOW_PRIVATE_HOSTS = False
    with pytest.raises(CommandError) as failed:
        run(source)
    assert reason in str(failed.value)
    assert str(failed.value).startswith("Not imported")
    assert not Article.objects.exists()


def test_a_file_of_another_type_fails(tmp_path: Path) -> None:
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    with pytest.raises(CommandError, match=r"not a \.txt, \.md or \.html file"):
        run(str(pdf))


def test_a_badly_written_date_fails() -> None:
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run(str(SEED_PATH), "--published", "05/10/2022")
    assert not Article.objects.exists()


def test_a_failure_exits_non_zero_from_the_shell(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "manage.py", "import_article", "ftp://example.org/a.txt"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "“ftp:” addresses cannot be imported" in result.stderr
