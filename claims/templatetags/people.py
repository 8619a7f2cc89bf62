"""How a person is named on a page: full name, else username; safe when there is nobody."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def display_name(user: Any, fallback: str = "") -> str:
    if user is None:
        return fallback
    return user.get_full_name() or user.get_username()
