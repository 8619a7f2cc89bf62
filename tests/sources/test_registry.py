"""Adding a provider is one module and one registry entry: nothing else changes for it to be searched,
merged, shown in the Sources panel (on the claim page too) and announced by "Find sources"."""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sources import registry, services
from sources.models import CandidateSource, SourceSearch
from sources.types import ClaimQuery, Work

pytestmark = pytest.mark.django_db


def _fake_provider_module() -> types.ModuleType:
    """What a provider module provides: a name, a label, a search and two look-ups."""
    module = types.ModuleType("sources.providers.fake_archive")
    module.NAME = "fake_archive"
    module.LABEL = "Fake Archive of Science"

    def search(q: ClaimQuery) -> list[Work]:
        return [
            Work(
                provider="fake_archive",
                doi="10.5555/fake.2024.1",
                title=f"A study of {' and '.join(q.keywords[:2]) or 'things'}",
                authors=["Doe J"],
                journal="Fake Journal",
                year=2024,
                work_type="article",
            )
        ]

    module.search = search
    module.by_doi = lambda doi, use_cache=True: None
    module.by_pmid = lambda pmid: None
    return module


@pytest.fixture
def fake_provider() -> Iterator[registry.ProviderInfo]:
    info = registry.ProviderInfo(_fake_provider_module(), precedence=35)
    registry.register(info)
    yield info
    registry.unregister(info.name)


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_registered_provider_is_searched_and_shown_in_the_sources_panel(
    editor: Any, claim: Any, fake_provider: registry.ProviderInfo
) -> None:
    assert "fake_archive" in services.enabled_providers()
    searches = services.searches_start(claim=claim, by=editor, enqueue=False)
    fake = next(s for s in searches if s.provider == "fake_archive")
    services.search_execute(fake.pk)

    fake.refresh_from_db()
    assert fake.status == SourceSearch.Status.DONE and fake.result_count == 1
    candidate = CandidateSource.objects.get(claim=claim, doi="10.5555/fake.2024.1")
    assert candidate.providers == ["fake_archive"]

    panel = " ".join(_client(editor).get(reverse("sources:panel", args=[claim.pk])).content.decode().split())
    assert "<strong>Fake Archive of Science</strong>: 1 record" in panel
    assert "found by Fake Archive of Science" in panel
    page = _client(editor).get(reverse("claims:claim", args=[claim.pk])).content.decode()
    assert "Fake Archive of Science" in page


def test_find_sources_names_every_enabled_provider(
    editor: Any, claim: Any, fake_provider: registry.ProviderInfo, settings: Any
) -> None:
    settings.FACTCHECK_TOOLS_API_KEY = ""
    response = _client(editor).post(reverse("sources:find", args=[claim.pk]), HTTP_HX_REQUEST="true")
    assert "Searching Crossref, PubMed, Europe PMC, Fake Archive of Science and OpenAlex for sources." in (
        response.content.decode()
    )
    assert set(claim.source_searches.values_list("provider", flat=True)) == {
        "crossref",
        "pubmed",
        "europepmc",
        "fake_archive",
        "openalex",
    }


def test_a_provider_that_needs_a_key_runs_only_with_it(settings: Any) -> None:
    settings.FACTCHECK_TOOLS_API_KEY = ""
    assert "factcheck" not in services.enabled_providers()
    settings.FACTCHECK_TOOLS_API_KEY = "a-key"
    assert services.enabled_providers()[-1] == "factcheck"
    assert registry.label("factcheck") == "Google Fact Check Tools"
