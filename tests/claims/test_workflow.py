"""Every move of the claim workflow: the allowed path, a wrong state, a wrong role, the audit row."""

from __future__ import annotations

from typing import Any

import pytest

from claims.models import ClaimEvent, ClaimStatus
from claims.workflow import MOVES, WorkflowError, allowed_actions, transition
from tests.factories import ClaimFactory

S = ClaimStatus
pytestmark = pytest.mark.django_db

# action -> (a state it may start from, a state it may not, who may do it)
CASES = {
    "assign": (S.NEW, S.SUBMITTED, "editor"),
    "reassign": (S.ASSIGNED, S.NEW, "editor"),
    "unassign": (S.IN_REVIEW, S.APPROVED, "editor"),
    "start_review": (S.ASSIGNED, S.SUBMITTED, "assignee"),
    "submit": (S.IN_REVIEW, S.ASSIGNED, "assignee"),
    "request_changes": (S.SUBMITTED, S.IN_REVIEW, "editor"),
    "approve": (S.SUBMITTED, S.CHANGES_REQUESTED, "editor"),
    "publish": (S.APPROVED, S.SUBMITTED, "editor"),
    "reopen": (S.PUBLISHED, S.NEW, "editor"),
}


def test_every_move_has_a_case() -> None:
    assert set(CASES) == set(MOVES)


def _claim(status: str, reviewer: Any) -> Any:
    return ClaimFactory(status=status, assignee=None if status == S.NEW else reviewer)


def _actor(role: str, editor: Any, reviewer: Any) -> Any:
    return editor if role == "editor" else reviewer


def _wrong_actor(role: str, editor: Any, other_reviewer: Any, reviewer: Any) -> list[Any]:
    return [reviewer, other_reviewer] if role == "editor" else [editor, other_reviewer]


@pytest.mark.parametrize("action", CASES)
def test_allowed_move_changes_status_and_writes_audit_row(action: str, editor: Any, reviewer: Any) -> None:
    start, _, role = CASES[action]
    claim = _claim(start, reviewer)
    changes = {"assignee": reviewer} if action in {"assign", "reassign"} else None
    result = transition(claim.pk, action, by=_actor(role, editor, reviewer), note="why", changes=changes)
    assert result.status == MOVES[action].target
    assert result.version == claim.version + 1
    event = ClaimEvent.objects.get(claim=claim, kind=ClaimEvent.Kind.STATUS)
    assert (event.action, event.from_status, event.to_status, event.note) == (
        action,
        start,
        MOVES[action].target,
        "why",
    )
    assert event.actor == _actor(role, editor, reviewer)


@pytest.mark.parametrize("action", CASES)
def test_move_from_wrong_state_is_refused_and_changes_nothing(action: str, editor: Any, reviewer: Any) -> None:
    _, wrong, role = CASES[action]
    claim = _claim(wrong, reviewer)
    with pytest.raises(WorkflowError, match="You cannot .* this claim while it is"):
        transition(claim.pk, action, by=_actor(role, editor, reviewer))
    claim.refresh_from_db()
    assert claim.status == wrong
    assert not ClaimEvent.objects.filter(claim=claim).exists()


@pytest.mark.parametrize("action", CASES)
def test_move_by_wrong_role_is_refused(
    action: str, editor: Any, reviewer: Any, other_reviewer: Any, outsider: Any
) -> None:
    start, _, role = CASES[action]
    for actor in [*_wrong_actor(role, editor, other_reviewer, reviewer), outsider]:
        claim = _claim(start, reviewer)
        with pytest.raises(WorkflowError, match="^Only (an editor|the assigned reviewer) can"):
            transition(claim.pk, action, by=actor)
        claim.refresh_from_db()
        assert claim.status == start
        assert not ClaimEvent.objects.filter(claim=claim).exists()


def test_unassign_clears_the_assignee(editor: Any, reviewer: Any) -> None:
    claim = _claim(S.ASSIGNED, reviewer)
    assert transition(claim.pk, "unassign", by=editor).assignee is None


def test_unknown_action_is_refused_with_a_sentence(editor: Any, claim: Any) -> None:
    with pytest.raises(WorkflowError, match="is not something that can be done"):
        transition(claim.pk, "explode", by=editor)


def test_allowed_actions_follow_the_table(editor: Any, reviewer: Any, other_reviewer: Any) -> None:
    claim = _claim(S.SUBMITTED, reviewer)
    assert allowed_actions(claim, editor) == ["request_changes", "approve"]
    assert allowed_actions(claim, reviewer) == []
    assigned = _claim(S.ASSIGNED, reviewer)
    assert allowed_actions(assigned, reviewer) == ["start_review"]
    assert allowed_actions(assigned, other_reviewer) == []


def test_full_path_from_new_to_published_and_reopened(editor: Any, reviewer: Any, claim: Any) -> None:
    steps = [
        ("assign", editor),
        ("start_review", reviewer),
        ("submit", reviewer),
        ("request_changes", editor),
        ("start_review", reviewer),
        ("submit", reviewer),
        ("approve", editor),
        ("publish", editor),
        ("reopen", editor),
    ]
    for action, actor in steps:
        transition(claim.pk, action, by=actor, changes={"assignee": reviewer} if action == "assign" else None)
    events = list(ClaimEvent.objects.filter(claim=claim).values_list("action", flat=True))
    assert events == [a for a, _ in steps]
    claim.refresh_from_db()
    assert claim.status == S.CHANGES_REQUESTED


def test_database_refuses_an_invalid_status(claim: Any) -> None:
    from django.db import IntegrityError, transaction

    from claims.models import Claim

    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(status="bogus")


def test_database_refuses_an_assigned_claim_without_assignee(claim: Any) -> None:
    from django.db import IntegrityError, transaction

    from claims.models import Claim

    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(status=S.ASSIGNED)
