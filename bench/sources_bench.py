"""Benchmark: find sources for 50 claims against local providers answering in 150 ms, Crossref held to 3/s.

Prints the wall time beside the floor the rate limits allow (Crossref searches / 3 per second), their
ratio, then the same 50 again answered from the cache. Runs on a throw-away test database.

    .venv/bin/python bench/sources_bench.py
"""

from __future__ import annotations

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
from pytest_httpserver import HTTPServer  # noqa: E402
from werkzeug import Request, Response  # noqa: E402

CLAIMS = 50
WORKERS = 12
LATENCY = 0.150
CROSSREF_RATE = 3.0
DATA = ROOT / "tests" / "sources" / "data"
ANSWERS = {
    "/crossref/works": ("crossref/search_ketamine.json", "application/json"),
    "/pubmed/esearch.fcgi": ("pubmed/esearch_ketamine.json", "application/json"),
    "/pubmed/efetch.fcgi": ("pubmed/efetch_ketamine.xml", "text/xml"),
    "/europepmc/search": ("europepmc/search_ketamine_core.json", "application/json"),
    "/openalex/works": ("openalex/search_ketamine.json", "application/json"),
}
served: list[str] = []


def answer(request: Request) -> Response:
    time.sleep(LATENCY)
    served.append(request.path)
    name, content_type = ANSWERS[request.path]
    return Response((DATA / name).read_text(), content_type=content_type)


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
    from sources.models import SourceSearch

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request would bury the figures
    server = HTTPServer(threaded=True)
    for path in ANSWERS:
        server.expect_request(path).respond_with_handler(answer)
    server.start()
    settings.CROSSREF_API_URL = server.url_for("/crossref")
    settings.NCBI_EUTILS_URL = server.url_for("/pubmed")
    settings.EUROPEPMC_API_URL = server.url_for("/europepmc")
    settings.OPENALEX_API_URL = server.url_for("/openalex")
    settings.FACTCHECK_TOOLS_API_KEY = ""
    # Only Crossref's search limit binds, so the floor is Crossref's alone.
    settings.SOURCES_RATE_LIMITS = {"crossref:search": CROSSREF_RATE}
    settings.SOURCES_CONCURRENCY = {"crossref:search": 3}
    old = setup_databases(verbosity=0, interactive=False)
    try:
        claims = []
        for n in range(CLAIMS):
            body = (
                f"Compound{n:03d} lifts mood in depression. Compound{n:03d} was tested on patients. "
                f"These results on compound{n:03d}, published in the journal JAMA Psychiatry, are new."
            )
            article = Article.objects.create(title=f"Bench {n}", body=body, content_hash=content_hash(body))
            start = body.index("These results")
            claims.append(
                Claim.objects.create(
                    article=article, text=body[start:], quote=body[start:], span_start=start, span_end=len(body)
                )
            )
        ids = [s.pk for c in claims for s in services.searches_start(claim=c, by=None, enqueue=False)]
        wall = run_round(ids)
        first_requests = len(served)
        crossref_searches = served.count("/crossref/works")
        done = SourceSearch.objects.filter(pk__in=ids, status="done").count()
        ids = [s.pk for c in claims for s in services.searches_start(claim=c, by=None, enqueue=False)]
        cached = run_round(ids)
        floor = crossref_searches / CROSSREF_RATE
        ratio = wall / floor
        print(
            f"claims: {CLAIMS}, searches: {len(ids)} a round, {WORKERS} worker threads, latency {LATENCY * 1e3:.0f} ms"
        )
        print(f"first round: {done}/{len(ids)} searches done, {first_requests} HTTP requests")
        print(f"wall time: {wall:.2f} s")
        print(
            f"floor: {crossref_searches} Crossref searches / {CROSSREF_RATE:g} per s = {floor:.2f} s; ratio {ratio:.2f}"
        )
        print(f"the same {CLAIMS} claims again: {cached:.2f} s, {len(served) - first_requests} HTTP requests (cache)")
    finally:
        teardown_databases(old, verbosity=0)
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
