from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    """The matching wing: "checked before?", the newsroom's earlier claims that say the same thing."""

    name = "claims.matching"
    label = "matching"
    verbose_name = _("Checked before")

    def ready(self) -> None:
        import claims.matching.tasks  # noqa: F401 (services enqueue its tasks by name)
        from claims import hooks
        from claims.matching import selectors, services

        hooks.claim_created.register("matching", services.claim_created)
        hooks.claim_panels.register("matching", hooks.Panel("matching/panel.html", selectors.claim_panel), order=20)
