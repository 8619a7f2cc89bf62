"""Load and faults: the public page and the board under load, then a killed worker, a stopped broker and
terminated database connections. Prints requests, errors, p99 and what was lost.

Run: ``.venv/bin/python bench/fault_bench.py`` (BENCH_SECONDS=20 per load phase, BENCH_CONNECTIONS=20).
Everything is on loopback and started by the script itself, and stopped by it: its own database
(``factcheck_faults`` on the embedded PostgreSQL), its own ``redis-server`` on a free port (never the
machine's shared one), gunicorn (2 workers), a Celery worker with beat, and a local server playing
Crossref, PubMed, Europe PMC and OpenAlex (each answer takes 0.5 s, so searches are caught running).
Every wait has a deadline; the whole run takes about four minutes.

The phases:

1. the public check page (30 claims), then the editors' board, each under wrk for BENCH_SECONDS;
2. searches for 8 new claims (32 provider searches); the worker is killed (SIGKILL) while some run, a
   new one starts, and the beat sweep must bring every search to an end: lost = not done;
3. the broker is stopped; 10 claims are assigned meanwhile (their emails cannot be enqueued); the
   broker comes back and the outbox sweep must send every email, once: lost = not sent;
4. the public page, then the board, under wrk again while every connection to the database is
   terminated every two seconds: errors on the public page should be 0.
"""

from __future__ import annotations

import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from public_page_bench import _free_port, _prepare_data, _wait_until_up, _wrk  # noqa: E402

SECONDS = int(os.environ.get("BENCH_SECONDS", "20"))
PROVIDER_DELAY = 0.5
SEARCH_CLAIMS = 8
ASSIGNMENTS = 10
DATA = ROOT / "tests" / "sources" / "data"
LOGS = ROOT / "var" / "fault-bench"


# -- A local stand-in for the providers --------------------------------------------------------------


ANSWERS = {
    "/crossref/works": ("crossref/search_ketamine.json", "application/json"),
    "/pubmed/esearch.fcgi": ("pubmed/esearch_ketamine.json", "application/json"),
    "/pubmed/efetch.fcgi": ("pubmed/efetch_ketamine.xml", "text/xml; charset=UTF-8"),
    "/europepmc/search": ("europepmc/search_ketamine_core.json", "application/json"),
    "/openalex/works": ("openalex/search_ketamine.json", "application/json"),
}


class _Providers(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(PROVIDER_DELAY)
        answer = ANSWERS.get(self.path.split("?", 1)[0])
        if answer is None:
            self.send_response(404)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"status":"error","message":"not found"}')
            return
        body = (DATA / answer[0]).read_bytes()
        try:
            self.send_response(200)
            self.send_header("Content-Type", answer[1])
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the worker asking was killed: that is the point of the exercise

    def log_message(self, format: str, *args: Any) -> None:
        return


@contextmanager
def providers() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Providers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


# -- Processes the script owns ------------------------------------------------------------------------


def _answers_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def start_redis(port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    if not wait_for(lambda: _answers_ping(port), 10):
        raise SystemExit(f"redis-server did not start on port {port}")
    return proc


def stop(proc: subprocess.Popen[Any] | None, sig: int = signal.SIGTERM) -> None:
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        proc.send_signal(sig)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def start_worker(env: dict[str, str], name: str) -> subprocess.Popen[bytes]:
    log = open(LOGS / f"{name}.log", "wb")  # noqa: SIM115 (closed with the process)
    return subprocess.Popen(
        [
            str(Path(sys.executable).with_name("celery")),
            "-A",
            "factcheck",
            "worker",
            "--beat",
            "--schedule",
            str(LOGS / f"{name}-beat"),
            "--pool=threads",
            "--concurrency=4",
            "-l",
            "info",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_for(predicate: Callable[[], bool], timeout: float, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


# -- The phases ---------------------------------------------------------------------------------------


def load(name: str, url: str, headers: tuple[str, ...] = ()) -> dict[str, float]:
    result = _wrk(url, SECONDS, headers)
    print(
        f"  {name:44} {int(result['requests']):8d} requests {int(result['errors']):5d} errors "
        f"p99 {result['p99']:8.2f} ms ({result['rps']:.0f} req/s)",
        flush=True,
    )
    return result


@contextmanager
def terminating_connections(every: float = 2.0) -> Iterator[list[int]]:
    """Terminate every other connection to the database every ``every`` seconds, in a thread."""
    from django.db import connection

    killed: list[int] = []
    done = threading.Event()

    def run() -> None:
        while not done.wait(every):
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
                )
                killed.append(int(cursor.fetchone()[0]))
        connection.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield killed
    finally:
        done.set()
        thread.join(timeout=10)


def board_cookie() -> str:
    """A logged-in editor's session, made the way a login makes it."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    editor = get_user_model().objects.get(username="bench-editor")
    session = SessionStore()
    session[SESSION_KEY] = str(editor.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = editor.get_session_auth_hash()
    session.create()
    return f"sessionid={session.session_key}"


def new_claims(count: int, *, search: bool) -> list[int]:
    from django.contrib.auth import get_user_model

    from claims.services import article_create, claim_create

    editor = get_user_model().objects.get(username="bench-editor")
    sentence = "These results, published in the journal JAMA Psychiatry, open new therapeutic avenues. "
    article = article_create(title=f"Faults: {time.time()}", body=sentence * count, by=editor)
    return [
        claim_create(
            article=article,
            span_start=i * len(sentence),
            span_end=(i + 1) * len(sentence) - 1,
            by=editor,
            search_sources=search,
        ).pk
        for i in range(count)
    ]


def main() -> None:
    import shutil

    for tool, package in (("wrk", "wrk"), ("redis-server", "redis-server")):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed: apt-get install -y {package}")
    LOGS.mkdir(parents=True, exist_ok=True)
    from factcheck.embedded import ensure_running

    redis_port = _free_port()
    broker = f"redis://127.0.0.1:{redis_port}/0"
    with providers() as fake:
        env = {
            **os.environ,
            "DATABASE_URL": ensure_running("factcheck_faults"),
            "DJANGO_SETTINGS_MODULE": "factcheck.settings",
            "DEBUG": "0",
            "SECRET_KEY": "fault-bench-only-secret-key-not-used-anywhere-else-0123456789",
            "STATIC_MANIFEST": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CONN_MAX_AGE": "600",
            "LOG_LEVEL": "WARNING",
            "CELERY_BROKER_URL": broker,
            "SOURCES_AUTO_SEARCH": "0",
            "SOURCES_STUCK_SECONDS": "6",
            "SOURCES_SWEEP_SECONDS": "2",
            "SOURCES_MAX_SEARCH_RUNS": "5",
            # Every search goes to the (slow) providers, never to the cache of an earlier run.
            "SOURCES_CACHE_SECONDS": "0",
            "SOURCES_RECORD_CACHE_SECONDS": "0",
            "OUTBOX_SWEEP_SECONDS": "2",
            "SESSION_COOKIE_SECURE": "0",
            "CROSSREF_API_URL": f"{fake}/crossref",
            "NCBI_EUTILS_URL": f"{fake}/pubmed",
            "EUROPEPMC_API_URL": f"{fake}/europepmc",
            "OPENALEX_API_URL": f"{fake}/openalex",
            "FACTCHECK_TOOLS_API_KEY": "",
        }
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        page_path = _prepare_data(env)  # migrates, then sets Django up in this process with ``env``
        from django.contrib.auth import get_user_model

        from claims.models import Claim, ClaimStatus
        from factcheck.outbox.models import OutboundEmail
        from sources.models import SourceSearch

        get_user_model().objects.filter(username="bench-reviewer").update(email="reviewer@bench.example")
        cookie = board_cookie()
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        redis = worker = web = None
        lost_searches = lost_emails = -1
        started = time.monotonic()
        try:
            redis = start_redis(redis_port)
            web = subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("gunicorn")),
                    "--workers",
                    "2",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--log-level",
                    "warning",
                    "factcheck.wsgi:application",
                ],
                cwd=ROOT,
                env=env,
                start_new_session=True,
                stdout=open(LOGS / "gunicorn.log", "wb"),  # noqa: SIM115
                stderr=subprocess.STDOUT,
            )
            _wait_until_up(base + page_path, time.monotonic() + 60)
            worker = start_worker(env, "worker-1")
            gz = ("-H", "Accept-Encoding: gzip")
            board = ("-H", f"Cookie: {cookie}", "-H", "Accept-Encoding: gzip")

            print(f"1. load, {SECONDS} s each, 20 connections", flush=True)
            load("public check page (30 claims)", base + page_path, gz)
            load("editors' board", base + "/board/", board)

            print("2. a worker killed mid-search", flush=True)
            claims = new_claims(SEARCH_CLAIMS, search=True)
            searches = SourceSearch.objects.filter(claim_id__in=claims)
            total = searches.count()
            running = wait_for(lambda: searches.filter(status="running").exists(), 60, 0.05)
            caught = searches.filter(status="running").count()
            stop(worker, signal.SIGKILL)
            print(f"  killed the worker (SIGKILL) with {caught} of {total} searches running (seen: {running})")
            worker = start_worker(env, "worker-2")
            ended = wait_for(lambda: not searches.filter(status__in=["pending", "running"]).exists(), 150, 0.5)
            done = searches.filter(status="done").count()
            lost_searches = total - done
            print(
                f"  {done} of {total} searches done, {searches.filter(status='failed').count()} failed, "
                f"{searches.filter(status__in=['pending', 'running']).count()} unfinished "
                f"(all ended: {ended}) -> lost: {lost_searches}",
                flush=True,
            )

            print("3. the broker stopped while claims are assigned", flush=True)
            reviewer = get_user_model().objects.get(username="bench-reviewer")
            editor = get_user_model().objects.get(username="bench-editor")
            to_assign = new_claims(ASSIGNMENTS, search=False)
            before = OutboundEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            stop(redis)
            import logging

            from claims.services import claim_assign

            # Each refused send is logged with its traceback; here they are expected, and counted below.
            logging.getLogger("factcheck.celery").setLevel(logging.CRITICAL)

            for claim_id in to_assign:
                claim_assign(claim_id=claim_id, reviewer_id=reviewer.pk, due_date=None, by=editor, version=1)
            assigned = Claim.objects.filter(pk__in=to_assign, status=ClaimStatus.ASSIGNED).count()
            emails = OutboundEmail.objects.filter(pk__gt=before, kind="assignment")
            print(f"  {assigned} claims assigned while the broker was down; {emails.count()} emails waiting")
            time.sleep(3)
            redis = start_redis(redis_port)
            sent = wait_for(lambda: emails.filter(status="sent").count() == ASSIGNMENTS, 90, 0.5)
            twice = emails.filter(attempts__gt=1).count()
            lost_emails = ASSIGNMENTS - emails.filter(status="sent").count()
            print(
                f"  broker back: {emails.filter(status='sent').count()} of {ASSIGNMENTS} sent "
                f"(all: {sent}; sent after a retry: {twice}) -> lost: {lost_emails}",
                flush=True,
            )

            print(f"4. load while every database connection is terminated every 2 s, {SECONDS} s each", flush=True)
            with terminating_connections() as killed:
                page = load("public check page (30 claims)", base + page_path, gz)
            print(f"  {sum(killed)} connections terminated")
            with terminating_connections() as killed:
                load("editors' board", base + "/board/", board)
            print(f"  {sum(killed)} connections terminated")
        finally:
            stop(worker, signal.SIGTERM)
            stop(web)
            stop(redis)
        load_avg = os.getloadavg()
        print(
            f"lost: {lost_searches} searches, {lost_emails} emails; public page errors under terminations: "
            f"{int(page['errors'])}. {time.monotonic() - started:.0f} s; load average {load_avg[0]:.2f} "
            f"{load_avg[1]:.2f} {load_avg[2]:.2f} on {os.cpu_count()} cores; logs in {LOGS}"
        )


if __name__ == "__main__":
    main()
