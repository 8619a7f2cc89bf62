"""Celery tasks of the inbox: they take ids (or nothing) and call a service."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from claims.inbox import services


@shared_task(acks_late=True, ignore_result=True)
def inbox_daily() -> dict[str, int]:
    """Beat, every few minutes: from INBOX_DAILY_HOUR on, the day's reminders and digests (once a day each)."""
    return services.daily(hour=settings.INBOX_DAILY_HOUR)
