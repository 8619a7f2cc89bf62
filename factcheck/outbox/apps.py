from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """The transactional outbox: every email is a row written with the change that causes it."""

    name = "factcheck.outbox"
    label = "outbox"
    verbose_name = _("Outgoing email")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        import factcheck.outbox.tasks  # noqa: F401 (services enqueue its tasks by name)
