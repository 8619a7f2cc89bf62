"""Time from `make run` in a fresh clone to the first 200 from /healthz: cold, then warm.

Cold: a fresh clone, a new virtualenv, an empty pip cache, no database. Warm: the same clone started
again. Goals: under 60 s cold, under 5 s warm. Usage: .venv/bin/python bench/startup_bench.py
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_and_time(clone: Path, port: int, env: dict[str, str]) -> float:
    log = open(clone / f"run-{port}.log", "ab")  # noqa: SIM115
    started = time.monotonic()
    proc = subprocess.Popen(
        ["make", "run"],
        cwd=clone,
        env={**env, "RUN_ADDR": f"127.0.0.1:{port}"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = started + 300
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"make run exited early; see {log.name}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    if r.status == 200:
                        return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("no 200 from /healthz within 300 s")
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="factcheck-startup-"))
    clone = workdir / "factcheck"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "VIRTUAL_ENV"}}
    env["PIP_CACHE_DIR"] = str(workdir / "pip-cache")
    try:
        cold = start_and_time(clone, free_port(), env)
        warm = start_and_time(clone, free_port(), env)
        print(
            f"cold start (fresh clone, empty pip cache): {cold:6.1f} s   goal < 60 s   {'OK' if cold < 60 else 'SLOW'}"
        )
        print(
            f"warm start (second make run):               {warm:6.1f} s   goal <  5 s   {'OK' if warm < 5 else 'SLOW'}"
        )
    finally:
        subprocess.run(["make", "stop"], cwd=clone, check=False, capture_output=True)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
