"""Evidence typed by hand (a DOI or PMID) resolved through the providers, in a task after commit.

The workspace tells of such evidence through :data:`claims.hooks.evidence_added`; this module
enqueues the look-up, runs it, and writes the title, authors, journal, year and study card back
through :func:`claims.services.evidence_describe`, so the public page never shows "Untitled source".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims import services as claim_services
from claims.models import Evidence
from factcheck.celery import enqueue_on_commit
from factcheck.errors import ServiceError
from sources import merge
from sources.services import resolve_identifier


def evidence_added(evidence: Any) -> None:
    """Subscribed to :data:`claims.hooks.evidence_added`: look the DOI or PMID up in a task after commit."""
    enqueue_on_commit("sources.tasks.evidence_resolve", evidence.pk)


def evidence_resolve(evidence_id: int) -> None:
    """Resolve evidence typed by hand (a DOI or PMID) through the providers; write it back through claims.

    Runs outside any transaction (the providers may be slow); the write is one short transaction in
    :func:`claims.services.evidence_describe`. Evidence already resolved, or removed, is left alone.
    """
    evidence = Evidence.objects.filter(pk=evidence_id, lookup=Evidence.Lookup.PENDING).first()
    if evidence is None:
        return
    identifier = evidence.doi or evidence.pmid
    try:
        works, problems = resolve_identifier(identifier, interactive=False)
    except ServiceError as exc:
        claim_services.evidence_describe(evidence_id=evidence_id, failure=str(exc))
        return
    if not works:
        failure = (
            _("Could not look up %(id)s: %(problems)s") % {"id": identifier, "problems": " ".join(problems)}
            if problems
            else _("No provider knows %(id)s. Check the DOI or PMID.") % {"id": identifier}
        )
        claim_services.evidence_describe(evidence_id=evidence_id, failure=failure)
        return
    fields = merge.merge(works)
    claim_services.evidence_describe(
        evidence_id=evidence_id,
        title=fields.get("title") or "",
        authors=fields.get("authors") or [],
        journal=fields.get("journal") or "",
        year=fields.get("year"),
        doi=fields.get("doi") or "",
        pmid=fields.get("pmid") or "",
        study=fields.get("study") or {},
    )


@transaction.atomic
def evidence_sweep(*, stuck_after: float | None = None) -> list[int]:
    """Re-enqueue look-ups of evidence still pending after a while (a lost message, a killed worker)."""
    seconds = settings.SOURCES_STUCK_SECONDS if stuck_after is None else stuck_after
    cutoff = timezone.now() - dt.timedelta(seconds=seconds)
    stuck = list(
        Evidence.objects.filter(lookup=Evidence.Lookup.PENDING, lookup_requested_at__lte=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    Evidence.objects.filter(pk__in=stuck).update(lookup_requested_at=timezone.now())
    for evidence_id in stuck:
        enqueue_on_commit("sources.tasks.evidence_resolve", evidence_id)
    return stuck
