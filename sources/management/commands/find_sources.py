"""Find candidate sources for a claim: enqueue the searches, or with --wait run them here and print the list."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.models import Claim
from sources import services
from sources.models import CandidateSource, SourceSearch


class Command(BaseCommand):
    help = "Search the providers for a claim's sources. --wait runs the whole search in this process."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("claim_id", type=int)
        parser.add_argument("--wait", action="store_true", help="Search here, without a worker, and print the list.")

    def handle(self, *args: Any, claim_id: int, wait: bool, **options: Any) -> None:
        claim = Claim.objects.filter(pk=claim_id).first()
        if claim is None:
            raise CommandError(f"There is no claim {claim_id}.")
        searches = services.searches_start(claim=claim, by=None, enqueue=not wait)
        if not wait:
            names = ", ".join(s.get_provider_display() for s in searches)
            self.stdout.write(f"Queued {len(searches)} searches ({names}); a worker will run them.")
            return
        for search in searches:
            services.search_execute(search.pk)
        for search in SourceSearch.objects.filter(pk__in=[s.pk for s in searches]).order_by("id"):
            outcome = f"{search.result_count} records" if search.status == "done" else search.error
            self.stderr.write(f"{search.get_provider_display()}: {outcome}")
        candidates = CandidateSource.objects.filter(claim=claim, kind=CandidateSource.Kind.PUBLICATION).order_by(
            "-score", "id"
        )
        for c in candidates:
            flags = [f for f, on in (("RETRACTED", c.is_retracted), ("corrected", c.has_correction)) if on]
            ids = " ".join(filter(None, [f"PMID {c.pmid}" if c.pmid else "", c.pmcid]))
            line = f"{c.doi or '-'}\t{c.score:.2f}\t{c.journal} {c.year or ''}\t{c.title}"
            self.stdout.write(" ".join(filter(None, [line, ids, *flags])))
        if not candidates:
            self.stdout.write("No candidate source found.")
