from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = _("Candidate sources")

    def ready(self) -> None:
        """Register the providers, and plug into the workspace: the workspace never imports this app."""
        import sources.providers
        import sources.tasks  # noqa: F401 (services enqueue its tasks by name)
        from claims import hooks
        from sources import evidence, selectors, services

        hooks.claim_created.register("sources", services.claim_created)
        hooks.claim_panels.register("sources", hooks.Panel("sources/panel.html", selectors.claim_panel))
        hooks.citable_sources.register(
            "sources", hooks.CitableSources(confirmed=selectors.citable, one=selectors.citable_one)
        )
        hooks.evidence_added.register("sources", evidence.evidence_added)
        hooks.reviews_elsewhere.register("sources", selectors.reviews_elsewhere)
        hooks.source_decisions.register("sources", selectors.decision_months)
