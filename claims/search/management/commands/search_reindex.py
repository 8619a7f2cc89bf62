"""``manage.py search_reindex``: rebuild every search document, each in its article's language."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from claims.search import sql


class Command(BaseCommand):
    help = (
        "Rebuild the search documents and the trigram vocabulary, each article in its language "
        "(SEARCH_CONFIG for a language without its own)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        config = settings.SEARCH_CONFIG
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [config])
            if cursor.fetchone() is None:
                raise CommandError(
                    f"SEARCH_CONFIG={config!r} is not a text search configuration of this PostgreSQL "
                    "(english, french, german, simple ...); nothing was changed."
                )
            cursor.execute(sql.config_function(config))
            cursor.execute(sql.rebuild())
            cursor.execute("SELECT count(*) FROM search_document")
            documents = cursor.fetchone()[0]
        self.stdout.write(f"Rebuilt {documents} search documents in the “{config}” configuration.")
