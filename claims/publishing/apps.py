from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """The publishing wing: public pages, snapshots, feeds, sitemaps, ClaimReview and readers' error reports."""

    name = "claims.publishing"
    label = "publishing"
    verbose_name = _("Publishing")

    def ready(self) -> None:
        import claims.publishing.tasks  # noqa: F401 (services enqueue its tasks by name)
        from claims import hooks

        hooks.article_panels.register(
            "publishing",
            hooks.Panel("publishing/_article_publish_box.html", lambda article, user: {"article": article}),
            order=90,
        )
