from django.apps import AppConfig


class HousekeepingConfig(AppConfig):
    """Periodic clean-up the project needs whatever the apps: expired sessions."""

    name = "factcheck.housekeeping"
    label = "housekeeping"
    verbose_name = "Housekeeping"

    def ready(self) -> None:
        import factcheck.housekeeping.tasks  # noqa: F401 (beat sends its tasks by name)
