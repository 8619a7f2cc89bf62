"""The page's language for ``<html lang>``: it follows the language each request is answered in."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils import translation

register = template.Library()


@register.simple_tag
def page_language() -> str:
    """The active language's primary subtag: "en" (British English, LANGUAGE_CODE en-gb) or "fr"."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
