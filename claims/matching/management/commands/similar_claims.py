"""``manage.py similar_claims CLAIM_ID``: the newsroom's claims that say the same thing, best first."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from claims.matching import services, similarity
from claims.models import Claim


class Command(BaseCommand):
    help = (
        "Print the newsroom's claims that may say what CLAIM_ID says, best first, one per line: "
        "claim id, score, rating, article title. Reads only; the claim page's card is not changed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("claim_id", type=int, metavar="CLAIM_ID")
        parser.add_argument("--all", action="store_true", help="Also the candidates below the confident score.")
        parser.add_argument("--limit", type=int, default=10, help="At most this many lines (default 10).")

    def handle(self, *args: Any, **options: Any) -> None:
        claim = Claim.objects.filter(pk=options["claim_id"]).first()
        if claim is None:
            raise CommandError(_("There is no claim %(id)s.") % {"id": options["claim_id"]})
        ranked = services.similar_to(claim)
        if not options["all"]:
            ranked = [c for c in ranked if c.score >= similarity.CONFIDENT]
        ranked = ranked[: max(1, options["limit"])]
        if not ranked:
            self.stderr.write(
                _("No claim of the newsroom says the same as claim %(id)s (“%(text)s”).")
                % {"id": claim.pk, "text": claim.text[:80]}
            )
            return
        others = {
            c.pk: c
            for c in Claim.objects.filter(pk__in=[r.claim_id for r in ranked]).select_related(
                "article", "verdict__rating"
            )
        }
        for row in ranked:
            other = others[row.claim_id]
            verdict = getattr(other, "verdict", None)
            rating = verdict.rating.display_label if verdict and verdict.rating else "-"
            self.stdout.write(f"{other.pk}\t{row.score:.3f}\t{rating}\t{other.article.title}")
