"""Loaded with ``-p`` before Django is configured: environment the whole suite shares."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Playwright's sync API runs an event loop in the test thread; live_server tests need this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Keep test messages away from a `make run` worker that may be running on the same machine.
os.environ.setdefault("CELERY_FILESYSTEM_BROKER_DIR", str(ROOT / "var" / "test-broker"))
# Public pages are checked against the public revision on every request in tests (the memory is
# still used); tests of the one-second window set PUBLIC_REFRESH_SECONDS themselves.
os.environ.setdefault("PUBLIC_REFRESH_SECONDS", "0")
# Tests point providers and article imports at local servers.
os.environ.setdefault("IMPORT_ALLOW_PRIVATE_HOSTS", "0")
os.environ.setdefault("SOURCES_CONTACT_EMAIL", "tests@factcheck.example")
# The outside internet is never reached from a test, nor from a worker a test starts: every provider
# defaults to a closed loopback port; tests that need answers point a provider at a local server.
for _name in (
    "CROSSREF_API_URL",
    "NCBI_EUTILS_URL",
    "EUROPEPMC_API_URL",
    "OPENALEX_API_URL",
    "FACTCHECK_TOOLS_API_URL",
):
    os.environ.setdefault(_name, "http://127.0.0.1:9")

# The suite talks to the embedded PostgreSQL unless DATABASE_URL names a server: start it before Django.
from factcheck.embedded import ensure_running_if_wanted  # noqa: E402

ensure_running_if_wanted()
