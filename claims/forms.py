"""Forms of the newsroom workspace: they bind and validate input; services do the writing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy

from claims.models import Article, ClaimStatus, Confidence, Priority, Rating, Stance, display_name
from claims.selectors import (
    ARTICLE_PROGRESS,
    ARTICLE_PUBLISHED,
    BOARD_SORTS,
    DUE_FILTERS,
    ArticleFilters,
    BoardFilters,
    reviewers_with_load,
)
from claims.services import locate_quote


class ClaimCreateForm(forms.Form):
    """A claim picked from the article: exact offsets from a selection, or the quoted text to find."""

    span_start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    span_end = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    quote = forms.CharField(
        required=False,
        label=gettext_lazy("Exact words from the article"),
        help_text=gettext_lazy("Select text in the article, or paste the words exactly as they appear."),
        widget=forms.Textarea(attrs={"rows": 3}),
        strip=False,
    )
    text = forms.CharField(
        required=False,
        label=gettext_lazy("The claim, in your words"),
        help_text=gettext_lazy("Leave empty to use the quoted words."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    claimant = forms.CharField(required=False, max_length=300, label=gettext_lazy("Who makes the claim"))
    priority = forms.TypedChoiceField(
        choices=Priority.choices, coerce=int, initial=Priority.NORMAL, required=False, empty_value=Priority.NORMAL
    )

    def __init__(self, *args: Any, article: Article, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.article = article

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        body = self.article.body
        start, end, quote = data.get("span_start"), data.get("span_end"), data.get("quote") or ""
        if start is not None and end is not None:
            if not (0 <= start < end <= len(body)):
                raise forms.ValidationError(_("The selection is not part of this article; select the text again."))
            if quote and body[start:end] != quote:
                # The words typed differ from the selection: the words win, found near the selection.
                found = locate_quote(body, quote, hint=start)
                if found is None:
                    raise forms.ValidationError(_not_found(quote))
                start, end = found
        elif quote.strip():
            found = locate_quote(body, quote) or locate_quote(body, quote.strip())
            if found is None:
                raise forms.ValidationError(_not_found(quote))
            start, end = found
        else:
            raise forms.ValidationError(_("Select the words of the claim in the article, or paste them exactly."))
        # Trim the spaces a selection drags along; the anchor is the words themselves.
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if start == end:
            raise forms.ValidationError(_("The selection holds only spaces; select the words of the claim."))
        data["span_start"], data["span_end"] = start, end
        return data


def _not_found(quote: str) -> str:
    short = quote.strip()[:80]
    return _(
        "“%(words)s” does not appear in the article exactly as written. "
        "Copy the words from the article (punctuation and quotation marks included)."
    ) % {"words": short}


class ClaimEditForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("The claim, in your words"), widget=forms.Textarea(attrs={"rows": 2}))
    claimant = forms.CharField(required=False, max_length=300, label=gettext_lazy("Who makes the claim"))
    priority = forms.TypedChoiceField(choices=Priority.choices, coerce=int)
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReviewerChoiceField(forms.ModelChoiceField):
    """Each reviewer with their username (two people can share a name) and how many claims they hold now."""

    def label_from_instance(self, obj: Any) -> str:
        load = getattr(obj, "open_load", None)
        name, username = display_name(obj), obj.get_username()
        who = name if name == username else _("%(name)s (%(username)s)") % {"name": name, "username": username}
        if load is None:
            return who
        held = ngettext("%(count)d open claim", "%(count)d open claims", load) % {"count": load}
        return _("%(who)s · %(held)s") % {"who": who, "held": held}


class AssignForm(forms.Form):
    reviewer = ReviewerChoiceField(
        queryset=None, empty_label=gettext_lazy("Choose a reviewer…"), label=gettext_lazy("Reviewer")
    )
    due_date = forms.DateField(
        required=False,
        label=gettext_lazy("Due date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    note = forms.CharField(
        required=False,
        label=gettext_lazy("Note for the reviewer"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    # The claim's version the editor saw: a claim that changed since is not silently reassigned.
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": gettext_lazy("This form is out of date. Reload the page and assign the claim again.")
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers_with_load()

    def clean_due_date(self) -> Any:
        due = self.cleaned_data.get("due_date")
        if due is not None and due < timezone.localdate():
            raise forms.ValidationError(_("The due date is in the past; choose today or later."))
        return due


class NoteForm(forms.Form):
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)


class SendBackForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("What needs to change"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": gettext_lazy("Say what needs to change: the note is sent back to the reviewer.")},
    )


class VerdictForm(forms.Form):
    rating = forms.ModelChoiceField(
        queryset=Rating.objects.filter(is_active=True), required=False, widget=forms.RadioSelect, empty_label=None
    )
    explanation = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 8}), strip=False)
    confidence = forms.ChoiceField(
        choices=[("", pgettext_lazy("confidence in a verdict", "Not set")), *Confidence.choices], required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def draft(self) -> dict[str, Any]:
        """The service arguments for saving this form as a draft."""
        rating = self.cleaned_data.get("rating")
        return {
            "version": self.cleaned_data["version"],
            "rating_id": rating.pk if rating else None,
            "explanation": self.cleaned_data.get("explanation") or "",
            "confidence": self.cleaned_data.get("confidence") or "",
        }


class EvidenceForm(forms.Form):
    candidate = forms.IntegerField(required=False, widget=forms.HiddenInput)
    url = forms.URLField(required=False, label="URL", max_length=2000, assume_scheme="https")
    doi = forms.CharField(required=False, label="DOI", max_length=255)
    title = forms.CharField(required=False, label=gettext_lazy("Title"), max_length=1000)
    stance = forms.ChoiceField(choices=Stance.choices, initial=Stance.SUPPORTS)
    quote = forms.CharField(
        required=False, label=gettext_lazy("Quoted passage"), widget=forms.Textarea(attrs={"rows": 2})
    )
    locator = forms.CharField(required=False, label=gettext_lazy("Page, figure or table"), max_length=100)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("candidate") and not data.get("url") and not (data.get("doi") or "").strip():
            raise forms.ValidationError(_("Give the citation's URL or DOI."))
        return data


class CommentForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10000,
        error_messages={"required": gettext_lazy("Write something before posting a comment.")},
    )


def board_filters(params: Any) -> BoardFilters:
    """Board filters from the query string; values that make no sense are ignored, never an error page."""

    def _int(value: str | None) -> int | None:
        try:
            return int(value) if value else None
        except ValueError:
            return None

    status = params.get("status", "")
    assignee = params.get("assignee", "")
    due = params.get("due", "")
    sort = params.get("sort", "due")
    return BoardFilters(
        q=" ".join(str(params.get("q", "")).split())[:200],
        status=status if status in ClaimStatus.values else "",
        assignee=assignee if assignee == "none" or _int(assignee) else "",
        article=_int(params.get("article")),
        due=due if due in DUE_FILTERS else "",
        sort=sort if sort in BOARD_SORTS else "due",
        page=max(1, _int(params.get("page")) or 1),
    )


def article_filters(params: Any) -> ArticleFilters:
    """Articles-page filters from the query string; values that make no sense are ignored."""
    try:
        page = max(1, int(params.get("page") or 1))
    except ValueError:
        page = 1
    progress = params.get("progress", "")
    published = params.get("published", "")
    return ArticleFilters(
        outlet=(params.get("outlet") or "").strip()[:200],
        progress=progress if progress in ARTICLE_PROGRESS else "",
        published=published if published in ARTICLE_PUBLISHED else "",
        page=page,
    )
