"""Expired sessions are deleted by a beat task (what ``clearsessions`` does)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from factcheck.housekeeping.tasks import sessions_clear


def test_beat_clears_expired_sessions_every_hour() -> None:
    entry = settings.CELERY_BEAT_SCHEDULE["sessions-clear-expired"]
    assert entry == {"task": "factcheck.housekeeping.tasks.sessions_clear", "schedule": 3600.0}


def test_the_task_deletes_expired_sessions_and_keeps_live_ones(db: Any) -> None:
    live = SessionStore()
    live["who"] = "a reviewer at work"
    live.create()
    old = SessionStore()
    old.create()
    Session.objects.filter(session_key=old.session_key).update(expire_date=timezone.now() - dt.timedelta(minutes=1))
    sessions_clear()
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]
