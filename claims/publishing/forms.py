"""Forms of the publishing wing. They bind and validate input; the services do the writing."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ErrorReportForm(forms.Form):
    name = forms.CharField(max_length=200, required=False, label=_("Your name (optional)"))
    email = forms.EmailField(required=False, label=_("Your email (optional, only if you would like a reply)"))
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        label=_("What is wrong?"),
        error_messages={"required": _("Tell us what is wrong: the message cannot be empty.")},
    )
    # The honeypot: hidden from people by the stylesheet, filled in by form-filling bots.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
