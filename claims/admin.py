from typing import Any

from django.contrib import admin
from django.http import HttpRequest

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


@admin.register(models.Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["label", "value", "colour", "order", "is_active"]
    list_editable = ["order", "is_active"]


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
