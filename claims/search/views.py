"""The search page: the top bar's search box lands here."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from claims import permissions
from claims.search import selectors


@require_GET
@login_required
def search(request: HttpRequest) -> HttpResponse:
    permissions.require_staff(request.user)
    results = selectors.search(user=request.user, raw=request.GET.get("q", ""))
    return render(request, "search/results.html", {"results": results})
