"""Publishing a check: the snapshot, its versions, withdrawal, corrections and readers' error reports.

The writes; the reads the public and workspace pages share are in ``claims.publishing.selectors``. The public page
renders from ``CheckVersion.snapshot`` alone, so nothing edited in the workspace after publishing
reaches readers until an editor publishes again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from claims import hooks, permissions
from claims.models import (
    VERDICT_APPROVED,
    Article,
    Check,
    CheckVersion,
    Claim,
    ClaimEvent,
    ClaimStatus,
    ErrorReport,
    Evidence,
    Rating,
    display_name,
)
from claims.publishing import wording
from claims.publishing.jsonld import public_check_url
from claims.publishing.models import PublicRevision
from claims.publishing.selectors import article_claims_for_publishing
from claims.workflow import transition
from factcheck import proxies
from factcheck.celery import enqueue_on_commit
from factcheck.errors import ServiceError
from factcheck.text import normalise_doi

A = ClaimEvent.Action

# 2: ratings with their translations, stances and confidence as keys, corrections as change records.
SNAPSHOT_SCHEMA = 2
ERROR_REPORTS_PER_HOUR = 5


# ---------------------------------------------------------------------------------------------
# Small helpers


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


format_day = wording.format_day  # "1 December 2026" in the active language


def clip(text: str, limit: int = 80) -> str:
    """``text`` in at most ``limit`` characters, cut between words (never "depres"), with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


# ---------------------------------------------------------------------------------------------
# Readiness


class NotReady(ServiceError):
    """Publishing refused because of blockers (:func:`publish_blockers` lists them)."""


@dataclass(frozen=True)
class Blocker:
    claim_id: int | None
    message: str
    # The editor wrote this verdict: another editor must publish (the page offers no Publish button).
    own_verdict: bool = False


def publish_blockers(
    check: Check,
    claims: list[Claim] | None = None,
    *,
    headline: str | None = None,
    excluded: set[int] | None = None,
    by: Any | None = None,
) -> list[Blocker]:
    """Everything that stops ``check`` from being published, each as a sentence; empty when ready.

    ``headline`` and ``excluded`` judge what the editor has typed but not saved yet (a check with
    no draft is an unsaved ``Check(article=...)``). With ``by``, a claim whose verdict ``by`` wrote
    blocks too: nobody publishes their own verdict.
    """
    claims = claims if claims is not None else article_claims_for_publishing(check.article)
    if excluded is None:
        excluded = {c.pk for c in check.excluded_claims.all()} if check.pk else set()
    blockers: list[Blocker] = []
    if not (check.headline if headline is None else headline).strip():
        blockers.append(Blocker(None, "Write a headline for the check."))
    included = [c for c in claims if c.pk not in excluded]
    if not included:
        blockers.append(Blocker(None, "Every claim is left out; include at least one claim with an approved verdict."))
    for claim in claims:
        if claim.pk in excluded:
            continue
        verdict = getattr(claim, "verdict", None)
        label = f"{claim.label} (“{clip(claim.text)}”)"
        if claim.status not in VERDICT_APPROVED:
            state = ClaimStatus(claim.status).label.lower()
            blockers.append(
                Blocker(claim.pk, f"{label} is {state}; it needs an approved verdict, or leave it out of the check.")
            )
        elif verdict is None or verdict.rating_id is None:
            blockers.append(Blocker(claim.pk, f"{label} has no rated verdict; leave it out or reopen it."))
        elif by is not None and permissions.wrote_verdict(by, claim):
            message = _(
                "%(claim)s: you wrote its verdict, so you cannot publish it yourself. Another editor must "
                "publish the check, or leave the claim out."
            ) % {"claim": label}
            blockers.append(Blocker(claim.pk, message, own_verdict=True))
    return blockers


# ---------------------------------------------------------------------------------------------
# The snapshot


def _evidence_row(ev: Evidence) -> dict[str, Any]:
    cand = ev.candidate
    doi = normalise_doi(cand.doi if cand and cand.doi else ev.doi)
    return {
        "title": (ev.title or (cand.title if cand else "")).strip(),
        "authors": list(ev.authors or (cand.authors if cand else [])),
        "journal": ev.journal or (cand.journal if cand else ""),
        "year": ev.year or (cand.year if cand else None),
        "pmid": ev.pmid or (cand.pmid if cand else ""),
        # The study card as it stood when published (see claims.studies); older snapshots have none.
        # A confirmed source's own card wins: the daily re-check keeps its retraction notices current.
        "study": dict((cand.study if cand and cand.study else ev.study) or {}),
        "doi": doi,
        "doi_url": f"https://doi.org/{doi}" if doi else "",
        "url": ev.url or (cand.url if cand else ""),
        "kind": cand.kind if cand else "publication",
        "publisher": cand.publisher if cand else "",
        "textual_rating": cand.textual_rating if cand else "",
        # The key: the page names the stance in the newsroom's language (schema 1 kept "stance_label").
        "stance": ev.stance,
        "quote": ev.quote,
        "locator": ev.locator,
        "is_retracted": bool(cand and cand.is_retracted),
        "has_correction": bool(cand and cand.has_correction),
        "has_expression_of_concern": bool(cand and cand.has_expression_of_concern),
        "is_preprint": bool(cand and cand.is_preprint),
    }


def _earlier_check(claim: Claim) -> dict[str, Any] | None:
    """Where readers find the newsroom's earlier check of the same claim, when it is published."""
    earlier = claim.same_as
    if earlier is None or earlier.article_id == claim.article_id:
        return None
    check = getattr(earlier.article, "check_page", None)
    if check is None or check.status != Check.Status.PUBLISHED or check.current_version is None:
        return None
    snapshot = check.current_version.snapshot
    row = next((r for r in snapshot.get("claims", []) if r.get("claim_id") == earlier.pk), None)
    if row is None:
        return None
    return {
        "url": f"{public_check_url(check.slug)}#{row['anchor']}",
        "headline": snapshot.get("headline", ""),
        "rating": row["rating"],
        "published_at": snapshot.get("first_published_at", ""),
    }


def _rating_row(rating: Rating) -> dict[str, Any]:
    """A rating as data: the page shows its label in any language from ``translations``."""
    return {
        "label": rating.label,
        "value": rating.value,
        "colour": rating.colour,
        "description": rating.description,
        "translations": dict(rating.translations or {}),
    }


def snapshot_build(check: Check, *, by: Any, at: dt.datetime, version: int) -> dict[str, Any]:
    """Everything the public page shows, frozen: article, texts, claims, verdicts, evidence, names, scale.

    Excluded claims (and so the names of whoever worked on them) never enter the snapshot.
    """
    article = check.article
    excluded = set(check.excluded_claims.values_list("pk", flat=True))
    claims = list(
        # Only claims with an approved, rated verdict; publishing refuses earlier, a preview skips them.
        article.claims.exclude(pk__in=excluded)
        .filter(status__in=VERDICT_APPROVED, verdict__rating__isnull=False)
        .select_related(
            "verdict__rating",
            "verdict__author",
            "verdict__approved_by",
            "same_as__article__check_page__current_version",
        )
        .prefetch_related(
            Prefetch("verdict__evidence", queryset=Evidence.objects.select_related("candidate").order_by("id"))
        )
        .order_by("span_start", "id")
    )
    rows = []
    reviewers: list[str] = []
    editors: list[str] = []
    for claim in claims:
        # The claim's own number in the article, the one every workspace page and email uses; claims
        # left out leave gaps rather than shifting the numbers readers and editors share.
        number = claim.number
        verdict = claim.verdict
        reviewer = display_name(verdict.author)
        approver = display_name(verdict.approved_by)
        for name, bucket in ((reviewer, reviewers), (approver, editors)):
            if name and name not in bucket:
                bucket.append(name)
        rows.append(
            {
                "number": number,
                "anchor": f"claim-{number}",
                "claim_id": claim.pk,
                "text": claim.text,
                "quote": claim.quote.strip(),
                "claimant": claim.claimant,
                "rating": _rating_row(verdict.rating),
                "explanation": verdict.explanation,
                "confidence": verdict.confidence or "",  # the key; schema 1 kept the English label
                "reviewer": reviewer,
                "approved_by": approver,
                "approved_at": _iso(verdict.approved_at),
                "evidence": [_evidence_row(ev) for ev in verdict.evidence.all()],
                "same_as": _earlier_check(claim),
            }
        )
    publisher = display_name(by)
    if publisher and publisher not in editors:
        editors.append(publisher)
    scale = [_rating_row(r) for r in Rating.objects.filter(is_active=True).order_by("-value")]
    used = {row["rating"]["value"]: row["rating"] for row in rows}
    for value, rating in used.items():
        # A retired rating still used by a claim stays explained in the methodology.
        if all(s["value"] != value for s in scale):
            scale.append(rating)
    scale.sort(key=lambda s: -s["value"])
    values = [s["value"] for s in scale]
    first = check.first_published_at or at
    return {
        "schema": SNAPSHOT_SCHEMA,
        "version": version,
        "slug": check.slug,
        "headline": check.headline.strip(),
        "summary": check.summary.strip(),
        "assessment": check.assessment.strip(),
        "article": {
            "title": article.title,
            "outlet": article.outlet,
            "authors": article.authors,
            "url": article.url,
            "published_on": _iso(article.published_on),
        },
        "claims": rows,
        "reviewers": reviewers,
        "editors": editors,
        "scale": scale,
        "best_rating": max(values) if values else 1,
        "worst_rating": min(values) if values else 1,
        "first_published_at": first.isoformat(),
        "published_at": at.isoformat(),
        "corrections": [],
    }


def snapshot_changes(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """What changed between two snapshots, as change records (``wording.change_clause`` words them)."""
    changes: list[dict[str, Any]] = []
    old_claims = {c["claim_id"]: c for c in old.get("claims", [])}
    new_claims = {c["claim_id"]: c for c in new.get("claims", [])}
    for claim in new.get("claims", []):
        before = old_claims.get(claim["claim_id"])
        n = claim["number"]
        if before is None:
            changes.append({"kind": "claim_added", "number": n, "text": clip(claim["text"]), "rating": claim["rating"]})
            continue
        if before["rating"]["label"] != claim["rating"]["label"] or before["rating"].get("value") != claim[
            "rating"
        ].get("value"):
            changes.append({"kind": "rating_changed", "number": n, "from": before["rating"], "to": claim["rating"]})
        if before["number"] != n:
            changes.append({"kind": "claim_renumbered", "number": n, "before": before["number"]})
        if before["text"] != claim["text"]:
            changes.append({"kind": "wording_revised", "number": n})
        if before["explanation"] != claim["explanation"]:
            changes.append({"kind": "explanation_revised", "number": n})
        old_ev = {(e["doi"], e["url"], e["title"], e["stance"]) for e in before["evidence"]}
        new_ev = {(e["doi"], e["url"], e["title"], e["stance"]) for e in claim["evidence"]}
        if old_ev != new_ev:
            changes.append({"kind": "evidence_updated", "number": n})
    for claim_id, before in old_claims.items():
        if claim_id not in new_claims:
            changes.append({"kind": "claim_removed", "number": before["number"], "text": clip(before["text"])})
    for key in ("headline", "summary", "assessment"):
        if old.get(key, "") != new.get(key, ""):
            changes.append({"kind": f"{key}_revised"})
    return changes


def snapshot_diff(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The factual part of a correction note in the active language: what changed, in plain words."""
    return [wording.change_clause(change) for change in snapshot_changes(old, new)]


def correction_note_compose(changes: list[dict[str, Any] | str], reason: str) -> str:
    """'The rating of claim 3 changed from A to B because a reader pointed out …', in the active language.

    ``changes`` are change records (:func:`snapshot_changes`) or clauses already worded.
    """
    return wording.correction_sentence(changes, reason)


# ---------------------------------------------------------------------------------------------
# The public revision


def public_revision_bump() -> None:
    """Move the public revision on, in the caller's transaction (it shows when the change commits).

    Every web process empties its memory of public pages within ``PUBLIC_REFRESH_SECONDS`` of seeing
    it move, and a CDN in front, if one is configured, is told to purge after commit.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {PublicRevision._meta.db_table} (id, number, changed_at) VALUES (1, 1, now()) "  # noqa: S608
            f"ON CONFLICT (id) DO UPDATE SET number = {PublicRevision._meta.db_table}.number + 1, changed_at = now()"
        )


def public_revision() -> int:
    """The current public revision (0 before anything was ever published)."""
    return PublicRevision.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def public_generation() -> str:
    """A token that changes whenever anything public changes; keys the shared cache of lists and feeds."""
    return f"{public_revision()}-{wording.newsroom_language()}"


def check_cache_key(check: Check) -> str:
    return f"public:check:{check.pk}:{check.current_version_id}:{check.status}:{wording.newsroom_language()}"


def _public_changed(check: Check) -> None:
    """Everything a publish or a withdrawal does for the public copies: one revision, one purge."""
    public_revision_bump()
    if settings.CDN_PURGE_URL:
        enqueue_on_commit("claims.publishing.tasks.cdn_purge", check.slug)


# ---------------------------------------------------------------------------------------------
# Services


SLUG_ATTEMPTS = 5


def _unique_slug(article: Article) -> str:
    base = slugify(article.title)[:100].strip("-") or f"check-{article.pk}"
    slug, n = base, 2
    while Check.objects.filter(slug=slug).exclude(article=article).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _create_with_unique_slug(check: Check) -> None:
    """Insert a new check under a free slug. Two articles with the same title saved at the same moment
    both find the slug free; the unique index lets one in and the other tries the next slug."""
    for _attempt in range(SLUG_ATTEMPTS):
        check.slug = _unique_slug(check.article)
        try:
            with transaction.atomic():
                check.save()
        except IntegrityError:
            continue  # the other save committed meanwhile: the next look sees its slug
        return
    raise ServiceError(_("Other checks took this address at the same moment. Save the draft again."))


@transaction.atomic
def check_prepare(
    *,
    article_id: int,
    by: Any,
    headline: str,
    summary: str,
    assessment: str,
    excluded_claim_ids: list[int],
) -> Check:
    """Save the editor's draft of the check: texts and which claims to leave out. Publishes nothing."""
    permissions.ensure_editor(by, "Only an editor can prepare a check for publication.")
    # Lock the article, then read its check: two first saves at once wait for each other instead of
    # both inserting a check (the second finds the first one's and updates it).
    article = Article.objects.select_for_update().get(pk=article_id)
    check = Check.objects.select_for_update().filter(article=article).first()
    if check is None:
        check = Check(article=article)
    if len(headline.strip()) > 300:
        raise ServiceError("The headline is too long; keep it under 300 characters.")
    check.headline = headline.strip()
    check.summary = summary.strip()
    check.assessment = assessment.strip()
    if check.pk is None:
        _create_with_unique_slug(check)
    else:
        check.save()
    valid = set(article.claims.filter(pk__in=excluded_claim_ids).values_list("pk", flat=True))
    if set(excluded_claim_ids) - valid:
        raise ServiceError("One of the claims to leave out is not part of this article.")
    check.excluded_claims.set(sorted(valid))
    return check


@transaction.atomic
def check_publish(*, check_id: int, by: Any, reason: str = "", seen_version: int | None = None) -> CheckVersion:
    """Publish (or republish) a check: freeze a snapshot as the next version and publish its claims.

    A republish needs ``reason`` (the "because" of the correction note); the factual part of the
    note is written from the difference between the two snapshots. ``seen_version`` is the version
    the editor's page showed (0 for none): if another editor published meanwhile, the second click
    is refused with a sentence instead of publishing the same thing twice.
    """
    permissions.ensure_editor(by, "Only an editor can publish a check.")
    # Lock, then read: the version number must come from the state after the lock is held (a join in
    # the locking query would hand back the current version as it was before the wait).
    check = Check.objects.select_for_update().get(pk=check_id)
    previous = CheckVersion.objects.filter(pk=check.current_version_id).first()
    if seen_version is not None and (previous.number if previous else 0) != seen_version:
        raise ServiceError(
            _(
                "Another editor published version %(number)s of this check a moment ago. Nothing more was "
                "published: look at it and publish again only if something still needs correcting."
            )
            % {"number": previous.number if previous else 0}
        )
    claims = article_claims_for_publishing(check.article)
    blockers = publish_blockers(check, claims, by=by)
    if blockers:
        raise NotReady("The check cannot be published yet: " + " ".join(b.message for b in blockers))
    now = timezone.now()
    latest = CheckVersion.objects.filter(check_page=check).order_by("-number").values_list("number", flat=True)
    number = (latest.first() or 0) + 1
    snapshot = snapshot_build(check, by=by, at=now, version=number)
    note = ""
    if previous is not None:
        changes = snapshot_changes(previous.snapshot, snapshot)
        if not reason.strip():
            what = "; ".join(snapshot_diff(previous.snapshot, snapshot)) or "nothing on the page has changed"
            raise ServiceError(
                "This check was published before, so readers get a correction note. "
                f"Say why it changed (what changed: {what})."
            )
        # The version keeps the note in the newsroom's language for the workspace; the snapshot keeps
        # the changes and the editor's reason as written, worded again whenever a page is rendered.
        with translation.override(wording.newsroom_language()):
            note = correction_note_compose(changes, reason)
        snapshot["corrections"] = [
            *previous.snapshot.get("corrections", []),
            {"version": number, "at": now.isoformat(), "changes": changes, "reason": reason.strip()},
        ]
    excluded = set(check.excluded_claims.values_list("pk", flat=True))
    for claim in claims:
        if claim.pk not in excluded and claim.status == ClaimStatus.APPROVED:
            transition(claim.pk, A.PUBLISH, by=by, note=f"Published in version {number} of the check")
    try:
        with transaction.atomic():
            version = CheckVersion.objects.create(
                check_page=check,
                number=number,
                snapshot=snapshot,
                correction_note=note,
                published_at=now,
                published_by=by,
            )
    except IntegrityError:
        raise ServiceError(
            _("Another editor published this check at the same moment. Reload the page to see the new version.")
        ) from None
    check.current_version = version
    check.status = Check.Status.PUBLISHED
    check.first_published_at = check.first_published_at or now
    check.withdrawn_at = None
    check.withdrawn_reason = ""
    check.save()
    _public_changed(check)
    return version


@transaction.atomic
def check_withdraw(*, check_id: int, by: Any, reason: str) -> Check:
    """Take a published check down; its URL then answers 410 and says why."""
    permissions.ensure_editor(by, "Only an editor can withdraw a check.")
    check = Check.objects.select_for_update().get(pk=check_id)
    if check.status != Check.Status.PUBLISHED:
        raise ServiceError("Only a published check can be withdrawn; this one is not published.")
    if not reason.strip():
        raise ServiceError("Give readers a reason for the withdrawal.")
    check.status = Check.Status.WITHDRAWN
    check.withdrawn_at = timezone.now()
    check.withdrawn_reason = reason.strip()
    check.save()
    _public_changed(check)
    return check


@transaction.atomic
def claim_reopen_for_correction(*, claim_id: int, by: Any, note: str, error_report_id: int | None = None) -> Claim:
    """Send a published claim back to its reviewer; the public page keeps the published version.

    ``error_report_id`` names the reader's report that led to it: the timeline links to the report.
    """
    permissions.ensure_editor(by, "Only an editor can reopen a published claim.")
    if not note.strip():
        raise ServiceError("Say what needs correcting, so the reviewer knows what to revise.")
    data: dict[str, Any] = {}
    if error_report_id is not None:
        if not ErrorReport.objects.filter(pk=error_report_id, claim_id=claim_id).exists():
            raise ServiceError("That error report is not about this claim.")
        data["error_report_id"] = error_report_id
    return transition(claim_id, A.REOPEN, by=by, note=note.strip(), data=data)


def client_ip(meta: dict[str, Any]) -> str | None:
    """The reader's address: ``X-Forwarded-For`` is believed only as far as our own proxies
    (``TRUSTED_PROXIES``) wrote it, and only a valid IP address counts (:mod:`factcheck.proxies`)."""
    return proxies.client_ip(meta)


class RateLimited(ServiceError):
    """Too many reports from one address."""


@transaction.atomic
def error_report_create(
    *,
    check_id: int,
    claim_number: int | None,
    message: str,
    name: str = "",
    email: str = "",
    ip: str | None,
    honeypot: str = "",
) -> ErrorReport | None:
    """Record a reader's error report on a published check. Returns None for a filled honeypot.

    A filled honeypot is answered like a success (no hint to the bot) and stores nothing.
    """
    check = Check.objects.select_related("current_version").get(pk=check_id)
    if check.status != Check.Status.PUBLISHED:
        raise ServiceError(_("This check is not published, so it cannot take error reports."))
    if honeypot.strip():
        return None
    if not message.strip():
        raise ServiceError(_("Tell us what is wrong: the message cannot be empty."))
    if len(message) > 5000:
        raise ServiceError(_("Please keep the message under 5,000 characters."))
    if ip:
        # Serialise reports from one address so concurrent posts cannot all pass the count below.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"error-report:{ip}"])
        since = timezone.now() - dt.timedelta(hours=1)
        if ErrorReport.objects.filter(client_ip=ip, created_at__gte=since).count() >= ERROR_REPORTS_PER_HOUR:
            raise RateLimited(
                ngettext(
                    "You have sent %(count)s report in the last hour. "
                    "Please wait a while and try again; nothing was lost on our side.",
                    "You have sent %(count)s reports in the last hour. "
                    "Please wait a while and try again; nothing was lost on our side.",
                    ERROR_REPORTS_PER_HOUR,
                )
                % {"count": ERROR_REPORTS_PER_HOUR}
            )
    claim_id = None
    if claim_number is not None:
        rows = check.current_version.snapshot.get("claims", [])
        match = next((r for r in rows if r["number"] == claim_number), None)
        if match is None:
            raise ServiceError(_("That claim is not part of this check."))
        claim_id = Claim.objects.filter(pk=match["claim_id"]).values_list("pk", flat=True).first()
    report = ErrorReport.objects.create(
        check_page=check,
        claim_id=claim_id,
        name=name.strip()[:200],
        email=email.strip(),
        message=message.strip(),
        client_ip=ip,
    )
    # The editors' inbox hears of it in this same transaction.
    hooks.error_reported_notify(report, url=reverse("publishing:error_report", args=[report.pk]))
    return report


@transaction.atomic
def error_report_resolve(*, report_id: int, by: Any, resolution: str) -> ErrorReport:
    """Mark a reader's report resolved, with what was done about it."""
    permissions.ensure_editor(by, "Only an editor can resolve an error report.")
    report = ErrorReport.objects.select_for_update().get(pk=report_id)
    if report.resolved_at is not None:
        raise ServiceError("This report was already resolved.")
    if not resolution.strip():
        raise ServiceError("Say how the report was resolved (for example: corrected in version 2, or no error).")
    report.resolved_at = timezone.now()
    report.resolved_by = by
    report.resolution = resolution.strip()
    report.save()
    return report
