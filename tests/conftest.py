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
