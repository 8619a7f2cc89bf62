from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HousekeepingConfig(AppConfig):
    """Periodic clean-up the project needs whatever the apps: expired sessions."""

    name = "factcheck.housekeeping"
    label = "housekeeping"
    verbose_name = _("Housekeeping")

    def ready(self) -> None:
        import factcheck.housekeeping.tasks  # noqa: F401 (beat sends its tasks by name)
