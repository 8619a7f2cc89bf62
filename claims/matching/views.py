"""The "Checked before?" card: look again, mark the same, dismiss, and start from the earlier verdict.

Every POST works as a plain form (back to the claim page) and as htmx (the refreshed card).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from claims import permissions, selectors
from claims import services as claim_services  # the verdict is the workspace's own
from claims.matching import selectors as matching_selectors
from claims.matching import services
from claims.models import Claim
from factcheck.errors import ServiceError

NOT_YOURS = gettext_lazy("This claim is not assigned to you; only editors and its reviewer can open it.")


def _claim(request: HttpRequest, claim_id: int) -> Claim:
    permissions.require_staff(request.user)
    claim = selectors.claim_for_page(claim_id=claim_id)
    if claim is None:
        raise Http404(_("No such claim."))
    if not permissions.can_view_claim(request.user, claim):
        raise PermissionDenied(NOT_YOURS)
    return claim


def _card(request: HttpRequest, claim_id: int, *, error: str = "", notice: str = "", status: int = 200) -> HttpResponse:
    claim = selectors.claim_for_page(claim_id=claim_id)
    context = matching_selectors.claim_panel(claim, request.user, error=error, notice=notice)
    return render(request, "matching/panel.html", context, status=status)


def _answer(request: HttpRequest, claim_id: int, action: Callable[[], Any], notice: str) -> HttpResponse:
    try:
        action()
    except ServiceError as exc:
        if request.htmx:
            return _card(request, claim_id, error=str(exc))
        messages.error(request, str(exc))
        return redirect(reverse("claims:claim", args=[claim_id]) + "#checked-before")
    if request.htmx:
        response = _card(request, claim_id, notice=notice)
        trigger_client_event(response, "claimChanged")
        return response
    messages.success(request, notice)
    return redirect(reverse("claims:claim", args=[claim_id]) + "#checked-before")


@require_GET
@login_required
def panel(request: HttpRequest, claim_id: int) -> HttpResponse:
    _claim(request, claim_id)
    return _card(request, claim_id)


@require_POST
@permissions.editor_required(gettext_lazy("Only editors can look for earlier checks."))
def look_again(request: HttpRequest, claim_id: int) -> HttpResponse:
    _claim(request, claim_id)
    return _answer(
        request,
        claim_id,
        lambda: services.match_request(claim_id=claim_id, by=request.user),
        _("Looking for earlier checks of this claim; the list updates by itself."),
    )


@require_POST
@permissions.editor_required(gettext_lazy("Only editors can say that two claims are the same."))
def mark_same(request: HttpRequest, claim_id: int, similar_id: int) -> HttpResponse:
    _claim(request, claim_id)
    return _answer(
        request,
        claim_id,
        lambda: services.match_mark_same(claim_id=claim_id, similar_id=similar_id, by=request.user),
        _("Marked as the same claim. The reviewer sees the earlier verdict, and the public page will link to it."),
    )


@require_POST
@permissions.editor_required(gettext_lazy("Only editors can dismiss a suggested earlier claim."))
def dismiss(request: HttpRequest, claim_id: int, similar_id: int) -> HttpResponse:
    _claim(request, claim_id)
    return _answer(
        request,
        claim_id,
        lambda: services.match_dismiss(claim_id=claim_id, similar_id=similar_id, by=request.user),
        _("Dismissed: it will not be suggested for this claim again."),
    )


@require_POST
@permissions.editor_required(gettext_lazy("Only editors can say that two claims are the same."))
def undo_same(request: HttpRequest, claim_id: int) -> HttpResponse:
    _claim(request, claim_id)
    return _answer(
        request,
        claim_id,
        lambda: services.match_undo_same(claim_id=claim_id, by=request.user),
        _("No longer marked as the same as an earlier claim."),
    )


@require_POST
@login_required
def reuse_verdict(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim(request, claim_id)
    if not permissions.is_assignee(request.user, claim):
        raise PermissionDenied(_("Only the reviewer assigned to this claim can start its verdict from an earlier one."))
    response = _answer(
        request,
        claim_id,
        lambda: claim_services.verdict_reuse(claim_id=claim_id, by=request.user),
        _("The earlier rating, explanation and evidence are in your draft now. Check them before you submit."),
    )
    if request.htmx and response.status_code == 200:
        # The verdict form is outside the card: reload the page so it shows the new draft.
        response["HX-Refresh"] = "true"
    return response
