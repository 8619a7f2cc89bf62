"""The public pages (a 30-claim check, the list, the Atom feed) under gunicorn (2 workers), beside a
trivial view on the same server, in the same run.

Run: ``.venv/bin/python bench/public_page_bench.py`` (BENCH_SECONDS=30 per URL, BENCH_CONNECTIONS=20,
BENCH_ROUNDS=3 by default). It uses its own database (``factcheck_bench`` on the embedded PostgreSQL),
production-like settings (DEBUG off, persistent connections, the database cache), and ``wrk`` from
loopback (``apt-get install -y wrk``). Every URL is measured in BENCH_ROUNDS short runs taken in turn
(page, trivial, page, trivial ...), so a neighbour's load on a shared machine falls on both sides.
Requests carry ``Accept-Encoding: gzip`` as browsers do; the check page is measured uncompressed too.
Prints requests per second, p50/p99 latency, errors, each page's ratio to the trivial view, and the
page's weight (bytes per claim, plain and gzipped).

gunicorn imports this same file as its WSGI module: ``make_application()`` serves the project's
URLs plus ``/bench/trivial``, a view that only returns a short text through the full middleware stack.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

ROOT = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "20"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
GZIP = ("-H", "Accept-Encoding: gzip")
CLAIMS = 30
SLUG = "bench-thirty-claims"


def trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


# Filled in by make_application() once Django is set up (including the project's URLs imports models).
urlpatterns: list[Any] = []
handler404 = "factcheck.error_pages.not_found"
handler500 = "factcheck.error_pages.server_error"


def make_application() -> Any:
    """gunicorn's entry point: the project's WSGI app with this module's URLconf."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    urlpatterns[:] = [path("bench/trivial", trivial), path("", include("factcheck.urls"))]
    settings.ROOT_URLCONF = "public_page_bench"
    return application


def _environment() -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    from factcheck.embedded import ensure_running

    env = {
        **os.environ,
        "DATABASE_URL": ensure_running("factcheck_bench"),
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-not-used-anywhere-else-0123456789",
        "STATIC_MANIFEST": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CONN_MAX_AGE": "600",
        "SOURCES_AUTO_SEARCH": "0",
        "LOG_LEVEL": "WARNING",
        "CELERY_FILESYSTEM_BROKER_DIR": str(ROOT / "var" / "broker-bench"),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def _prepare_data(env: dict[str, str]) -> str:
    """Migrate the bench database and publish one check with 30 claims (once; later runs reuse it)."""
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from claims.models import Article, Check, Claim, ClaimStatus, Evidence, Rating, Verdict, content_hash
    from claims.publishing import services as publishing
    from sources.models import CandidateSource

    existing = Check.objects.filter(slug=SLUG, status=Check.Status.PUBLISHED).first()
    if existing:
        return existing.get_absolute_url()
    User = get_user_model()
    editor, _ = User.objects.get_or_create(username="bench-editor", defaults={"first_name": "Bea", "last_name": "Ench"})
    editor.groups.add(Group.objects.get(name="editor"))
    reviewer, _ = User.objects.get_or_create(
        username="bench-reviewer", defaults={"first_name": "Rob", "last_name": "V"}
    )
    reviewer.groups.add(Group.objects.get(name="reviewer"))
    sentence = "Ketamine lifted the mood of patients within four hours of a single dose in a small study. "
    body = sentence * CLAIMS
    article = Article.objects.create(
        title="Bench: thirty claims", body=body, content_hash=content_hash(body), outlet="Bench Daily"
    )
    ratings = list(Rating.objects.all())
    now = timezone.now()
    for i in range(CLAIMS):
        start = i * len(sentence)
        claim = Claim.objects.create(
            article=article,
            text=f"Claim {i + 1}: ketamine lifts mood within four hours.",
            span_start=start,
            span_end=start + len(sentence) - 1,
            quote=sentence.strip(),
            claimant="The article",
            status=ClaimStatus.APPROVED,
            assignee=reviewer,
        )
        verdict = Verdict.objects.create(
            claim=claim,
            rating=ratings[i % len(ratings)],
            explanation="The study measured optimism in 26 patients four hours after one dose. " * 3,
            author=reviewer,
            submitted_at=now,
            approved_at=now,
            approved_by=editor,
        )
        for j in range(3):
            candidate = CandidateSource.objects.create(
                claim=claim,
                doi=f"10.5555/bench.{i}.{j}",
                title=f"Ketamine and belief updating, study {j}",
                authors=["Bottemanne H", "Berkovitch L", "Gauld C", "Schmidt L"],
                journal="JAMA Psychiatry",
                year=2022,
            )
            Evidence.objects.create(verdict=verdict, candidate=candidate, stance="context", added_by=editor)
    check = publishing.check_prepare(
        article_id=article.pk,
        by=editor,
        headline="Bench: a check with thirty claims",
        summary="Thirty claims, three sources each.",
        assessment="A long page for the benchmark.",
        excluded_claim_ids=[],
    )
    Check.objects.filter(pk=check.pk).update(slug=SLUG)
    check.refresh_from_db()
    publishing.check_publish(check_id=check.pk, by=editor)
    return check.get_absolute_url()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer at {url}")


def _wrk(url: str, seconds: int, headers: tuple[str, ...] = GZIP) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", *headers, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout

    def ms(label: str) -> float:
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE)
        if not match:
            raise SystemExit(f"could not read the {label}th percentile from wrk:\n{out}")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    requests = float(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50": ms("50"),
        "p99": ms("99"),
        "errors": (float(errors.group(1)) if errors else 0.0)
        + (sum(float(g) for g in socket_errors.groups()) if socket_errors else 0.0),
    }


def _combined(runs: list[dict[str, float]]) -> dict[str, float]:
    """Rounds of one URL: total requests over total time, the median p50, the worst p99."""
    p50s = sorted(r["p50"] for r in runs)
    return {
        "rps": sum(r["rps"] for r in runs) / len(runs),
        "p50": p50s[len(p50s) // 2],
        "p99": max(r["p99"] for r in runs),
        "errors": sum(r["errors"] for r in runs),
        "requests": sum(r["requests"] for r in runs),
    }


def _fetch(url: str, gzip_ok: bool) -> tuple[bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read(), dict(response.headers)


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    env = _environment()
    page_path = _prepare_data(env)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--chdir",
            str(ROOT / "bench"),
            "--log-level",
            "warning",
            "public_page_bench:make_application()",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    urls = {
        "public check page (30 claims)": (base + page_path, GZIP),
        "the same, uncompressed": (base + page_path, ()),
        "list of checks": (base + "/checks/", GZIP),
        "Atom feed": (base + "/checks/feed.atom", GZIP),
    }
    trivial_url = base + "/bench/trivial"
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in urls}
    trivial: list[dict[str, float]] = []
    seconds = max(1, SECONDS // ROUNDS)
    try:
        _wait_until_up(trivial_url, time.monotonic() + 30)
        html, _headers = _fetch(base + page_path, gzip_ok=False)
        packed, packed_headers = _fetch(base + page_path, gzip_ok=True)
        if html.decode().count('class="claim"') != CLAIMS:
            raise SystemExit("the benchmark page does not show the 30 claims")
        if packed_headers.get("Content-Encoding") != "gzip":
            raise SystemExit("the benchmark page is not served gzipped")
        for url, _h in urls.values():  # warm every worker's memory
            for _ in range(4):
                _fetch(url, gzip_ok=True)
        for _round in range(ROUNDS):
            for name, (url, headers) in urls.items():
                runs[name].append(_wrk(url, seconds, headers))
                trivial.append(_wrk(trivial_url, seconds))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    base_line = _combined(trivial)
    load = os.getloadavg()
    print(
        f"gunicorn, 2 workers; wrk, {CONNECTIONS} connections, {ROUNDS} rounds of {seconds} s per URL, loopback; "
        f"load average before the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores"
    )
    print(
        f"page: {len(html):,} bytes ({len(html) // CLAIMS:,} per claim), gzipped {len(packed):,} bytes "
        f"({len(packed) // CLAIMS:,} per claim)"
    )
    print(f"{'':32} {'req/s':>10} {'p50 ms':>9} {'p99 ms':>9} {'errors':>7} {'vs trivial':>11}")
    for name, measured in runs.items():
        r = _combined(measured)
        print(
            f"{name:32} {r['rps']:10.1f} {r['p50']:9.2f} {r['p99']:9.2f} {int(r['errors']):7d} "
            f"{r['rps'] / base_line['rps']:11.2f}"
        )
    print(
        f"{'trivial view':32} {base_line['rps']:10.1f} {base_line['p50']:9.2f} {base_line['p99']:9.2f} "
        f"{int(base_line['errors']):7d} {1.0:11.2f}"
    )
    page = _combined(runs["public check page (30 claims)"])
    print(
        f"ratio page/trivial: throughput {page['rps'] / base_line['rps']:.2f}, "
        f"p50 latency {page['p50'] / base_line['p50']:.2f}"
    )


if __name__ == "__main__":
    main()
