"""The sources panel: a polled fragment and one POST per action, each working with and without htmx."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from claims import permissions
from claims.models import Claim
from factcheck.errors import ServiceError
from factcheck.text import list_and
from sources import registry, selectors, services
from sources.models import CandidateSource


def _viewable_claim(request: HttpRequest, claim_id: int) -> Claim:
    claim = get_object_or_404(Claim.objects.select_related("article"), pk=claim_id)
    if not permissions.can_view_claim(request.user, claim):
        raise PermissionDenied(_("Only editors and the claim's reviewer can see its sources."))
    return claim


EDITORS_ONLY = gettext_lazy("Only an editor can change a claim's sources.")


def _answer(request: HttpRequest, claim: Claim, *, error: str = "", notice: str = "") -> HttpResponse:
    if request.htmx:
        panel = selectors.sources_panel(claim=claim, user=request.user, error=error, notice=notice)
        return render(request, "sources/panel.html", panel)
    if error:
        messages.error(request, error)
    elif notice:
        messages.success(request, notice)
    return redirect(reverse("claims:claim", args=[claim.pk]) + "#sources-panel")


@require_GET
@login_required
def panel(request: HttpRequest, claim_id: int) -> HttpResponse:
    """The panel fragment; the page polls it while searches run."""
    claim = _viewable_claim(request, claim_id)
    return render(request, "sources/panel.html", selectors.sources_panel(claim=claim, user=request.user))


@require_POST
@login_required
def find(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _viewable_claim(request, claim_id)
    permissions.require_editor(request.user, EDITORS_ONLY)
    try:
        services.searches_request(claim_id=claim.pk, by=request.user)
    except ServiceError as exc:
        return _answer(request, claim, error=str(exc))
    names = [provider.label for provider in registry.enabled()]
    return _answer(request, claim, notice=_("Searching %(providers)s for sources.") % {"providers": list_and(names)})


@require_POST
@login_required
def retry(request: HttpRequest, claim_id: int) -> HttpResponse:
    """Ask again the providers that failed (editors and the claim's reviewer)."""
    claim = _viewable_claim(request, claim_id)
    try:
        searches = services.searches_retry(claim_id=claim.pk, by=request.user)
    except ServiceError as exc:
        return _answer(request, claim, error=str(exc))
    names = [registry.label(search.provider) for search in searches]
    return _answer(request, claim, notice=_("Asking %(providers)s again.") % {"providers": list_and(names)})


@require_POST
@login_required
def add(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _viewable_claim(request, claim_id)
    permissions.require_editor(request.user, EDITORS_ONLY)
    identifier = request.POST.get("identifier", "")
    try:
        candidate = services.candidate_add(claim_id=claim.pk, identifier=identifier, by=request.user)
    except ServiceError as exc:
        return _answer(request, claim, error=str(exc))
    title = candidate.title or candidate.doi or candidate.pmid
    return _answer(request, claim, notice=_("Added “%(title)s”.") % {"title": title})


def _decide(request: HttpRequest, candidate_id: int, decision: str) -> HttpResponse:
    candidate = get_object_or_404(CandidateSource.objects.select_related("claim"), pk=candidate_id)
    claim = _viewable_claim(request, candidate.claim_id)
    permissions.require_editor(request.user, EDITORS_ONLY)
    try:
        services.candidate_decide(
            candidate_id=candidate.pk,
            by=request.user,
            decision=decision,
            reason=request.POST.get("reason", ""),
            note=request.POST.get("note", ""),
        )
    except ServiceError as exc:
        return _answer(request, claim, error=str(exc))
    if decision == CandidateSource.Decision.CONFIRMED:
        notice = _("Confirmed “%(title)s”.") % {"title": candidate.title or candidate.doi}
    else:
        notice = _("Disputed “%(title)s”.") % {"title": candidate.title or candidate.doi}
    return _answer(request, claim, notice=notice)


@require_POST
@login_required
def confirm(request: HttpRequest, candidate_id: int) -> HttpResponse:
    return _decide(request, candidate_id, CandidateSource.Decision.CONFIRMED)


@require_POST
@login_required
def dispute(request: HttpRequest, candidate_id: int) -> HttpResponse:
    return _decide(request, candidate_id, CandidateSource.Decision.DISPUTED)
