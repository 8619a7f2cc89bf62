from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """Each person's own settings: for now, the language the workspace and their emails speak."""

    name = "factcheck.people"
    label = "people"
    verbose_name = _("Personal settings")
    default_auto_field = "django.db.models.BigAutoField"
