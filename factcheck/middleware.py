"""Refuse requests carrying NUL characters, which PostgreSQL cannot store in text."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

REASON = _(
    "The form held an invisible NUL character, which cannot be stored. "
    "Remove it (it usually comes from pasting binary data) and try again. Nothing was saved."
)


class RejectNulCharactersMiddleware:
    """A NUL in a query string or form field answers 400 with a sentence, instead of a database error."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        data = [request.GET]
        if request.method == "POST":
            data.append(request.POST)
        for query in data:
            for key, values in query.lists():
                if "\x00" in key or any("\x00" in value for value in values):
                    return self.refuse(request)
        return self.get_response(request)

    def refuse(self, request: HttpRequest) -> HttpResponse:
        context = {"reason": REASON}
        if request.headers.get("HX-Request"):
            # htmx swaps no 4xx answer: send the sentence to the page's alert area, leaving the form as typed.
            response = render(request, "errors/_alert.html", context)
            response["HX-Retarget"] = "#alerts"
            response["HX-Reswap"] = "innerHTML"
            return response
        return render(request, "errors/400.html", context, status=400)
