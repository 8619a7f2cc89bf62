"""Find candidate sources for a claim: enqueue the searches, or with --wait run them here and print the list."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from claims import studies
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
            raise CommandError(_("There is no claim %(id)s.") % {"id": claim_id})
        searches = services.searches_start(claim=claim, by=None, enqueue=not wait)
        if not wait:
            names = ", ".join(s.get_provider_display() for s in searches)
            self.stdout.write(
                ngettext(
                    "Queued %(count)s search (%(names)s); a worker will run it.",
                    "Queued %(count)s searches (%(names)s); a worker will run them.",
                    len(searches),
                )
                % {"count": len(searches), "names": names}
            )
            return
        for search in searches:
            services.search_execute(search.pk)
        for search in SourceSearch.objects.filter(pk__in=[s.pk for s in searches]).order_by("id"):
            if search.status == "done":
                outcome = ngettext("%(count)s record", "%(count)s records", search.result_count) % {
                    "count": search.result_count
                }
            else:
                outcome = search.error
            self.stderr.write(
                _("%(provider)s: %(outcome)s") % {"provider": search.get_provider_display(), "outcome": outcome}
            )
        candidates = CandidateSource.objects.filter(claim=claim, kind=CandidateSource.Kind.PUBLICATION).order_by(
            "rank", "-score", "id"
        )
        for c in candidates:
            self.stdout.write(candidate_line(c))
        if not candidates:
            self.stdout.write(_("No candidate source found."))


def candidate_line(c: CandidateSource) -> str:
    """DOI, score, confident or not, flags, study type, then the citation: tab-separated, for people and scripts."""
    flags = [
        name
        for name, on in (
            ("retracted", c.is_retracted),
            ("corrected", c.has_correction),
            ("concern", c.has_expression_of_concern),
            ("preprint", c.is_preprint),
        )
        if on
    ]
    card = studies.display(c.study) or {}
    ids = " ".join(filter(None, [f"PMID {c.pmid}" if c.pmid else "", c.pmcid]))
    return "\t".join(
        [
            c.doi or "-",
            f"{c.score:.2f}",
            "confident" if c.confident else "not confident",
            ",".join(flags) or "-",
            str(card.get("kind_label") or "-"),
            f"{c.journal} {c.year or ''}".strip() or "-",
            " ".join(filter(None, [c.title, ids])),
        ]
    )
