"""Dates stored as ISO text (in audit rows and snapshots) shown like every other date."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.dateformat import format as date_format

register = template.Library()


@register.filter
def iso_date(value: str | None, fmt: str = "D j M Y") -> str:
    """'2026-11-29' -> 'Sun 29 Nov 2026'; anything unreadable is shown as it is."""
    if not value:
        return ""
    try:
        return date_format(dt.date.fromisoformat(str(value)), fmt)
    except ValueError:
        return str(value)
