"""``manage.py matching_evaluation``: precision and recall of "checked before?" on its evaluation sets."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from claims.matching import evaluation, similarity


class Command(BaseCommand):
    help = (
        "Print precision and recall of the top-3 'same claim' suggestions on claims/matching/evaluation/pairs.json "
        "and on the held-out holdout.json."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--verbose-misses", action="store_true", help="Print every miss and wrong suggestion.")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"confident score {similarity.CONFIDENT}, top {evaluation.TOP} suggestions per claim")
        for name, path in (("evaluation set", evaluation.PAIRS), ("held-out set", evaluation.HOLDOUT)):
            # Everything the evaluation writes is rolled back.
            with transaction.atomic():
                report = evaluation.evaluate(path)
                transaction.set_rollback(True)
            self.stdout.write(
                f"{name} ({path.name}: {report.same_pairs} same, {report.different_pairs} different): "
                f"precision {report.precision:.3f} ({report.right} right of {report.suggestions} suggestions), "
                f"recall {report.recall:.3f} ({report.found} of {report.same_pairs} found)"
            )
            if options["verbose_misses"]:
                for miss in report.misses:
                    self.stdout.write(
                        f"  {miss.kind:7} {miss.score:.3f} {miss.claim[:70]!r} -> {miss.other[:70]!r} {miss.features}"
                    )
