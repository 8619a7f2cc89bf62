""" "Checked before?": found after a claim is made (a task enqueued after commit, safe twice), ranked with
published checks first, marked the same (audited) or dismissed, reused by the reviewer, linked publicly."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from claims import services as claim_services
from claims.matching import services, tasks
from claims.matching.models import MatchRun, SimilarClaim
from claims.models import ClaimEvent, ClaimStatus, Evidence, Rating, Verdict
from claims.publishing import services as publishing
from tests.factories import ArticleFactory, CandidateSourceFactory, ClaimFactory, UserFactory, VerdictFactory

EARLIER = (
    "These results, published in the journal JAMA Psychiatry, open new therapeutic avenues for mood disorders "
    "resistant to antidepressants."
)
REWORDED = (
    "According to JAMA Psychiatry, the findings point to new treatments for mood disorders that resist antidepressants."
)
OTHER = "The price of petrol rose by ten percent in May."


def _claim(text: str, *, status: str = ClaimStatus.NEW, assignee: Any = None, title: str = "A story") -> Any:
    article = ArticleFactory(title=title, body=text)
    claim = ClaimFactory(article=article, span_start=0, span_end=len(text), text=text, status=status, assignee=assignee)
    claim.refresh_from_db()
    return claim


def _published(text: str, editor: Any, reviewer: Any, title: str = "The first check") -> Any:
    claim = _claim(text, status=ClaimStatus.APPROVED, assignee=reviewer, title=title)
    verdict = VerdictFactory(
        claim=claim,
        author=reviewer,
        rating=Rating.objects.get(label="Mostly accurate"),
        explanation="The study is small but its result is as reported.",
        approved_at=timezone.now(),
        approved_by=editor,
    )
    Evidence.objects.create(
        verdict=verdict, doi="10.1001/jamapsychiatry.2022.2996", title="Bottemanne", stance="supports"
    )
    check = publishing.check_prepare(
        article_id=claim.article_id, by=editor, headline=title, summary="", assessment="", excluded_claim_ids=[]
    )
    publishing.check_publish(check_id=check.pk, by=editor)
    claim.refresh_from_db()
    return claim


@pytest.mark.django_db
def test_a_new_claim_asks_after_commit_and_the_task_finds_the_earlier_claim(
    editor: Any, reviewer: Any, django_capture_on_commit_callbacks: Any
) -> None:
    earlier = _published(EARLIER, editor, reviewer)
    _claim(OTHER)
    article = ArticleFactory(body=REWORDED)
    with django_capture_on_commit_callbacks() as callbacks:
        claim = claim_services.claim_create(
            article=article, span_start=0, span_end=len(REWORDED), by=editor, search_sources=False
        )
    assert MatchRun.objects.get(claim=claim).status == MatchRun.Status.PENDING
    assert len(callbacks) == 1
    tasks.match_run(claim.pk)
    run = MatchRun.objects.get(claim=claim)
    assert run.status == MatchRun.Status.DONE and run.candidates >= 1
    found = SimilarClaim.objects.get(claim=claim)
    assert found.other == earlier and found.score >= 0.44
    # Running again changes nothing: the run is done, nothing is pending.
    tasks.match_run(claim.pk)
    assert SimilarClaim.objects.filter(claim=claim).count() == 1


@pytest.mark.django_db
def test_published_checks_come_before_claims_in_progress(client: Any, editor: Any, reviewer: Any) -> None:
    in_progress = _claim(EARLIER.replace("These results", "The results"), status=ClaimStatus.NEW, title="In progress")
    published = _published(EARLIER, editor, reviewer)
    claim = _claim(REWORDED, title="The new story")
    MatchRun.objects.create(claim=claim)
    services.match_run_execute(claim.pk)
    client.force_login(editor)
    page = client.get(f"/claims/{claim.pk}/").content.decode()
    assert page.index(f'href="/claims/{published.pk}/"') < page.index(f'href="/claims/{in_progress.pk}/"')
    assert "The first check" in page and "Mostly accurate" in page and "published" in page


@pytest.mark.django_db
def test_marking_the_same_is_audited_survives_a_new_run_and_dismissing_sticks(
    client: Any, editor: Any, reviewer: Any
) -> None:
    earlier = _published(EARLIER, editor, reviewer)
    claim = _claim(REWORDED)
    MatchRun.objects.create(claim=claim)
    services.match_run_execute(claim.pk)
    similar = SimilarClaim.objects.get(claim=claim)
    client.force_login(editor)
    response = client.post(f"/claims/{claim.pk}/checked-before/{similar.pk}/same/", headers={"HX-Request": "true"})
    assert "Marked as the same claim" in response.content.decode()
    claim.refresh_from_db()
    assert claim.same_as == earlier
    event = ClaimEvent.objects.get(claim=claim, action=ClaimEvent.Action.SAME_CLAIM)
    assert event.actor == editor and event.data["earlier_claim_id"] == earlier.pk
    services.match_request(claim_id=claim.pk, by=editor)
    services.match_run_execute(claim.pk)
    assert SimilarClaim.objects.get(claim=claim).decision == SimilarClaim.Decision.SAME
    client.post(f"/claims/{claim.pk}/checked-before/undo/")
    claim.refresh_from_db()
    assert claim.same_as is None and ClaimEvent.objects.filter(action=ClaimEvent.Action.SAME_CLAIM_UNDONE).exists()
    client.post(f"/claims/{claim.pk}/checked-before/{similar.pk}/dismiss/")
    services.match_request(claim_id=claim.pk, by=editor)
    services.match_run_execute(claim.pk)
    assert SimilarClaim.objects.get(claim=claim).decision == SimilarClaim.Decision.DISMISSED
    page = client.get(f"/claims/{claim.pk}/").content.decode()
    assert f'href="/claims/{earlier.pk}/"' not in page.split('id="checked-before"')[1]


@pytest.mark.django_db
def test_the_reviewer_sees_the_earlier_verdict_and_starts_from_it(client: Any, editor: Any, reviewer: Any) -> None:
    earlier = _published(EARLIER, editor, UserFactory(groups=["reviewer"]))
    claim = _claim(REWORDED, status=ClaimStatus.IN_REVIEW, assignee=reviewer)
    Verdict.objects.create(claim=claim, author=reviewer)
    claim_services.claim_same_as_set(claim_id=claim.pk, earlier_id=earlier.pk, by=editor)
    client.force_login(reviewer)
    page = client.get(f"/claims/{claim.pk}/").content.decode()
    assert "The same claim as" in page and "The study is small" in page and "Start my verdict from this one" in page
    assert f'href="/claims/{earlier.pk}/"' not in page  # the reviewer cannot open the earlier claim itself
    response = client.post(f"/claims/{claim.pk}/checked-before/reuse/", follow=True)
    assert "are in your draft now" in response.content.decode()
    verdict = Verdict.objects.get(claim=claim)
    assert verdict.rating.label == "Mostly accurate" and verdict.explanation.startswith("The study is small")
    assert list(verdict.evidence.values_list("doi", flat=True)) == ["10.1001/jamapsychiatry.2022.2996"]
    assert ClaimEvent.objects.filter(claim=claim, action=ClaimEvent.Action.VERDICT_REUSED).exists()
    # Once the draft differs, reusing again is refused with a sentence and changes nothing.
    claim_services.verdict_save_draft(
        claim_id=claim.pk, by=reviewer, version=verdict.version, rating_id=verdict.rating_id, explanation="Mine."
    )
    with pytest.raises(claim_services.ServiceError, match="clear them first"):
        claim_services.verdict_reuse(claim_id=claim.pk, by=reviewer)


@pytest.mark.django_db
def test_the_second_checks_public_page_links_the_first(client: Any, editor: Any, reviewer: Any) -> None:
    earlier = _published(EARLIER, editor, reviewer, title="The first check")
    second = _claim(REWORDED, status=ClaimStatus.APPROVED, assignee=reviewer, title="The second story")
    VerdictFactory(
        claim=second, author=reviewer, rating=Rating.objects.first(), approved_at=timezone.now(), approved_by=editor
    )
    claim_services.claim_same_as_set(claim_id=second.pk, earlier_id=earlier.pk, by=editor)
    check = publishing.check_prepare(
        article_id=second.article_id,
        by=editor,
        headline="The second check",
        summary="",
        assessment="",
        excluded_claim_ids=[],
    )
    version = publishing.check_publish(check_id=check.pk, by=editor)
    first_slug = earlier.article.check_page.slug
    assert version.snapshot["claims"][0]["same_as"]["url"].endswith(f"/checks/{first_slug}/#claim-1")
    page = client.get(f"/checks/{check.slug}/").content.decode()
    assert "We checked this claim before:" in page and f'/checks/{first_slug}/#claim-1">The first check</a>' in page


@pytest.mark.django_db
def test_other_organisations_reviews_show_in_the_card_when_the_key_is_set(
    client: Any, editor: Any, settings: Any
) -> None:
    claim = _claim(REWORDED)
    CandidateSourceFactory(
        claim=claim,
        kind="fact_check",
        doi="",
        url="https://factcheck.example/ketamine",
        title="Does ketamine cure depression?",
        publisher="Example Checks",
        textual_rating="Misleading",
    )
    client.force_login(editor)
    settings.FACTCHECK_TOOLS_API_KEY = ""
    page = client.get(f"/claims/{claim.pk}/checked-before/").content.decode()
    assert "once an administrator sets its key" not in page  # reviews found earlier still show
    assert "Example Checks" in page and "rated “Misleading”" in page
    claim.candidates.all().delete()
    assert "once an administrator sets its key" in client.get(f"/claims/{claim.pk}/checked-before/").content.decode()


@pytest.mark.django_db
def test_the_command_prints_matches_best_first(editor: Any, reviewer: Any) -> None:
    earlier = _published(EARLIER, editor, reviewer, title="The first check")
    claim = _claim(REWORDED)
    out = StringIO()
    call_command("similar_claims", str(claim.pk), stdout=out)
    first = out.getvalue().splitlines()[0].split("\t")
    assert first[0] == str(earlier.pk) and float(first[1]) >= 0.44
    assert first[2:] == ["Mostly accurate", "The first check"]
    err = StringIO()
    call_command("similar_claims", str(_claim(OTHER).pk), stdout=StringIO(), stderr=err)
    assert "No claim of the newsroom says the same" in err.getvalue()


@pytest.mark.django_db
def test_the_sweep_sends_again_what_was_left(django_capture_on_commit_callbacks: Any) -> None:
    claim = _claim(REWORDED)
    MatchRun.objects.create(claim=claim, status=MatchRun.Status.RUNNING, started_at=timezone.now(), attempts=1)
    with django_capture_on_commit_callbacks() as callbacks:
        assert services.match_runs_sweep(stuck_after=0) == [claim.pk]
    assert len(callbacks) == 1 and MatchRun.objects.get(claim=claim).status == MatchRun.Status.PENDING


@pytest.mark.django_db
def test_only_editors_decide_and_reviewers_see_no_suggestions(client: Any, editor: Any, reviewer: Any) -> None:
    _published(EARLIER, editor, UserFactory(groups=["reviewer"]))
    claim = _claim(REWORDED, status=ClaimStatus.ASSIGNED, assignee=reviewer)
    MatchRun.objects.create(claim=claim)
    services.match_run_execute(claim.pk)
    similar = SimilarClaim.objects.get(claim=claim)
    with pytest.raises(claim_services.ServiceError):
        services.match_mark_same(claim_id=claim.pk, similar_id=similar.pk, by=reviewer)
    client.force_login(reviewer)
    card = client.get(f"/claims/{claim.pk}/checked-before/").content.decode()
    assert "The same claim</button>" not in card and "JAMA" not in card
