"""Import an article from a file or a web address: ``manage.py import_article PATH_OR_URL``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from claims.importing import fetch, services
from factcheck.errors import ServiceError

# Anything that starts like "scheme:" and is not an existing file is treated as an address.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("--published must be a date written YYYY-MM-DD, not “%(value)s”.") % {"value": value}
        ) from None


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
            values = {
                "id": exc.existing.pk,
                "title": exc.existing.title,
                "url": f"{settings.SITE_URL}{exc.existing.get_absolute_url()}",
            }
            if exc.same == "text":
                message = _(
                    "Not imported: This text was already imported as article %(id)s (“%(title)s”), %(url)s. "
                    "Add --anyway to import it as a new version."
                )
            else:
                message = _(
                    "Not imported: An article from this address was already imported as article %(id)s "
                    "(“%(title)s”), %(url)s. Add --anyway to import it as a new version."
                )
            raise CommandError(message % values) from None
        except ServiceError as exc:
            raise CommandError(_("Not imported: %(reason)s") % {"reason": exc}) from None
        self.stdout.write(f"{article.pk} {settings.SITE_URL}{article.get_absolute_url()}")

    def _read(self, source: str) -> fetch.ImportedText:
        path = Path(source)
        if _SCHEME.match(source) and not path.exists():
            return fetch.fetch_url(source)
        if not path.is_file():
            raise CommandError(_("Not imported: there is no file “%(path)s”.") % {"path": source})
        if path.stat().st_size > settings.IMPORT_MAX_BYTES:
            raise CommandError(
                _("Not imported: “%(name)s” is larger than the %(size)s import limit.")
                % {"name": path.name, "size": fetch.max_megabytes()}
            )
        return fetch.text_from_upload(path.name, path.read_bytes())
