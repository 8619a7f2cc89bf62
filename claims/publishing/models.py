"""The publishing wing's own table: one counter that moves whenever anything public changes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext


class PublicRevision(models.Model):
    """One row, bumped in the same transaction as every publish, republish and withdrawal.

    Each web process keeps the public pages it rendered in memory and reads this one number at most
    once per ``PUBLIC_REFRESH_SECONDS``: when it moved, the memory is emptied. It is a row, not a
    sequence or a cache entry, so the new number becomes visible exactly when the change commits.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="public_revision_single_row")]

    def __str__(self) -> str:
        return gettext("Public revision %(number)s") % {"number": self.number}
