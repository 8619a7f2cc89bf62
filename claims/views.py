"""Workspace views: fetch, bind a form, call one service, pick a template or a partial."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from claims import hooks, permissions, selectors, services
from claims.forms import (
    AssignForm,
    ClaimCreateForm,
    ClaimEditForm,
    CommentForm,
    EvidenceForm,
    NoteForm,
    SendBackForm,
    VerdictForm,
    article_filters,
    board_filters,
)
from claims.models import DRAFTING, VERDICT_APPROVED, Article, Claim, ClaimStatus, Evidence, Rating, display_name
from claims.services import DuplicateClaim, StaleEdit
from claims.workflow import allowed_actions
from factcheck.errors import ServiceError
from factcheck.spreadsheet import csv_response

NOT_YOUR_CLAIM = gettext_lazy("This claim is not assigned to you; only editors and its reviewer can open it.")
NOT_YOUR_ARTICLE = gettext_lazy(
    "None of this article's claims is assigned to you; only editors and its claims' reviewers can read it."
)


def _claim_for(request: HttpRequest, claim_id: int, *, editor: bool = False) -> Claim:
    """The claim, if this user may open it (403 with a reason otherwise)."""
    permissions.require_staff(request.user)
    if editor:
        permissions.require_editor(request.user)
    claim = selectors.claim_for_page(claim_id=claim_id)
    if claim is None:
        raise Http404(_("No such claim."))
    if not permissions.can_view_claim(request.user, claim):
        raise PermissionDenied(NOT_YOUR_CLAIM)
    return claim


def login_then_claim_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Like ``login_required`` for a verdict post, but the login leads back to the claim page.

    Nothing is stored for a visitor who is not logged in (anyone can post here): the unsaved text
    waits in the reviewer's own browser tab (``verdict.js`` keeps it in sessionStorage and puts it
    back in the form after the login), and htmx is told to go to the login page.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, claim_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return view(request, claim_id, *args, **kwargs)
        claim_url = reverse("claims:claim", args=[claim_id])
        login_url = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': claim_url})}"
        if request.htmx:
            return HttpResponseClientRedirect(login_url)
        return HttpResponseRedirect(login_url)

    return wrapper


# Pages --------------------------------------------------------------------------------------


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    if permissions.is_editor(request.user):
        return redirect("claims:board")
    if permissions.is_reviewer(request.user):
        return redirect("claims:queue")
    raise PermissionDenied(permissions.NOT_IN_NEWSROOM)


@require_GET
@permissions.editor_required()
def board(request: HttpRequest) -> HttpResponse:
    filters = board_filters(request.GET)
    page = selectors.board_page(filters=filters)
    tabs = [("", pgettext("claims of every status, a tab of the board", "All"), page.total)] + [
        (v, label, page.counts[v]) for v, label in ClaimStatus.choices
    ]
    context = {
        "page": page,
        "filters": filters,
        "status_tabs": [
            {
                "value": v,
                "label": label,
                "count": n,
                "query": filters.querystring(status=v, page=1),
                "current": filters.status == v,
            }
            for v, label, n in tabs
        ],
        "prev_query": filters.querystring(page=page.page - 1),
        "next_query": filters.querystring(page=page.page + 1),
        "statuses": ClaimStatus.choices,
        "sorts": {key: label for key, (label, _) in selectors.BOARD_SORTS.items()},
        "due_filters": selectors.DUE_FILTERS,
        "export_query": filters.querystring(page=1),
    }
    template = "claims/board.html#board-results" if request.htmx and not request.htmx.boosted else "claims/board.html"
    return render(request, template, context)


@require_GET
@permissions.editor_required()
def board_export(request: HttpRequest) -> StreamingHttpResponse:
    """The board's current filter as a CSV file: every matching claim, not only the page shown."""
    filters = board_filters(request.GET)
    rows = (
        selectors.board_rows(filters)
        .select_related("article", "assignee", "verdict__rating")
        .defer("article__body", "quote")
    )
    header = [
        _("Claim ID"),
        _("Claim"),
        _("Claimant"),
        _("Article"),
        _("Outlet"),
        _("Status"),
        _("Reviewer"),
        _("Reviewer username"),
        _("Due date"),
        _("Priority"),
        _("Rating"),
        _("Created"),
        _("Link"),
    ]

    def cells() -> Any:
        for claim in rows.iterator(chunk_size=2000):
            verdict = selectors.verdict_of(claim)
            yield [
                claim.pk,
                claim.text,
                claim.claimant,
                claim.article.title,
                claim.article.outlet,
                claim.get_status_display(),
                display_name(claim.assignee),
                claim.assignee.get_username() if claim.assignee else "",
                claim.due_date,
                claim.get_priority_display(),
                verdict.rating.display_label if verdict and verdict.rating else "",
                claim.created_at,
                settings.SITE_URL + claim.get_absolute_url(),
            ]

    stamp = timezone.localdate().isoformat()
    return csv_response(f"claims-{stamp}.csv", header, cells())


@require_GET
@login_required
def queue(request: HttpRequest) -> HttpResponse:
    permissions.require_staff(request.user)
    try:
        page_number = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page_number = 1
    page = selectors.reviewer_queue(user=request.user, page=page_number)
    return render(request, "claims/queue.html", {"page": page})


@require_GET
@permissions.editor_required()
def article_list(request: HttpRequest) -> HttpResponse:
    filters = article_filters(request.GET)
    page = selectors.article_list_page(filters=filters)
    context = {
        "page": page,
        "filters": filters,
        "progress_choices": selectors.ARTICLE_PROGRESS,
        "published_choices": selectors.ARTICLE_PUBLISHED,
        "prev_query": filters.querystring(page=page.page - 1),
        "next_query": filters.querystring(page=page.page + 1),
    }
    template = (
        "claims/articles.html#articles-results" if request.htmx and not request.htmx.boosted else "claims/articles.html"
    )
    return render(request, template, context)


def _article_context(request: HttpRequest, article: Article, form: ClaimCreateForm | None = None) -> dict[str, Any]:
    claims = selectors.article_claims(article=article)
    return {
        "article": article,
        "claims": claims,
        "paragraphs": selectors.article_paragraphs(article.body, claims),
        "form": form or ClaimCreateForm(article=article),
        "panels": hooks.panels(hooks.article_panels, article, request),
    }


@require_GET
@login_required
def article_detail(request: HttpRequest, article_id: int) -> HttpResponse:
    """Editors work on the article; a reviewer reads it (read-only) with their own claims highlighted."""
    permissions.require_staff(request.user)
    article = get_object_or_404(Article, pk=article_id)
    if permissions.is_editor(request.user):
        return render(request, "claims/article.html", _article_context(request, article))
    mine = selectors.article_claims(article=article, assignee=request.user)
    if not mine:
        raise PermissionDenied(NOT_YOUR_ARTICLE)
    context = {
        "article": article,
        "claims": mine,
        "paragraphs": selectors.article_paragraphs(article.body, mine),
        "read_only": True,
    }
    return render(request, "claims/article.html", context)


@require_POST
@permissions.editor_required()
def claim_create(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=article_id)
    form = ClaimCreateForm(request.POST, article=article)
    duplicate_of = None
    if form.is_valid():
        try:
            claim = services.claim_create(
                article=article,
                span_start=form.cleaned_data["span_start"],
                span_end=form.cleaned_data["span_end"],
                text=form.cleaned_data["text"],
                claimant=form.cleaned_data["claimant"],
                priority=form.cleaned_data["priority"],
                by=request.user,
            )
        except DuplicateClaim as exc:
            form.add_error(None, str(exc))
            duplicate_of = exc.existing
        except ServiceError as exc:
            form.add_error(None, str(exc))
        else:
            notice = _("%(label)s created. Assign it to a reviewer when you are ready.") % {"label": claim.label}
            if request.htmx:
                # A flash message would wait for the next full page, wherever that is: say it here.
                context = {**_article_context(request, article), "notice": notice}
                return render(request, "claims/article.html#article-workspace", context)
            messages.success(request, notice)
            return redirect(f"{article.get_absolute_url()}#claim-{claim.pk}")
    context = {**_article_context(request, article, form), "duplicate_of": duplicate_of}
    if request.htmx:
        return render(request, "claims/article.html#article-workspace", context)
    return render(request, "claims/article.html", context, status=409 if duplicate_of else 400)


# The claim page -------------------------------------------------------------------------------

CLAIM_PARTS = {"claim-main", "timeline", "evidence", "claim-text"}


def _verdict_form(claim: Claim, verdict: Any) -> VerdictForm:
    initial = {"version": verdict.version if verdict else 1}
    if verdict:
        initial.update(rating=verdict.rating_id, explanation=verdict.explanation, confidence=verdict.confidence)
    return VerdictForm(initial=initial)


def _claim_context(request: HttpRequest, claim: Claim, **overrides: Any) -> dict[str, Any]:
    user = request.user
    verdict = selectors.verdict_of(claim)
    actions = allowed_actions(claim, user)
    can_edit_verdict = permissions.can_edit_verdict(user, claim)
    timeline = selectors.claim_timeline(claim=claim)
    context: dict[str, Any] = {
        "claim": claim,
        "verdict": verdict,
        "actions": actions,
        "is_claim_editor": permissions.is_editor(user),
        "is_assignee": permissions.is_assignee(user, claim),
        "can_comment": permissions.can_comment(user, claim),
        "can_edit_verdict": can_edit_verdict,
        "verdict_locked": claim.status in VERDICT_APPROVED,
        "missing": services.verdict_missing(verdict),
        "context": selectors.paragraph_context(claim.article.body, claim.span_start, claim.span_end),
        "ratings": list(Rating.objects.filter(is_active=True)),
        "evidence": selectors.evidence_for(verdict),
        "timeline": timeline,
        "send_back": selectors.pending_send_back(timeline) if claim.status in DRAFTING else None,
        "submission_diff": selectors.submission_diff(timeline),
        "last_save": selectors.last_draft_save(claim=claim) if verdict else None,
    }
    # Evidence typed by hand is being looked up: the section follows it (htmx) until it is described.
    context["evidence_pending"] = any(item.lookup == Evidence.Lookup.PENDING for item in context["evidence"])
    if can_edit_verdict:
        context["confirmed"] = selectors.citable_sources(claim, context["evidence"])
        context["verdict_form"] = _verdict_form(claim, verdict)
        context["evidence_form"] = EvidenceForm()
    if context["is_claim_editor"]:
        context["edit_form"] = ClaimEditForm(
            initial={
                "text": claim.text,
                "claimant": claim.claimant,
                "priority": claim.priority,
                "version": claim.version,
            }
        )
        context["assign_form"] = AssignForm(
            initial={"reviewer": claim.assignee_id, "due_date": claim.due_date, "version": claim.version}
            if claim.assignee_id
            else {"version": claim.version}
        )
        context["send_back_form"] = SendBackForm()
    if context["can_comment"]:
        context["comment_form"] = CommentForm()
    context.update(overrides)
    return context


@require_GET
@login_required
def claim_detail(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim_for(request, claim_id)
    context = _claim_context(request, claim)
    part = request.GET.get("part", "")
    if request.htmx and part in CLAIM_PARTS:
        return render(request, f"claims/claim.html#{part}", context)
    context["panels"] = hooks.panels(hooks.claim_panels, claim, request)
    return render(request, "claims/claim.html", context)


def _done(
    request: HttpRequest,
    claim_id: int,
    part: str,
    message: str = "",
    anchor: str = "",
    changed: bool = True,
    seen_version: int | None = None,
) -> HttpResponse:
    """After a successful action: the updated fragment for htmx, a redirect to the claim page otherwise.

    ``seen_version`` is the claim version the user's form carried. When the action moved the claim on
    by exactly one version (theirs, nobody else's in between), the page's other version-checked forms
    (the claim's wording, the assignment) are moved on with it, so the user's next edit is not taken
    for someone else's.
    """
    if message:
        messages.success(request, message)
    if request.htmx:
        claim = selectors.claim_for_page(claim_id=claim_id)
        context = _claim_context(request, claim, flash=message)
        # htmx responses do not render the page's message list; the fragment shows ``flash``.
        list(messages.get_messages(request))
        response = render(request, f"claims/claim.html#{part}", context)
        if seen_version is not None and claim.version == seen_version + 1:
            response.content += render_to_string("claims/claim.html#claim-versions", {"claim": claim}).encode()
        if changed:
            trigger_client_event(response, "claimChanged")
        return response
    return redirect(reverse("claims:claim", args=[claim_id]) + (f"#{anchor}" if anchor else ""))


def _refused(
    request: HttpRequest, claim_id: int, part: str, error: str, status: int = 409, **forms: Any
) -> HttpResponse:
    """A refused action: the page (or fragment) again, with the reason and the user's input kept."""
    claim = selectors.claim_for_page(claim_id=claim_id)
    context = _claim_context(request, claim, error=error, error_part=part, **forms)
    if request.htmx:
        return render(request, f"claims/claim.html#{part}", context)
    context["panels"] = hooks.panels(hooks.claim_panels, claim, request)
    return render(request, "claims/claim.html", context, status=status)


@require_POST
@login_required
def claim_edit(request: HttpRequest, claim_id: int) -> HttpResponse:
    _claim_for(request, claim_id, editor=True)
    form = ClaimEditForm(request.POST)
    if not form.is_valid():
        return _refused(request, claim_id, "claim-text", _("Check the highlighted fields."), 400, edit_form=form)
    try:
        services.claim_edit(
            claim_id=claim_id,
            by=request.user,
            version=form.cleaned_data["version"],
            text=form.cleaned_data["text"],
            claimant=form.cleaned_data["claimant"],
            priority=form.cleaned_data["priority"],
        )
    except StaleEdit as exc:
        newer = exc.current
        # Keep the user's words in the form, but with the newer version: saving again is a deliberate overwrite.
        data = request.POST.copy()
        data["version"] = str(newer.version)
        return _refused(
            request, claim_id, "claim-text", str(exc), 409, edit_form=ClaimEditForm(data), newer_claim=newer
        )
    except ServiceError as exc:
        return _refused(request, claim_id, "claim-text", str(exc), 400, edit_form=form)
    return _done(
        request,
        claim_id,
        "claim-text",
        _("Claim saved."),
        anchor="claim-text",
        seen_version=form.cleaned_data["version"],
    )


@require_POST
@login_required
def claim_assign(request: HttpRequest, claim_id: int) -> HttpResponse:
    before = _claim_for(request, claim_id, editor=True)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return _refused(request, claim_id, "claim-main", _("Check the assignment form."), 400, assign_form=form)
    seen = form.cleaned_data["version"]
    try:
        claim = services.claim_assign(
            claim_id=claim_id,
            reviewer_id=form.cleaned_data["reviewer"].pk,
            due_date=form.cleaned_data["due_date"],
            note=form.cleaned_data["note"],
            by=request.user,
            version=seen,
        )
    except services.StaleAssignment as exc:
        # The choices stay in the form, with the version now shown: assigning again is a deliberate act.
        data = request.POST.copy()
        data["version"] = str(exc.current.version)
        return _refused(request, claim_id, "claim-main", str(exc), 409, assign_form=AssignForm(data))
    except ServiceError as exc:
        return _refused(request, claim_id, "claim-main", str(exc), assign_form=form)
    if before.assignee_id == claim.assignee_id and before.status != "new":
        return _done(
            request,
            claim_id,
            "claim-main",
            _("Due date changed (noted in the timeline; the reviewer was not emailed)."),
            seen_version=seen,
        )
    return _done(
        request,
        claim_id,
        "claim-main",
        _("Assigned to %(reviewer)s; they are told in their inbox, and by email if they chose it.")
        % {"reviewer": display_name(claim.assignee)},
        seen_version=seen,
    )


def _editor_note_action(request: HttpRequest, claim_id: int, service: Callable[..., Any], done: str) -> HttpResponse:
    """An editor's move that takes an optional note: refuse a bad note, call the service, say what happened."""
    _claim_for(request, claim_id, editor=True)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _refused(
            request, claim_id, "claim-main", _("Not done: %(errors)s") % {"errors": _form_errors(form)}, 400
        )
    try:
        service(claim_id=claim_id, by=request.user, note=form.cleaned_data["note"])
    except ServiceError as exc:
        return _refused(request, claim_id, "claim-main", str(exc))
    return _done(request, claim_id, "claim-main", done)


@require_POST
@login_required
def claim_unassign(request: HttpRequest, claim_id: int) -> HttpResponse:
    return _editor_note_action(request, claim_id, services.claim_unassign, _("The claim is unassigned."))


@require_POST
@login_required
def review_start(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim_for(request, claim_id)
    if not permissions.is_assignee(request.user, claim):
        raise PermissionDenied(_("Only the reviewer assigned to this claim can review it."))
    try:
        services.review_start(claim_id=claim_id, by=request.user)
    except ServiceError as exc:
        return _refused(request, claim_id, "claim-main", str(exc))
    if claim.status == ClaimStatus.CHANGES_REQUESTED:
        started = _("Review resumed. Your draft is saved as you type.")
    else:
        started = _("Review started. Your draft is saved as you type.")
    return _done(request, claim_id, "claim-main", started, anchor="verdict")


def _verdict_author_only(request: HttpRequest, claim: Claim) -> None:
    if not permissions.is_assignee(request.user, claim):
        raise PermissionDenied(_("Only the reviewer assigned to this claim can write its verdict."))


@require_POST
@login_then_claim_page
def verdict_save(request: HttpRequest, claim_id: int) -> HttpResponse:
    """Save the verdict draft: the explicit button (page or fragment) and the htmx autosave (status only)."""
    claim = _claim_for(request, claim_id)
    _verdict_author_only(request, claim)
    autosave = request.htmx and request.POST.get("autosave") == "1"
    form = VerdictForm(request.POST)
    if not form.is_valid():
        if autosave:
            return render(request, "claims/claim.html#draft-status", {"error": _form_errors(form), "claim": claim})
        return _refused(
            request,
            claim_id,
            "claim-main",
            _("The draft was not saved: %(errors)s") % {"errors": _form_errors(form)},
            400,
            verdict_form=form,
        )
    try:
        verdict = services.verdict_save_draft(claim_id=claim_id, by=request.user, **form.draft())
    except StaleEdit as exc:
        return _stale_verdict(request, claim, exc, autosave=bool(autosave))
    except ServiceError as exc:
        if autosave:
            return render(request, "claims/claim.html#draft-status", {"error": str(exc), "claim": claim})
        return _refused(request, claim_id, "claim-main", str(exc), verdict_form=form)
    if autosave:
        context = {"saved": verdict, "claim": claim, "missing": services.verdict_missing(verdict)}
        return render(request, "claims/claim.html#draft-status", context)
    return _done(
        request,
        claim_id,
        "claim-main",
        _("Draft saved (version %(version)s).") % {"version": verdict.version},
        anchor="verdict",
    )


def _form_errors(form: Any) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _stale_verdict(request: HttpRequest, claim: Claim, exc: StaleEdit, *, autosave: bool) -> HttpResponse:
    newer = exc.current
    if autosave:
        # The status line sits under the form and sums their version up right after this sentence.
        message = _(
            "Someone saved version %(version)s of this verdict while you were typing, so your changes were not "
            "saved; your text is still in the form."
        ) % {"version": newer.version}
        return render(request, "claims/claim.html#draft-status", {"stale": newer, "claim": claim, "error": message})
    # The full page shows their version in a box headed "The newer version", just above the form.
    message = _(
        "Someone saved version %(version)s of this verdict while you were typing, so your changes were not saved. "
        "Their version is in the box “The newer version”, just above the form, and your text is still in the form. "
        "Save again to replace theirs with yours."
    ) % {"version": newer.version}
    data = request.POST.copy()
    data["version"] = str(newer.version)
    return _refused(request, claim.pk, "claim-main", message, 409, verdict_form=VerdictForm(data), newer_verdict=newer)


@require_POST
@login_then_claim_page
def verdict_submit(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim_for(request, claim_id)
    _verdict_author_only(request, claim)
    form = VerdictForm(request.POST)
    # The form is optional: a bare "Submit" (no fields) submits the saved draft as it is.
    draft = form.draft() if form.is_valid() else None
    if request.POST.get("version") and draft is None:
        return _refused(
            request,
            claim_id,
            "claim-main",
            _("Not submitted: %(errors)s") % {"errors": _form_errors(form)},
            400,
            verdict_form=form,
        )
    try:
        services.verdict_submit(claim_id=claim_id, by=request.user, draft=draft)
    except StaleEdit as exc:
        return _stale_verdict(request, claim, exc, autosave=False)
    except ServiceError as exc:
        return _refused(request, claim_id, "claim-main", str(exc), verdict_form=form if draft else None)
    return _done(request, claim_id, "claim-main", _("Verdict submitted for approval. An editor will review it."))


@require_POST
@login_required
def verdict_approve(request: HttpRequest, claim_id: int) -> HttpResponse:
    return _editor_note_action(request, claim_id, services.verdict_approve, _("Verdict approved. It is now locked."))


@require_POST
@login_required
def verdict_send_back(request: HttpRequest, claim_id: int) -> HttpResponse:
    _claim_for(request, claim_id, editor=True)
    form = SendBackForm(request.POST)
    if not form.is_valid():
        return _refused(request, claim_id, "claim-main", _form_errors(form), 400, send_back_form=form)
    try:
        services.verdict_send_back(claim_id=claim_id, by=request.user, note=form.cleaned_data["note"])
    except ServiceError as exc:
        return _refused(request, claim_id, "claim-main", str(exc), send_back_form=form)
    return _done(request, claim_id, "claim-main", _("Sent back to the reviewer with your note."))


@require_POST
@login_required
def evidence_add(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim_for(request, claim_id)
    _verdict_author_only(request, claim)
    form = EvidenceForm(request.POST)
    if not form.is_valid():
        return _refused(request, claim_id, "evidence", _form_errors(form), 400, evidence_form=form)
    data = form.cleaned_data
    try:
        services.evidence_add(
            claim_id=claim_id,
            by=request.user,
            candidate_id=data["candidate"],
            url=data["url"],
            doi=data["doi"],
            title=data["title"],
            stance=data["stance"],
            quote=data["quote"],
            locator=data["locator"],
        )
    except ServiceError as exc:
        return _refused(request, claim_id, "evidence", str(exc), evidence_form=form)
    return _done(request, claim_id, "evidence", _("Evidence added."), anchor="evidence", changed=False)


@require_POST
@login_required
def evidence_remove(request: HttpRequest, claim_id: int, evidence_id: int) -> HttpResponse:
    claim = _claim_for(request, claim_id)
    _verdict_author_only(request, claim)
    try:
        services.evidence_remove(claim_id=claim_id, evidence_id=evidence_id, by=request.user)
    except ServiceError as exc:
        return _refused(request, claim_id, "evidence", str(exc))
    return _done(request, claim_id, "evidence", _("Evidence removed."), anchor="evidence", changed=False)


@require_POST
@login_required
def comment_add(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim_for(request, claim_id)
    if not permissions.can_comment(request.user, claim):
        raise PermissionDenied(_("Only editors and the reviewer assigned to this claim can comment on it."))
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _refused(request, claim_id, "timeline", _form_errors(form), 400, comment_form=form)
    try:
        services.comment_add(claim_id=claim_id, by=request.user, body=form.cleaned_data["body"])
    except ServiceError as exc:
        return _refused(request, claim_id, "timeline", str(exc), comment_form=form)
    return _done(request, claim_id, "timeline", _("Comment posted."), anchor="timeline", changed=False)
