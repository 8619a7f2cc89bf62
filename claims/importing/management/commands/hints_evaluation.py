"""``manage.py hints_evaluation``: recall and precision of the check-worthiness hints, per language."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from claims.importing import evaluation


class Command(BaseCommand):
    help = "Print recall and precision of the check-worthiness hints on claims/importing/evaluation.py, per language."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--verbose", action="store_true", help="Also list the sentences missed or wrongly hinted.")

    def handle(self, *args: Any, **options: Any) -> None:
        for language in evaluation.LANGUAGES:
            figures = evaluation.figures(language)
            self.stdout.write(
                _(
                    "%(language)s: recall %(recall)s (%(found)s of %(worthy)s check-worthy sentences hinted), "
                    "precision %(precision)s (%(found)s of %(hinted)s hints check-worthy)"
                )
                % {
                    "language": language,
                    "recall": number_format(round(figures.recall, 2), 2),
                    "precision": number_format(round(figures.precision, 2), 2),
                    "found": figures.found,
                    "worthy": figures.worthy,
                    "hinted": figures.hinted,
                }
            )
            if options["verbose"]:
                for sentence in figures.missed:
                    self.stdout.write(_("  missed: %(sentence)s") % {"sentence": sentence})
                for sentence in figures.wrong:
                    self.stdout.write(_("  hinted wrongly: %(sentence)s") % {"sentence": sentence})
