from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from factcheck.people.models import language_choices


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        required=False,
        label=_("Language"),
        help_text=_("The language of the pages and of the emails you get."),
        error_messages={"invalid_choice": _("This language is not one the app speaks; choose one from the list.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
