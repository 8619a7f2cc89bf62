"""Import an article and dismiss hints: fetch, bind a form, call one service, pick a template or a partial."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from claims import permissions
from claims.importing import fetch, selectors, services
from claims.importing.forms import ArticleImportForm, SuggestionDismissForm
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
@permissions.editor_required("Only editors can import articles.")
def article_import(request: HttpRequest) -> HttpResponse:
    form = ArticleImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            article = services.article_import(
                source=_source(form),
                by=request.user,
                title=data["title"],
                outlet=data["outlet"],
                authors=data["authors"],
                url=data["url"],
                published_on=data["published_on"],
            )
        except ServiceError as exc:
            # Shown beside the source it concerns; everything typed stays in the bound form.
            form.add_error(getattr(exc, "field", None) or data["source"], str(exc))
        else:
            messages.success(request, f"Imported “{article.title}”. Pick the claims to check.")
            if request.htmx:
                return HttpResponseClientRedirect(article.get_absolute_url())
            return redirect(article)
    template = "importing/import.html#import-form" if request.htmx else "importing/import.html"
    return render(request, template, {"form": form, "max_megabytes": fetch.max_megabytes()})


@require_POST
@permissions.editor_required("Only editors can dismiss hints.")
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
        error = "That hint could not be identified; reload the page and try again."
    if request.htmx:
        context = {**selectors.hints_panel(article, request.user), "suggestions_error": error}
        return render(request, "importing/_hints.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, "Hint dismissed.")
    return redirect(article)
