"""Workspace views: fetch, bind a form, call one service, pick a template or a partial."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from claims import permissions
from claims.models import Article, Claim


@login_required
def home(request: HttpRequest) -> HttpResponse:
    if permissions.is_editor(request.user):
        return redirect("claims:board")
    if permissions.is_reviewer(request.user):
        return redirect("claims:board")
    raise PermissionDenied("Your account is not part of the newsroom yet. Ask an editor to add you.")


@login_required
def board(request: HttpRequest) -> HttpResponse:
    if not permissions.is_staff_member(request.user):
        raise PermissionDenied
    claims = Claim.objects.select_related("article", "assignee")[:50]
    return render(request, "claims/board.html", {"claims": claims})


@login_required
def article_detail(request: HttpRequest, article_id: int) -> HttpResponse:
    if not permissions.is_editor(request.user):
        raise PermissionDenied
    article = get_object_or_404(Article, pk=article_id)
    return render(request, "claims/article.html", {"article": article, "claims": article.claims.all()})


@login_required
def claim_detail(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.select_related("article", "assignee"), pk=claim_id)
    if not permissions.can_view_claim(request.user, claim):
        raise PermissionDenied
    return render(request, "claims/claim.html", {"claim": claim})
