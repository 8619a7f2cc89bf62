from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The search wing: one search box over articles, claims, verdicts, comments and evidence."""

    name = "claims.search"
    label = "search"
    verbose_name = "Search"
