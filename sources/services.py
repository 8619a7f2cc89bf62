"""Writes for candidate sources: starting searches, running them, merging, editors' decisions."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from claims import permissions
from claims.models import Claim, ClaimEvent
from factcheck.celery import enqueue_on_commit
from factcheck.errors import ServiceError
from sources import http, merge, normalize, query, ratelimit, registry, study
from sources.models import CandidateSource, SourceSearch
from sources.providers.base import clean_work
from sources.registry import label
from sources.types import ClaimQuery, ProviderError, TransientError, Work

A = ClaimEvent.Action

logger = logging.getLogger(__name__)

MAX_DIRECT_LOOKUPS = 3
CONFIRM_REASONS = {CandidateSource.Reason.CITED_SOURCE, CandidateSource.Reason.RELEVANT_EVIDENCE}
DISPUTE_REASONS = {CandidateSource.Reason.WRONG_PAPER, CandidateSource.Reason.DOES_NOT_SUPPORT}
# A decision without one of its reasons: one sentence per decision, naming its reasons as the form does.
REASON_REFUSALS = {
    CandidateSource.Decision.CONFIRMED: gettext_lazy("Say why: “the cited source” or “relevant evidence”."),
    CandidateSource.Decision.DISPUTED: gettext_lazy("Say why: “does not support the claim” or “wrong paper”."),
}
# The audit note when a confirmed source gains integrity flags (in flag order). Stored in English and shown in
# the reader's language on the claim's timeline (claims.selectors.SYSTEM_NOTE_ACTIONS).
INTEGRITY_NOTES = {
    ("is_retracted",): gettext_noop("A confirmed source is now retracted."),
    ("has_correction",): gettext_noop("A confirmed source is now corrected."),
    ("has_expression_of_concern",): gettext_noop("A confirmed source is now under an expression of concern."),
    ("is_retracted", "has_correction"): gettext_noop("A confirmed source is now retracted and corrected."),
    ("is_retracted", "has_expression_of_concern"): gettext_noop(
        "A confirmed source is now retracted and under an expression of concern."
    ),
    ("has_correction", "has_expression_of_concern"): gettext_noop(
        "A confirmed source is now corrected and under an expression of concern."
    ),
    ("is_retracted", "has_correction", "has_expression_of_concern"): gettext_noop(
        "A confirmed source is now retracted and corrected and under an expression of concern."
    ),
}
UNFINISHED = [SourceSearch.Status.PENDING, SourceSearch.Status.RUNNING]


def enabled_providers() -> list[str]:
    return [provider.name for provider in registry.enabled()]


@transaction.atomic
def searches_start(*, claim: Any, by: Any | None, enqueue: bool = True) -> list[SourceSearch]:
    """Record one pending search per enabled provider and enqueue them after commit.

    ``enqueue=False`` leaves them for the caller to run in its own process (``find_sources --wait``).
    """
    searches = [
        SourceSearch.objects.create(claim=claim, provider=provider, requested_by=by) for provider in enabled_providers()
    ]
    if enqueue:
        for search in searches:
            enqueue_on_commit("sources.tasks.search_run", search.pk)
    return searches


def claim_created(claim: Any, *, by: Any | None, search_sources: bool | None) -> None:
    """Subscribed to :data:`claims.hooks.claim_created`: a new claim starts its searches unless told not to."""
    if search_sources if search_sources is not None else settings.SOURCES_AUTO_SEARCH:
        searches_start(claim=claim, by=by)


@transaction.atomic
def searches_request(*, claim_id: int, by: Any) -> list[SourceSearch]:
    """The "Find sources" button: an editor starts a new round unless one is still running."""
    claim = Claim.objects.select_for_update().get(pk=claim_id)
    permissions.ensure_editor(by, _("Only an editor can search for sources."))
    if claim.source_searches.filter(status__in=UNFINISHED).exists():
        raise ServiceError(_("Sources are already being searched for this claim; the results will appear here."))
    return searches_start(claim=claim, by=by)


@transaction.atomic
def searches_retry(*, claim_id: int, by: Any) -> list[SourceSearch]:
    """ "Try again": ask once more each provider whose latest search for the claim failed.

    Editors and the claim's reviewer may: asking again changes no decision, it only looks.
    """
    claim = Claim.objects.select_for_update().get(pk=claim_id)
    if not (permissions.is_editor(by) or permissions.is_assignee(by, claim)):
        raise ServiceError(_("Only editors and the claim's reviewer can search for its sources again."))
    if claim.source_searches.filter(status__in=UNFINISHED).exists():
        raise ServiceError(_("Sources are already being searched for this claim; the results will appear here."))
    latest = SourceSearch.objects.filter(claim=claim).order_by("provider", "-created_at", "-id").distinct("provider")
    enabled = set(enabled_providers())
    failed = [s.provider for s in latest if s.status == SourceSearch.Status.FAILED and s.provider in enabled]
    if not failed:
        raise ServiceError(_("No search of this claim failed, so there is nothing to try again."))
    searches = [SourceSearch.objects.create(claim=claim, provider=provider, requested_by=by) for provider in failed]
    for search in searches:
        enqueue_on_commit("sources.tasks.search_run", search.pk)
    return searches


def _claim_search(search_id: int) -> int | None:
    """Take a pending search for this worker with a conditional UPDATE; its run number, or None."""
    taken = SourceSearch.objects.filter(pk=search_id, status=SourceSearch.Status.PENDING).update(
        status=SourceSearch.Status.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1, error=""
    )
    if not taken:
        return None
    return SourceSearch.objects.values_list("attempts", flat=True).get(pk=search_id)


def provider_find(provider: str, q: ClaimQuery) -> list[Work]:
    """Everything one provider knows for the cues: known DOIs and PMIDs resolved directly, then a search."""
    info = registry.get(provider)
    module = info.module
    works: list[Work] = []
    for doi in q.dois[:MAX_DIRECT_LOOKUPS]:
        found = module.by_doi(doi)
        if found:
            works.append(found)
    for pmid in q.pmids[:MAX_DIRECT_LOOKUPS]:
        found = module.by_pmid(pmid)
        if found:
            works.append(found)
    # A fact-check database is asked with the claim's own words even when it gives no other cue.
    if q.keywords or q.journals or q.surnames or not info.bibliographic:
        works.extend(module.search(q))
        # Nothing confident yet: a second, broader pass (no journal, words joined by OR).
        if info.bibliographic and not _settled(works, q):
            seen = {_record_key(w) for w in works}
            works.extend(w for w in module.search(q.broadened()) if _record_key(w) not in seen)
    # Whatever module made them, only records that can be stored go on (parsers already clean theirs).
    return [clean_work(work) for work in works]


def _record_key(work: Work) -> tuple[str, str]:
    return (work.doi, work.pmid) if (work.doi or work.pmid) else (work.provider_id, normalize.title_key(work.title))


def _settled(works: list[Work], q: ClaimQuery) -> bool:
    ranked = merge.combine(works, q)
    return bool(ranked) and ranked[0].confident


def search_execute(search_id: int) -> None:
    """Run one provider's search for one claim and merge its records into the claim's candidates.

    Safe to run twice or concurrently: only the run that took the search with a conditional UPDATE
    does anything, and only that same run may finish it. Every failure ends the search with a
    sentence saying why; nothing is left running.
    """
    run = _claim_search(search_id)
    if run is None:
        return
    search = SourceSearch.objects.select_related("claim__article").get(pk=search_id)
    name = label(search.provider)
    q = query.for_claim(search.claim)
    status, error, works = SourceSearch.Status.DONE, "", []
    resting = ratelimit.provider_resting(search.provider)
    if resting is not None:
        until = timezone.localtime(resting.down_until).strftime("%H:%M")
        status = SourceSearch.Status.FAILED
        error = f"{resting.last_error} Skipped until {until} after repeated failures."
    else:
        try:
            works = provider_find(search.provider, q)
        except TransientError as exc:
            ratelimit.provider_failed(search.provider, str(exc))
            status, error = SourceSearch.Status.FAILED, str(exc)
        except ProviderError as exc:
            status, error = SourceSearch.Status.FAILED, str(exc)
        except Exception:
            logger.exception("Source search %s failed", search_id)
            status, error = SourceSearch.Status.FAILED, f"{name} search failed because of an error on our side."
        else:
            ratelimit.provider_succeeded(search.provider)
    try:
        _search_finish(search_id, run=run, status=status, error=error, works=works, q=q)
    except DatabaseError:
        # Its transaction is rolled back; the search must still end, with the reason, never stay "searching".
        logger.exception("Source search %s could not be saved", search_id)
        message = _("%(provider)s sent records that could not be saved, so this search found nothing.")
        _search_fail(search_id, run=run, error=message % {"provider": name})


def _search_fail(search_id: int, *, run: int, error: str) -> None:
    """End the run ``run`` of a search as failed, saying why (only that run may end it)."""
    SourceSearch.objects.filter(pk=search_id, status=SourceSearch.Status.RUNNING, attempts=run).update(
        status=SourceSearch.Status.FAILED, error=error[:2000], finished_at=timezone.now(), results=[], result_count=0
    )


@transaction.atomic
def _search_finish(search_id: int, *, run: int, status: str, error: str, works: list[Work], q: ClaimQuery) -> None:
    search = SourceSearch.objects.get(pk=search_id)
    # One merge at a time per claim: provider searches of the same claim finish concurrently.
    Claim.objects.select_for_update().filter(pk=search.claim_id).first()
    finished = SourceSearch.objects.filter(pk=search_id, status=SourceSearch.Status.RUNNING, attempts=run).update(
        status=status,
        error=error[:2000],
        finished_at=timezone.now(),
        results=[w.to_dict() for w in works],
        result_count=len(works),
        query=q.to_dict(),
    )
    if finished:
        candidates_merge(claim_id=search.claim_id, q=q)


def _latest_results(claim_id: int) -> list[Work]:
    latest = (
        SourceSearch.objects.filter(claim_id=claim_id, status=SourceSearch.Status.DONE)
        .order_by("provider", "-finished_at", "-id")
        .distinct("provider")
        .values_list("results", flat=True)
    )
    return [Work.from_dict(item) for results in latest for item in results if isinstance(item, dict)]


def _as_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def _web_link(url: str) -> str:
    """Only http(s) links from providers reach a page: a javascript: URL from outside would be a script."""
    url = url.strip()[:2000]
    return url if url.lower().startswith(("https://", "http://")) else ""


def _candidate_values(fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": fields.get("title") or "",
        "authors": fields.get("authors") or [],
        "journal": (fields.get("journal") or "")[:500],
        "year": fields.get("year") if isinstance(fields.get("year"), int) and 0 < fields["year"] < 10000 else None,
        "published_on": _as_date(fields.get("published_on") or ""),
        "abstract": fields.get("abstract") or "",
        "url": _web_link(fields.get("url") or ""),
        "work_type": (fields.get("work_type") or "")[:40],
        "volume": (fields.get("volume") or "")[:40],
        "issue": (fields.get("issue") or "")[:40],
        "pages": (fields.get("pages") or "")[:60],
        "is_retracted": bool(fields.get("is_retracted")),
        "has_correction": bool(fields.get("has_correction")),
        "has_expression_of_concern": bool(fields.get("has_expression_of_concern")),
        "is_preprint": bool(fields.get("is_preprint")),
        "updates": fields.get("updates") or [],
        "study": fields.get("study") or {},
    }


def _match(existing: list[CandidateSource], fields: dict[str, Any]) -> CandidateSource | None:
    for name in ("doi", "pmid", "pmcid"):
        wanted = fields.get(name)
        if wanted:
            for candidate in existing:
                if getattr(candidate, name) == wanted:
                    return candidate
    if not any(fields.get(name) for name in ("doi", "pmid", "pmcid")) and fields.get("title"):
        title = fields["title"].casefold()
        return next((c for c in existing if not c.doi and c.title.casefold() == title), None)
    return None


def candidate_upsert(
    *,
    claim_id: int,
    fields: dict[str, Any],
    score: float | None,
    reasons: list[str],
    existing: list[CandidateSource] | None = None,
    features: dict[str, float] | None = None,
) -> CandidateSource:
    """Insert or update one publication of a claim, keyed by DOI, else PMID/PMCID, else title.

    The editor's decision is never touched; identifiers are only filled in, never overwritten, and
    integrity flags once raised stay raised. ``existing`` (the claim's publications) saves queries
    when many are upserted at once; a row is written only when something changed.
    """
    if existing is None:
        existing = list(CandidateSource.objects.filter(claim_id=claim_id, kind=CandidateSource.Kind.PUBLICATION))
    values = _candidate_values(fields)
    candidate = _match(existing, fields)
    created = candidate is None
    if candidate is None:
        candidate = CandidateSource(claim_id=claim_id, kind=CandidateSource.Kind.PUBLICATION)
    before = {f.attname: getattr(candidate, f.attname) for f in CandidateSource._meta.concrete_fields}
    for name in ("doi", "pmid", "pmcid"):
        wanted = fields.get(name) or ""
        taken = any(getattr(c, name) == wanted for c in existing if c is not candidate)
        if wanted and not getattr(candidate, name) and not taken:
            setattr(candidate, name, wanted)
    for name, value in values.items():
        if name.startswith(("is_", "has_")):
            setattr(candidate, name, bool(value) or getattr(candidate, name))
        elif value not in ("", None, []):
            setattr(candidate, name, value)
    candidate.providers = sorted(set(candidate.providers) | set(fields.get("providers") or []))
    if score is not None:
        candidate.score = score
        candidate.reasons = reasons
        if features is not None:
            candidate.features = features
    after = {f.attname: getattr(candidate, f.attname) for f in CandidateSource._meta.concrete_fields}
    if created or after != before:
        candidate.save()
    if created:
        existing.append(candidate)
    return candidate


def candidates_merge(*, claim_id: int, q: ClaimQuery | None = None) -> list[CandidateSource]:
    """Rebuild the claim's candidate list from the latest finished search of each provider.

    Idempotent: the same results give the same rows. Call with the claim row locked.
    """
    if q is None:
        q = query.for_claim(Claim.objects.select_related("article").get(pk=claim_id))
    works = _latest_results(claim_id)
    existing = list(CandidateSource.objects.filter(claim_id=claim_id, kind=CandidateSource.Kind.PUBLICATION))
    saved = [
        candidate_upsert(
            claim_id=claim_id, fields=m.fields, score=m.score, reasons=m.reasons, existing=existing, features=m.features
        )
        for m in merge.combine(works, q)
    ]
    candidates_rerank(existing)
    for work in works:
        if work.kind != "fact_check" or not work.url:
            continue
        score, reasons = merge.rank_fact_check(work, q)
        candidate, _created = CandidateSource.objects.update_or_create(
            claim_id=claim_id,
            kind=CandidateSource.Kind.FACT_CHECK,
            url=work.url[:2000],
            defaults={
                "title": work.title,
                "authors": work.authors,
                "publisher": work.publisher[:300],
                "textual_rating": work.textual_rating[:500],
                "review_date": _as_date(work.review_date),
                "abstract": work.claim_text,
                "providers": [work.provider],
                "work_type": "fact-check",
                "score": score,
                "reasons": reasons,
            },
        )
        saved.append(candidate)
    return saved


def _candidate_fields(candidate: CandidateSource) -> dict[str, Any]:
    return {"doi": candidate.doi, "pmid": candidate.pmid, "title": candidate.title}


def candidates_rerank(publications: list[CandidateSource]) -> None:
    """Place the claim's publications best first and mark the confident one; writes only rows that change.

    Ties are broken by how many cues agree and then by a stable key (DOI, PMID, title), never by
    which provider answered first.
    """
    ordered = sorted(publications, key=lambda c: merge.order_key(c.score, c.features or {}, _candidate_fields(c)))
    best = runner = None
    if ordered:
        best = merge.Merged(records=[], score=ordered[0].score, features=ordered[0].features or {})
    if len(ordered) > 1:
        runner = merge.Merged(records=[], score=ordered[1].score, features=ordered[1].features or {})
    confident = best is not None and merge.is_confident(best, runner)
    changed = []
    for place, candidate in enumerate(ordered, start=1):
        sure = confident and place == 1
        if candidate.rank != place or candidate.confident != sure:
            candidate.rank, candidate.confident = place, sure
            changed.append(candidate)
    if changed:
        CandidateSource.objects.bulk_update(changed, ["rank", "confident"])


def _audit(candidate: CandidateSource, *, by: Any, action: str, note: str, data: dict[str, Any]) -> None:
    ClaimEvent.objects.create(
        claim_id=candidate.claim_id,
        actor=by,
        kind=ClaimEvent.Kind.SOURCE,
        action=action,
        note=note,
        data={
            "candidate_id": candidate.pk,
            "doi": candidate.doi,
            "pmid": candidate.pmid,
            "title": candidate.title[:300],
            **data,
        },
    )


@transaction.atomic
def candidate_decide(*, candidate_id: int, by: Any, decision: str, reason: str, note: str = "") -> CandidateSource:
    """An editor confirms or disputes a candidate, with a reason and a note; audited and revisable."""
    candidate = CandidateSource.objects.select_for_update().get(pk=candidate_id)
    permissions.ensure_editor(by, _("Only an editor can confirm or dispute a source."))
    if decision == CandidateSource.Decision.CONFIRMED:
        allowed = CONFIRM_REASONS
    elif decision == CandidateSource.Decision.DISPUTED:
        allowed = DISPUTE_REASONS
    else:
        raise ServiceError(_("Choose whether to confirm or to dispute this source."))
    if reason not in allowed:
        raise ServiceError(str(REASON_REFUSALS[decision]))
    note = note.strip()
    if decision == CandidateSource.Decision.DISPUTED and candidate.evidence.exists():
        raise ServiceError(
            _(
                "This source is attached as evidence to the verdict; the reviewer must remove it before it can be "
                "disputed."
            )
        )
    previous = {"decision": candidate.decision, "reason": candidate.decision_reason, "note": candidate.decision_note}
    if previous == {"decision": decision, "reason": reason, "note": note}:
        return candidate
    candidate.decision = decision
    candidate.decision_reason = reason
    candidate.decision_note = note
    candidate.decided_by = by
    candidate.decided_at = timezone.now()
    candidate.save(
        update_fields=["decision", "decision_reason", "decision_note", "decided_by", "decided_at", "updated_at"]
    )
    first_time = previous["decision"] == CandidateSource.Decision.SUGGESTED
    if decision == CandidateSource.Decision.CONFIRMED:
        action = A.SOURCE_CONFIRMED if first_time else A.SOURCE_RECONFIRMED
    else:
        action = A.SOURCE_DISPUTED if first_time else A.SOURCE_REDISPUTED
    _audit(
        candidate,
        by=by,
        action=action,
        note=note,
        data={"decision": decision, "reason": reason, "previous": previous},
    )
    return candidate


def resolve_identifier(identifier: str, *, interactive: bool = True) -> tuple[list[Work], list[str]]:
    """Ask every bibliographic provider about a DOI or PMID; the records found and the failures met."""
    doi = normalize.doi(identifier)
    pmid = "" if doi else normalize.pmid(identifier)
    if not doi and not pmid:
        raise ServiceError(
            _("“%(id)s” is neither a DOI (like 10.1001/jamapsychiatry.2022.2996) nor a PMID (digits only).")
            % {"id": identifier[:100]}
        )
    works: list[Work] = []
    problems: list[str] = []
    for provider in registry.bibliographic():
        resting = ratelimit.provider_resting(provider.name)
        if resting is not None:
            problems.append(
                resting.last_error
                or _("%(provider)s is resting after repeated failures.") % {"provider": provider.label}
            )
            continue
        try:
            with http.interactive() if interactive else contextlib.nullcontext():
                found = provider.module.by_doi(doi) if doi else provider.module.by_pmid(pmid)
        except ProviderError as exc:
            problems.append(str(exc))
            continue
        if found:
            works.append(found)
    return works, problems


def candidate_add(*, claim_id: int, identifier: str, by: Any) -> CandidateSource:
    """An editor adds a source by DOI or PMID, resolved through the providers (outside any transaction)."""
    claim = Claim.objects.select_related("article").get(pk=claim_id)
    permissions.ensure_editor(by, _("Only an editor can add a source."))
    identifier = identifier.strip()
    if not identifier:
        raise ServiceError(_("Enter a DOI or a PMID to add a source."))
    works, problems = resolve_identifier(identifier)
    if not works:
        if problems:
            raise ServiceError(
                _("Could not look up “%(id)s”: %(problems)s") % {"id": identifier[:100], "problems": " ".join(problems)}
            )
        raise ServiceError(_("No provider knows “%(id)s”. Check the DOI or PMID.") % {"id": identifier[:100]})
    fields = merge.merge(works)
    fields["providers"] = sorted({*fields["providers"], registry.MANUAL})
    found, reasons = merge.features(fields, query.for_claim(claim))
    with transaction.atomic():
        Claim.objects.select_for_update().filter(pk=claim_id).first()
        existing = list(CandidateSource.objects.filter(claim_id=claim_id, kind=CandidateSource.Kind.PUBLICATION))
        candidate = candidate_upsert(
            claim_id=claim_id,
            fields=fields,
            score=merge.score_of(found),
            reasons=[_("added by an editor"), *reasons],
            existing=existing,
            features=found,
        )
        candidates_rerank(existing)
        _audit(candidate, by=by, action=A.SOURCE_ADDED, note=identifier[:200], data={"identifier": identifier[:200]})
    return candidate


@transaction.atomic
def searches_sweep(*, stuck_after: float | None = None) -> list[int]:
    """Re-enqueue searches stuck pending or running (a lost message, a killed worker); give up after a few runs."""
    seconds = settings.SOURCES_STUCK_SECONDS if stuck_after is None else stuck_after
    cutoff = timezone.now() - dt.timedelta(seconds=seconds)
    SourceSearch.objects.filter(
        status=SourceSearch.Status.RUNNING, started_at__lte=cutoff, attempts__gte=settings.SOURCES_MAX_SEARCH_RUNS
    ).update(
        status=SourceSearch.Status.FAILED,
        finished_at=timezone.now(),
        error=f"Gave up after {settings.SOURCES_MAX_SEARCH_RUNS} tries: the search never finished.",
    )
    abandoned = list(
        SourceSearch.objects.select_for_update(skip_locked=True)
        .filter(status=SourceSearch.Status.RUNNING, started_at__lte=cutoff)
        .values_list("pk", flat=True)
    )
    SourceSearch.objects.filter(pk__in=abandoned, status=SourceSearch.Status.RUNNING).update(
        status=SourceSearch.Status.PENDING
    )
    waiting = SourceSearch.objects.filter(status=SourceSearch.Status.PENDING, created_at__lte=cutoff)
    stuck = sorted({*abandoned, *waiting.values_list("pk", flat=True)})
    for search_id in stuck:
        enqueue_on_commit("sources.tasks.search_run", search_id)
    return stuck


def integrity_recheck(*, candidate_ids: list[int] | None = None) -> int:
    """Re-read the retraction and correction status of confirmed sources from Crossref and OpenAlex."""
    confirmed = CandidateSource.objects.filter(decision=CandidateSource.Decision.CONFIRMED).exclude(doi="")
    if candidate_ids is not None:
        confirmed = confirmed.filter(pk__in=candidate_ids)
    checked = 0
    for candidate in confirmed.iterator():
        records: list[Work] = []
        for provider in registry.bibliographic():
            if not provider.checks_integrity:
                continue
            try:
                found = provider.module.by_doi(candidate.doi, use_cache=False)
            except ProviderError as exc:
                logger.warning("Integrity re-check of %s at %s failed: %s", candidate.doi, provider.name, exc)
                continue
            if found:
                records.append(found)
        if not records:
            continue
        _integrity_update(candidate.pk, records)
        checked += 1
    return checked


@transaction.atomic
def _integrity_update(candidate_id: int, records: list[Work]) -> None:
    candidate = CandidateSource.objects.select_for_update().get(pk=candidate_id)
    fields = merge.merge(records)
    newly = [
        flag
        for flag in ("is_retracted", "has_correction", "has_expression_of_concern")
        if fields[flag] and not getattr(candidate, flag)
    ]
    for flag in ("is_retracted", "has_correction", "has_expression_of_concern"):
        setattr(candidate, flag, getattr(candidate, flag) or fields[flag])
    known = {(u.get("type"), u.get("notice_doi") or u.get("provider")) for u in candidate.updates}
    candidate.updates = [
        *candidate.updates,
        *[u for u in fields["updates"] if (u.get("type"), u.get("notice_doi") or u.get("provider")) not in known],
    ]
    if candidate.study:
        # The card's kind stays; its integrity part follows the flags and notices.
        fresh = study.card({**_candidate_fields(candidate), "updates": candidate.updates, "journal": candidate.journal,
                            "is_retracted": candidate.is_retracted, "has_correction": candidate.has_correction,
                            "has_expression_of_concern": candidate.has_expression_of_concern})  # fmt: skip
        candidate.study = {**candidate.study, **{k: fresh[k] for k in ("retracted", "corrected", "concern", "notices")}}
    candidate.integrity_checked_at = timezone.now()
    candidate.save()
    if newly:
        _audit(candidate, by=None, action=A.SOURCE_INTEGRITY, note=INTEGRITY_NOTES[tuple(newly)], data={"flags": newly})
