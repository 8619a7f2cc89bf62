"""Who may do what. Small pure functions that views, services and templates share.

:func:`is_editor` is the one editor check. Views guard with :func:`require_editor` (or the
:func:`editor_required` decorator), which answer 403 with a reason; services refuse with
:func:`ensure_editor`, which raises a :class:`~factcheck.errors.ServiceError` with the sentence given.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from factcheck.errors import ServiceError

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

    from claims.models import Claim

EDITOR_GROUP = "editor"
REVIEWER_GROUP = "reviewer"
NOT_IN_NEWSROOM = _(
    "Your account is not part of the newsroom yet. Ask an editor to add you to the editors or reviewers."
)
EDITORS_ONLY = _("Only editors can do this.")


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


def wrote_verdict(user: Any, claim: Claim) -> bool:
    """Whether ``user`` wrote the claim's verdict: they may not approve or publish it themselves."""
    from django.core.exceptions import ObjectDoesNotExist

    if not getattr(user, "is_authenticated", False):
        return False
    try:
        verdict = claim.verdict  # type: ignore[attr-defined]
    except ObjectDoesNotExist:
        return False
    return bool(verdict.author_id == user.pk)


def can_view_claim(user: Any, claim: Claim) -> bool:
    return is_editor(user) or (is_reviewer(user) and is_assignee(user, claim))


def can_comment(user: Any, claim: Claim) -> bool:
    return is_editor(user) or is_assignee(user, claim)


def can_edit_verdict(user: Any, claim: Claim) -> bool:
    from claims.models import ClaimStatus

    return is_assignee(user, claim) and claim.status == ClaimStatus.IN_REVIEW


def require_staff(user: Any) -> None:
    """A view guard: 403 with a reason unless ``user`` works in the newsroom."""
    if not is_staff_member(user):
        raise PermissionDenied(NOT_IN_NEWSROOM)


def require_editor(user: Any, reason: str | Promise = EDITORS_ONLY) -> None:
    """A view guard: 403 with a reason unless ``user`` is an editor."""
    require_staff(user)
    if not is_editor(user):
        raise PermissionDenied(reason)


def editor_required(
    reason: str | Promise = EDITORS_ONLY,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Logged in (else the login page) and an editor (else 403 with ``reason``)."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        @login_required
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            require_editor(request.user, reason)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def ensure_editor(user: Any, refusal: str | Promise) -> None:
    """A service guard: raise :class:`ServiceError` with the sentence ``refusal`` unless ``user`` is an editor."""
    if not is_editor(user):
        raise ServiceError(str(refusal))
