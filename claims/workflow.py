"""The claim workflow: one table of allowed moves and the one function that writes a status."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from claims import hooks, permissions
from claims.models import WITH_REVIEWER, Claim, ClaimEvent, ClaimStatus
from factcheck.errors import ServiceError

S = ClaimStatus
A = ClaimEvent.Action


class Role(Enum):
    EDITOR = "an editor"
    ASSIGNEE = "the assigned reviewer"


class WorkflowError(ServiceError):
    """A refused move. The message is a sentence a person can read."""


@dataclass(frozen=True)
class Move:
    sources: frozenset[str]
    target: str
    role: Role
    verb: str


def _move(sources: set[str], target: str, role: Role, verb: str) -> Move:
    return Move(frozenset(sources), target, role, verb)


# action -> the states it starts from, the state it ends in, and who may make it.
MOVES: Mapping[str, Move] = {
    A.ASSIGN: _move({S.NEW}, S.ASSIGNED, Role.EDITOR, "assign"),
    A.REASSIGN: _move(WITH_REVIEWER, S.ASSIGNED, Role.EDITOR, "reassign"),
    A.UNASSIGN: _move(WITH_REVIEWER, S.NEW, Role.EDITOR, "unassign"),
    A.START_REVIEW: _move({S.ASSIGNED, S.CHANGES_REQUESTED}, S.IN_REVIEW, Role.ASSIGNEE, "start the review of"),
    A.SUBMIT: _move({S.IN_REVIEW}, S.SUBMITTED, Role.ASSIGNEE, "submit a verdict on"),
    A.REQUEST_CHANGES: _move({S.SUBMITTED}, S.CHANGES_REQUESTED, Role.EDITOR, "send back"),
    A.APPROVE: _move({S.SUBMITTED}, S.APPROVED, Role.EDITOR, "approve"),
    A.PUBLISH: _move({S.APPROVED}, S.PUBLISHED, Role.EDITOR, "publish"),
    A.REOPEN: _move({S.APPROVED, S.PUBLISHED}, S.CHANGES_REQUESTED, Role.EDITOR, "reopen"),
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
        raise WorkflowError(f"“{action}” is not something that can be done to a claim.")
    if claim.status not in move.sources:
        allowed = ", ".join(sorted(str(S(s).label).lower() for s in move.sources))
        raise WorkflowError(
            f"You cannot {move.verb} this claim while it is {S(claim.status).label.lower()}; "
            f"that is only possible when it is {allowed}."
        )
    if not _has_role(user, claim, move.role):
        raise WorkflowError(f"Only {move.role.value} can {move.verb} this claim.")
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
