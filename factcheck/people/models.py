"""A person's own settings. No row: the defaults (the browser's language)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

BROWSER = ""


def language_choices() -> list[tuple[str, str]]:
    return [(BROWSER, _("Browser's language")), *settings.LANGUAGES]


class PersonSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, primary_key=True, on_delete=models.CASCADE, related_name="person_settings"
    )
    language = models.CharField(
        max_length=10,
        blank=True,
        default=BROWSER,
        help_text=_("The language of the workspace and of the emails; empty: the browser's language."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(language__in=[BROWSER, *dict(settings.LANGUAGES)]), name="person_language_known"
            ),
        ]

    def __str__(self) -> str:
        return gettext("Settings of %(user)s") % {"user": self.user_id}
