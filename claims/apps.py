from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims and verdicts"

    def ready(self) -> None:
        import claims.tasks  # noqa: F401 (services enqueue its tasks by name)
