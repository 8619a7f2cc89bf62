from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    """The inbox wing: a list of what each person must act on, and the emails that tell them."""

    name = "claims.inbox"
    label = "inbox"
    verbose_name = _("Inbox and notifications")

    def ready(self) -> None:
        import claims.inbox.tasks  # noqa: F401 (beat and services name its tasks)
        from claims import hooks
        from claims.inbox import services

        hooks.claim_moved.register("inbox", services.claim_moved)
        hooks.comment_added.register("inbox", services.comment_added)
        hooks.error_reported.register("inbox", services.error_reported)
