"""Searches for candidate sources, the candidates found, and a cache of provider responses."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from sources import registry

# A provider's name as the registry (sources.registry) knows it: lower case, digits and underscores.
PROVIDER_NAME = Q(provider__regex=r"^[a-z][a-z0-9_]*$")


class SourceSearch(models.Model):
    """One provider's run for one claim. The row, not the broker, is the record of pending work."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("a provider's search", "Waiting")
        RUNNING = "running", pgettext_lazy("a provider's search", "Searching")
        DONE = "done", pgettext_lazy("a provider's search", "Done")
        FAILED = "failed", pgettext_lazy("a provider's search", "Failed")
        SKIPPED = "skipped", pgettext_lazy("a provider's search", "Skipped")

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="source_searches")
    provider = models.CharField(max_length=20, help_text="A provider of sources.registry.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    query = models.JSONField(default=dict, blank=True)
    result_count = models.PositiveIntegerField(default=0)
    results = models.JSONField(
        default=list, blank=True, help_text=_("The provider's parsed records, merged per claim.")
    )

    class Meta:
        ordering = ["claim_id", "provider", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "running", "done", "failed", "skipped"]),
                name="sourcesearch_status_valid",
            ),
            models.CheckConstraint(condition=PROVIDER_NAME, name="sourcesearch_provider_name"),
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="sourcesearch_status_time"),
            models.Index(fields=["claim", "-created_at"], name="sourcesearch_claim_time"),
        ]

    def __str__(self) -> str:
        return f"{self.get_provider_display()} for claim {self.claim_id}: {self.status}"

    def get_provider_display(self) -> str:
        """The provider as people read it ("Europe PMC"), from the registry."""
        return registry.label(self.provider)

    @property
    def failure_summary(self) -> str:
        """A failed search in plain words, without the technical detail (which ``error`` keeps).

        The words follow the sentences :mod:`sources.http` and :mod:`sources.services` write (stored in English,
        as technical detail); the summary is in the reader's language.
        """
        error = self.error
        if "Skipped until" in error:
            return pgettext(
                "a provider's failed search, after its name and a colon",
                "was not asked: it failed several times in a row, so it rests for a few minutes.",
            )
        if " unreachable" in error:
            return pgettext("a provider's failed search, after its name and a colon", "could not be reached.")
        if " unavailable" in error:
            return pgettext(
                "a provider's failed search, after its name and a colon",
                "did not answer in time, or answered that it is overloaded.",
            )
        if " refused the request" in error:
            return pgettext("a provider's failed search, after its name and a colon", "refused the search.")
        if "could not read" in error:
            return pgettext(
                "a provider's failed search, after its name and a colon", "sent an answer that could not be read."
            )
        return pgettext("a provider's failed search, after its name and a colon", "could not be searched.")

    @property
    def error_message(self) -> str:
        """The failure as a sentence that names the provider once ("PubMed unavailable: ...")."""
        name = self.get_provider_display()
        if not self.error or self.error.startswith(name):
            return self.error
        return f"{name}: {self.error}"


class CandidateSource(models.Model):
    """A paper or an earlier fact-check that may be the claim's source, merged across providers."""

    class Kind(models.TextChoices):
        PUBLICATION = "publication", pgettext_lazy("a kind of candidate source", "Publication")
        FACT_CHECK = "fact_check", pgettext_lazy("a kind of candidate source", "Earlier fact-check")

    class Decision(models.TextChoices):
        SUGGESTED = "suggested", pgettext_lazy("a decision on a candidate source", "Suggested")
        CONFIRMED = "confirmed", pgettext_lazy("a decision on a candidate source", "Confirmed")
        DISPUTED = "disputed", pgettext_lazy("a decision on a candidate source", "Disputed")

    class Reason(models.TextChoices):
        CITED_SOURCE = "cited_source", _("The cited source")
        RELEVANT_EVIDENCE = "relevant_evidence", _("Relevant evidence")
        WRONG_PAPER = "wrong_paper", _("Wrong paper")
        DOES_NOT_SUPPORT = "does_not_support", _("Does not support the claim")

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="candidates")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.PUBLICATION)
    doi = models.CharField(max_length=255, blank=True, help_text=_("Lower-case, without the https://doi.org/ prefix."))
    pmid = models.CharField(max_length=20, blank=True)
    pmcid = models.CharField(max_length=20, blank=True)
    title = models.TextField(blank=True)
    authors = models.JSONField(default=list, blank=True, help_text='["Bottemanne H", ...]')
    journal = models.CharField(max_length=500, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    abstract = models.TextField(blank=True)
    url = models.URLField(max_length=2000, blank=True)
    work_type = models.CharField(max_length=40, blank=True)
    volume = models.CharField(max_length=40, blank=True)
    issue = models.CharField(max_length=40, blank=True)
    pages = models.CharField(max_length=60, blank=True)
    providers = ArrayField(models.CharField(max_length=20), default=list, blank=True)
    score = models.FloatField(default=0.0)
    reasons = models.JSONField(default=list, blank=True)
    features = models.JSONField(default=dict, blank=True, help_text=_("The ranking's named features and their values."))
    rank = models.PositiveIntegerField(default=0, help_text=_("Place among the claim's publications, 1 = best."))
    confident = models.BooleanField(default=False, help_text=_("The best candidate, with a score and margin to trust."))
    study = models.JSONField(default=dict, blank=True, help_text="The study card (see claims.studies).")
    is_retracted = models.BooleanField(default=False)
    has_correction = models.BooleanField(default=False)
    has_expression_of_concern = models.BooleanField(default=False)
    is_preprint = models.BooleanField(default=False)
    updates = models.JSONField(default=list, blank=True, help_text=_("Retraction/correction notices."))
    integrity_checked_at = models.DateTimeField(null=True, blank=True)
    # Earlier fact-checks (kind=fact_check).
    publisher = models.CharField(max_length=300, blank=True)
    textual_rating = models.CharField(max_length=500, blank=True)
    review_date = models.DateField(null=True, blank=True)
    # The editor's decision.
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.SUGGESTED)
    decision_reason = models.CharField(max_length=20, choices=Reason.choices, blank=True)
    decision_note = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["claim_id", "rank", "-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "doi"], condition=~Q(doi=""), name="candidate_doi_once_per_claim"),
            models.UniqueConstraint(
                fields=["claim", "pmid"], condition=~Q(pmid=""), name="candidate_pmid_once_per_claim"
            ),
            models.UniqueConstraint(
                fields=["claim", "url"], condition=Q(kind="fact_check"), name="candidate_factcheck_url_once"
            ),
            models.CheckConstraint(
                condition=Q(decision__in=["suggested", "confirmed", "disputed"]), name="candidate_decision_valid"
            ),
            models.CheckConstraint(condition=Q(kind__in=["publication", "fact_check"]), name="candidate_kind_valid"),
            models.CheckConstraint(
                condition=Q(decision="suggested") | Q(decided_by__isnull=False, decided_at__isnull=False),
                name="candidate_decision_has_editor",
            ),
            models.CheckConstraint(condition=~Q(doi__startswith="http"), name="candidate_doi_normalised"),
        ]
        indexes = [
            models.Index(fields=["claim", "decision", "-score"], name="candidate_claim_decision"),
            # The dashboard's sources confirmed and disputed by month of the decision.
            models.Index(
                fields=["decided_at"],
                include=["claim_id", "decision"],
                condition=~Q(decision="suggested"),
                name="candidate_decided_at",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.doi or self.url

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""


class ProviderResponse(models.Model):
    """A cached provider answer, keyed by provider and request, shared by every worker."""

    provider = models.CharField(max_length=20)
    key = models.CharField(max_length=64, help_text="SHA-256 of the normalised request.")
    request = models.TextField(blank=True)
    status_code = models.PositiveSmallIntegerField()
    content_type = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    fetched_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["provider", "key"], name="providerresponse_key_unique")]

    def __str__(self) -> str:
        return f"{self.provider} {self.key[:12]}"


class ProviderState(models.Model):
    """Shared by every worker: the next free rate-limit slot of a provider, and whether it is resting.

    Rate limits reserve slots with one atomic UPDATE (no lock held while waiting); a provider that
    keeps failing is marked down for a while so searches skip it instead of waiting.
    """

    key = models.CharField(max_length=60, primary_key=True, help_text='"crossref:search", "pubmed", ...')
    next_slot_at = models.DateTimeField(null=True, blank=True)
    failures = models.PositiveIntegerField(default=0)
    down_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.key
