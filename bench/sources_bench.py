"""Benchmark: find sources for 50 claims against local providers answering in 150 ms, Crossref held to 3/s.

Each claim cites its own paper (a made-up compound in JAMA Psychiatry, its lead author named) among
distractors; the providers are played by the evaluation stand-in (``sources.evaluation.standin``),
which searches like the real services. Prints the HTTP requests per claim, the wall time beside the
floor the rate limits allow (Crossref searches / 3 per second) and their ratio, how often the cited
paper came first, then the same 50 again answered from the cache. Runs on a throw-away test database.

    .venv/bin/python bench/sources_bench.py
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("TEST_DATABASE_NAME", "bench_fc_sources")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from factcheck.embedded import ensure_running_if_wanted  # noqa: E402

ensure_running_if_wanted()

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

# The candidates' order: the rank where it exists (new code), else the score.
ORDER = ("rank", "-score", "id") if "rank =" in (ROOT / "sources" / "models.py").read_text() else ("-score", "id")
CLAIMS = 50
WORKERS = 12
LATENCY = 0.150
CROSSREF_RATE = 3.0
SYLLABLES = ["ba", "co", "di", "fe", "gu", "ka", "lo", "mi", "no", "pe", "ri", "su", "ta", "vo", "xe", "zu"]


def compound(n: int) -> str:
    """A made-up drug name per claim ("bacodine"), so that every claim asks the providers something new."""
    return SYLLABLES[n % 16] + SYLLABLES[(n // 16) % 16] + SYLLABLES[(n // 7) % 16] + "dine"


def corpus() -> object:
    """Each claim's cited paper (JAMA Psychiatry, its compound in the title) among ketamine-like distractors."""
    from sources.evaluation.standin import Corpus, Journal, Work

    works = []
    for n in range(CLAIMS):
        name = compound(n)
        works.append(
            Work(
                doi=f"10.5555/bench.{n:03d}",
                title=f"{name.capitalize()} and Mood in Treatment-Resistant Depression",
                authors=[("Hugo", "Bottemanne"), ("Liane", "Schmidt")],
                journal="JAMA Psychiatry",
                issns=["2168-622X", "2168-6238"],
                year=2022,
                month=9,
                abstract=f"Patients with depression given {name} reported better mood; 40 participants.",
                pmid=str(36000000 + n),
            )
        )
        works.append(
            Work(
                doi=f"10.5555/bench.{n:03d}.rival",
                title=f"{name.capitalize()} in Anxiety Disorders",
                authors=[("Ana", "Lopez")],
                journal="Molecular Psychiatry",
                issns=["1359-4184"],
                year=2021,
                abstract=f"A survey of {name} use among adults with anxiety.",
                pmid=str(36500000 + n),
            )
        )
    return Corpus(works, [Journal("JAMA Psychiatry", ["2168-622X", "2168-6238"])])


def run_round(searches: list[int]) -> float:
    """Run the searches on WORKERS threads, each like a worker process with its own connection."""
    from sources import services

    queue = list(searches)
    lock = threading.Lock()

    def worker() -> None:
        try:
            while True:
                with lock:
                    if not queue:
                        return
                    search_id = queue.pop(0)
                services.search_execute(search_id)
        finally:
            connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def main() -> int:
    from claims.models import Article, Claim, content_hash
    from sources import services
    from sources.evaluation.standin import StandIn
    from sources.models import SourceSearch

    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request would bury the figures
    stand_in = StandIn(corpus())  # type: ignore[arg-type]
    answer = stand_in.answer

    def slow_answer(path: str, params: dict[str, str]) -> tuple[int, str, str]:
        time.sleep(LATENCY)
        return answer(path, params)

    stand_in.answer = slow_answer  # type: ignore[method-assign]
    with stand_in:
        settings.CROSSREF_API_URL = f"{stand_in.url}/crossref"
        settings.NCBI_EUTILS_URL = f"{stand_in.url}/pubmed"
        settings.EUROPEPMC_API_URL = f"{stand_in.url}/europepmc"
        settings.OPENALEX_API_URL = f"{stand_in.url}/openalex"
        settings.FACTCHECK_TOOLS_API_KEY = ""
        # Only Crossref's search limit binds, so the floor is Crossref's alone.
        settings.SOURCES_RATE_LIMITS = {"crossref:search": CROSSREF_RATE}
        settings.SOURCES_CONCURRENCY = {"crossref:search": 3}
        old = setup_databases(verbosity=0, interactive=False)
        try:
            claims = []
            for n in range(CLAIMS):
                name = compound(n)
                body = (
                    f"{name.capitalize()} lifts mood in depression. Patients took {name} for a month.\n\n"
                    f"These results on {name}, published in the journal JAMA Psychiatry, are new, said "
                    f"lead author Hugo Bottemanne."
                )
                article = Article.objects.create(
                    title=f"{name.capitalize()} lifts mood in depression",
                    body=body,
                    content_hash=content_hash(body),
                    published_on=dt.date(2022, 10, 6),
                )
                start = body.index("These results")
                claims.append(
                    Claim.objects.create(
                        article=article, text=body[start:], quote=body[start:], span_start=start, span_end=len(body)
                    )
                )
            ids = [s.pk for c in claims for s in services.searches_start(claim=c, by=None, enqueue=False)]
            wall = run_round(ids)
            requests = list(stand_in.requests)
            crossref_searches = requests.count("/crossref/works")
            done = SourceSearch.objects.filter(pk__in=ids, status="done").count()
            top_right = sum(
                1
                for n, c in enumerate(claims)
                if (c.candidates.filter(kind="publication").order_by(*ORDER).values_list("doi", flat=True).first())
                == f"10.5555/bench.{n:03d}"
            )
            ids = [s.pk for c in claims for s in services.searches_start(claim=c, by=None, enqueue=False)]
            cached = run_round(ids)
            floor = crossref_searches / CROSSREF_RATE
            print(
                f"claims: {CLAIMS}, searches: {len(ids)} a round, {WORKERS} worker threads, "
                f"latency {LATENCY * 1e3:.0f} ms"
            )
            print(
                f"first round: {done}/{len(ids)} searches done, {len(requests)} HTTP requests "
                f"({len(requests) / CLAIMS:.1f} a claim), cited paper first for {top_right}/{CLAIMS}"
            )
            print(f"wall time: {wall:.2f} s ({wall / CLAIMS:.3f} s a claim)")
            print(
                f"floor: {crossref_searches} Crossref searches / {CROSSREF_RATE:g} per s = {floor:.2f} s; "
                f"ratio {wall / floor:.2f}"
            )
            print(
                f"the same {CLAIMS} claims again: {cached:.2f} s, {len(stand_in.requests) - len(requests)} "
                "HTTP requests (cache)"
            )
        finally:
            teardown_databases(old, verbosity=0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
