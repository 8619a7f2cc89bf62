"""Earlier claims that may say the same thing, and the record of the searches that find them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class MatchRun(models.Model):
    """The "checked before?" search of one claim. The row, not the broker, is the record of pending work."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("a search for earlier checks", "Waiting")
        RUNNING = "running", pgettext_lazy("a search for earlier checks", "Looking")
        DONE = "done", pgettext_lazy("a search for earlier checks", "Done")
        FAILED = "failed", pgettext_lazy("a search for earlier checks", "Failed")

    claim = models.OneToOneField("claims.Claim", on_delete=models.CASCADE, related_name="match_run")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    candidates = models.PositiveIntegerField(
        default=0, help_text=_("Claims the first pass found and the re-rank scored.")
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "running", "done", "failed"]), name="matchrun_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["status", "requested_at"], name="matchrun_status_time")]

    def __str__(self) -> str:
        return gettext("Match run for claim %(id)s: %(status)s") % {"id": self.claim_id, "status": self.status}


class SimilarClaim(models.Model):
    """An earlier claim of the newsroom that may say what ``claim`` says, with the editor's decision."""

    class Decision(models.TextChoices):
        SUGGESTED = "suggested", pgettext_lazy("a suggested earlier claim", "Suggested")
        SAME = "same", _("The same claim")
        DISMISSED = "dismissed", _("Not the same")

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="similar_claims")
    other = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(help_text=_("0 to 1: how surely the two claims say the same thing."))
    features = models.JSONField(default=dict, blank=True, help_text=_("What the score is made of, for the curious."))
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.SUGGESTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    found_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["claim_id", "-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "other"], name="similarclaim_once"),
            models.CheckConstraint(condition=~Q(claim=models.F("other")), name="similarclaim_other_claim"),
            models.CheckConstraint(
                condition=Q(decision__in=["suggested", "same", "dismissed"]), name="similarclaim_decision_valid"
            ),
        ]

    def __str__(self) -> str:
        return gettext("Claim %(other)s for claim %(id)s (%(score).2f)") % {
            "other": self.other_id,
            "id": self.claim_id,
            "score": self.score,
        }
