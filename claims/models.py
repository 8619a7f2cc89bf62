"""Articles, claims, verdicts, the audit trail and published checks."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from factcheck.languages import ARTICLE_LANGUAGES, ENGLISH


def display_name(user: Any, fallback: str = "") -> str:
    """How a person is named on every page, email and snapshot: full name, else username."""
    if user is None:
        return fallback
    return (user.get_full_name() or user.get_username()).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Query parameters that say how a reader arrived, not which page it is.
_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid", "at_medium", "at_campaign")


def url_key(url: str) -> str:
    """The address of an article as the import dedupe compares it: the same page gives the same key.

    Scheme and ``www.`` are dropped, the host is lower-cased, the fragment, tracking parameters and a
    trailing slash are removed, and the remaining parameters are sorted. Empty for an empty address.
    """
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(_TRACKING_PARAMS)
    )
    path = parts.path.rstrip("/")
    return urlunsplit(("", host, path, urlencode(query), "")).removeprefix("//")[:2000]


class Article(models.Model):
    class Origin(models.TextChoices):
        PASTE = "paste", _("Pasted text")
        FILE = "file", _("Uploaded file")
        URL = "url", _("Fetched from a URL")
        SEED = "seed", _("Demo seed")

    title = models.CharField(max_length=500)
    outlet = models.CharField(max_length=200, blank=True)
    authors = models.CharField(max_length=500, blank=True, help_text=_("Author(s) as credited by the outlet."))
    url = models.URLField(max_length=2000, blank=True, verbose_name=_("original URL"))
    published_on = models.DateField(null=True, blank=True, verbose_name=_("publication date"))
    body = models.TextField(help_text=_("The article text exactly as imported; claim offsets point into it."))
    content_hash = models.CharField(max_length=64, db_index=True, editable=False)
    url_key = models.CharField(
        max_length=2000,
        blank=True,
        default="",
        db_default="",  # writers that bypass the ORM (COPY in the benchmarks) need not know the column
        db_index=True,
        editable=False,
        help_text=_("The URL as the import dedupe compares it."),
    )
    earlier_version = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="later_versions",
        help_text=_("The article this one was imported anyway as a new version of."),
    )
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.PASTE)
    language = models.CharField(
        max_length=5,
        choices=ARTICLE_LANGUAGES,
        default=ENGLISH,
        db_default=ENGLISH,
        help_text=_("The language the article is written in: it decides how hints, cues and search read it."),
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-imported_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(origin__in=["paste", "file", "url", "seed"]), name="article_origin_valid"
            ),
            models.CheckConstraint(condition=Q(language__in=["en", "fr"]), name="article_language_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("claims:article", args=[self.pk])


class ClaimStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("the status of a claim", "New")
    ASSIGNED = "assigned", pgettext_lazy("the status of a claim", "Assigned")
    IN_REVIEW = "in_review", pgettext_lazy("the status of a claim", "In review")
    SUBMITTED = "submitted", pgettext_lazy("the status of a claim", "Verdict submitted")
    CHANGES_REQUESTED = "changes_requested", pgettext_lazy("the status of a claim", "Changes requested")
    APPROVED = "approved", pgettext_lazy("the status of a claim", "Approved")
    PUBLISHED = "published", pgettext_lazy("the status of a claim", "Published")


class StateGroup(frozenset[str]):
    """A named set of claim states. Code asks ``status in GROUP``; templates ask ``"name" in claim.states``;
    the name is also a CSS class on the claim (``claim.state_classes``)."""

    name: str
    description: str

    def __new__(cls, name: str, states: set[str] | frozenset[str], description: str = "") -> StateGroup:
        group = super().__new__(cls, states)
        group.name = name
        group.description = description
        return group


_S = ClaimStatus
# Every group of claim states, defined once; add a state to ClaimStatus and to the groups it belongs in.
WITH_REVIEWER = StateGroup(
    "with-reviewer",
    {_S.ASSIGNED, _S.IN_REVIEW, _S.CHANGES_REQUESTED},
    "A reviewer has the claim and owes a verdict: it can be overdue, reassigned or taken back.",
)
IN_QUEUE = StateGroup(
    "in-queue", WITH_REVIEWER | {_S.SUBMITTED}, "On the reviewer's queue, including verdicts waiting for approval."
)
ASSIGNABLE = StateGroup("assignable", {_S.NEW} | WITH_REVIEWER, "An editor can assign or reassign the claim.")
DRAFTING = StateGroup(
    "drafting",
    {_S.IN_REVIEW, _S.CHANGES_REQUESTED},
    "The verdict is being written or revised; an editor's send-back note is shown above it.",
)
AWAITING_APPROVAL = StateGroup("awaiting-approval", {_S.SUBMITTED}, "A submitted verdict waits for an editor.")
VERDICT_APPROVED = StateGroup(
    "verdict-approved",
    {_S.APPROVED, _S.PUBLISHED},
    "The verdict is approved and locked, and the claim can be published; reopening unlocks it.",
)
STATE_GROUPS: tuple[StateGroup, ...] = (
    WITH_REVIEWER,
    IN_QUEUE,
    ASSIGNABLE,
    DRAFTING,
    AWAITING_APPROVAL,
    VERDICT_APPROVED,
)


def claim_words() -> SearchVector:
    """The words of a claim and its claimant, as the board's text filter searches them (index claim_words)."""
    return SearchVector("text", "claimant", config="simple")


def done_last() -> models.Case:
    """0 while a claim is being worked on, 1 once its verdict is approved: ordering by it, then by due date,
    keeps approved and published work (whose due dates are long past) after the work still open."""
    return models.Case(
        models.When(status__in=sorted(VERDICT_APPROVED), then=models.Value(1)),
        default=models.Value(0),
        output_field=models.IntegerField(),
    )


class Priority(models.IntegerChoices):
    LOW = 0, pgettext_lazy("a claim's priority", "Low")
    NORMAL = 1, pgettext_lazy("a claim's priority", "Normal")
    HIGH = 2, pgettext_lazy("a claim's priority", "High")
    URGENT = 3, pgettext_lazy("a claim's priority", "Urgent")


class Claim(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    text = models.TextField(help_text=_("The claim as the editor words it."))
    span_start = models.PositiveIntegerField(help_text=_("Offset of the first character of the quote in the body."))
    span_end = models.PositiveIntegerField(help_text=_("Offset just past the last character of the quote."))
    quote = models.TextField(help_text=_("The exact article text the claim was taken from."))
    claimant = models.CharField(max_length=300, blank=True, help_text=_("Who made the claim."))
    # Kept by the database (a trigger of migration 0005): the claim's order in its article's text.
    number = models.PositiveIntegerField(
        null=True,
        editable=False,
        help_text=_("The claim's place in the article (1, 2, 3 ...), in the order of the text."),
    )
    same_as = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="later_checks",
        help_text=_("An earlier claim of the newsroom that says the same thing, as an editor marked it."),
    )
    status = models.CharField(max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.NEW, editable=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="assigned_claims"
    )
    due_date = models.DateField(null=True, blank=True)
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.NORMAL)
    version = models.PositiveIntegerField(default=1, help_text=_("Bumped on every edit; stale saves are refused."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["article_id", "span_start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=ClaimStatus.values), name="claim_status_valid"),
            models.CheckConstraint(condition=Q(span_end__gt=models.F("span_start")), name="claim_span_nonempty"),
            models.CheckConstraint(
                condition=Q(status=ClaimStatus.NEW) | Q(assignee__isnull=False), name="claim_assigned_has_assignee"
            ),
            models.CheckConstraint(condition=Q(priority__gte=0, priority__lte=3), name="claim_priority_valid"),
            # Checked at the end of each statement, so one UPDATE can renumber an article's claims.
            models.UniqueConstraint(
                fields=["article", "number"],
                name="claim_number_once_per_article",
                deferrable=models.Deferrable.IMMEDIATE,
            ),
            models.CheckConstraint(condition=~Q(same_as=models.F("id")), name="claim_same_as_other"),
        ]
        indexes = [
            models.Index(fields=["status", "due_date", "id"], name="claim_status_due"),
            models.Index(fields=["assignee", "status", "due_date"], name="claim_assignee_status_due"),
            models.Index(fields=["due_date", "id"], name="claim_due"),
            models.Index(fields=["-created_at", "-id"], name="claim_created"),
            # The board's due-date order: open work first (claims.models.done_last), then by due date.
            models.Index(done_last(), "due_date", "id", name="claim_done_last_due"),
            # The dashboard joins claims to their approvals by id for the creation time, counts the open
            # work per reviewer and filters by reviewer or article: index-only scans, never the claims' text.
            models.Index(
                fields=["id"],
                include=["created_at", "assignee_id", "article_id", "status", "due_date"],
                name="claim_dashboard",
            ),
            # The board's words filter: whole words and word beginnings, in any language ("simple").
            GinIndex(claim_words(), name="claim_words"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("claims:claim", args=[self.pk])

    @property
    def label(self) -> str:
        """How every page, message and email names the claim: “Claim 3”, its number in the article."""
        if self.number is None:
            return gettext("New claim")
        return gettext("Claim %(number)s") % {"number": self.number}

    @property
    def is_overdue(self) -> bool:
        return bool(self.due_date and self.status in WITH_REVIEWER and self.due_date < timezone.localdate())

    @property
    def states(self) -> frozenset[str]:
        """The names of the state groups the claim is in, for templates: ``{% if "drafting" in claim.states %}``."""
        return frozenset(group.name for group in STATE_GROUPS if self.status in group)

    @property
    def state_classes(self) -> str:
        """CSS classes for the claim's status and state groups: ``status-in_review with-reviewer drafting``."""
        return " ".join([f"status-{self.status}", *sorted(self.states)])


class Rating(models.Model):
    """One step of the newsroom's rating scale, edited in the admin.

    ``label`` and ``description`` are in the app's default language (English); ``translations`` holds
    them in the others, ``{"fr": {"label": …, "description": …}}``. Pages show ``display_label`` and
    ``display_description``, in the language active for the request (or the newsroom's, on public pages).
    """

    label = models.CharField(max_length=60, unique=True)
    description = models.TextField(blank=True)
    translations = models.JSONField(
        default=dict,
        blank=True,
        help_text=_('The label and description in other languages: {"fr": {"label": "…", "description": "…"}}.'),
    )
    value = models.SmallIntegerField(unique=True, help_text=_("Position on the worst..best numeric range."))
    colour = models.CharField(max_length=7, default="#6b7280", help_text=_("Hex colour, e.g. #15803d."))
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "-value"]
        constraints = [
            models.CheckConstraint(condition=Q(colour__regex=r"^#[0-9A-Fa-f]{6}$"), name="rating_colour_hex"),
        ]

    def __str__(self) -> str:
        return self.display_label

    def label_in(self, language: str | None) -> str:
        return self._in(language, "label") or self.label

    def description_in(self, language: str | None) -> str:
        return self._in(language, "description") or self.description

    def _in(self, language: str | None, field: str) -> str:
        base = (language or "").lower().split("-")[0]
        entry = (self.translations or {}).get(base) or {}
        return str(entry.get(field) or "").strip() if isinstance(entry, dict) else ""

    @property
    def display_label(self) -> str:
        return self.label_in(get_language())

    @property
    def display_description(self) -> str:
        return self.description_in(get_language())


class Confidence(models.TextChoices):
    LOW = "low", pgettext_lazy("confidence in a verdict", "Low")
    MEDIUM = "medium", pgettext_lazy("confidence in a verdict", "Medium")
    HIGH = "high", pgettext_lazy("confidence in a verdict", "High")


class Verdict(models.Model):
    """The reviewer's verdict on a claim; a draft until submitted, locked once approved."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="verdict")
    rating = models.ForeignKey(Rating, null=True, blank=True, on_delete=models.PROTECT, related_name="verdicts")
    explanation = models.TextField(blank=True)
    confidence = models.CharField(max_length=10, choices=Confidence.choices, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts")
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence__in=["", "low", "medium", "high"]), name="verdict_confidence_valid"
            ),
            models.CheckConstraint(
                condition=Q(approved_at__isnull=True) | Q(approved_by__isnull=False), name="verdict_approval_has_editor"
            ),
        ]
        indexes = [
            # The dashboard's ratings by month of approval.
            models.Index(
                fields=["approved_at"],
                include=["claim_id", "rating_id"],
                condition=Q(approved_at__isnull=False),
                name="verdict_approved_at",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Verdict on claim %(id)s") % {"id": self.claim_id}


class Stance(models.TextChoices):
    SUPPORTS = "supports", _("Supports the claim")
    REFUTES = "refutes", _("Refutes the claim")
    CONTEXT = "context", _("Gives context")


class Evidence(models.Model):
    """A piece of evidence on a verdict: a confirmed candidate source or a manual citation."""

    verdict = models.ForeignKey(Verdict, on_delete=models.CASCADE, related_name="evidence")
    candidate = models.ForeignKey(
        "sources.CandidateSource", null=True, blank=True, on_delete=models.PROTECT, related_name="evidence"
    )

    class Lookup(models.TextChoices):
        """Resolving a DOI or PMID typed by hand through the providers, in a task after commit."""

        NONE = "", _("Not needed")
        PENDING = "pending", _("Looking it up")
        DONE = "done", _("Found")
        FAILED = "failed", _("Not found")

    url = models.URLField(max_length=2000, blank=True)
    doi = models.CharField(max_length=255, blank=True)
    pmid = models.CharField(max_length=20, blank=True)
    title = models.CharField(max_length=1000, blank=True)
    authors = models.JSONField(default=list, blank=True, help_text='["Bottemanne H", ...]')
    journal = models.CharField(max_length=500, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    study = models.JSONField(default=dict, blank=True, help_text="The study card (see claims.studies).")
    lookup = models.CharField(max_length=10, choices=Lookup.choices, default=Lookup.NONE, blank=True)
    lookup_note = models.TextField(blank=True, help_text=_("Why the look-up failed, in words."))
    lookup_requested_at = models.DateTimeField(null=True, blank=True)
    stance = models.CharField(max_length=10, choices=Stance.choices)
    quote = models.TextField(blank=True, help_text=_("An optional quoted passage."))
    locator = models.CharField(max_length=100, blank=True, help_text=_("Page, figure or table."))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(stance__in=Stance.values), name="evidence_stance_valid"),
            models.CheckConstraint(
                condition=Q(candidate__isnull=False) | ~Q(url="") | ~Q(doi="") | ~Q(pmid=""), name="evidence_has_target"
            ),
            models.CheckConstraint(
                condition=Q(lookup__in=["", "pending", "done", "failed"]), name="evidence_lookup_valid"
            ),
            models.UniqueConstraint(
                fields=["verdict", "candidate"], condition=Q(candidate__isnull=False), name="evidence_candidate_once"
            ),
        ]
        indexes = [
            models.Index(fields=["lookup", "lookup_requested_at"], name="evidence_lookup_pending"),
        ]

    def __str__(self) -> str:
        return self.title or self.doi or self.url


class Comment(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]


class ClaimEvent(models.Model):
    """The audit trail. Rows are only ever inserted."""

    class Kind(models.TextChoices):
        CREATED = "created", pgettext_lazy("a kind of event in a claim's timeline", "Created")
        STATUS = "status", pgettext_lazy("a kind of event in a claim's timeline", "Status change")
        EDIT = "edit", pgettext_lazy("a kind of event in a claim's timeline", "Edit")
        VERDICT = "verdict", pgettext_lazy("a kind of event in a claim's timeline", "Verdict edit")
        SOURCE = "source", pgettext_lazy("a kind of event in a claim's timeline", "Source decision")
        PUBLICATION = "publication", pgettext_lazy("a kind of event in a claim's timeline", "Publication")

    class Action(models.TextChoices):
        """Every action the audit trail records. The workflow's moves are the first nine."""

        ASSIGN = "assign", pgettext_lazy("an event in a claim's audit trail", "Assigned")
        REASSIGN = "reassign", pgettext_lazy("an event in a claim's audit trail", "Reassigned")
        UNASSIGN = "unassign", pgettext_lazy("an event in a claim's audit trail", "Unassigned")
        START_REVIEW = "start_review", pgettext_lazy("an event in a claim's audit trail", "Review started")
        SUBMIT = "submit", pgettext_lazy("an event in a claim's audit trail", "Verdict submitted")
        REQUEST_CHANGES = "request_changes", pgettext_lazy("an event in a claim's audit trail", "Sent back")
        APPROVE = "approve", pgettext_lazy("an event in a claim's audit trail", "Approved")
        PUBLISH = "publish", pgettext_lazy("an event in a claim's audit trail", "Published")
        REOPEN = "reopen", pgettext_lazy("an event in a claim's audit trail", "Reopened")
        EDIT = "edit", pgettext_lazy("an event in a claim's audit trail", "Claim edited")
        DUE_DATE = "due_date", pgettext_lazy("an event in a claim's audit trail", "Due date changed")
        COMMENT = "comment", pgettext_lazy("an event in a claim's audit trail", "Comment posted")
        DRAFT_SAVED = "draft_saved", pgettext_lazy("an event in a claim's audit trail", "Draft saved")
        EVIDENCE_ADDED = "evidence_added", pgettext_lazy("an event in a claim's audit trail", "Evidence added")
        EVIDENCE_REMOVED = "evidence_removed", pgettext_lazy("an event in a claim's audit trail", "Evidence removed")
        SOURCE_ADDED = "add", pgettext_lazy("an event in a claim's audit trail", "Source added")
        SOURCE_CONFIRMED = "confirm", pgettext_lazy("an event in a claim's audit trail", "Source confirmed")
        SOURCE_DISPUTED = "dispute", pgettext_lazy("an event in a claim's audit trail", "Source disputed")
        SOURCE_RECONFIRMED = (
            "reconfirm",
            pgettext_lazy("an event in a claim's audit trail", "Source confirmed after all"),
        )
        SOURCE_REDISPUTED = "redispute", pgettext_lazy("an event in a claim's audit trail", "Source disputed after all")
        SOURCE_INTEGRITY = "integrity", pgettext_lazy("an event in a claim's audit trail", "Source integrity changed")
        SAME_CLAIM = "same_claim", pgettext_lazy("an event in a claim's audit trail", "Marked as an earlier claim")
        SAME_CLAIM_UNDONE = (
            "same_claim_undone",
            pgettext_lazy("an event in a claim's audit trail", "No longer marked as an earlier claim"),
        )
        SIMILAR_DISMISSED = (
            "similar_dismissed",
            pgettext_lazy("an event in a claim's audit trail", "Similar claim dismissed"),
        )
        VERDICT_REUSED = "verdict_reused", pgettext_lazy("an event in a claim's audit trail", "Earlier verdict reused")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    action = models.CharField(max_length=40, blank=True, choices=Action.choices)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["claim", "created_at"], name="claimevent_claim_time"),
            # The dashboard counts approvals and publications by time (claims.insights.selectors).
            # In claim order, so each claim's first approval streams out of the index into a merge join.
            models.Index(
                fields=["claim", "action", "created_at"],
                condition=Q(action__in=["approve", "publish"]),
                name="claimevent_approve_publish",
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(kind)s on claim %(id)s") % {"kind": self.get_kind_display(), "id": self.claim_id}


class DismissedSuggestion(models.Model):
    """A check-worthiness hint an editor dismissed, keyed by the sentence's offsets."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="dismissed_suggestions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    dismissed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    dismissed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "start", "end"], name="dismissed_suggestion_once"),
        ]

    def __str__(self) -> str:
        return gettext("Dismissed hint %(start)s-%(end)s in article %(id)s") % {
            "start": self.start,
            "end": self.end,
            "id": self.article_id,
        }


class Check(models.Model):
    """The public checked summary of one article."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("the status of a check", "Draft")
        PUBLISHED = "published", pgettext_lazy("the status of a check", "Published")
        WITHDRAWN = "withdrawn", pgettext_lazy("the status of a check", "Withdrawn")

    article = models.OneToOneField(Article, on_delete=models.PROTECT, related_name="check_page")
    slug = models.SlugField(max_length=120, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    headline = models.CharField(max_length=300, blank=True)
    summary = models.TextField(blank=True)
    assessment = models.TextField(blank=True, verbose_name=_("overall assessment"))
    excluded_claims = models.ManyToManyField(Claim, blank=True, related_name="+")
    current_version = models.ForeignKey(
        "CheckVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    first_published_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published", "withdrawn"]), name="check_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(current_version__isnull=False), name="check_published_has_version"
            ),
        ]

    def __str__(self) -> str:
        return self.headline or self.article.title

    def get_absolute_url(self) -> str:
        return reverse("public:check", args=[self.slug])


class CheckVersion(models.Model):
    """A frozen snapshot of a published check; the public page renders from it alone."""

    check_page = models.ForeignKey(Check, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    correction_note = models.TextField(blank=True)
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["check_page", "number"]
        constraints = [
            models.UniqueConstraint(fields=["check_page", "number"], name="checkversion_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.check_page} v{self.number}"


class ErrorReport(models.Model):
    """A reader's report of an error on a published claim."""

    check_page = models.ForeignKey(Check, on_delete=models.CASCADE, related_name="error_reports")
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="error_reports")
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    message = models.TextField()
    client_ip = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["client_ip", "created_at"], name="errorreport_ip_time")]

    def __str__(self) -> str:
        return self.message[:60]
