"""Who may do what. Small pure functions that views, services and templates share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claims.models import Claim

EDITOR_GROUP = "editor"
REVIEWER_GROUP = "reviewer"


def _groups(user: Any) -> set[str]:
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_factcheck_groups", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._factcheck_groups = cached
    return cached


def is_editor(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and (user.is_superuser or EDITOR_GROUP in _groups(user)))


def is_reviewer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and REVIEWER_GROUP in _groups(user))


def is_staff_member(user: Any) -> bool:
    """Anyone who works in the newsroom workspace."""
    return is_editor(user) or is_reviewer(user)


def is_assignee(user: Any, claim: Claim) -> bool:
    return bool(getattr(user, "is_authenticated", False) and claim.assignee_id == user.pk)


def can_view_claim(user: Any, claim: Claim) -> bool:
    return is_editor(user) or (is_reviewer(user) and is_assignee(user, claim))


def can_comment(user: Any, claim: Claim) -> bool:
    return is_editor(user) or is_assignee(user, claim)


def can_edit_verdict(user: Any, claim: Claim) -> bool:
    from claims.models import ClaimStatus

    return is_assignee(user, claim) and claim.status == ClaimStatus.IN_REVIEW
