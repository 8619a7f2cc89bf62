"""The transactional outbox: one row per email, written in the same transaction as the change it tells of."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboundEmail(models.Model):
    """An email to send. The row, not the broker, is the record of it: a rolled-back change leaves no
    row, a broker that is down loses nothing (the sweep sends what waits), and a sent row is never
    sent again."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Gave up")

    kind = models.CharField(max_length=40, help_text=_("What the email is about, e.g. 'assignment'."))
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    key = models.CharField(
        max_length=200, blank=True, help_text=_("Set when one change must never cause the same email twice.")
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=["pending", "sent", "failed"]), name="outbox_status_valid"),
            models.CheckConstraint(condition=Q(status="sent") | Q(sent_at__isnull=True), name="outbox_sent_has_time"),
            models.UniqueConstraint(fields=["key"], condition=~Q(key=""), name="outbox_key_once"),
        ]
        indexes = [
            models.Index(fields=["next_attempt_at"], condition=Q(status="pending"), name="outbox_pending_due"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.to}: {self.status}"
