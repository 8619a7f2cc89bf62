"""Dates with their weekday, and dates stored as ISO text (in audit rows and snapshots), shown like every other date.

The formats with a weekday are translatable (Django's own formats have no weekday): English says
"Sun 29 Nov 2026", and each language's catalogue gives its own order and words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils.dateformat import format as date_format
from django.utils.translation import pgettext_lazy

register = template.Library()

# Django's date syntax (https://docs.djangoproject.com/en/stable/ref/templates/builtins/#date).
WEEKDAY_DATE = pgettext_lazy("a date format with the weekday, in Django's date syntax: Sun 29 Nov 2026", "D j M Y")
WEEKDAY_DAY_MONTH = pgettext_lazy(
    "a date format with the weekday and no year, in Django's date syntax: Sun 29 Nov", "D j M"
)


@register.filter
def weekday_date(value: Any) -> str:
    """A date with its weekday: 'Sun 29 Nov 2026'."""
    return date_format(value, str(WEEKDAY_DATE)) if value else ""


@register.filter
def weekday_day_month(value: Any) -> str:
    """A date with its weekday, without the year: 'Sun 29 Nov'."""
    return date_format(value, str(WEEKDAY_DAY_MONTH)) if value else ""


@register.filter
def iso_date(value: str | None) -> str:
    """'2026-11-29' -> 'Sun 29 Nov 2026'; anything unreadable is shown as it is."""
    if not value:
        return ""
    try:
        return weekday_date(dt.date.fromisoformat(str(value)))
    except ValueError:
        return str(value)
