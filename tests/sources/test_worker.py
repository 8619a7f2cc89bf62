"""Real workers on the real broker (filesystem by default, Redis when CELERY_BROKER_URL says so)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from sources import services
from sources.models import CandidateSource, SourceSearch
from sources.tasks import search_run
from tests.factories import SourceSearchFactory
from tests.sources.conftest import BOTTEMANNE_DOI, PROVIDER_SETTINGS, data, serve_ketamine
from tests.worker import celery_worker, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def threaded_server() -> Iterator[HTTPServer]:
    # A server of its own that answers concurrently, so one stalled request does not block the rest.
    server = HTTPServer(threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


def _worker_env(server: HTTPServer) -> dict[str, str]:
    env = {setting: server.url_for(f"/{provider}") for provider, setting in PROVIDER_SETTINGS.items()}
    return {**env, "SOURCES_BACKOFF_SECONDS": "0.05", "FACTCHECK_TOOLS_API_KEY": "", "LOG_LEVEL": "WARNING"}


def _finished(ids: list[int]) -> bool:
    return not SourceSearch.objects.filter(pk__in=ids, status__in=["pending", "running"]).exists()


def test_a_real_worker_runs_the_searches_of_a_new_claim(threaded_server: HTTPServer, jama_claim: Any) -> None:
    serve_ketamine(threaded_server)
    searches = services.searches_start(claim=jama_claim, by=None)  # enqueued on commit (autocommit here)
    ids = [s.pk for s in searches]
    with celery_worker(extra_env=_worker_env(threaded_server)):
        finished = wait_for(lambda: _finished(ids), timeout=60)
    assert finished, list(SourceSearch.objects.filter(pk__in=ids).values_list("provider", "status", "error"))
    assert set(SourceSearch.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"done"}
    top = CandidateSource.objects.filter(claim=jama_claim).order_by("-score").first()
    assert top.doi == BOTTEMANNE_DOI and len(top.providers) == 4


def test_a_search_survives_a_killed_worker_and_completes_exactly_once(
    threaded_server: HTTPServer, jama_claim: Any
) -> None:
    arrived, release = threading.Event(), threading.Event()
    calls: list[str] = []

    def crossref_search(request: Request) -> Response:
        calls.append(request.path)
        if len(calls) == 1:
            arrived.set()
            release.wait(timeout=30)  # the first worker dies while waiting here
        return Response(data("crossref/search_ketamine.json"), content_type="application/json")

    threaded_server.expect_request("/crossref/works").respond_with_handler(crossref_search)
    search = SourceSearchFactory(claim=jama_claim, provider="crossref")
    search_run.delay(search.pk)
    env = _worker_env(threaded_server)

    with celery_worker(extra_env=env) as first:
        assert arrived.wait(timeout=60), "the first worker never reached the provider"
        first.kill()
        first.wait()
    release.set()
    search.refresh_from_db()
    assert (search.status, search.attempts) == ("running", 1)

    # The beat sweep finds the stuck search and enqueues it again; a second worker completes it.
    assert services.searches_sweep(stuck_after=0) == [search.pk]
    with celery_worker(extra_env=env):
        finished = wait_for(lambda: _finished([search.pk]), timeout=60)
        # Anything redelivered late must find the search done and do nothing.
        search_run.delay(search.pk)
        wait_for(lambda: False, timeout=2)
    search.refresh_from_db()
    assert finished and (search.status, search.attempts, search.error) == ("done", 2, "")
    assert len(calls) == 2
    assert CandidateSource.objects.filter(claim=jama_claim, doi=BOTTEMANNE_DOI).count() == 1
    assert CandidateSource.objects.filter(claim=jama_claim).count() == 5
