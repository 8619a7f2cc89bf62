"""`make run` serves on RUN_ADDR: it says so, and links in emails and ClaimReview follow it unless SITE_URL is set."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from factcheck.addresses import local_site_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("run_addr", "site"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("8001", "http://127.0.0.1:8001"),
        ("0.0.0.0:8080", "http://127.0.0.1:8080"),
        ("localhost:9000", "http://localhost:9000"),
        ("[::1]:8002", "http://[::1]:8002"),
        ("[::]:8003", "http://[::1]:8003"),
        ("", "http://127.0.0.1:8000"),
    ],
)
def test_the_local_site_url_follows_the_run_address(run_addr: str, site: str) -> None:
    assert local_site_url(run_addr) == site


def _settings(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "RUN_ADDR"}}
    code = "import factcheck.settings as s; print(s.SITE_URL, s.ORGANIZATION_URL)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_site_url_defaults_to_the_run_address_and_site_url_wins() -> None:
    assert _settings(RUN_ADDR="0.0.0.0:8123") == "http://127.0.0.1:8123 http://127.0.0.1:8123/"
    assert _settings(RUN_ADDR="0.0.0.0:8123", SITE_URL="https://desk.example.org/") == (
        "https://desk.example.org https://desk.example.org/"
    )


@pytest.mark.django_db
def test_load_seeds_prints_the_login_address_of_the_site(settings: Any, capsys: Any) -> None:
    from django.core.management import call_command

    settings.SITE_URL = "http://127.0.0.1:8123"
    call_command("load_seeds", demo_users=True)
    out = capsys.readouterr().out
    assert "log in at http://127.0.0.1:8123/accounts/login/" in out and ":8000" not in out


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.worker
def test_make_run_serves_on_run_addr_and_prints_that_login_address(tmp_path: Path) -> None:
    """bin/run for real, on its own embedded PostgreSQL under tmp_path, on a free port."""
    import signal
    import time
    import urllib.request

    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SITE_URL", "CELERY_BROKER_URL"}}
    env.update(
        RUN_ADDR=f"127.0.0.1:{port}",
        EMBEDDED_PGDATA=str(tmp_path / "pgdata"),
        FACTCHECK_VAR_DIR=str(tmp_path / "var"),
        CELERY_FILESYSTEM_BROKER_DIR=str(tmp_path / "broker"),
        XDG_RUNTIME_DIR=str(tmp_path / "run"),
        SOURCES_AUTO_SEARCH="0",
    )
    (tmp_path / "run").mkdir(mode=0o700)
    log = tmp_path / "run.log"
    with log.open("wb") as out:
        run = subprocess.Popen([sys.executable, "bin/run"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 180
        healthy = False
        while time.monotonic() < deadline and run.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                    healthy = answer.status == 200
            except OSError:
                time.sleep(0.5)
                continue
            if healthy:
                break
        printed = log.read_text(errors="replace")
        assert healthy, printed[-3000:]
        assert f"log in at http://127.0.0.1:{port}/accounts/login/" in printed
        assert "Demo accounts (log in at" in printed and "127.0.0.1:8000" not in printed
    finally:
        run.send_signal(signal.SIGINT)
        try:
            run.wait(timeout=30)
        except subprocess.TimeoutExpired:
            run.kill()
        subprocess.run(
            [sys.executable, "-c", "from factcheck.embedded import stop; stop()"], cwd=ROOT, env=env, check=False
        )
