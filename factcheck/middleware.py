"""Refuse requests carrying NUL characters, which PostgreSQL cannot store in text."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


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
                    return render(
                        request,
                        "errors/400.html",
                        {
                            "reason": "The form held an invisible NUL character, which cannot be stored. "
                            "Remove it (it usually comes from pasting binary data) and try again."
                        },
                        status=400,
                    )
        return self.get_response(request)
