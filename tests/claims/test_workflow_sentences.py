"""The workflow's refusals are whole sentences, one per move and per case, and they stay true to the table."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from claims.models import ClaimStatus
from claims.workflow import MOVES, Role, WorkflowError, check_move
from tests.factories import ClaimFactory

S = ClaimStatus
VERBS = {
    "assign": "assign",
    "reassign": "reassign",
    "unassign": "unassign",
    "start_review": "start the review of",
    "submit": "submit a verdict on",
    "request_changes": "send back",
    "approve": "approve",
    "publish": "publish",
    "reopen": "reopen",
}


def test_every_move_has_its_two_refusals() -> None:
    assert set(MOVES) == set(VERBS)


@pytest.mark.parametrize("action", sorted(VERBS))
def test_the_wrong_state_refusal_names_the_states_the_table_allows(action: str) -> None:
    """Each sentence is written out whole; this holds it to the table when a move's states change."""
    move = MOVES[action]
    allowed = ", ".join(sorted(str(S(state).label).lower() for state in move.sources))
    with translation.override("en-gb"):
        sentence = str(move.wrong_state) % {"status": "new"}
        assert sentence == (
            f"You cannot {VERBS[action]} this claim while it is new; that is only possible when it is {allowed}."
        )
        who = "an editor" if move.role is Role.EDITOR else "the assigned reviewer"
        assert str(move.wrong_role) == f"Only {who} can {VERBS[action]} this claim."


@pytest.mark.django_db
def test_a_refusal_names_the_state_the_claim_is_in(editor: Any) -> None:
    claim = ClaimFactory(status=S.NEW)
    with translation.override("en-gb"), pytest.raises(WorkflowError) as refused:
        check_move(claim, "approve", editor)
    assert str(refused.value) == (
        "You cannot approve this claim while it is new; that is only possible when it is verdict submitted."
    )
