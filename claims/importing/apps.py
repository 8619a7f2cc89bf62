from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportingConfig(AppConfig):
    """The import wing of the workspace: fetching, extraction and check-worthiness hints."""

    name = "claims.importing"
    label = "importing"
    verbose_name = _("Article import")

    def ready(self) -> None:
        from claims import hooks
        from claims.importing.selectors import hints_panel, pending_import_panel

        hooks.article_panels.register(
            "pending-import",
            hooks.Panel("importing/_pending_import.html", pending_import_panel, with_request=True),
            order=10,
        )
        hooks.article_panels.register("hints", hooks.Panel("importing/_hints.html", hints_panel), order=50)
