"""Logins are throttled per account and per address; the admin's login is behind the same limit.

The attack: 60 wrong passwords for ``editor`` in 17 s, and no lockout.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog
from django.urls import reverse
from django.utils import timezone

from tests.browser import PASSWORD

LOCKED = "Too many failed attempts to log in to this account or from this address."


def _login(client: Any, username: str, password: str, address: str = "198.51.100.7", path: str = "") -> Any:
    return client.post(path or reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_even_with_the_right_one(client: Any, editor: Any) -> None:
    for _ in range(4):
        assert _login(client, "edna", "wrong").status_code == 200
    # The fifth failure locks: its answer already says so.
    assert _login(client, "edna", "wrong").status_code == 429
    response = _login(client, "edna", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED in html and "paused for 15 minutes" in html
    assert "_auth_user_id" not in client.session


def test_the_account_stays_locked_from_another_address(client: Any, editor: Any) -> None:
    for number in range(5):
        _login(client, "edna", "wrong", address=f"198.51.100.{number + 1}")
    assert _login(client, "edna", PASSWORD, address="203.0.113.50").status_code == 429


def test_one_address_trying_many_accounts_is_locked(client: Any, editor: Any, reviewer: Any) -> None:
    for name in ("anna", "bert", "cleo", "dora", "emil"):
        _login(client, name, "guess")
    assert _login(client, "rita", PASSWORD).status_code == 429
    # Someone else, elsewhere, is not affected.
    assert _login(client, "rita", PASSWORD, address="203.0.113.99").status_code == 302


def test_a_forged_forwarded_for_header_does_not_reset_the_address_count(client: Any, reviewer: Any) -> None:
    for number, name in enumerate(("anna", "bert", "cleo", "dora", "emil")):
        client.post(
            reverse("login"),
            {"username": name, "password": "guess"},
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"10.9.8.{number}",
        )
    response = client.post(
        reverse("login"),
        {"username": "rita", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
        HTTP_X_FORWARDED_FOR="10.9.8.200",
    )
    assert response.status_code == 429


def test_the_admin_login_is_behind_the_same_limit(client: Any, editor: Any) -> None:
    admin_login = reverse("admin:login")
    for _ in range(5):
        _login(client, "edna", "wrong", path=admin_login)
    response = _login(client, "edna", PASSWORD, path=admin_login)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()


def test_failures_and_the_lockout_are_recorded(client: Any, editor: Any) -> None:
    for _ in range(6):
        _login(client, "edna", "wrong")
    attempts = AccessAttempt.objects.filter(username="edna")
    assert attempts.exists()
    assert max(a.failures_since_start for a in attempts) >= 5
    assert AccessFailureLog.objects.filter(username="edna", ip_address="198.51.100.7").count() == 6
    assert AccessFailureLog.objects.filter(username="edna", locked_out=True).exists()


def test_the_lockout_ends_after_its_time(client: Any, editor: Any) -> None:
    for _ in range(5):
        _login(client, "edna", "wrong")
    assert _login(client, "edna", PASSWORD).status_code == 429
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=16)):
        assert _login(client, "edna", PASSWORD).status_code == 302


def test_a_few_mistakes_then_the_right_password_logs_in(client: Any, editor: Any) -> None:
    for _ in range(3):
        _login(client, "edna", "wrong")
    assert _login(client, "edna", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_the_lockout_message_is_one_whole_sentence_per_plural_form(settings: Any, client: Any) -> None:
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=1)
    for _ in range(5):
        _login(client, "nobody", "wrong")
    html = _login(client, "nobody", "wrong").content.decode()
    assert "paused for 1 minute;" in html
