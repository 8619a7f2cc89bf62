"""Forms for importing an article and dismissing a hint. They validate input; the services do the work."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims.importing.fetch import max_megabytes
from factcheck.languages import ARTICLE_LANGUAGES


class ArticleImportForm(forms.Form):
    source_url = forms.CharField(
        label=_("Web address"),
        required=False,
        max_length=2000,
        widget=forms.TextInput(attrs={"placeholder": "https://", "inputmode": "url", "autocomplete": "off"}),
        help_text=_("The page is fetched and its article text, title, author and date are extracted."),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.md,.markdown,.html,.htm"}),
        help_text=_("A .txt, .md or .html file (UTF-8)."),
    )
    text = forms.CharField(
        label=_("Text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Pasted text is stored exactly as it is; its first line becomes the title if you give none."),
    )
    title = forms.CharField(label=_("Title"), required=False, max_length=500)
    outlet = forms.CharField(label=_("Outlet"), required=False, max_length=200)
    authors = forms.CharField(label=_("Author(s)"), required=False, max_length=500)
    url = forms.URLField(
        label=_("Link to show readers (optional)"),
        help_text=_(
            "Where the article was published, if it differs from the web address above or the text was pasted."
        ),
        required=False,
        max_length=2000,
        assume_scheme="https",
    )
    published_on = forms.DateField(
        label=_("Publication date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.ChoiceField(
        label=_("Language of the article"),
        required=False,
        choices=[("", _("Detect from the text")), *ARTICLE_LANGUAGES],
        help_text=_("Hints, cues and search read the article in this language."),
    )

    SOURCES = ("source_url", "file", "text")

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload and upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                gettext("This file is larger than the %(size)s import limit.") % {"size": max_megabytes()}
            )
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        given = [name for name in self.SOURCES if cleaned.get(name) and str(cleaned.get(name)).strip()]
        if not given and not any(name in self.errors for name in self.SOURCES):
            raise forms.ValidationError(_("Give a web address, upload a file or paste the article's text."))
        if len(given) > 1:
            raise forms.ValidationError(
                _(
                    "Use one source at a time: a web address, a file or pasted text. "
                    "To record where pasted text came from, put its address in “Link to show readers”."
                )
            )
        cleaned["source"] = given[0] if given else None
        return cleaned


class SuggestionDismissForm(forms.Form):
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
