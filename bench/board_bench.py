"""Board and queue timings on 100,000 claims over 5,000 articles and 50 reviewers.

    .venv/bin/python bench/board_bench.py [--rebuild] [--runs 40]

Uses its own database (``factcheck_bench_board`` on the embedded server, or DATABASE_URL when set;
other benchmarks keep theirs) and fills it once with COPY; later runs reuse it. Prints p50/p95 of
each page and its query count next to the count on a 10-claim database (the same database,
emptied inside a rolled-back transaction).
Goal: p95 under 150 ms, the same number of queries at both sizes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("SOURCES_AUTO_SEARCH", "0")
if "DATABASE_URL" not in os.environ:
    from factcheck.embedded import ensure_running

    os.environ["DATABASE_URL"] = ensure_running("factcheck_bench_board")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from claims.models import Article, Claim, Rating, content_hash  # noqa: E402

N_CLAIMS = 100_000
N_ARTICLES = 5_000
N_REVIEWERS = 50
STATUSES = [
    ("new", 20),
    ("assigned", 20),
    ("in_review", 15),
    ("submitted", 10),
    ("changes_requested", 5),
    ("approved", 20),
    ("published", 10),
]
WITH_VERDICT = {"in_review", "submitted", "changes_requested", "approved", "published"}
BODY = (
    "A study published in the journal JAMA Psychiatry found that optimism rose 4 hours after a single dose. "
    "The CNRS published a press release. One in three people with depression does not respond to the usual drugs."
) * 5


def _users() -> tuple[object, list[object]]:
    User = get_user_model()
    editor, _ = User.objects.get_or_create(username="bench-editor", defaults={"first_name": "Bench"})
    editor.groups.add(Group.objects.get(name="editor"))
    reviewers = []
    reviewer_group = Group.objects.get(name="reviewer")
    for i in range(N_REVIEWERS):
        user, _ = User.objects.get_or_create(username=f"bench-reviewer-{i:02}", defaults={"first_name": f"R{i:02}"})
        user.groups.add(reviewer_group)
        reviewers.append(user)
    return editor, reviewers


def build(reviewers: list[object]) -> None:
    """Fill the database: COPY is about 20 times faster than bulk_create at this size."""
    rng = random.Random(42)
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE claims_evidence, claims_verdict, claims_comment, claims_claimevent, claims_claim, "
            "claims_article RESTART IDENTITY CASCADE"
        )
    now = timezone.now()
    digest = content_hash(BODY)
    with connection.cursor() as wrapper:
        with wrapper.cursor.copy(
            "COPY claims_article (title, outlet, authors, url, body, content_hash, origin, imported_at) FROM STDIN"
        ) as copy:
            for i in range(N_ARTICLES):
                copy.write_row((f"Article {i}", "Bench News", "", "", BODY, digest, "paste", now))
        article_ids = [row[0] for row in connection.cursor().execute("SELECT id FROM claims_article").fetchall()]
        reviewer_ids = [r.pk for r in reviewers]
        statuses = [s for s, w in STATUSES for _ in range(w)]
        today = timezone.localdate()
        with wrapper.cursor.copy(
            "COPY claims_claim (article_id, text, span_start, span_end, quote, claimant, status, assignee_id, "
            "due_date, priority, version, created_at, updated_at) FROM STDIN"
        ) as copy:
            for i in range(N_CLAIMS):
                status = rng.choice(statuses)
                start = rng.randrange(0, 400)
                due = None if rng.random() < 0.15 else today + dt.timedelta(days=rng.randint(-30, 60))
                copy.write_row(
                    (
                        rng.choice(article_ids),
                        f"Claim {i}: optimism rose 4 hours after a single dose",
                        start,
                        start + 40,
                        BODY[start : start + 40],
                        "A researcher",
                        status,
                        None if status == "new" else rng.choice(reviewer_ids),
                        due,
                        rng.randint(0, 3),
                        1,
                        now - dt.timedelta(minutes=i),
                        now,
                    )
                )
        rating_ids = list(Rating.objects.values_list("id", flat=True))
        rows = connection.cursor().execute(
            "SELECT id, assignee_id, status FROM claims_claim WHERE status = ANY(%s)", [list(WITH_VERDICT)]
        )
        with wrapper.cursor.copy(
            "COPY claims_verdict (claim_id, rating_id, explanation, confidence, author_id, version, updated_at) "
            "FROM STDIN"
        ) as copy:
            for claim_id, assignee_id, _status in rows.fetchall():
                copy.write_row((claim_id, rng.choice(rating_ids), "Explained.", "high", assignee_id, 1, now))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # VACUUM cannot run in a transaction; it sets the visibility map that index-only scans rely on.
    connection.cursor().execute("VACUUM ANALYZE claims_claim")
    print(f"Built {N_CLAIMS} claims over {N_ARTICLES} articles in {time.monotonic() - started:.1f} s")


def measure(client: Client, url: str, runs: int) -> tuple[float, float, int]:
    for _ in range(3):
        assert client.get(url).status_code == 200, url
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], len(queries.captured_queries)


def query_count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries.captured_queries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="refill the database even if it is full")
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    call_command("migrate", verbosity=0)
    editor, reviewers = _users()
    if args.rebuild or Claim.objects.count() != N_CLAIMS:
        build(reviewers)
    # Index statistics and the visibility map for indexes a migration has just added.
    connection.cursor().execute("VACUUM ANALYZE claims_claim")
    busiest = (
        Claim.objects.filter(status__in=["assigned", "in_review", "changes_requested", "submitted"])
        .values("assignee_id")
        .order_by("assignee_id")
        .first()["assignee_id"]
    )
    reviewer = get_user_model().objects.get(pk=busiest)
    pages = [
        ("board, default view", editor, "/board/"),
        ("board, status filter", editor, "/board/?status=in_review"),
        ("board, assignee filter", editor, f"/board/?assignee={reviewer.pk}"),
        ("board, page 200", editor, "/board/?page=200"),
        ("board, words", editor, "/board/?q=claim+4217"),
        ("reviewer's queue", reviewer, "/queue/"),
    ]
    clients = {}
    for _, user, _ in pages:
        if user.pk not in clients:
            clients[user.pk] = Client()
            clients[user.pk].force_login(user)

    results = [(label, url, *measure(clients[user.pk], url, args.runs)) for label, user, url in pages]

    # The same pages on a database of 10 claims: emptied in a transaction that is rolled back.
    small_counts = []
    with transaction.atomic():
        connection.cursor().execute("TRUNCATE claims_claim CASCADE")
        article = Article.objects.first()
        for i in range(10):
            Claim.objects.create(
                article=article,
                text=f"Small claim {i}",
                span_start=0,
                span_end=10,
                quote=article.body[:10],
                status="assigned" if i % 2 else "new",
                assignee=reviewer if i % 2 else None,
            )
        for _, user, url in pages:
            small_counts.append(query_count(clients[user.pk], url.replace("page=200", "page=1")))
        transaction.set_rollback(True)

    print(f"\n{Claim.objects.count()} claims, {Article.objects.count()} articles, {N_REVIEWERS} reviewers")
    print(f"{'page':28} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'@10 claims':>11}  goal p95 < 150 ms")
    ok = True
    for (label, _url, p50, p95, count), small in zip(results, small_counts, strict=True):
        good = p95 < 150 and count == small
        ok = ok and good
        print(f"{label:28} {p50:8.1f} {p95:8.1f} {count:8d} {small:11d}  {'ok' if good else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
