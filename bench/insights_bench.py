"""The editors' dashboard (/insights/) on 100,000 claims: p50/p95 and query counts.

    .venv/bin/python bench/insights_bench.py [--rebuild] [--runs 30]

Builds its own database (``factcheck_bench_insights`` on the embedded server, or DATABASE_URL when set) the
way ``bench/board_bench.py`` does (100,000 claims over 5,000 articles and 50 reviewers, with COPY), then adds
what the dashboard counts: eight outlets instead of one, claims spread over a year, an assignment for
every claim with a reviewer, an approval for every approved or published claim and a publication for
every published one (hours to days after the claim), the verdicts' approval times, 20,000 decided
candidate sources, 1,000 checks with versions, corrections and readers' error reports. Later runs reuse
it. Prints p50/p95 of the dashboard with each filter, and of a table's CSV download, with the query
count beside the count on a 10-claim database.
Goal: p95 under 300 ms, the same number of queries at both sizes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("SOURCES_AUTO_SEARCH", "0")
if "DATABASE_URL" not in os.environ:
    sys.path.insert(0, str(BENCH.parent))
    from factcheck.embedded import ensure_running

    os.environ["DATABASE_URL"] = ensure_running("factcheck_bench_insights")

import board_bench  # noqa: E402  (sets Django up on the database chosen above; its build() fills the claims)
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from claims.models import Article, Check, CheckVersion, Claim, ClaimEvent, ErrorReport  # noqa: E402
from sources.models import CandidateSource  # noqa: E402

N_SOURCES = 20_000
N_CHECKS = 1_000
GOAL_MS = 300


def add_history(editor: object) -> None:
    """What the dashboard counts, on top of board_bench's claims: events, approvals, sources, checks, reports."""
    started = time.monotonic()
    rng = random.Random(7)
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE claims_errorreport, claims_checkversion, claims_check_excluded_claims, claims_check, "
            "sources_candidatesource RESTART IDENTITY CASCADE"
        )
        cursor.execute("DELETE FROM claims_claimevent")
        # A desk checks several outlets: eight, so that filtering by one keeps an eighth of the claims.
        cursor.execute("UPDATE claims_article SET outlet = 'Outlet ' || (id %% 8)", [])
        # The claims were created a minute apart, newest first; spread them over the past year instead.
        cursor.execute(
            "UPDATE claims_claim SET created_at = now() - (id % 365) * interval '1 day' - (id % 24) * interval '1 hour'"
        )
        cursor.execute(
            """INSERT INTO claims_claimevent (claim_id, actor_id, kind, action, from_status, to_status, note, data,
                                              created_at)
               SELECT id, %s, 'status', 'assign', 'new', 'assigned', '', '{}', created_at + interval '2 hours'
               FROM claims_claim WHERE assignee_id IS NOT NULL""",
            [editor.pk],
        )
        cursor.execute(
            """INSERT INTO claims_claimevent (claim_id, actor_id, kind, action, from_status, to_status, note, data,
                                              created_at)
               SELECT id, %s, 'status', 'approve', 'submitted', 'approved', '', '{}',
                      created_at + (1 + id %% 200) * interval '1 hour'
               FROM claims_claim WHERE status IN ('approved', 'published')""",
            [editor.pk],
        )
        cursor.execute(
            """INSERT INTO claims_claimevent (claim_id, actor_id, kind, action, from_status, to_status, note, data,
                                              created_at)
               SELECT id, %s, 'status', 'publish', 'approved', 'published', '', '{}',
                      created_at + (30 + id %% 400) * interval '1 hour'
               FROM claims_claim WHERE status = 'published'""",
            [editor.pk],
        )
        cursor.execute(
            """UPDATE claims_verdict v SET approved_at = e.created_at, approved_by_id = %s, submitted_at = e.created_at
               FROM claims_claimevent e WHERE e.claim_id = v.claim_id AND e.action = 'approve'""",
            [editor.pk],
        )
    claim_ids = list(Claim.objects.filter(status__in=["approved", "published"]).values_list("id", "created_at"))
    now = timezone.now()
    sources = []
    for i, (claim_id, created) in enumerate(rng.sample(claim_ids, min(N_SOURCES, len(claim_ids)))):
        sources.append(
            CandidateSource(
                claim_id=claim_id,
                doi=f"10.5555/bench.{i}",
                title=f"Paper {i}",
                providers=["crossref"],
                decision="confirmed" if rng.random() < 0.7 else "disputed",
                decision_reason="cited_source",
                decided_by=editor,
                decided_at=created + (now - created) * rng.random(),
            )
        )
    CandidateSource.objects.bulk_create(sources, batch_size=2000)
    articles = list(Article.objects.order_by("id").values_list("id", flat=True)[:N_CHECKS])
    checks = Check.objects.bulk_create(
        [Check(article_id=a, slug=f"bench-{a}", headline=f"Bench check {a}", status="draft") for a in articles]
    )
    versions, reports = [], []
    for check in checks:
        first = now - dt.timedelta(days=365) * rng.random()
        versions.append(CheckVersion(check_page=check, number=1, snapshot={}, published_by=editor, published_at=first))
        if rng.random() < 0.3:
            versions.append(
                CheckVersion(
                    check_page=check,
                    number=2,
                    snapshot={},
                    published_by=editor,
                    published_at=now - (now - first) * rng.random(),
                )
            )
        for _ in range(rng.randint(0, 2)):
            reports.append(
                ErrorReport(check_page=check, message="Wrong figure", created_at=now - (now - first) * rng.random())
            )
    CheckVersion.objects.bulk_create(versions, batch_size=2000)
    ErrorReport.objects.bulk_create(reports, batch_size=2000)
    connection.cursor().execute("VACUUM ANALYZE")
    print(
        f"Added {ClaimEvent.objects.count()} events, {len(sources)} decided sources, {len(checks)} checks, "
        f"{len(versions)} versions and {len(reports)} error reports in {time.monotonic() - started:.1f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="refill the database even if it is full")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    call_command("migrate", verbosity=0)
    editor, reviewers = board_bench._users()
    if args.rebuild or Claim.objects.count() != board_bench.N_CLAIMS:
        board_bench.build(reviewers)
        add_history(editor)
    elif not Article.objects.filter(outlet="Outlet 3").exists():
        add_history(editor)
    # Index-only scans need the visibility map that VACUUM sets (a fresh index, or rows just written).
    connection.cursor().execute("VACUUM ANALYZE")
    busiest = reviewers[0]
    outlet = "Outlet 3"
    today = timezone.localdate()
    two_years = f"start={(today - dt.timedelta(days=730)).isoformat()}&end={today.isoformat()}"
    pages = [
        ("dashboard, last 26 weeks", "/insights/"),
        ("dashboard, two years", f"/insights/?{two_years}"),
        ("dashboard, one outlet", f"/insights/?outlet={outlet.replace(' ', '+')}"),
        ("dashboard, one reviewer", f"/insights/?reviewer={busiest.pk}"),
        ("CSV, time to approval", f"/insights/to-approved.csv?{two_years}"),
    ]
    client = Client()
    client.force_login(editor)

    def get(url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, url
        if response.streaming:
            b"".join(response.streaming_content)

    results = []
    for label, url in pages:
        for _ in range(3):
            get(url)
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            get(url)
            times.append((time.perf_counter() - began) * 1000)
        times.sort()
        results.append((label, url, times[len(times) // 2], times[int(0.95 * (len(times) - 1))], count(client, url)))

    # The same pages on a database of 10 claims: emptied in a transaction that is rolled back.
    small = []
    with transaction.atomic():
        connection.cursor().execute("TRUNCATE claims_claim CASCADE")
        article = Article.objects.first()
        for i in range(10):
            Claim.objects.create(
                article=article,
                text=f"Small {i}",
                span_start=0,
                span_end=10,
                quote=article.body[:10],
                status="assigned",
                assignee=busiest,
            )
        small = [count(client, url) for _, url in pages]
        transaction.set_rollback(True)

    print(
        f"\n{Claim.objects.count()} claims, {ClaimEvent.objects.count()} events, "
        f"{CandidateSource.objects.count()} sources, {Article.objects.count()} articles"
    )
    print(f"{'page':28} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'@10 claims':>11}  goal p95 < {GOAL_MS} ms")
    ok = True
    for (label, _url, p50, p95, queries), at_ten in zip(results, small, strict=True):
        good = p95 < GOAL_MS and queries == at_ten
        ok = ok and good
        print(f"{label:28} {p50:8.1f} {p95:8.1f} {queries:8d} {at_ten:11d}  {'ok' if good else 'MISSED'}")
    return 0 if ok else 1


def count(client: Client, url: str) -> int:
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    return len(queries.captured_queries)


if __name__ == "__main__":
    sys.exit(main())
