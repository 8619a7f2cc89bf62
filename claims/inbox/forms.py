"""Forms of the inbox: they bind and validate input; the services write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from claims.inbox.models import Kind

DELIVERY_CHOICES = [
    ("each", _("One email for each event, as it happens")),
    ("digest", _("One daily digest with everything of the day")),
]


class PreferenceForm(forms.Form):
    email_kinds = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label=_("Email me when")
    )
    delivery = forms.ChoiceField(choices=DELIVERY_CHOICES, widget=forms.RadioSelect, label=_("How"))

    def __init__(self, *args: Any, kinds: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email_kinds"].choices = [(kind, Kind(kind).label) for kind in kinds]
