"""Reading and writing a person's language."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from factcheck.errors import ServiceError
from factcheck.people.models import BROWSER, PersonSettings


def language_of(user: Any) -> str:
    """The language the person chose, or "" (the browser's). Never queries twice for one user object."""
    if user is None or not getattr(user, "pk", None):
        return BROWSER
    try:
        chosen = user.person_settings.language
    except PersonSettings.DoesNotExist:
        return BROWSER
    return chosen if chosen in dict(settings.LANGUAGES) else BROWSER


def language_for_email(user: Any) -> str:
    """The language to write to the person in: theirs, else the newsroom's (an email has no browser)."""
    return language_of(user) or settings.NEWSROOM_LANGUAGE


def language_set(*, by: Any, language: str) -> PersonSettings:
    if language != BROWSER and language not in dict(settings.LANGUAGES):
        raise ServiceError(_("This language is not one the app speaks; choose one from the list."))
    row, _created = PersonSettings.objects.update_or_create(user=by, defaults={"language": language})
    by.person_settings = row
    return row
