from django.contrib import admin

from sources import models


@admin.register(models.SourceSearch)
class SourceSearchAdmin(admin.ModelAdmin):
    list_display = ["claim", "provider", "status", "attempts", "created_at", "finished_at", "result_count"]
    list_filter = ["provider", "status"]
    raw_id_fields = ["claim", "requested_by"]


@admin.register(models.CandidateSource)
class CandidateSourceAdmin(admin.ModelAdmin):
    list_display = ["title", "doi", "pmid", "journal", "year", "claim", "score", "decision", "is_retracted"]
    list_filter = ["decision", "kind", "is_retracted"]
    search_fields = ["title", "doi", "pmid", "journal"]
    raw_id_fields = ["claim", "decided_by"]


@admin.register(models.ProviderResponse)
class ProviderResponseAdmin(admin.ModelAdmin):
    list_display = ["provider", "key", "status_code", "fetched_at"]
    list_filter = ["provider"]


@admin.register(models.ProviderState)
class ProviderStateAdmin(admin.ModelAdmin):
    list_display = ["key", "next_slot_at", "failures", "down_until", "last_error"]
