"""Editors' publishing pages: compose, preview, publish, withdraw, correct, and readers' error reports.

Every POST works as a plain form (redirect on success, the page again with the error on failure)
and as htmx (the updated ``publish-panel`` or ``report-row`` partial).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from claims import permissions
from claims.models import VERDICT_APPROVED, Article, Check, Claim, ClaimStatus, ErrorReport
from claims.publishing import selectors, services, wording
from factcheck.errors import ServiceError

editor_required = permissions.editor_required(
    gettext_lazy("Only editors can publish checks and handle readers' error reports.")
)


def _edit_context(
    request: HttpRequest,
    article: Article,
    *,
    values: dict[str, Any] | None = None,
    error: str = "",
    reason: str = "",
) -> dict[str, Any]:
    check = selectors.check_for_article(article)
    claims = selectors.article_claims_for_publishing(article)
    excluded = set(check.excluded_claims.values_list("pk", flat=True)) if check else set()
    if values is not None:
        excluded = set(values.get("excluded", []))
    # Judge what the editor sees in the form: the saved draft, or the article's defaults before one exists.
    blockers = services.publish_blockers(
        check or Check(article=article, headline=""),
        claims,
        headline=values.get("headline") if values is not None else None,
        excluded=excluded,
        by=request.user,
    )
    changes: list[str] = []
    if check is not None and check.current_version is not None and not blockers:
        draft = services.snapshot_build(
            check, by=request.user, at=timezone.now(), version=check.current_version.number + 1
        )
        changes = services.snapshot_diff(check.current_version.snapshot, draft)
    rows = [
        {
            "claim": claim,
            "number": claim.number,
            "excluded": claim.pk in excluded,
            "ready": claim.status in VERDICT_APPROVED and getattr(claim, "verdict", None) is not None,
            "rating": getattr(getattr(claim, "verdict", None), "rating", None),
            "published": claim.status == ClaimStatus.PUBLISHED,
        }
        for claim in claims
    ]
    form_values = values or {
        # Never the article's own headline: the check's headline says what the check found.
        "headline": check.headline if check else "",
        "summary": check.summary if check else "",
        "assessment": check.assessment if check else "",
    }
    return {
        "article": article,
        "check": check,
        "rows": rows,
        "blockers": blockers,
        "own_verdict_blocks": any(b.own_verdict for b in blockers),
        "changes": changes,
        "values": form_values,
        "reason": reason,
        "error": error,
        "versions": _versions(check),
        "open_reports": (
            ErrorReport.objects.filter(check_page=check, resolved_at__isnull=True).count() if check else 0
        ),
        "public_url": check.get_absolute_url() if check and check.status != Check.Status.DRAFT else "",
    }


def _versions(check: Check | None) -> list[Any]:
    versions = list(check.versions.select_related("published_by").order_by("-number")) if check else []
    for version in versions:
        version.note_text = selectors.correction_text(version.correction_note)
    return versions


def _panel_response(
    request: HttpRequest,
    article: Article,
    *,
    error: str = "",
    notice: str = "",
    values: dict[str, Any] | None = None,
    reason: str = "",
) -> HttpResponse:
    if not error and not request.htmx:
        if notice:
            messages.success(request, notice)
        return redirect("publishing:check_edit", article_id=article.pk)
    context = _edit_context(request, article, values=values, error=error, reason=reason)
    context["notice"] = notice
    if request.htmx:
        # htmx does not swap 4xx answers, so a refusal comes back as 200 with the error in the panel.
        return render(request, "publishing/check_edit.html#publish-panel", context)
    return render(request, "publishing/check_edit.html", context, status=400)


def _posted_values(request: HttpRequest) -> dict[str, Any]:
    excluded = []
    for raw in request.POST.getlist("excluded"):
        # str.isdigit() accepts "²", which int() refuses: only ASCII digits are claim ids.
        if raw.isascii() and raw.isdigit():
            excluded.append(int(raw))
    return {
        "headline": request.POST.get("headline", ""),
        "summary": request.POST.get("summary", ""),
        "assessment": request.POST.get("assessment", ""),
        "excluded": excluded,
    }


def _prepare(request: HttpRequest, article: Article, values: dict[str, Any]) -> Check:
    return services.check_prepare(
        article_id=article.pk,
        by=request.user,
        headline=values["headline"],
        summary=values["summary"],
        assessment=values["assessment"],
        excluded_claim_ids=values["excluded"],
    )


@never_cache
@editor_required
def check_edit(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=article_id)
    if request.method == "POST":
        values = _posted_values(request)
        try:
            _prepare(request, article, values)
        except ServiceError as exc:
            return _panel_response(request, article, error=str(exc), values=values)
        if "preview" in request.POST:
            preview = reverse("publishing:check_preview", args=[article.pk])
            return HttpResponseClientRedirect(preview) if request.htmx else redirect(preview)
        return _panel_response(request, article, notice=_("Draft saved. Nothing has been published yet."))
    context = _edit_context(request, article)
    if request.htmx:
        return render(request, "publishing/check_edit.html#publish-panel", context)
    return render(request, "publishing/check_edit.html", context)


@never_cache
@require_GET
@editor_required
def check_preview(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=article_id)
    check = selectors.check_for_article(article)
    if check is None:
        messages.info(request, _("Save a draft of the check first; the preview shows the saved draft."))
        return redirect("publishing:check_edit", article_id=article.pk)
    now = timezone.now()
    previous = check.current_version
    snapshot = services.snapshot_build(check, by=request.user, at=now, version=(previous.number + 1) if previous else 1)
    blockers = services.publish_blockers(check)
    # The preview shows the page as readers will get it: in the newsroom's language.
    with translation.override(wording.newsroom_language()):
        if previous is not None:
            pending = {
                "version": snapshot["version"],
                "at": now.isoformat(),
                "changes": services.snapshot_changes(previous.snapshot, snapshot),
                "reason": _("[the reason you give when publishing]"),
            }
            snapshot["corrections"] = [*previous.snapshot.get("corrections", []), pending]
        context = {
            **selectors.snapshot_page_context(snapshot),
            "site_url": settings.SITE_URL,
            "preview": True,
            "blockers": blockers,
            "edit_url": reverse("publishing:check_edit", args=[article.pk]),
        }
        response = render(request, "public/check.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_POST
@editor_required
def check_publish(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=article_id)
    values = _posted_values(request) if "headline" in request.POST else None
    reason = request.POST.get("reason", "")
    seen = request.POST.get("seen_version", "")
    # The version the editor's page showed; a page without it (an old tab) publishes whatever is current.
    seen_version = int(seen) if seen.isascii() and seen.isdigit() else None
    try:
        if values is not None:
            # The draft is saved even when publishing is refused, so nothing typed is lost.
            _prepare(request, article, values)
        check = selectors.check_for_article(article)
        if check is None:
            raise ServiceError(_("Save a draft of the check first: write a headline and choose the claims."))
        with transaction.atomic():
            version = services.check_publish(
                check_id=check.pk, by=request.user, reason=reason, seen_version=seen_version
            )
    except services.NotReady:
        # The form lists each blocker once, right where the editor fixes it; the message only says so.
        error = _("The check cannot be published yet: the list “Not ready to publish” says what is missing.")
        return _panel_response(request, article, values=values, error=error, reason=reason)
    except ServiceError as exc:
        return _panel_response(request, article, values=values, error=str(exc), reason=reason)
    notice = (
        _("Published. Readers now see the check.")
        if version.number == 1
        else _("Version %(number)s published with its correction note.") % {"number": version.number}
    )
    return _panel_response(request, article, notice=notice)


@require_POST
@editor_required
def check_withdraw(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=article_id)
    check = selectors.check_for_article(article)
    try:
        if check is None:
            raise ServiceError(_("This article has no published check to withdraw."))
        services.check_withdraw(check_id=check.pk, by=request.user, reason=request.POST.get("withdraw_reason", ""))
    except ServiceError as exc:
        return _panel_response(request, article, error=str(exc))
    return _panel_response(
        request, article, notice=_("Withdrawn. Its address now tells readers it was withdrawn, and why.")
    )


@require_POST
@editor_required
def claim_reopen(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.select_related("article"), pk=claim_id)
    try:
        services.claim_reopen_for_correction(claim_id=claim.pk, by=request.user, note=request.POST.get("note", ""))
    except ServiceError as exc:
        return _panel_response(request, claim.article, error=str(exc))
    return _panel_response(
        request,
        claim.article,
        notice=_(
            "Claim reopened and sent back to its reviewer. Readers keep seeing the published version "
            "until you republish."
        ),
    )


@never_cache
@require_GET
@editor_required
def error_reports(request: HttpRequest) -> HttpResponse:
    show = request.GET.get("show", "open")
    if show not in {"open", "resolved", "all"}:
        show = "open"
    paginator = Paginator(selectors.error_reports_for_workspace(show=show), 50)
    page = paginator.get_page(request.GET.get("page"))
    context = {"page": page, "show": show, "reopenable": sorted(VERDICT_APPROVED)}
    return render(request, "publishing/error_reports.html", context)


@require_POST
@editor_required
def error_report_resolve(request: HttpRequest, report_id: int) -> HttpResponse:
    report = get_object_or_404(ErrorReport, pk=report_id)
    error = ""
    try:
        report = services.error_report_resolve(
            report_id=report.pk, by=request.user, resolution=request.POST.get("resolution", "")
        )
    except ServiceError as exc:
        error = str(exc)
    if request.htmx:
        report = selectors.error_reports_for_workspace(show="all").get(pk=report.pk)
        context = {
            "report": report,
            "row_error": error,
            "resolution": request.POST.get("resolution", ""),
            "reopenable": sorted(VERDICT_APPROVED),
        }
        return render(request, "publishing/error_reports.html#report-row", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Report marked as resolved."))
    back = request.POST.get("next", "")
    if back == reverse("publishing:error_report", args=[report.pk]):
        return redirect(back)
    return redirect("publishing:error_reports")


def _report_context(report: ErrorReport, **extra: Any) -> dict[str, Any]:
    claim = report.claim
    return {
        "report": report,
        "claim": claim,
        "can_reopen": claim is not None and claim.status in VERDICT_APPROVED,
        "reopen_note": _("A reader reported: %(message)s") % {"message": report.message},
        **extra,
    }


@never_cache
@require_GET
@editor_required
def error_report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    """One reader's report, where an editor acts on it: reopen the claim it is about, or resolve it."""
    report = get_object_or_404(selectors.error_reports_for_workspace(show="all"), pk=report_id)
    return render(request, "publishing/error_report.html", _report_context(report))


@require_POST
@editor_required
def error_report_reopen(request: HttpRequest, report_id: int) -> HttpResponse:
    """ "Reopen this claim" from a reader's report: the claim goes back to its reviewer, the timeline links here."""
    report = get_object_or_404(selectors.error_reports_for_workspace(show="all"), pk=report_id)
    note = request.POST.get("note", "")
    try:
        if report.claim_id is None:
            raise ServiceError(_("This report is about the whole check, not one claim; reopen a claim from the check."))
        services.claim_reopen_for_correction(
            claim_id=report.claim_id, by=request.user, note=note, error_report_id=report.pk
        )
    except ServiceError as exc:
        report = selectors.error_reports_for_workspace(show="all").get(pk=report.pk)
        context = _report_context(report, error=str(exc), reopen_note=note)
        return render(request, "publishing/error_report.html", context, status=400)
    messages.success(
        request,
        _(
            "Claim reopened and sent back to its reviewer with the reader's report. Readers keep seeing the "
            "published version until you republish."
        ),
    )
    return redirect("publishing:error_report", report_id=report.pk)
