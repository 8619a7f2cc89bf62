"""Start a real Celery worker process on the configured broker, pointed at the test database."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def test_database_url() -> str:
    s = connection.settings_dict
    host = s.get("HOST") or (s.get("OPTIONS") or {}).get("host") or ""
    user = s.get("USER") or ""
    password = s.get("PASSWORD") or ""
    port = s.get("PORT") or ""
    if host.startswith("/"):
        return f"postgresql://{user}:{password}@/{s['NAME']}?host={host}"
    return f"postgresql://{user}:{password}@{host}:{port or 5432}/{s['NAME']}"


@contextlib.contextmanager
def celery_worker(extra_env: dict[str, str] | None = None, pool: str = "solo") -> Iterator[subprocess.Popen[Any]]:
    """A real ``celery worker`` subprocess; stopped (TERM, then KILL) on exit."""
    env = {**os.environ, "DATABASE_URL": test_database_url(), **(extra_env or {})}
    log = open(ROOT / "var" / f"test-worker-{os.getpid()}.log", "ab")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "factcheck",
            "worker",
            f"--pool={pool}",
            "--concurrency=1",
            "-l",
            "info",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()


def wait_for(predicate: Callable[[], bool], timeout: float = 30.0, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()
