"""Import an article and dismiss hints: fetch, bind a form, call one service, pick a template or a partial."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from claims import permissions
from claims.importing import fetch, selectors, services
from claims.importing.forms import ArticleImportForm, SuggestionDismissForm
from claims.importing.selectors import PENDING_KEY
from claims.models import Article
from factcheck.errors import ServiceError


def _source(form: ArticleImportForm) -> fetch.ImportedText:
    data = form.cleaned_data
    if data["source"] == "source_url":
        return fetch.fetch_url(data["source_url"])
    if data["source"] == "file":
        upload = data["file"]
        return fetch.text_from_upload(upload.name, upload.read())
    return fetch.text_from_paste(data["text"])


@require_http_methods(["GET", "POST"])
@permissions.editor_required(gettext_lazy("Only editors can import articles."))
def article_import(request: HttpRequest) -> HttpResponse:
    form = ArticleImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        exc_source = None
        try:
            exc_source = _source(form)
            article = services.article_import(
                source=exc_source,
                by=request.user,
                title=data["title"],
                outlet=data["outlet"],
                authors=data["authors"],
                url=data["url"],
                published_on=data["published_on"],
                language=data["language"],
            )
        except services.AlreadyImported as exc:
            # Land on the article already there; what was given waits in the session for "import anyway".
            _pending_keep(request, exc.existing, source=exc_source, data=data)
            messages.info(request, str(exc))
            if request.htmx:
                return HttpResponseClientRedirect(exc.existing.get_absolute_url())
            return redirect(exc.existing)
        except ServiceError as exc:
            # Shown beside the source it concerns; everything typed stays in the bound form.
            form.add_error(getattr(exc, "field", None) or data["source"], str(exc))
        else:
            messages.success(request, _("Imported “%(title)s”. Pick the claims to check.") % {"title": article.title})
            if request.htmx:
                return HttpResponseClientRedirect(article.get_absolute_url())
            return redirect(article)
    template = "importing/import.html#import-form" if request.htmx else "importing/import.html"
    return render(request, template, {"form": form, "max_megabytes": fetch.max_megabytes()})


def _pending_keep(request: HttpRequest, existing: Article, *, source: Any, data: dict[str, Any]) -> None:
    """Keep one import waiting for "import anyway" in the session (the latest replaces any other)."""
    published = data["published_on"] or source.published_on
    request.session[PENDING_KEY] = {
        "token": get_random_string(24),
        "existing_id": existing.pk,
        "body": source.body,
        "origin": source.origin,
        "title": data["title"] or source.title,
        "outlet": data["outlet"] or source.outlet,
        "authors": data["authors"] or source.authors,
        "url": data["url"] or source.url,
        "published_on": published.isoformat() if published else "",
        "language": data.get("language", ""),
    }


@require_POST
@permissions.editor_required(gettext_lazy("Only editors can import articles."))
def import_anyway(request: HttpRequest) -> HttpResponse:
    pending = request.session.get(PENDING_KEY)
    if not pending or pending.get("token") != request.POST.get("token"):
        messages.error(request, _("Nothing is waiting to be imported any more; import the article again."))
        return redirect("imports:article_import")
    source = fetch.ImportedText(body=pending["body"], origin=pending["origin"])
    try:
        article = services.article_import(
            source=source,
            by=request.user,
            title=pending["title"],
            outlet=pending["outlet"],
            authors=pending["authors"],
            url=pending["url"],
            published_on=dt.date.fromisoformat(pending["published_on"]) if pending["published_on"] else None,
            language=pending.get("language", ""),
            anyway=True,
        )
    except ServiceError as exc:
        messages.error(request, str(exc))
        return redirect("imports:article_import")
    del request.session[PENDING_KEY]
    if article.earlier_version is not None:
        notice = _("Imported “%(title)s” as a new version of the article imported on %(date)s.") % {
            "title": article.title,
            "date": formats.date_format(article.earlier_version.imported_at, "j F Y"),
        }
    else:
        notice = _("Imported “%(title)s”. Pick the claims to check.") % {"title": article.title}
    messages.success(request, notice)
    return redirect(article)


@require_POST
@permissions.editor_required(gettext_lazy("Only editors can dismiss hints."))
def dismiss_suggestion(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=article_id)
    form = SuggestionDismissForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            services.suggestion_dismiss(
                article_id=article.pk, start=form.cleaned_data["start"], end=form.cleaned_data["end"], by=request.user
            )
        except ServiceError as exc:
            error = str(exc)
    else:
        error = _("That hint could not be identified; reload the page and try again.")
    if request.htmx:
        context = {**selectors.hints_panel(article, request.user), "suggestions_error": error}
        return render(request, "importing/_hints.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Hint dismissed."))
    return redirect(article)
