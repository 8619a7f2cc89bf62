from django.contrib import admin

from claims.admin import InspectOnlyAdmin
from sources import models


@admin.register(models.SourceSearch)
class SourceSearchAdmin(InspectOnlyAdmin):
    list_display = ["claim", "provider", "status", "attempts", "created_at", "finished_at", "result_count"]
    list_filter = ["provider", "status"]
    raw_id_fields = ["claim", "requested_by"]


@admin.register(models.CandidateSource)
class CandidateSourceAdmin(InspectOnlyAdmin):
    list_display = ["title", "doi", "pmid", "journal", "year", "claim", "score", "decision", "is_retracted"]
    list_filter = ["decision", "kind", "is_retracted"]
    search_fields = ["title", "doi", "pmid", "journal"]
    raw_id_fields = ["claim", "decided_by"]


@admin.register(models.ProviderResponse)
class ProviderResponseAdmin(InspectOnlyAdmin):
    list_display = ["provider", "key", "status_code", "fetched_at"]
    list_filter = ["provider"]


@admin.register(models.ProviderState)
class ProviderStateAdmin(InspectOnlyAdmin):
    list_display = ["key", "next_slot_at", "failures", "down_until", "last_error"]
