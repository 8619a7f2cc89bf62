"""How a person is named on a page: full name, else username; safe when there is nobody."""

from __future__ import annotations

from django import template

from claims.models import display_name

register = template.Library()
register.filter("display_name", display_name)
