"""In a real browser, with a real worker: find the study the seed article cites, confirm it, cite it, approve.

The "Find sources" button records the searches and enqueues them after commit, exactly as in production;
a real ``celery worker`` process on the real broker runs them against a local server playing Crossref,
PubMed, Europe PMC and OpenAlex, and the Sources panel follows the database by htmx polling until every
provider is done, without the page being reloaded.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from pytest_httpserver import HTTPServer

from claims import services as claim_services
from claims.models import ClaimEvent, ClaimStatus, Evidence, Verdict
from sources.models import CandidateSource, SourceSearch
from tests.browser import Shots, login, logout
from tests.factories import UserFactory
from tests.sources.conftest import BOTTEMANNE_DOI, JAMA_QUOTE, JAMA_TEXT, PROVIDER_SETTINGS, SEED_TEXT, serve_ketamine
from tests.worker import celery_worker

ROOT = Path(__file__).resolve().parents[2]
_shot = Shots("sources")
BOTTEMANNE_TITLE = (
    "Evaluation of Early Ketamine Effects on Belief-Updating Biases in Patients With Treatment-Resistant Depression"
)
PROVIDERS = ("Crossref", "PubMed", "Europe PMC", "OpenAlex")


def _worker_env(server: HTTPServer) -> dict[str, str]:
    # The worker is another process: it reads the provider URLs from its environment, not from `settings`.
    urls = {setting: server.url_for(f"/{provider}") for provider, setting in PROVIDER_SETTINGS.items()}
    return {**urls, "FACTCHECK_TOOLS_API_KEY": "", "SOURCES_BACKOFF_SECONDS": "0.05", "LOG_LEVEL": "WARNING"}


@pytest.mark.browser
@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_editor_finds_and_confirms_the_cited_study_and_the_reviewer_cites_it(
    live_server: Any, page: Any, httpserver: HTTPServer
) -> None:
    serve_ketamine(httpserver)
    edna = UserFactory(username="edna", first_name="Edna", last_name="Editor", groups=["editor"])
    rita = UserFactory(username="rita", first_name="Rita", last_name="Reviewer", groups=["reviewer"])
    article = claim_services.article_create(
        title="Ketamine proves effective against depression",
        body=SEED_TEXT.read_text(encoding="utf-8"),
        outlet="Example News",
        published_on=dt.date(2022, 10, 6),
        by=edna,
    )
    start = article.body.index(JAMA_QUOTE)
    claim = claim_services.claim_create(
        article=article,
        span_start=start,
        span_end=start + len(JAMA_QUOTE),
        text=JAMA_TEXT,
        claimant="The article",
        by=edna,
        search_sources=False,
    )
    base = live_server.url
    page.set_default_timeout(15_000)
    panel = page.locator("#sources-panel")

    # 1. The editor opens the JAMA Psychiatry claim from the article; nothing has been searched yet.
    login(page, base, "edna")
    page.wait_for_url(re.compile(r"/board/"))
    page.goto(f"{base}/articles/{article.pk}/")
    _shot(page, "01-article-with-the-claim")
    page.click(f"#claim-{claim.pk} a")
    page.wait_for_url(re.compile(rf"/claims/{claim.pk}/$"))
    panel.get_by_text("No search for sources has run for this claim yet.").wait_for()
    _shot(page, "02-claim-before-the-search")

    # 2. "Find sources": one pending search per provider, recorded and enqueued; no worker runs yet.
    page.evaluate("window.stillTheSamePage = true")
    panel.get_by_role("button", name="Find sources").click()
    panel.get_by_text("Searching Crossref, PubMed, Europe PMC and OpenAlex for sources.").wait_for()
    for provider in PROVIDERS:
        panel.locator("li.source-search.status-pending", has_text=f"{provider}: waiting…").wait_for()
    assert panel.get_by_role("button", name="Find sources").is_disabled()
    assert panel.get_attribute("hx-trigger") == "every 2s"
    searches = list(SourceSearch.objects.filter(claim=claim))
    assert sorted(s.provider for s in searches) == ["crossref", "europepmc", "openalex", "pubmed"]
    assert {(s.status, s.requested_by_id) for s in searches} == {("pending", edna.pk)}
    _shot(page, "03-searches-waiting-for-a-worker")

    # 3. A real worker picks the messages off the broker; the panel follows the database until all are done.
    with celery_worker(extra_env=_worker_env(httpserver)):
        page.locator("#sources-panel:not([hx-trigger])").wait_for(timeout=45_000)
    for provider in PROVIDERS:
        panel.locator("li.source-search.status-done", has_text=re.compile(rf"{provider}:\s+\d+ records?")).wait_for()
    assert page.evaluate("window.stillTheSamePage") is True, "the panel must update in place, not by a reload"
    assert set(SourceSearch.objects.filter(claim=claim).values_list("status", "error")) == {("done", "")}

    # Bottemanne et al. at the top, with its DOI, PMID and journal, found by all four providers.
    top = panel.locator("ol.candidates > li").first
    assert top.locator(".candidate-title").inner_text() == BOTTEMANNE_TITLE
    cite = top.locator(".candidate-cite").inner_text()
    assert cite.startswith("Bottemanne H, Morlaas O, Claret A, et al. JAMA Psychiatry 2022;79(11)")
    ids = top.locator(".candidate-ids").inner_text()
    assert f"DOI {BOTTEMANNE_DOI}" in ids and "PMID 36169969" in ids
    assert all(provider in ids.partition("found by")[2] for provider in PROVIDERS)
    assert "journal matches JAMA Psychiatry" in top.locator(".candidate-reasons").inner_text()
    assert top.locator(".flag-retracted, .flag-concern, .flag-corrected, .flag-preprint").count() == 0
    assert top.locator(".candidate-abstract").inner_text().startswith("Importance Ketamine has rapid")
    assert panel.locator("ol.candidates > li").count() > 1  # the distractors rank below it
    # Its study card, and the note that the headline's "proves" outruns an observational study.
    card = top.locator("dl.study-card")
    assert card.locator(".study-kind").inner_text() == "Observational study"
    assert card.locator(".study-peer-review").inner_text() == "Peer-reviewed journal"
    assert card.locator(".study-journal").inner_text() == "JAMA Psychiatry"
    note = top.locator(".overclaim-note")
    assert "“proves”" in note.inner_text() and "observational study" in note.inner_text()
    top.scroll_into_view_if_needed()
    _shot(page, "04-sources-found-bottemanne-on-top")
    top.screenshot(path=str(_shot.folder / "04b-study-card-and-overclaim-note.png"))

    # 4. The editor confirms it as the cited source.
    top.locator("summary", has_text="Confirm or dispute").click()
    top.get_by_label("The cited source").check()
    top.locator("textarea[name=note]").first.fill("The study the article refers to: same journal, date and team.")
    top.get_by_role("button", name="Confirm", exact=True).click()
    panel.get_by_text(f"Confirmed “{BOTTEMANNE_TITLE}”.").wait_for()
    top = panel.locator("ol.candidates > li").first
    top.locator(".badge.decision-confirmed", has_text="Confirmed: the cited source").wait_for()
    _shot(page, "05-confirmed-as-the-cited-source")
    candidate = CandidateSource.objects.get(claim=claim, doi=BOTTEMANNE_DOI)
    assert (candidate.decision, candidate.decision_reason, candidate.decided_by_id) == (
        "confirmed",
        "cited_source",
        edna.pk,
    )

    # 5. The editor assigns the claim to the reviewer.
    page.select_option("#claim-main select[name=reviewer]", str(rita.pk))
    page.fill("#claim-main input[name=due_date]", (timezone.localdate() + dt.timedelta(days=3)).isoformat())
    page.click("#claim-main button:has-text('Assign')")
    page.get_by_text("Assigned to Rita Reviewer").wait_for()
    _shot(page, "06-assigned-to-the-reviewer")
    logout(page)

    # 6. The reviewer starts the review and attaches the confirmed source as supporting evidence.
    login(page, base, "rita")
    page.wait_for_url(re.compile(r"/queue/"))
    page.click(f"#claim-{claim.pk} h2 a")
    page.wait_for_url(re.compile(rf"/claims/{claim.pk}/$"))
    panel.locator(".badge.decision-confirmed", has_text="Confirmed: the cited source").wait_for()
    assert panel.get_by_role("button", name="Find sources").count() == 0  # deciding is for editors
    page.click("button:has-text('Start the review')")
    page.locator("#verdict-form").wait_for()
    confirmed = page.locator("#evidence ul.confirmed li", has_text=BOTTEMANNE_TITLE)
    confirmed.locator("span.muted", has_text="JAMA Psychiatry, 2022").wait_for()
    _shot(page, "07-review-started-confirmed-source-offered")
    confirmed.locator("select[name=stance]").select_option("supports")
    confirmed.get_by_role("button", name="Cite").click()
    cited = page.locator("#evidence ul.evidence-list li.stance-supports", has_text=BOTTEMANNE_TITLE)
    cited.get_by_text(f"doi:{BOTTEMANNE_DOI}").wait_for()
    cited.locator(".badge", has_text="Confirmed source").wait_for()
    assert cited.locator("dl.study-card .study-kind").inner_text() == "Observational study"
    assert "“proves”" in cited.locator(".overclaim-note").inner_text()
    _shot(page, "08-confirmed-source-attached-as-evidence")

    # 7. The reviewer writes the verdict and submits it.
    page.click(".rating-option:has-text('Mostly accurate')")
    page.fill(
        "#id_explanation",
        "The study exists and says so: Bottemanne et al., JAMA Psychiatry 2022, found optimism rose four hours "
        "after ketamine. “New therapeutic avenues” is the authors' hope, not yet a result.",
    )
    page.select_option("#id_confidence", "high")
    page.get_by_text(re.compile(r"Draft saved at .* \(version \d+\)")).wait_for()
    page.click("button:has-text('Submit for approval')")
    page.get_by_text("Verdict submitted for approval").wait_for()
    _shot(page, "09-verdict-submitted")
    logout(page)

    # 8. The editor approves; the verdict, with its evidence, is locked.
    login(page, base, "edna")
    page.wait_for_url(re.compile(r"/board/"))
    page.goto(f"{base}/claims/{claim.pk}/")
    page.locator("#evidence li", has_text=BOTTEMANNE_TITLE).wait_for()
    page.click("button:has-text('Approve the verdict')")
    page.get_by_text("The verdict is locked").wait_for()
    _shot(page, "10-verdict-approved")

    claim.refresh_from_db()
    verdict = Verdict.objects.get(claim=claim)
    assert claim.status == ClaimStatus.APPROVED and verdict.approved_by_id == edna.pk
    evidence = Evidence.objects.get(verdict=verdict)
    assert (evidence.candidate_id, evidence.doi, evidence.stance, evidence.added_by_id) == (
        candidate.pk,
        BOTTEMANNE_DOI,
        "supports",
        rita.pk,
    )
    moves = list(ClaimEvent.objects.filter(claim=claim, kind="status").values_list("action", flat=True))
    assert moves == ["assign", "start_review", "submit", "approve"]
    assert len(list(_shot.folder.glob("*.png"))) >= 10
