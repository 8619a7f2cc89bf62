"""The public pages' hot path: answered from memory before the rest of the stack runs.

Like whitenoise for static files, this middleware answers ``GET`` and ``HEAD`` for a public page this
process already holds (:mod:`claims.publishing.memory`) without sessions, authentication, messages
or URL resolution, none of which a public page uses: it carries no cookie and is the same for every
reader. Anything else (a page not in memory yet, the "Report an error" form, the workspace) goes on
to the views as usual; the views are what put pages in memory.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from claims.publishing.memory import memory_key, pages

PUBLIC_PREFIXES = ("/checks/", "/sitemap.xml")


class PublicPagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD") and request.path_info.startswith(PUBLIC_PREFIXES):
            request.get_host()  # the Host header is checked against ALLOWED_HOSTS here too
            entry = pages.get(memory_key(request))
            if entry is not None:
                return entry.respond(request)
        return self.get_response(request)
