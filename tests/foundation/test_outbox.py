"""The transactional outbox: written with the change, sent once after commit, retried, never lost."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, transaction
from django.utils import timezone

from factcheck.outbox.models import OutboundEmail
from factcheck.outbox.services import email_deliver, email_queue, outbox_sweep, safe_subject


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Claim to check: One in three\npeople", "Claim to check: One in three people"),
        ("Line\r\nbreak\u2028and\x0bmore", "Line break and more"),
        ("Tab\tand  spaces", "Tab and spaces"),
        ("x" * 400, "x" * 149 + "…"),
    ],
)
def test_subjects_are_one_safe_line(subject: str, expected: str) -> None:
    assert safe_subject(subject) == expected


@pytest.mark.django_db
def test_a_claim_text_with_a_line_break_still_gets_its_email_sent(mailoutbox: list) -> None:
    email = email_queue(kind="assignment", to="rita@example.org", subject="Claim to check: two\nlines", body="b")
    assert email is not None and email_deliver(email.pk)
    assert mailoutbox[0].subject == "Claim to check: two lines"


@pytest.mark.django_db
def test_a_rolled_back_change_sends_nothing(mailoutbox: list) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        email_queue(kind="assignment", to="rita@example.org", subject="s", body="b")
        raise RuntimeError("the change failed")
    assert not OutboundEmail.objects.exists()
    assert outbox_sweep() == 0 and mailoutbox == []


@pytest.mark.django_db
def test_a_key_queues_an_email_once_and_no_address_queues_nothing() -> None:
    assert email_queue(kind="digest", to="a@example.org", subject="s", body="b", key="digest:1:2026-12-02")
    assert email_queue(kind="digest", to="a@example.org", subject="s", body="b", key="digest:1:2026-12-02") is None
    assert email_queue(kind="assignment", to="", subject="s", body="b") is None
    assert OutboundEmail.objects.count() == 1


@pytest.mark.django_db
def test_a_mail_server_that_keeps_failing_is_given_up_on_with_the_reason(settings: Any, mailoutbox: list) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    settings.OUTBOX_MAX_ATTEMPTS = 2
    email = email_queue(kind="assignment", to="rita@example.org", subject="s", body="b")
    assert email is not None
    for _ in range(2):
        OutboundEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
        assert email_deliver(email.pk) is False
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("failed", 2) and email.last_error
    OutboundEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    assert email_deliver(email.pk) is False and email.attempts == 2


@pytest.mark.django_db(transaction=True)
def test_two_workers_delivering_at_once_send_the_email_once(mailoutbox: list) -> None:
    email = email_queue(kind="assignment", to="rita@example.org", subject="s", body="b")
    assert email is not None
    barrier = threading.Barrier(2)
    results: list[bool] = []

    def deliver() -> None:
        barrier.wait()
        try:
            results.append(email_deliver(email.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, True]
    assert len(mailoutbox) == 1
    assert OutboundEmail.objects.get().status == "sent"
