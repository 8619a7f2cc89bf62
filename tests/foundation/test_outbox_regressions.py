"""The two ways an assignment email used to be lost, replayed against the outbox.

The attacks: the assignment email was never sent when the claim's first 60 characters held a line
break (BadHeaderError in the task); an assignment made while the broker was down lost its email for
good (the failure was only logged).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from claims import services
from claims.models import ClaimStatus
from factcheck.outbox.models import OutboundEmail
from factcheck.outbox.services import email_deliver, outbox_sweep
from tests.factories import ArticleFactory, ClaimFactory
from tests.worker import ROOT, celery_worker, free_port, redis_server, wait_for, worker_database_url

BROKEN_TEXT = "One in three people\nwith depression do not respond\r\nto the usual drugs, the CNRS said."


@pytest.mark.django_db
def test_a_claim_whose_opening_holds_a_line_break_gets_its_assignment_email(
    editor: Any, reviewer: Any, mailoutbox: list
) -> None:
    article = ArticleFactory(body=BROKEN_TEXT)
    claim = ClaimFactory(article=article, span_start=0, span_end=len(BROKEN_TEXT), text=BROKEN_TEXT)
    assert "\n" in claim.text[:60]
    services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor, version=1)
    email = OutboundEmail.objects.get()
    assert email_deliver(email.pk)
    [sent] = mailoutbox
    assert sent.subject.startswith("Claim 1 to check: One in three people with depression do not respond")
    assert "\n" not in sent.subject and "\r" not in sent.subject
    assert sent.to == [reviewer.email]


@pytest.mark.django_db
def test_an_email_whose_message_never_reached_the_broker_is_sent_by_the_sweep(
    editor: Any, reviewer: Any, mailoutbox: list
) -> None:
    claim = ClaimFactory()
    # No after-commit send here (the test's transaction never commits): just as if the broker had refused it.
    services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor, version=1)
    assert OutboundEmail.objects.get().status == OutboundEmail.Status.PENDING
    assert outbox_sweep() == 1
    assert len(mailoutbox) == 1
    assert outbox_sweep() == 0 and len(mailoutbox) == 1


ASSIGN_IN_ANOTHER_PROCESS = """
from django.contrib.auth import get_user_model
from claims import services
User = get_user_model()
services.claim_assign(claim_id={claim}, reviewer_id={reviewer}, due_date=None, by=User.objects.get(pk={editor}))
print("assigned")
"""


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_an_assignment_made_while_the_broker_is_down_is_emailed_once_it_is_back(
    editor: Any, reviewer: Any, tmp_path: Path
) -> None:
    claim = ClaimFactory()
    port = free_port()
    broker = f"redis://127.0.0.1:{port}/0"
    env = {"DATABASE_URL": worker_database_url(), "CELERY_BROKER_URL": broker, "LOG_LEVEL": "ERROR"}
    # The web process assigns while nothing listens on the broker's port: the message cannot be sent.
    done = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            ASSIGN_IN_ANOTHER_PROCESS.format(claim=claim.pk, reviewer=reviewer.pk, editor=editor.pk),
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "assigned" in done.stdout, done.stderr
    assert "Could not send factcheck.outbox.tasks.outbox_send" in done.stderr
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ASSIGNED
    email = OutboundEmail.objects.get()
    assert email.status == OutboundEmail.Status.PENDING

    # The broker comes back; a real worker with beat sweeps the outbox and sends the email, once
    # (through the console backend: the message is written to the worker's log).
    worker_env = {**env, "OUTBOX_SWEEP_SECONDS": "1"}
    with redis_server(port), celery_worker(worker_env, extra_args=("--beat", "--schedule", str(tmp_path / "beat"))):
        sent = wait_for(lambda: OutboundEmail.objects.get(pk=email.pk).status == OutboundEmail.Status.SENT, timeout=90)
        email.refresh_from_db()
        assert sent, f"the sweep did not send the waiting email ({email.attempts} attempts: {email.last_error})"
        wait_for(lambda: False, timeout=3)  # a few more sweeps: none may send it again
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == (OutboundEmail.Status.SENT, 1, "")
    assert email.sent_at is not None
