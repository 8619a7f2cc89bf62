"""Run the evaluation set of cited works against the local stand-in and print recall and precision."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sources.evaluation import cases, harness


class Command(BaseCommand):
    help = (
        "Search every case of the evaluation set (news stories citing a work among distractors) through the "
        "real pipeline against a local stand-in for the providers; print recall@1, recall@3 and the precision "
        "of confident matches, overall, per split and per phrasing kind. Leaves the database unchanged."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--split", choices=["dev", "held_out"], help="Only the cases of this split.")
        parser.add_argument("--case", action="append", default=[], help="Only this case (by key); repeatable.")
        parser.add_argument("--verbose", action="store_true", help="Also list the cases whose cited work is not first.")

    def handle(self, *args: Any, split: str | None, case: list[str], verbose: bool, **options: Any) -> None:
        chosen = [c for c in cases.CASES if (not split or c.split == split) and (not case or c.key in case)]
        report = harness.run(chosen)
        for line in harness.lines(report, verbose=verbose):
            self.stdout.write(line)
