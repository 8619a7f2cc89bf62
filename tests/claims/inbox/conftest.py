"""A published claim for the inbox tests: reports and reopenings start from one."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import TestCase

from claims.publishing import services as publishing
from tests.claims.publishing.conftest import approved_claim
from tests.factories import ArticleFactory


@pytest.fixture
def published_claim(editor: Any, reviewer: Any) -> Any:
    """Claim 1 of a published check, reviewed by ``reviewer`` and approved by ``editor``."""
    article = ArticleFactory(title="Ketamine proves effective against depression")
    claim = approved_claim(article, number=1, reviewer=reviewer, editor=editor)
    check = publishing.check_prepare(
        article_id=article.pk, by=editor, headline="Checked: ketamine", summary="", assessment="", excluded_claim_ids=[]
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        publishing.check_publish(check_id=check.pk, by=editor)
    claim.refresh_from_db()
    return claim
