"""Search timings on 100,000 claims over 5,000 articles, with verdicts, comments and evidence.

    .venv/bin/python bench/search_bench.py [--rebuild] [--runs 40]

Built like the board's benchmark (``bench/board_bench.py``): its own database (``factcheck_bench_search``
on the embedded server, or DATABASE_URL when set), filled once with COPY and reused afterwards. The
texts are made from word lists, so a word matches from a few dozen to several thousand rows, as in a
newsroom; the database's triggers index every row during the COPY, as they do in production.
Prints p50/p95 of the search page for each kind of query (rare word, common word, two words, a
misspelt word, a name, a reviewer's search, 10,000 characters) and its query count.
Goal: p95 under 100 ms for every query, the same number of queries for each.
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
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("SOURCES_AUTO_SEARCH", "0")
os.environ.setdefault("MATCHING_AUTO", "0")
if "DATABASE_URL" not in os.environ:
    from factcheck.embedded import ensure_running

    os.environ["DATABASE_URL"] = ensure_running("factcheck_bench_search")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from claims.models import Claim, Rating, content_hash  # noqa: E402

N_CLAIMS = 100_000
N_ARTICLES = 5_000
N_REVIEWERS = 50
GOAL_MS = 100

SUBJECTS = [
    "unemployment",
    "inflation",
    "vaccination",
    "smoking",
    "obesity",
    "rainfall",
    "emissions",
    "tuition",
    "rents",
    "wages",
    "exports",
    "imports",
    "homicides",
    "burglaries",
    "admissions",
    "prescriptions",
    "deforestation",
    "tourism",
    "broadband",
    "recycling",
    "turnout",
    "pensions",
    "tariffs",
    "subsidies",
    "waiting-lists",
    "overdoses",
    "asthma",
    "measles",
    "malaria",
    "diabetes",
    "dementia",
    "ketamine",
    "lithium",
    "statins",
    "antibiotics",
    "fluoride",
    "glyphosate",
    "microplastics",
    "nitrates",
    "wildfires",
    "floods",
    "droughts",
    "heatwaves",
    "potholes",
]
VERBS = [
    "rose",
    "fell",
    "doubled",
    "halved",
    "increased",
    "decreased",
    "dropped",
    "climbed",
    "surged",
    "plunged",
    "stayed",
    "reached",
]
PLACES = [
    "Paris",
    "Lyon",
    "Marseille",
    "Lille",
    "Bordeaux",
    "Nantes",
    "Toulouse",
    "Nice",
    "Rennes",
    "Strasbourg",
    "Brussels",
    "Geneva",
    "Montreal",
    "Dakar",
    "Abidjan",
    "Tunis",
    "Algiers",
    "Rabat",
    "Quebec",
    "Liege",
    "Namur",
    "Lausanne",
    "Grenoble",
    "Dijon",
    "Angers",
    "Brest",
    "Metz",
    "Nancy",
    "Reims",
    "Caen",
]
NAMES = [
    "Schmidt",
    "Dubois",
    "Martin",
    "Bernard",
    "Lefebvre",
    "Moreau",
    "Laurent",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guerin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Perrin",
    "Morin",
    "Mathieu",
    "Clement",
    "Gauthier",
    "Dumont",
    "Lopez",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Sanchez",
]
FIRST = [
    "Liane",
    "Hugo",
    "Chloe",
    "Karim",
    "Ines",
    "Lucas",
    "Amina",
    "Theo",
    "Sarah",
    "Malik",
    "Nora",
    "Yanis",
    "Lea",
    "Omar",
]
FILLER = [
    "according",
    "to",
    "a",
    "report",
    "published",
    "on",
    "Tuesday",
    "by",
    "the",
    "national",
    "statistics",
    "office",
    "the",
    "figure",
    "is",
    "the",
    "highest",
    "since",
    "records",
    "began",
    "officials",
    "said",
    "the",
    "trend",
    "would",
    "continue",
    "next",
    "year",
    "while",
    "critics",
    "disputed",
    "the",
    "method",
]


def _users() -> tuple[object, list[object]]:
    User = get_user_model()
    editor, _ = User.objects.get_or_create(username="bench-editor", defaults={"first_name": "Bench"})
    editor.groups.add(Group.objects.get(name="editor"))
    reviewers = []
    group = Group.objects.get(name="reviewer")
    for i in range(N_REVIEWERS):
        user, _ = User.objects.get_or_create(username=f"bench-reviewer-{i:02}", defaults={"first_name": f"R{i:02}"})
        user.groups.add(group)
        reviewers.append(user)
    return editor, reviewers


def _claim_text(rng: random.Random) -> str:
    return (
        f"{rng.choice(SUBJECTS).capitalize()} in {rng.choice(PLACES)} {rng.choice(VERBS)} by "
        f"{rng.randint(2, 60)} percent in {rng.randint(2000, 2025)}, {rng.choice(FIRST)} {rng.choice(NAMES)} said"
    )


def _article_body(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(6):
        words = [rng.choice(FILLER) for _ in range(40)]
        words[rng.randrange(40)] = rng.choice(SUBJECTS)
        words[rng.randrange(40)] = rng.choice(PLACES)
        paragraphs.append(" ".join(words).capitalize() + ".")
    return "\n\n".join(paragraphs)


def build(reviewers: list[object]) -> None:
    rng = random.Random(11)
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE claims_evidence, claims_verdict, claims_comment, claims_claimevent, claims_claim, "
            "claims_article, search_document, search_word RESTART IDENTITY CASCADE"
        )
    now = timezone.now()
    with connection.cursor() as wrapper:
        with wrapper.cursor.copy(
            "COPY claims_article (title, outlet, authors, url, url_key, body, content_hash, origin, imported_at) "
            "FROM STDIN"
        ) as copy:
            for i in range(N_ARTICLES):
                body = _article_body(rng)
                title = f"{rng.choice(SUBJECTS).capitalize()} in {rng.choice(PLACES)}: report {i}"
                copy.write_row((title, "Bench News", "", "", "", body, content_hash(body), "paste", now))
        article_ids = [row[0] for row in connection.cursor().execute("SELECT id FROM claims_article").fetchall()]
        reviewer_ids = [r.pk for r in reviewers]
        with wrapper.cursor.copy(
            "COPY claims_claim (article_id, text, span_start, span_end, quote, claimant, status, assignee_id, "
            "due_date, priority, version, created_at, updated_at) FROM STDIN"
        ) as copy:
            for i in range(N_CLAIMS):
                text = _claim_text(rng)
                status = rng.choice(["new", "assigned", "in_review", "approved", "published"])
                copy.write_row(
                    (
                        rng.choice(article_ids),
                        text,
                        i % 400,
                        i % 400 + 40,
                        text,
                        f"{rng.choice(FIRST)} {rng.choice(NAMES)}",
                        status,
                        None if status == "new" else rng.choice(reviewer_ids),
                        None,
                        1,
                        1,
                        now - dt.timedelta(minutes=i),
                        now,
                    )
                )
        rating_ids = list(Rating.objects.values_list("id", flat=True))
        rows = connection.cursor().execute(
            "SELECT id, assignee_id FROM claims_claim WHERE status IN ('in_review', 'approved', 'published')"
        )
        with wrapper.cursor.copy(
            "COPY claims_verdict (claim_id, rating_id, explanation, confidence, author_id, version, updated_at) "
            "FROM STDIN"
        ) as copy:
            for claim_id, assignee_id in rows.fetchall():
                explanation = " ".join(rng.choice(FILLER + SUBJECTS) for _ in range(30))
                copy.write_row((claim_id, rng.choice(rating_ids), explanation, "high", assignee_id, 1, now))
        claim_ids = [row[0] for row in connection.cursor().execute("SELECT id FROM claims_claim").fetchall()]
        editor_id = get_user_model().objects.get(username="bench-editor").pk
        with wrapper.cursor.copy("COPY claims_comment (claim_id, author_id, body, created_at) FROM STDIN") as copy:
            for claim_id in rng.sample(claim_ids, 20_000):
                copy.write_row((claim_id, editor_id, " ".join(rng.choice(FILLER + NAMES) for _ in range(15)), now))
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(
        f"Built {N_CLAIMS} claims over {N_ARTICLES} articles (with verdicts and comments) in "
        f"{time.monotonic() - started:.1f} s"
    )


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
    reviewer = reviewers[0]
    searches = [
        ("rare word", editor, "glyphosate"),
        ("common word", editor, "percent"),
        ("two words", editor, "inflation Lyon"),
        ("misspelt word", editor, "glyphosat"),
        ("a name", editor, "Schmidt"),
        ("a misspelt name", editor, "Schmit Liane"),
        ("a reviewer's search", reviewer, "inflation"),
        ("10,000 characters", editor, "rents " * 1666),
    ]
    clients: dict[int, Client] = {}
    for _, user, _ in searches:
        if user.pk not in clients:
            clients[user.pk] = Client()
            clients[user.pk].force_login(user)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_document")
        documents = cursor.fetchone()[0]
    print(f"\n{Claim.objects.count()} claims; {documents} search documents")
    print(f"{'search':24} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}  goal p95 < {GOAL_MS} ms")
    ok = True
    counts = set()
    for label, user, q in searches:
        url = "/search/?" + urlencode({"q": q})
        p50, p95, count = measure(clients[user.pk], url, args.runs)
        counts.add(count)
        good = p95 < GOAL_MS
        ok = ok and good
        print(f"{label:24} {p50:8.1f} {p95:8.1f} {count:8d}  {'ok' if good else 'MISSED'}")
    if len(counts) != 1:
        print(f"query counts differ: {sorted(counts)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
