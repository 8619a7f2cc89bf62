from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    """The dashboard wing: how the desk is doing, in charts drawn on the server, with their numbers."""

    name = "claims.insights"
    label = "insights"
    verbose_name = _("Newsroom dashboard")
