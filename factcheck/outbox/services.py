"""Queueing and delivering outgoing email through the outbox.

:func:`email_queue` is called inside the transaction of the change that causes the email; the row
commits with it or not at all, and a task sends it once the transaction has committed. Delivery
locks the row (``SKIP LOCKED``), so two workers never send one email, and a sent row is never
sent again. A mail server that fails is retried with back-off; after ``OUTBOX_MAX_ATTEMPTS`` the
row is marked failed with the reason. The beat sweep sends whatever waits (a lost message, a broker
that was down, a retry that is due).
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from factcheck.celery import enqueue_on_commit
from factcheck.outbox.models import OutboundEmail

logger = logging.getLogger(__name__)

SUBJECT_LIMIT = 150
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85\x0b\x0c]+")
_SPACES = re.compile(r"\s+")


def safe_subject(text: str) -> str:
    """One line, no control characters, at most SUBJECT_LIMIT characters (a header must be one line)."""
    line = _SPACES.sub(" ", _LINE_BREAKS.sub(" ", text)).strip()
    line = "".join(c for c in line if c.isprintable())
    if len(line) > SUBJECT_LIMIT:
        line = line[: SUBJECT_LIMIT - 1].rstrip() + "…"
    return line


def email_queue(*, kind: str, to: str, subject: str, body: str, key: str = "") -> OutboundEmail | None:
    """Write an email to the outbox in the current transaction and send it after commit.

    Returns None (and writes nothing) when there is no address, or when ``key`` was queued before.
    """
    if not to:
        return None
    if key and OutboundEmail.objects.filter(key=key).exists():
        return None
    email = OutboundEmail.objects.create(
        kind=kind, to=to, subject=safe_subject(subject), body=body.replace("\x00", ""), key=key
    )
    enqueue_on_commit("factcheck.outbox.tasks.outbox_send", email.pk)
    return email


def _backoff(attempts: int) -> dt.timedelta:
    base = float(settings.OUTBOX_RETRY_SECONDS)
    return dt.timedelta(seconds=min(base * (2 ** max(attempts - 1, 0)), float(settings.OUTBOX_RETRY_MAX_SECONDS)))


def email_deliver(email_id: int) -> bool:
    """Send one waiting email if it is due; True when this call sent it.

    Safe to run twice or at once: the row lock makes the second run skip it, and a sent row is done.
    """
    with transaction.atomic():
        email = (
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=OutboundEmail.Status.PENDING, next_attempt_at__lte=timezone.now())
            .first()
        )
        if email is None:
            return False
        email.attempts += 1
        try:
            EmailMessage(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to]).send()
        except Exception as exc:  # any mail trouble: keep the row, say why, try again later
            email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                email.status = OutboundEmail.Status.FAILED
                logger.error("Gave up sending %s after %s attempts: %s", email, email.attempts, email.last_error)
            else:
                email.next_attempt_at = timezone.now() + _backoff(email.attempts)
                logger.warning("Sending %s failed (attempt %s): %s", email, email.attempts, email.last_error)
            email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            return False
        email.status = OutboundEmail.Status.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save(update_fields=["attempts", "last_error", "status", "sent_at"])
        return True


def outbox_sweep(*, limit: int = 500) -> int:
    """Send every waiting email that is due (beat, every minute); returns how many were sent."""
    due = list(
        OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING, next_attempt_at__lte=timezone.now())
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(1 for email_id in due if email_deliver(email_id))
