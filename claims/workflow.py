"""The claim workflow: one table of allowed moves and the one function that writes a status."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from claims import hooks, permissions
from claims.models import WITH_REVIEWER, Claim, ClaimEvent, ClaimStatus
from factcheck.errors import ServiceError

S = ClaimStatus
A = ClaimEvent.Action


class Role(Enum):
    EDITOR = "editor"
    ASSIGNEE = "assignee"


class WorkflowError(ServiceError):
    """A refused move. The message is a sentence a person can read."""


@dataclass(frozen=True)
class Move:
    sources: frozenset[str]
    target: str
    role: Role
    # The refusals, each one whole sentence: made from the wrong state (``%(status)s`` is the state it is
    # in, lower case), and made by the wrong person.
    wrong_state: Promise
    wrong_role: Promise


def _move(sources: set[str], target: str, role: Role, *, wrong_state: Promise, wrong_role: Promise) -> Move:
    return Move(frozenset(sources), target, role, wrong_state, wrong_role)


# action -> the states it starts from, the state it ends in, who may make it, and why it is refused.
MOVES: Mapping[str, Move] = {
    A.ASSIGN: _move(
        {S.NEW},
        S.ASSIGNED,
        Role.EDITOR,
        wrong_state=_("You cannot assign this claim while it is %(status)s; that is only possible when it is new."),
        wrong_role=_("Only an editor can assign this claim."),
    ),
    A.REASSIGN: _move(
        WITH_REVIEWER,
        S.ASSIGNED,
        Role.EDITOR,
        wrong_state=_(
            "You cannot reassign this claim while it is %(status)s; that is only possible when it is assigned, "
            "changes requested, in review."
        ),
        wrong_role=_("Only an editor can reassign this claim."),
    ),
    A.UNASSIGN: _move(
        WITH_REVIEWER,
        S.NEW,
        Role.EDITOR,
        wrong_state=_(
            "You cannot unassign this claim while it is %(status)s; that is only possible when it is assigned, "
            "changes requested, in review."
        ),
        wrong_role=_("Only an editor can unassign this claim."),
    ),
    A.START_REVIEW: _move(
        {S.ASSIGNED, S.CHANGES_REQUESTED},
        S.IN_REVIEW,
        Role.ASSIGNEE,
        wrong_state=_(
            "You cannot start the review of this claim while it is %(status)s; that is only possible when it is "
            "assigned, changes requested."
        ),
        wrong_role=_("Only the assigned reviewer can start the review of this claim."),
    ),
    A.SUBMIT: _move(
        {S.IN_REVIEW},
        S.SUBMITTED,
        Role.ASSIGNEE,
        wrong_state=_(
            "You cannot submit a verdict on this claim while it is %(status)s; that is only possible when it is "
            "in review."
        ),
        wrong_role=_("Only the assigned reviewer can submit a verdict on this claim."),
    ),
    A.REQUEST_CHANGES: _move(
        {S.SUBMITTED},
        S.CHANGES_REQUESTED,
        Role.EDITOR,
        wrong_state=_(
            "You cannot send back this claim while it is %(status)s; that is only possible when it is "
            "verdict submitted."
        ),
        wrong_role=_("Only an editor can send back this claim."),
    ),
    A.APPROVE: _move(
        {S.SUBMITTED},
        S.APPROVED,
        Role.EDITOR,
        wrong_state=_(
            "You cannot approve this claim while it is %(status)s; that is only possible when it is verdict submitted."
        ),
        wrong_role=_("Only an editor can approve this claim."),
    ),
    A.PUBLISH: _move(
        {S.APPROVED},
        S.PUBLISHED,
        Role.EDITOR,
        wrong_state=_(
            "You cannot publish this claim while it is %(status)s; that is only possible when it is approved."
        ),
        wrong_role=_("Only an editor can publish this claim."),
    ),
    A.REOPEN: _move(
        {S.APPROVED, S.PUBLISHED},
        S.CHANGES_REQUESTED,
        Role.EDITOR,
        wrong_state=_(
            "You cannot reopen this claim while it is %(status)s; that is only possible when it is approved, published."
        ),
        wrong_role=_("Only an editor can reopen this claim."),
    ),
}


# Separation of duties: whoever wrote a verdict (or holds the claim as its reviewer) never approves or
# publishes it, even when they are an editor as well.
FOUR_EYES: Mapping[str, str] = {
    A.APPROVE: _("You wrote this verdict, so you cannot approve it yourself: another editor must approve it."),
    A.PUBLISH: _(
        "You wrote the verdict on this claim, so you cannot publish it yourself: another editor must publish it."
    ),
}


def allowed_actions(claim: Claim, user: Any) -> list[str]:
    """The actions ``user`` may take on ``claim`` now, in table order."""
    return [
        name
        for name, move in MOVES.items()
        if claim.status in move.sources
        and _has_role(user, claim, move.role)
        and not (name in FOUR_EYES and _own_verdict(user, claim))
    ]


def _own_verdict(user: Any, claim: Claim) -> bool:
    return permissions.wrote_verdict(user, claim) or permissions.is_assignee(user, claim)


def _has_role(user: Any, claim: Claim, role: Role) -> bool:
    if role is Role.EDITOR:
        return permissions.is_editor(user)
    return permissions.is_assignee(user, claim)


def check_move(claim: Claim, action: str, user: Any) -> Move:
    """Return the move for ``action`` or raise :class:`WorkflowError` saying why it is refused."""
    move = MOVES.get(action)
    if move is None:
        raise WorkflowError(_("“%(action)s” is not something that can be done to a claim.") % {"action": action})
    if claim.status not in move.sources:
        raise WorkflowError(move.wrong_state % {"status": str(S(claim.status).label).lower()})
    if not _has_role(user, claim, move.role):
        raise WorkflowError(str(move.wrong_role))
    if action in FOUR_EYES and _own_verdict(user, claim):
        raise WorkflowError(str(FOUR_EYES[action]))
    return move


@transaction.atomic
def transition(
    claim_id: int,
    action: str,
    *,
    by: Any,
    note: str = "",
    changes: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
) -> Claim:
    """Lock the claim, check the move and the actor, apply it with ``changes``, and audit it.

    The only code that writes ``Claim.status``. ``changes`` are other fields set in the same
    locked write (the assignee and due date of an assignment, for example).
    """
    claim = Claim.objects.select_for_update().get(pk=claim_id)
    move = check_move(claim, action, by)
    from_status = claim.status
    for field, value in (changes or {}).items():
        setattr(claim, field, value)
    if move.target == S.NEW:
        claim.assignee = None
    claim.status = move.target
    claim.version += 1
    claim.save()
    event = ClaimEvent.objects.create(
        claim=claim,
        actor=by,
        kind=ClaimEvent.Kind.STATUS,
        action=action,
        from_status=from_status,
        to_status=move.target,
        note=note,
        data=data or {},
    )
    # Subscribers (the inbox) write in this same transaction: a move rolled back notifies nobody.
    hooks.claim_moved_notify(claim, event)
    return claim
