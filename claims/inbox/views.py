"""The inbox pages: the list, opening and marking items read, and the email preferences."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from claims import permissions
from claims.inbox import selectors, services
from claims.inbox.forms import PreferenceForm
from claims.inbox.models import Kind
from factcheck.errors import ServiceError


def _inbox_context(request: HttpRequest, params: QueryDict | None = None) -> dict[str, object]:
    filters = selectors.inbox_filters(request.GET if params is None else params)
    page = selectors.inbox_page(user=request.user, filters=filters)
    kinds = services.kinds_for(request.user)
    return {
        "page": page,
        "filters": filters,
        "kinds": [(kind, Kind(kind).label, page.by_kind.get(kind, 0)) for kind in kinds],
        "prev_query": filters.querystring(page=page.page - 1),
        "next_query": filters.querystring(page=page.page + 1),
        # Where the forms come back to: this list as filtered (an htmx answer's own path is a POST URL).
        "here": reverse("inbox:list") + (f"?{query}" if (query := filters.querystring()) else ""),
    }


@require_GET
@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    permissions.require_staff(request.user)
    context = _inbox_context(request)
    if request.htmx and not request.htmx.boosted:
        return render(request, "inbox/inbox.html#inbox-results", context)
    return render(request, "inbox/inbox.html", context)


def _back(request: HttpRequest) -> str:
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
        return wanted
    return reverse("inbox:list")


@require_GET
@login_required
def item_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Follow an item to where the work is, marking it read on the way (marking twice is harmless)."""
    permissions.require_staff(request.user)
    try:
        item = services.notification_read(notification_id=notification_id, by=request.user)
    except ServiceError as exc:
        messages.error(request, str(exc))
        return redirect("inbox:list")
    return redirect(item.target)


@require_POST
@login_required
def item_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    permissions.require_staff(request.user)
    error = ""
    try:
        services.notification_read(notification_id=notification_id, by=request.user)
    except ServiceError as exc:
        error = str(exc)
    if request.htmx:
        # The list again, filtered as the page was (with the top bar's count, out of band).
        context = _inbox_context(request, QueryDict(urlsplit(_back(request)).query))
        context.update(error=error, oob_count=True)
        return render(request, "inbox/inbox.html#inbox-results", context)
    if error:
        messages.error(request, error)
    return redirect(_back(request))


@require_POST
@login_required
def read_all(request: HttpRequest) -> HttpResponse:
    permissions.require_staff(request.user)
    kind = request.POST.get("kind", "")
    done = services.notifications_read_all(by=request.user, kind=kind if kind in Kind.values else "")
    messages.success(
        request, ngettext("%(count)d item marked as read.", "%(count)d items marked as read.", done) % {"count": done}
    )
    return redirect(_back(request))


@require_http_methods(["GET", "POST"])
@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    permissions.require_staff(request.user)
    kinds = services.kinds_for(request.user)
    current = services.preference_of(request.user)
    if request.method == "POST":
        form = PreferenceForm(request.POST, kinds=kinds)
        if form.is_valid():
            try:
                services.preference_set(
                    by=request.user,
                    email_kinds=form.cleaned_data["email_kinds"],
                    digest=form.cleaned_data["delivery"] == "digest",
                )
            except ServiceError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Your email choices are saved."))
                return redirect("inbox:preferences")
        status = 400
    else:
        form = PreferenceForm(
            initial={
                "email_kinds": [kind for kind in current.email_kinds if kind in kinds],
                "delivery": "digest" if current.digest else "each",
            },
            kinds=kinds,
        )
        status = 200
    context = {"form": form, "has_email": bool(request.user.email)}
    return render(request, "inbox/preferences.html", context, status=status)
