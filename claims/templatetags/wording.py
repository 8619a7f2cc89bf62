"""Whole phrases for values a page shows beside other words ("High priority"), one per value, for translators."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import pgettext_lazy

from claims.models import Priority

register = template.Library()

PRIORITY_PHRASES = {
    Priority.LOW: pgettext_lazy("a claim's priority", "Low priority"),
    Priority.NORMAL: pgettext_lazy("a claim's priority", "Normal priority"),
    Priority.HIGH: pgettext_lazy("a claim's priority", "High priority"),
    Priority.URGENT: pgettext_lazy("a claim's priority", "Urgent priority"),
}


@register.filter
def priority_phrase(value: Any) -> str:
    """'High priority' for a claim's priority (its number)."""
    try:
        return str(PRIORITY_PHRASES[Priority(int(value))])
    except (TypeError, ValueError, KeyError):
        return ""
