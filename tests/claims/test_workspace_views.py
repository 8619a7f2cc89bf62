"""Workspace pages and actions: full pages, htmx fragments, plain POSTs, refusals that say why."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from claims.models import Claim, ClaimEvent, ClaimStatus, Comment, Evidence, Rating, Verdict
from tests.factories import ArticleFactory, ClaimFactory, VerdictFactory

S = ClaimStatus
pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}

POST_ONLY = [
    ("claims:claim_create", "article"),
    ("claims:claim_edit", "claim"),
    ("claims:claim_assign", "claim"),
    ("claims:claim_unassign", "claim"),
    ("claims:review_start", "claim"),
    ("claims:verdict_save", "claim"),
    ("claims:verdict_submit", "claim"),
    ("claims:verdict_approve", "claim"),
    ("claims:verdict_send_back", "claim"),
    ("claims:evidence_add", "claim"),
    ("claims:comment_add", "claim"),
]


def _in_review(reviewer: Any, **verdict: Any) -> Claim:
    claim = ClaimFactory(status=S.IN_REVIEW, assignee=reviewer)
    VerdictFactory(claim=claim, **{"rating": None, "explanation": "", "confidence": "", **verdict})
    return claim


# Home, login and refusals ---------------------------------------------------------------------


def test_home_sends_editors_to_the_board(client: Any, editor: Any) -> None:
    client.force_login(editor)
    assert client.get("/").url == reverse("claims:board")


def test_home_sends_reviewers_to_their_queue(client: Any, reviewer: Any) -> None:
    client.force_login(reviewer)
    assert client.get("/").url == reverse("claims:queue")


def test_outsider_gets_a_clear_403_page(client: Any, outsider: Any) -> None:
    client.force_login(outsider)
    response = client.get("/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "not part of the newsroom yet" in html
    assert "Traceback" not in html


def test_anonymous_visitor_is_sent_to_login(client: Any) -> None:
    response = client.get(reverse("claims:board"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_login_then_lands_on_the_role_home(client: Any, reviewer: Any) -> None:
    response = client.post(reverse("login"), {"username": "rita", "password": "pass-for-tests-1"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("claims:queue")


def test_password_change_page_requires_login_and_renders(client: Any, editor: Any) -> None:
    assert client.get(reverse("password_change")).status_code == 302
    client.force_login(editor)
    assert "Change your password" in client.get(reverse("password_change")).content.decode()


@pytest.mark.parametrize(("name", "kind"), POST_ONLY)
def test_get_on_a_post_only_url_answers_405(client: Any, editor: Any, reviewer: Any, name: str, kind: str) -> None:
    claim = ClaimFactory(status=S.IN_REVIEW, assignee=reviewer)
    client.force_login(editor)
    kwargs = {"article_id": claim.article_id} if kind == "article" else {"claim_id": claim.pk}
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 405


def test_reviewer_cannot_open_someone_elses_claim(client: Any, other_reviewer: Any, reviewer: Any) -> None:
    claim = ClaimFactory(status=S.ASSIGNED, assignee=reviewer)
    client.force_login(other_reviewer)
    response = client.get(reverse("claims:claim", args=[claim.pk]))
    assert response.status_code == 403
    assert "not assigned to you" in response.content.decode()


# Board and queue -------------------------------------------------------------------------------


def test_board_lists_claims_with_counts_per_status(client: Any, editor: Any, reviewer: Any) -> None:
    ClaimFactory(text="A new claim")
    ClaimFactory(text="An assigned claim", status=S.ASSIGNED, assignee=reviewer)
    client.force_login(editor)
    response = client.get(reverse("claims:board"))
    html = response.content.decode()
    assert "A new claim" in html and "An assigned claim" in html
    assert response.context["page"].counts[S.NEW] == 1
    assert response.context["page"].counts[S.ASSIGNED] == 1
    assert response.context["page"].total == 2


def test_board_filters_by_status_assignee_article_and_due(client: Any, editor: Any, reviewer: Any) -> None:
    today = timezone.localdate()
    late = ClaimFactory(text="Late one", status=S.ASSIGNED, assignee=reviewer, due_date=today - dt.timedelta(days=2))
    soon = ClaimFactory(text="Soon one", status=S.ASSIGNED, assignee=reviewer, due_date=today + dt.timedelta(days=3))
    undated = ClaimFactory(text="Undated one")
    client.force_login(editor)

    def texts(query: str) -> set[str]:
        return {c.text for c in client.get(reverse("claims:board") + query).context["page"].claims}

    assert texts("?due=overdue") == {late.text}
    assert texts("?due=week") == {soon.text}
    assert texts("?due=none") == {undated.text}
    assert texts("?status=new") == {undated.text}
    assert texts(f"?assignee={reviewer.pk}") == {late.text, soon.text}
    assert texts("?assignee=none") == {undated.text}
    assert texts(f"?article={soon.article_id}") == {soon.text}
    assert texts("?status=bogus&due=whenever&sort=nonsense&page=abc") == {late.text, soon.text, undated.text}


def test_board_sorts_and_paginates(client: Any, editor: Any) -> None:
    today = timezone.localdate()
    for i in range(55):
        ClaimFactory(text=f"Claim {i:02}", due_date=today + dt.timedelta(days=i), priority=i % 4)
    client.force_login(editor)
    first = client.get(reverse("claims:board"))
    assert [c.text for c in first.context["page"].claims][:2] == ["Claim 00", "Claim 01"]
    assert first.context["page"].has_next and first.context["page"].num_pages == 2
    second = client.get(reverse("claims:board") + "?page=2")
    assert [c.text for c in second.context["page"].claims] == [f"Claim {i}" for i in range(50, 55)]
    by_priority = client.get(reverse("claims:board") + "?sort=priority").context["page"].claims
    assert by_priority[0].priority == 3
    assert "page=2" in first.content.decode()


def test_board_htmx_request_returns_the_results_fragment(client: Any, editor: Any) -> None:
    ClaimFactory(text="Only claim")
    client.force_login(editor)
    html = client.get(reverse("claims:board") + "?status=new", **HTMX).content.decode()
    assert html.lstrip().startswith('<div id="board-results">')
    assert "Only claim" in html and "<html" not in html


def test_board_marks_overdue_claims(client: Any, editor: Any, reviewer: Any) -> None:
    ClaimFactory(status=S.ASSIGNED, assignee=reviewer, due_date=timezone.localdate() - dt.timedelta(days=1))
    client.force_login(editor)
    html = client.get(reverse("claims:board")).content.decode()
    assert 'class="is-overdue"' in html and "Overdue" in html


def test_board_empty_state_is_helpful(client: Any, editor: Any) -> None:
    client.force_login(editor)
    assert "No claims yet" in client.get(reverse("claims:board")).content.decode()


def test_queue_shows_overdue_first_with_the_paragraph(client: Any, reviewer: Any, other_reviewer: Any) -> None:
    today = timezone.localdate()
    ClaimFactory(text="Due later", status=S.ASSIGNED, assignee=reviewer, due_date=today + dt.timedelta(days=5))
    ClaimFactory(text="Overdue", status=S.IN_REVIEW, assignee=reviewer, due_date=today - dt.timedelta(days=1))
    ClaimFactory(text="Not mine", status=S.ASSIGNED, assignee=other_reviewer)
    ClaimFactory(text="Done", status=S.APPROVED, assignee=reviewer)
    client.force_login(reviewer)
    response = client.get(reverse("claims:queue"))
    items = response.context["page"].items
    assert [i.claim.text for i in items] == ["Overdue", "Due later"]
    before, quote, after = items[0].context
    assert (before, quote) == ("", "Ketamine lifts mood within hour")
    assert after.startswith("s. A study published")
    assert "<mark>Ketamine lifts mood within hour</mark>s. A study" in response.content.decode()
    assert response.context["page"].overdue == 1


def test_queue_empty_state(client: Any, reviewer: Any) -> None:
    client.force_login(reviewer)
    assert "Nothing in your queue" in client.get(reverse("claims:queue")).content.decode()


# Article page and making claims -----------------------------------------------------------------


def test_article_page_highlights_claims_at_their_exact_spans(client: Any, editor: Any) -> None:
    article = ArticleFactory()
    start = article.body.index("optimism rose")
    ClaimFactory(article=article, span_start=start, span_end=start + len("optimism rose 4 hours"))
    client.force_login(editor)
    html = client.get(reverse("claims:article", args=[article.pk])).content.decode()
    assert f'data-start="{start}" data-end="{start + 21}"' in html
    assert ">optimism rose 4 hours</mark>" in html
    assert "claim-picker.js" in html


def test_editor_makes_a_claim_from_part_of_a_sentence_by_offsets(client: Any, editor: Any) -> None:
    article = ArticleFactory()
    start = article.body.index("optimism rose")
    end = start + len("optimism rose 4 hours")
    client.force_login(editor)
    response = client.post(
        reverse("claims:claim_create", args=[article.pk]),
        {"span_start": start, "span_end": end, "quote": "optimism rose 4 hours", "claimant": "JAMA", "priority": 2},
    )
    assert response.status_code == 302
    claim = Claim.objects.get(article=article)
    assert (claim.span_start, claim.span_end, claim.quote) == (start, end, "optimism rose 4 hours")
    assert (claim.claimant, claim.priority, claim.created_by) == ("JAMA", 2, editor)


def test_without_javascript_the_typed_quote_is_located(client: Any, editor: Any) -> None:
    article = ArticleFactory()
    client.force_login(editor)
    client.post(
        reverse("claims:claim_create", args=[article.pk]),
        {"quote": "“This is a clinical response,”", "text": "Ketamine has a clinical effect", "priority": 1},
    )
    claim = Claim.objects.get(article=article)
    assert article.body[claim.span_start : claim.span_end] == "“This is a clinical response,”"
    assert claim.text == "Ketamine has a clinical effect"


def test_selection_whitespace_is_trimmed(client: Any, editor: Any) -> None:
    article = ArticleFactory()
    start = article.body.index(" A study")
    client.force_login(editor)
    client.post(reverse("claims:claim_create", args=[article.pk]), {"span_start": start, "span_end": start + 8})
    assert Claim.objects.get(article=article).quote == "A study"


def test_a_quote_not_in_the_article_is_refused_and_kept(client: Any, editor: Any) -> None:
    article = ArticleFactory()
    client.force_login(editor)
    response = client.post(
        reverse("claims:claim_create", args=[article.pk]), {"quote": "Ketamine cures everything", "priority": 1}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "does not appear in the article exactly as written" in html
    assert "Ketamine cures everything</textarea>" in html
    assert not Claim.objects.exists()


def test_claim_create_with_htmx_returns_the_workspace_fragment(client: Any, editor: Any) -> None:
    article = ArticleFactory()
    client.force_login(editor)
    response = client.post(
        reverse("claims:claim_create", args=[article.pk]), {"quote": "Further work is planned"}, **HTMX
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="article-workspace"')
    assert ">Further work is planned</mark>" in html


def test_reviewer_cannot_make_claims(client: Any, reviewer: Any) -> None:
    article = ArticleFactory()
    client.force_login(reviewer)
    response = client.post(reverse("claims:claim_create", args=[article.pk]), {"quote": "Ketamine"})
    assert response.status_code == 403
    assert not Claim.objects.exists()


# The claim page -----------------------------------------------------------------------------------


def test_claim_page_shows_quote_in_paragraph_actions_and_timeline(client: Any, editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory(status=S.ASSIGNED, assignee=reviewer)
    Comment.objects.create(claim=claim, author=editor, body="Check the preprint.")
    client.force_login(reviewer)
    html = client.get(reverse("claims:claim", args=[claim.pk])).content.decode()
    assert "<mark>Ketamine lifts mood within hour</mark>s. A study" in html
    assert "Start the review" in html
    assert "Check the preprint." in html
    assert "Assign to a reviewer" not in html


def test_claim_page_htmx_part_returns_only_that_fragment(client: Any, editor: Any) -> None:
    claim = ClaimFactory()
    client.force_login(editor)
    html = client.get(reverse("claims:claim", args=[claim.pk]) + "?part=timeline", **HTMX).content.decode()
    assert html.lstrip().startswith('<section id="timeline"')
    assert "<html" not in html


def test_claim_edit_with_a_stale_version_shows_the_newer_one(client: Any, editor: Any) -> None:
    claim = ClaimFactory()
    client.force_login(editor)
    url = reverse("claims:claim_edit", args=[claim.pk])
    ok = client.post(url, {"text": "First wording", "claimant": "A", "priority": 1, "version": 1})
    assert ok.status_code == 302
    stale = client.post(url, {"text": "My wording", "claimant": "B", "priority": 1, "version": 1})
    assert stale.status_code == 409
    html = stale.content.decode()
    assert "Someone else saved this first" in html
    assert "The newer version (version 2)" in html and "First wording" in html
    assert "My wording</textarea>" in html
    assert 'name="version" id="edit-version" value="2"' in html
    claim.refresh_from_db()
    assert claim.text == "First wording"


def test_assign_by_plain_post_and_by_htmx(client: Any, editor: Any, reviewer: Any, other_reviewer: Any) -> None:
    claim = ClaimFactory()
    client.force_login(editor)
    url = reverse("claims:claim_assign", args=[claim.pk])
    due = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    response = client.post(url, {"reviewer": reviewer.pk, "due_date": due, "note": "Quick one", "version": 1})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.assignee, claim.due_date.isoformat()) == (S.ASSIGNED, reviewer, due)
    fragment = client.post(url, {"reviewer": other_reviewer.pk, "due_date": due, "version": claim.version}, **HTMX)
    html = fragment.content.decode()
    assert html.lstrip().startswith('<div id="claim-main">')
    assert "Otto" in html
    assert json.loads(fragment.headers["HX-Trigger"]) == {"claimChanged": {}}


def test_assign_with_a_past_due_date_is_refused_with_a_reason(client: Any, editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory()
    client.force_login(editor)
    response = client.post(
        reverse("claims:claim_assign", args=[claim.pk]),
        {"reviewer": reviewer.pk, "due_date": "2001-01-01", "version": claim.version},
    )
    assert response.status_code == 400
    assert "The due date is in the past" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == S.NEW


def test_unassign(client: Any, editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory(status=S.ASSIGNED, assignee=reviewer)
    client.force_login(editor)
    client.post(reverse("claims:claim_unassign", args=[claim.pk]))
    claim.refresh_from_db()
    assert (claim.status, claim.assignee) == (S.NEW, None)


def test_reviewer_starts_review_with_htmx(client: Any, reviewer: Any) -> None:
    claim = ClaimFactory(status=S.ASSIGNED, assignee=reviewer)
    client.force_login(reviewer)
    html = client.post(reverse("claims:review_start", args=[claim.pk]), **HTMX).content.decode()
    assert 'id="verdict-form"' in html
    claim.refresh_from_db()
    assert claim.status == S.IN_REVIEW


def test_autosave_returns_the_status_and_the_new_version(client: Any, reviewer: Any) -> None:
    claim = _in_review(reviewer)
    client.force_login(reviewer)
    response = client.post(
        reverse("claims:verdict_save", args=[claim.pk]),
        {"explanation": "Typing…", "confidence": "", "version": 1, "autosave": "1"},
        **HTMX,
    )
    html = response.content.decode()
    assert "Draft saved at" in html
    assert 'id="verdict-version" value="2" hx-swap-oob="true"' in html
    assert Verdict.objects.get(claim=claim).explanation == "Typing…"


def test_stale_autosave_keeps_the_newer_verdict_and_says_so(client: Any, reviewer: Any) -> None:
    claim = _in_review(reviewer, explanation="Saved in another tab.", version=3)
    client.force_login(reviewer)
    response = client.post(
        reverse("claims:verdict_save", args=[claim.pk]),
        {"explanation": "Older tab", "version": 1, "autosave": "1"},
        **HTMX,
    )
    html = response.content.decode()
    assert "Someone saved version 3" in html
    assert "Saved in another tab." in html
    assert Verdict.objects.get(claim=claim).explanation == "Saved in another tab."


def test_stale_save_draft_rerenders_with_the_users_text_and_the_newer_version(client: Any, reviewer: Any) -> None:
    claim = _in_review(reviewer, explanation="Their text.", version=2)
    client.force_login(reviewer)
    response = client.post(
        reverse("claims:verdict_save", args=[claim.pk]), {"explanation": "My long careful text", "version": 1}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "My long careful text</textarea>" in html
    assert "The newer version (version 2)" in html and "Their text." in html
    assert 'id="verdict-version" value="2"' in html
    # Saving again with the version shown replaces theirs deliberately.
    again = client.post(
        reverse("claims:verdict_save", args=[claim.pk]), {"explanation": "My long careful text", "version": 2}
    )
    assert again.status_code == 302
    assert Verdict.objects.get(claim=claim).explanation == "My long careful text"


def test_a_verdict_posted_after_the_login_expired_leads_back_to_the_claim_and_stores_nothing(
    client: Any, reviewer: Any
) -> None:
    claim = _in_review(reviewer)
    rating = Rating.objects.order_by("value").first()
    # No login: the session has expired. The CSRF cookie outlives the session, so the POST reaches the view.
    response = client.post(
        reverse("claims:verdict_save", args=[claim.pk]),
        {"rating": rating.pk, "explanation": "Four paragraphs of careful work", "confidence": "high", "version": 1},
    )
    assert response.status_code == 302
    assert response.url == reverse("login") + "?next=" + reverse("claims:claim", args=[claim.pk]).replace("/", "%2F")
    # The text waits in the reviewer's browser tab (verdict.js), not on the server.
    assert not Session.objects.exists()
    login = client.post(
        response.url,
        {"username": "rita", "password": "pass-for-tests-1", "next": reverse("claims:claim", args=[claim.pk])},
    )
    assert login.url == reverse("claims:claim", args=[claim.pk])
    html = client.get(login.url).content.decode()
    assert 'id="draft-restored"' in html and "not saved yet" in html  # the notice verdict.js reveals
    assert "Four paragraphs of careful work" not in html
    assert Verdict.objects.get(claim=claim).explanation == ""


def test_htmx_autosave_after_expiry_redirects_the_browser_to_login(client: Any, reviewer: Any) -> None:
    claim = _in_review(reviewer)
    response = client.post(
        reverse("claims:verdict_save", args=[claim.pk]),
        {"explanation": "Half a sentence", "version": 1, "autosave": "1"},
        **HTMX,
    )
    assert response.headers["HX-Redirect"].startswith(reverse("login"))
    assert "sessionid" not in response.cookies
    assert not Session.objects.exists()


def test_the_verdict_form_says_how_unsaved_text_is_kept(client: Any, reviewer: Any) -> None:
    claim = _in_review(reviewer)
    client.force_login(reviewer)
    html = client.get(reverse("claims:claim", args=[claim.pk])).content.decode()
    assert "what you typed stays in this browser tab" in html
    assert "<noscript> Without JavaScript it cannot be kept" in html
    assert f'data-user="{reviewer.pk}"' in html


def test_submit_says_what_is_missing(client: Any, reviewer: Any) -> None:
    claim = _in_review(reviewer)
    client.force_login(reviewer)
    response = client.post(
        reverse("claims:verdict_submit", args=[claim.pk]), {"explanation": "Only words", "version": 1}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Before submitting, add a rating." in html
    # The explanation was saved as a draft; nothing typed is lost.
    assert "Only words</textarea>" in html
    claim.refresh_from_db()
    assert claim.status == S.IN_REVIEW


def test_submit_then_approve_locks_the_verdict(client: Any, reviewer: Any, editor: Any) -> None:
    claim = _in_review(reviewer)
    rating = Rating.objects.first()
    client.force_login(reviewer)
    client.post(
        reverse("claims:verdict_submit", args=[claim.pk]),
        {"rating": rating.pk, "explanation": "Sound.", "confidence": "high", "version": 1},
    )
    claim.refresh_from_db()
    assert claim.status == S.SUBMITTED
    client.force_login(editor)
    html = client.post(reverse("claims:verdict_approve", args=[claim.pk]), **HTMX).content.decode()
    assert "The verdict is locked" in html
    client.force_login(reviewer)
    refused = client.post(reverse("claims:verdict_save", args=[claim.pk]), {"explanation": "Late edit", "version": 3})
    assert refused.status_code == 409
    assert "approved and is locked" in refused.content.decode()


def test_send_back_requires_a_note_and_shows_it_in_the_timeline(client: Any, reviewer: Any, editor: Any) -> None:
    claim = ClaimFactory(status=S.SUBMITTED, assignee=reviewer)
    VerdictFactory(claim=claim)
    client.force_login(editor)
    url = reverse("claims:verdict_send_back", args=[claim.pk])
    refused = client.post(url, {"note": ""})
    assert refused.status_code == 400
    assert "Say what needs to change" in refused.content.decode()
    client.post(url, {"note": "Cite the original paper."})
    claim.refresh_from_db()
    assert claim.status == S.CHANGES_REQUESTED
    client.force_login(reviewer)
    html = client.get(reverse("claims:claim", args=[claim.pk])).content.decode()
    assert "Cite the original paper." in html and "Resume the review" in html


def test_editor_refused_move_is_explained_not_a_500(client: Any, editor: Any, reviewer: Any) -> None:
    claim = _in_review(reviewer)
    client.force_login(editor)
    response = client.post(reverse("claims:verdict_approve", args=[claim.pk]))
    assert response.status_code == 409
    assert "You cannot approve this claim while it is in review" in response.content.decode()


def test_evidence_add_and_remove_with_htmx(client: Any, reviewer: Any) -> None:
    claim = _in_review(reviewer)
    client.force_login(reviewer)
    html = client.post(
        reverse("claims:evidence_add", args=[claim.pk]),
        {"doi": "10.1001/jamapsychiatry.2022.1", "stance": "supports", "locator": "Table 1"},
        **HTMX,
    ).content.decode()
    assert html.lstrip().startswith('<section id="evidence"')
    assert "doi:10.1001/jamapsychiatry.2022.1" in html and "Table 1" in html
    evidence = Evidence.objects.get()
    html = client.post(reverse("claims:evidence_remove", args=[claim.pk, evidence.pk]), **HTMX).content.decode()
    assert "No evidence yet" in html
    assert not Evidence.objects.exists()


def test_evidence_without_target_is_refused_with_a_reason(client: Any, reviewer: Any) -> None:
    claim = _in_review(reviewer)
    client.force_login(reviewer)
    response = client.post(reverse("claims:evidence_add", args=[claim.pk]), {"stance": "supports"})
    assert response.status_code == 400
    assert "Give the citation&#x27;s URL or DOI." in response.content.decode()


def test_comment_with_htmx_returns_the_timeline(client: Any, reviewer: Any) -> None:
    claim = ClaimFactory(status=S.ASSIGNED, assignee=reviewer)
    client.force_login(reviewer)
    html = client.post(reverse("claims:comment_add", args=[claim.pk]), {"body": "On it."}, **HTMX).content.decode()
    assert html.lstrip().startswith('<section id="timeline"')
    assert "On it." in html
    assert ClaimEvent.objects.filter(claim=claim, action="comment").exists()


def test_timeline_is_oldest_first(client: Any, editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory()
    client.force_login(editor)
    client.post(reverse("claims:comment_add", args=[claim.pk]), {"body": "First note"})
    client.post(reverse("claims:claim_assign", args=[claim.pk]), {"reviewer": reviewer.pk, "version": claim.version})
    client.post(reverse("claims:comment_add", args=[claim.pk]), {"body": "Second note"})
    html = client.get(reverse("claims:claim", args=[claim.pk])).content.decode()
    assert html.index("First note") < html.index("assigned it to Rita Reviewer") < html.index("Second note")


def test_a_cited_source_leaves_the_list_of_sources_to_cite(client: Any, reviewer: Any, editor: Any) -> None:
    from tests.factories import CandidateSourceFactory

    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, assignee=reviewer)
    verdict = VerdictFactory(claim=claim, author=reviewer)
    cited, other = (
        CandidateSourceFactory(
            claim=claim, title=title, decision="confirmed", decided_by=editor, decided_at=timezone.now()
        )
        for title in ("Cited paper", "Other paper")
    )
    Evidence.objects.create(verdict=verdict, candidate=cited, stance="supports")
    client.force_login(reviewer)
    html = client.get(reverse("claims:claim", args=[claim.pk])).content.decode()
    assert f'name="candidate" value="{other.pk}"' in html
    assert f'name="candidate" value="{cited.pk}"' not in html


def test_a_reviewer_resuming_a_sent_back_claim_sees_the_editors_note(client: Any, editor: Any, reviewer: Any) -> None:
    from claims import services

    claim = ClaimFactory(status=ClaimStatus.SUBMITTED, assignee=reviewer)
    VerdictFactory(claim=claim, author=reviewer, submitted_at=timezone.now())
    services.verdict_send_back(claim_id=claim.pk, by=editor, note="Check the sample size first.")
    client.force_login(reviewer)
    response = client.post(reverse("claims:review_start", args=[claim.pk]), follow=True)
    html = response.content.decode()
    assert "Review resumed" in html
    verdict_card = html[html.index('id="verdict"') :]
    assert "Sent back by" in verdict_card and "Check the sample size first." in verdict_card
    services.verdict_submit(claim_id=claim.pk, by=reviewer, draft=None)
    html = client.get(reverse("claims:claim", args=[claim.pk])).content.decode()
    assert "Sent back by" not in html


def test_a_new_due_date_for_the_same_reviewer_is_noted_not_a_reassignment(
    client: Any, editor: Any, reviewer: Any
) -> None:
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, assignee=reviewer, due_date=timezone.localdate())
    later = timezone.localdate() + dt.timedelta(days=5)
    client.force_login(editor)
    response = client.post(
        reverse("claims:claim_assign", args=[claim.pk]),
        {"reviewer": reviewer.pk, "due_date": later.isoformat(), "version": claim.version},
        follow=True,
    )
    html = response.content.decode()
    assert "Due date changed" in html and "the reviewer was not emailed" in html
    assert f"moved the due date to {later:%a} {later.day} {later:%b %Y}" in html
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW


def test_a_hand_made_due_date_change_on_an_approved_claim_is_refused(client: Any, editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory(status=ClaimStatus.APPROVED, assignee=reviewer, due_date=None)
    client.force_login(editor)
    client.post(
        reverse("claims:claim_assign", args=[claim.pk]),
        {"reviewer": reviewer.pk, "due_date": timezone.localdate().isoformat(), "version": claim.version},
    )
    claim.refresh_from_db()
    assert claim.due_date is None
    assert not ClaimEvent.objects.filter(claim=claim).exists()
