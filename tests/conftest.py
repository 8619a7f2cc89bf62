"""Personas and shared fixtures. Names read as who they are: editor, reviewer, other_reviewer, outsider."""

from __future__ import annotations

from typing import Any

import pytest

from claims.models import Claim, ClaimStatus
from tests.factories import ClaimFactory, UserFactory

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def editor(db: Any) -> Any:
    return UserFactory(username="edna", first_name="Edna", last_name="Editor", groups=["editor"])


@pytest.fixture
def reviewer(db: Any) -> Any:
    return UserFactory(username="rita", first_name="Rita", last_name="Reviewer", groups=["reviewer"])


@pytest.fixture
def other_reviewer(db: Any) -> Any:
    return UserFactory(username="otto", first_name="Otto", last_name="Other", groups=["reviewer"])


@pytest.fixture
def outsider(db: Any) -> Any:
    """Logged in, but in no newsroom group."""
    return UserFactory(username="olga", first_name="Olga", last_name="Outsider")


@pytest.fixture
def claim(db: Any) -> Claim:
    return ClaimFactory()


@pytest.fixture
def assigned_claim(db: Any, reviewer: Any) -> Claim:
    return ClaimFactory(status=ClaimStatus.ASSIGNED, assignee=reviewer)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # Real hashing costs ~0.5 s a user; the suite creates hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _newsroom_defaults(request: pytest.FixtureRequest) -> None:
    """Groups and the rating scale come from a data migration, and a transactional test's flush
    empties them; put them back for every test that touches the database."""
    marker = request.node.get_closest_marker("django_db")
    db_fixtures = {"db", "transactional_db", "live_server", "django_db_reset_sequences"}
    if marker is None and not db_fixtures & set(request.fixturenames):
        return
    transactional = bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    from django.contrib.auth.models import Group

    from claims.defaults import ensure_defaults
    from claims.models import Rating

    ensure_defaults(Group, Rating)


@pytest.fixture(scope="session", autouse=True)
def _close_stray_connections(django_db_setup: Any, django_db_blocker: Any) -> Any:
    """Worker processes killed mid-task (on purpose) can leave a backend behind for a moment, which
    stops the test database from being dropped; end them before pytest-django drops it."""
    yield
    from django.db import connection

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(scope="session", autouse=True)
def _static_root() -> None:
    """WhiteNoise wants STATIC_ROOT to exist (the WSGI module makes it for servers; a fresh clone has none)."""
    from pathlib import Path

    from django.conf import settings

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
