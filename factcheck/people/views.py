"""The person's own settings page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from factcheck.errors import ServiceError
from factcheck.people import services
from factcheck.people.forms import LanguageForm


@require_http_methods(["GET", "POST"])
@login_required
def person_settings(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = LanguageForm(request.POST)
        if form.is_valid():
            try:
                services.language_set(by=request.user, language=form.cleaned_data["language"])
            except ServiceError as exc:
                form.add_error("language", str(exc))
            else:
                chosen = services.language_of(request.user)
                if chosen:
                    translation.activate(chosen)
                else:
                    translation.activate(translation.get_language_from_request(request))
                messages.success(request, _("Your settings are saved."))
                return redirect("people:settings")
        status = 400
    else:
        form = LanguageForm(initial={"language": services.language_of(request.user)})
    return render(request, "people/settings.html", {"form": form}, status=status)
