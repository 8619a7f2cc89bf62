"""``manage.py matching_evaluation``: precision and recall of "checked before?" on its evaluation sets."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from claims.matching import evaluation, similarity


class Command(BaseCommand):
    help = (
        "Print precision and recall of the top-3 'same claim' suggestions on claims/matching/evaluation/pairs.json "
        "and on the held-out holdout.json."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--verbose-misses", action="store_true", help="Print every miss and wrong suggestion.")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(
            _("confident score %(score)s, top %(top)s suggestions per claim")
            % {"score": number_format(similarity.CONFIDENT), "top": evaluation.TOP}
        )
        sets = (
            (
                _(
                    "evaluation set (%(file)s: %(same)s same, %(different)s different): precision %(precision)s "
                    "(%(right)s right of %(suggestions)s suggestions), recall %(recall)s (%(found)s of %(same)s found)"
                ),
                evaluation.PAIRS,
            ),
            (
                _(
                    "held-out set (%(file)s: %(same)s same, %(different)s different): precision %(precision)s "
                    "(%(right)s right of %(suggestions)s suggestions), recall %(recall)s (%(found)s of %(same)s found)"
                ),
                evaluation.HOLDOUT,
            ),
        )
        for sentence, path in sets:
            # Everything the evaluation writes is rolled back.
            with transaction.atomic():
                report = evaluation.evaluate(path)
                transaction.set_rollback(True)
            self.stdout.write(
                sentence
                % {
                    "file": path.name,
                    "same": report.same_pairs,
                    "different": report.different_pairs,
                    "precision": number_format(f"{report.precision:.3f}", decimal_pos=3),
                    "right": report.right,
                    "suggestions": report.suggestions,
                    "recall": number_format(f"{report.recall:.3f}", decimal_pos=3),
                    "found": report.found,
                }
            )
            if options["verbose_misses"]:
                for miss in report.misses:
                    self.stdout.write(
                        f"  {miss.kind:7} {miss.score:.3f} {miss.claim[:70]!r} -> {miss.other[:70]!r} {miss.features}"
                    )
