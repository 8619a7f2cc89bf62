"""Import an article from a file or a web address: ``manage.py import_article PATH_OR_URL``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.importing import fetch, services
from factcheck.errors import ServiceError

# Anything that starts like "scheme:" and is not an existing file is treated as an address.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be a date written YYYY-MM-DD, not “{value}”.") from None


class Command(BaseCommand):
    help = "Import an article from a .txt, .md or .html file, or from an http(s) URL; prints its id and URL."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", metavar="PATH_OR_URL", help="A .txt, .md or .html file, or an http(s) URL.")
        parser.add_argument("--title", default="", help="The headline (default: from the source).")
        parser.add_argument("--outlet", default="", help="The publication that ran the article.")
        parser.add_argument("--authors", default="", help="Author(s) as credited.")
        parser.add_argument("--url", default="", help="The article's original address.")
        parser.add_argument("--published", default="", help="Publication date, YYYY-MM-DD.")
        parser.add_argument(
            "--anyway",
            action="store_true",
            help="Import even when the text or the address was imported before (as a new version of it).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source_arg: str = options["source"]
        published_on = _date(options["published"]) if options["published"] else None
        try:
            source = self._read(source_arg)
            article = services.article_import(
                source=source,
                by=None,
                title=options["title"],
                outlet=options["outlet"],
                authors=options["authors"],
                url=options["url"],
                published_on=published_on,
                anyway=options["anyway"],
            )
        except services.AlreadyImported as exc:
            what = "This text" if exc.same == "text" else "An article from this address"
            raise CommandError(
                f"Not imported: {what} was already imported as article {exc.existing.pk} (“{exc.existing.title}”), "
                f"{settings.SITE_URL}{exc.existing.get_absolute_url()}. Add --anyway to import it as a new version."
            ) from None
        except ServiceError as exc:
            raise CommandError(f"Not imported: {exc}") from None
        self.stdout.write(f"{article.pk} {settings.SITE_URL}{article.get_absolute_url()}")

    def _read(self, source: str) -> fetch.ImportedText:
        path = Path(source)
        if _SCHEME.match(source) and not path.exists():
            return fetch.fetch_url(source)
        if not path.is_file():
            raise CommandError(f"Not imported: there is no file “{source}”.")
        if path.stat().st_size > settings.IMPORT_MAX_BYTES:
            raise CommandError(f"Not imported: “{path.name}” is larger than the {fetch.max_megabytes()} import limit.")
        return fetch.text_from_upload(path.name, path.read_bytes())
