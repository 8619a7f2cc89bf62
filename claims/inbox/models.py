"""What lands in a person's inbox, and which of it they want by email."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """Every event the inbox tells of. The value is also the kind of the email it causes."""

    ASSIGNMENT = "assignment", _("Assigned to you")
    SENT_BACK = "sent_back", _("Sent back to you")
    REOPENED = "reopened", _("Reopened")
    SUBMITTED = "submitted", _("Verdict submitted")
    APPROVED = "approved", _("Verdict approved")
    ERROR_REPORT = "error_report", _("A reader's error report")
    DUE_TOMORROW = "due_tomorrow", _("Due tomorrow")
    OVERDUE = "overdue", _("Overdue")
    COMMENT = "comment", _("New comment")


# Who can receive each kind: editors get submissions and readers' reports, reviewers the rest.
EDITOR_KINDS = (Kind.SUBMITTED, Kind.ERROR_REPORT, Kind.COMMENT)
REVIEWER_KINDS = (
    Kind.ASSIGNMENT,
    Kind.SENT_BACK,
    Kind.REOPENED,
    Kind.APPROVED,
    Kind.DUE_TOMORROW,
    Kind.OVERDUE,
    Kind.COMMENT,
)


class EmailState(models.TextChoices):
    NONE = "none", _("Not emailed")
    QUEUED = "queued", _("Emailed on its own")
    DIGEST = "digest", _("Waiting for the daily digest")
    DIGESTED = "digested", _("Sent in a daily digest")


class Notification(models.Model):
    """One item of one person's inbox. Written in the transaction of the change it tells of."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    claim = models.ForeignKey("claims.Claim", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    error_report = models.ForeignKey(
        "claims.ErrorReport", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True, help_text=_("The editor's note, the comment or the reader's message."))
    target = models.CharField(max_length=500, help_text=_("The path of the page where the recipient acts."))
    key = models.CharField(
        max_length=120, blank=True, help_text=_("Set for daily reminders: one per claim, recipient and day.")
    )
    email_state = models.CharField(max_length=10, choices=EmailState.choices, default=EmailState.NONE)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="notification_kind_valid"),
            models.CheckConstraint(condition=Q(email_state__in=EmailState.values), name="notification_email_valid"),
            models.UniqueConstraint(fields=["recipient", "key"], condition=~Q(key=""), name="notification_key_once"),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_inbox"),
            models.Index(fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"),
            models.Index(fields=["recipient"], condition=Q(email_state="digest"), name="notification_digest_due"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.recipient_id}"

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class Preference(models.Model):
    """Which events a person wants by email, and whether as one daily digest. No row: every kind, one by one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, primary_key=True, on_delete=models.CASCADE, related_name="inbox_preference"
    )
    email_kinds = ArrayField(models.CharField(max_length=20), default=list, blank=True)
    digest = models.BooleanField(default=False, help_text=_("One email a day instead of one email per event."))
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return gettext("Email preferences of %(user)s") % {"user": self.user_id}
