"""The daily retraction re-check of confirmed sources, and the sweep of stuck searches."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
from django.utils import timezone
from pytest_httpserver import HTTPServer

from claims.models import ClaimEvent
from sources import ratelimit, services
from sources.models import SourceSearch
from tests.factories import CandidateSourceFactory, SourceSearchFactory
from tests.sources.conftest import data

pytestmark = pytest.mark.django_db
RETRACTED_DOI = "10.5555/psychmed.2019.0099"


def test_recheck_flags_a_confirmed_source_retracted_since(fake_apis: HTTPServer, editor: Any) -> None:
    candidate = CandidateSourceFactory(
        doi=RETRACTED_DOI, decision="confirmed", decision_reason="cited_source", decided_by=editor,
        decided_at=timezone.now(),
    )  # fmt: skip
    fake_apis.expect_request(f"/crossref/works/{RETRACTED_DOI}").respond_with_data(data("crossref/work_retracted.json"))
    fake_apis.expect_request(f"/openalex/works/doi:{RETRACTED_DOI}").respond_with_data(
        data("openalex/work_retracted.json")
    )
    assert services.integrity_recheck() == 1
    candidate.refresh_from_db()
    assert candidate.is_retracted and candidate.has_correction and candidate.integrity_checked_at
    event = ClaimEvent.objects.get(claim=candidate.claim, kind="source", action="integrity")
    assert event.note == "A confirmed source is now retracted and corrected."
    # A second run fetches afresh but reports nothing new.
    assert services.integrity_recheck() == 1
    assert ClaimEvent.objects.filter(claim=candidate.claim, action="integrity").count() == 1
    assert len(fake_apis.log) == 4


def test_sweep_requeues_stuck_searches_and_gives_up_after_a_few_runs(
    settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    old = timezone.now() - dt.timedelta(hours=1)
    stuck_running = SourceSearchFactory(status="running", started_at=old, attempts=1)
    stuck_pending = SourceSearchFactory(provider="pubmed")
    SourceSearch.objects.filter(pk=stuck_pending.pk).update(created_at=old)
    hopeless = SourceSearchFactory(provider="openalex", status="running", started_at=old, attempts=3)
    fresh = SourceSearchFactory(provider="europepmc", status="running", started_at=timezone.now(), attempts=1)
    with django_capture_on_commit_callbacks() as callbacks:
        requeued = services.searches_sweep()
    assert sorted(requeued) == sorted([stuck_running.pk, stuck_pending.pk])
    assert len(callbacks) == 2
    statuses = dict(SourceSearch.objects.values_list("pk", "status"))
    assert statuses[fresh.pk] == "running" and statuses[stuck_running.pk] == "pending"
    hopeless.refresh_from_db()
    assert hopeless.status == "failed" and hopeless.error.startswith("Gave up after 3 tries")


def test_rate_limit_slots_are_spaced_for_every_caller(settings: Any) -> None:
    settings.SOURCES_RATE_LIMITS = {"crossref:search": 20.0}
    started = time.monotonic()
    waits = [ratelimit.wait_for_slot("crossref:search") for _ in range(5)]
    # 20 a second: five callers take four intervals of 50 ms, whoever they are.
    assert 0.18 <= time.monotonic() - started < 0.6
    assert waits[0] < 0.01
    assert ratelimit.bucket("pubmed:single") == ("pubmed", 0.0)
