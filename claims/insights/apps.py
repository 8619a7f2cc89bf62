from django.apps import AppConfig


class InsightsConfig(AppConfig):
    """The dashboard wing: how the desk is doing, in charts drawn on the server, with their numbers."""

    name = "claims.insights"
    label = "insights"
    verbose_name = "Newsroom dashboard"
