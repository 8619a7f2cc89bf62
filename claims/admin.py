from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext as _

from claims import models


class InspectOnlyAdmin(admin.ModelAdmin):
    """Editors inspect everything here; every change goes through the workspace, which audits it."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(models.Article)
class ArticleAdmin(InspectOnlyAdmin):
    list_display = ["title", "outlet", "published_on", "origin", "imported_by", "imported_at"]
    list_filter = ["origin", "outlet"]
    search_fields = ["title", "outlet", "authors", "url"]
    readonly_fields = ["content_hash", "imported_at"]


@admin.register(models.Claim)
class ClaimAdmin(InspectOnlyAdmin):
    list_display = ["id", "text", "article", "status", "assignee", "due_date", "priority"]
    list_filter = ["status", "priority"]
    search_fields = ["text", "quote", "claimant"]
    raw_id_fields = ["article", "assignee", "created_by"]
    # Status changes go through the workflow, never through a form.
    readonly_fields = ["status", "version", "created_at", "updated_at"]


def extra_languages() -> list[tuple[str, str]]:
    """The languages of LANGUAGES besides the default one the label is written in: (base code, name)."""
    default = settings.LANGUAGE_CODE.split("-")[0]
    found: dict[str, str] = {}
    for code, name in settings.LANGUAGES:
        base = code.split("-")[0]
        if base != default:
            found.setdefault(base, name)
    return list(found.items())


class RatingForm(forms.ModelForm):
    """The rating with its label and description in each extra language, kept in ``Rating.translations``."""

    class Meta:
        model = models.Rating
        fields = ["label", "description", "value", "colour", "order", "is_active"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stored = self.instance.translations or {}
        for code, name in extra_languages():
            entry = stored.get(code) if isinstance(stored.get(code), dict) else {}
            self.fields[f"label_{code}"] = forms.CharField(
                required=False,
                max_length=60,
                label=_("Label in %(language)s") % {"language": name},
                help_text=_("Empty: the label above is shown."),
                initial=entry.get("label", ""),
            )
            self.fields[f"description_{code}"] = forms.CharField(
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                label=_("Description in %(language)s") % {"language": name},
                help_text=_("Empty: the description above is shown."),
                initial=entry.get("description", ""),
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for code, name in extra_languages():
            label = (cleaned.get(f"label_{code}") or "").strip()
            if (
                label
                and models.Rating.objects.exclude(pk=self.instance.pk)
                .filter(**{f"translations__{code}__label__iexact": label})
                .exists()
            ):
                self.add_error(
                    f"label_{code}",
                    _("Another rating already has this label in %(language)s.") % {"language": name},
                )
        return cleaned

    def save(self, commit: bool = True) -> Any:
        rating = super().save(commit=False)
        # Languages the form does not show (no longer in LANGUAGES) are kept as they were.
        translations = {k: v for k, v in (rating.translations or {}).items()}
        for code, _name in extra_languages():
            entry = {
                "label": (self.cleaned_data.get(f"label_{code}") or "").strip(),
                "description": (self.cleaned_data.get(f"description_{code}") or "").strip(),
            }
            if entry["label"] or entry["description"]:
                translations[code] = entry
            else:
                translations.pop(code, None)
        rating.translations = translations
        if commit:
            rating.save()
            self.save_m2m()
        return rating


@admin.register(models.Rating)
class RatingAdmin(admin.ModelAdmin):
    form = RatingForm
    list_display = ["label", "value", "colour", "order", "is_active"]
    list_editable = ["order", "is_active"]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        # The fieldsets name the per-language fields the form adds itself; the model fields come from its Meta.
        kwargs["fields"] = None
        return super().get_form(request, obj, change, **kwargs)

    def get_changelist_form(self, request: HttpRequest, **kwargs: Any) -> Any:
        # The list edits order and activity only; the translations stay as they are.
        kwargs.setdefault("form", forms.ModelForm)
        return super().get_changelist_form(request, **kwargs)

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        main = ["label", "description", "value", "colour", "order", "is_active"]
        sets: list[Any] = [(None, {"fields": main})]
        for code, name in extra_languages():
            sets.append((name, {"fields": [f"label_{code}", f"description_{code}"]}))
        return sets


class EvidenceInline(admin.TabularInline):
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    model = models.Evidence
    extra = 0
    raw_id_fields = ["candidate", "added_by"]


@admin.register(models.Verdict)
class VerdictAdmin(InspectOnlyAdmin):
    list_display = ["claim", "rating", "confidence", "author", "submitted_at", "approved_at"]
    raw_id_fields = ["claim", "author", "approved_by"]
    inlines = [EvidenceInline]


@admin.register(models.Evidence)
class EvidenceAdmin(InspectOnlyAdmin):
    list_display = ["verdict", "stance", "doi", "url", "title"]
    raw_id_fields = ["verdict", "candidate", "added_by"]


@admin.register(models.Comment)
class CommentAdmin(InspectOnlyAdmin):
    list_display = ["claim", "author", "created_at", "body"]
    raw_id_fields = ["claim", "author"]


@admin.register(models.ClaimEvent)
class ClaimEventAdmin(InspectOnlyAdmin):
    """The audit trail is read-only, here as everywhere."""

    list_display = ["created_at", "claim", "actor", "kind", "action", "from_status", "to_status"]
    list_filter = ["kind", "action"]


@admin.register(models.DismissedSuggestion)
class DismissedSuggestionAdmin(InspectOnlyAdmin):
    list_display = ["article", "start", "end", "dismissed_by", "dismissed_at"]


@admin.register(models.Check)
class CheckAdmin(InspectOnlyAdmin):
    list_display = ["article", "slug", "status", "first_published_at", "withdrawn_at"]
    list_filter = ["status"]
    readonly_fields = ["status", "current_version", "first_published_at", "withdrawn_at"]


@admin.register(models.CheckVersion)
class CheckVersionAdmin(InspectOnlyAdmin):
    list_display = ["check_page", "number", "published_at", "published_by"]


@admin.register(models.ErrorReport)
class ErrorReportAdmin(InspectOnlyAdmin):
    list_display = ["check_page", "claim", "created_at", "resolved_at"]
    list_filter = ["resolved_at"]
