"""A newsroom's recent months, generated: claims created over the last weeks, approved and published some
days later, rated, with sources decided, readers' reports and corrections. Deterministic for a seed."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from claims.models import Check, CheckVersion, Claim, ClaimEvent, ClaimStatus, ErrorReport, Rating, Verdict
from sources.models import CandidateSource
from tests.factories import ArticleFactory, UserFactory

S = ClaimStatus
OUTLETS = ["Le Quotidien", "The Daily Example", "Radio Exemple"]


def generate(*, claims: int = 80, weeks: int = 16, seed: int = 7, editor: Any | None = None) -> dict[str, Any]:
    rng = random.Random(seed)
    now = timezone.now()
    editor = editor or UserFactory(username="desk-editor", first_name="Desk", last_name="Editor", groups=["editor"])
    reviewers = [
        UserFactory(username=f"desk-reviewer-{i}", first_name=name, last_name="Reviewer", groups=["reviewer"])
        for i, name in enumerate(["Ana", "Bruno", "Chloé", "Dev"])
    ]
    articles = [ArticleFactory(outlet=OUTLETS[i % len(OUTLETS)], title=f"Story {i}") for i in range(12)]
    ratings = list(Rating.objects.filter(is_active=True))
    today = timezone.localdate()
    made = []
    for i in range(claims):
        created = now - dt.timedelta(days=rng.uniform(1, weeks * 7), hours=rng.uniform(0, 12))
        status = rng.choice(
            [S.NEW, S.ASSIGNED, S.IN_REVIEW, S.SUBMITTED, S.APPROVED, S.APPROVED, S.PUBLISHED, S.PUBLISHED]
        )
        reviewer = None if status == S.NEW else rng.choice(reviewers)
        due = None if status == S.NEW else today + dt.timedelta(days=rng.randint(-6, 10))
        article = rng.choice(articles)
        claim = Claim.objects.create(
            article=article,
            text=f"Generated claim {i}",
            span_start=0,
            span_end=31,
            quote=article.body[:31],
            status=status,
            assignee=reviewer,
            due_date=due,
            created_at=created,
        )
        made.append(claim)
        if status in (S.APPROVED, S.PUBLISHED):
            approved = min(created + dt.timedelta(days=rng.uniform(0.5, 12)), now)
            ClaimEvent.objects.create(claim=claim, actor=editor, kind="status", action="approve", created_at=approved)
            Verdict.objects.create(
                claim=claim,
                author=reviewer,
                rating=rng.choice(ratings),
                explanation="x",
                approved_at=approved,
                approved_by=editor,
                submitted_at=approved,
            )
            if status == S.PUBLISHED:
                published = min(approved + dt.timedelta(days=rng.uniform(0.2, 5)), now)
                ClaimEvent.objects.create(
                    claim=claim, actor=editor, kind="status", action="publish", created_at=published
                )
            if rng.random() < 0.7:
                decision = rng.choice(["confirmed", "confirmed", "disputed"])
                CandidateSource.objects.create(
                    claim=claim,
                    doi=f"10.5555/desk.{i}",
                    title=f"Paper {i}",
                    decision=decision,
                    decided_by=editor,
                    decided_at=approved,
                )
    for n, article in enumerate(articles[:4]):
        check = Check.objects.create(article=article, slug=f"desk-check-{n}", headline=f"Checked story {n}")
        for number in (1, 2):
            CheckVersion.objects.create(
                check_page=check,
                number=number,
                snapshot={},
                published_by=editor,
                published_at=now - dt.timedelta(days=rng.uniform(1, weeks * 7)),
            )
        for _ in range(rng.randint(1, 3)):
            ErrorReport.objects.create(
                check_page=check,
                message="Something is wrong",
                created_at=now - dt.timedelta(days=rng.uniform(1, weeks * 7)),
            )
    return {"editor": editor, "reviewers": reviewers, "claims": made}
