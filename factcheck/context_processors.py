from typing import Any

from django.http import HttpRequest

from claims import permissions
from claims.models import ClaimStatus


def roles(request: HttpRequest) -> dict[str, Any]:
    """Who the user is, and the claim statuses by name, so templates never spell a status out."""
    user = getattr(request, "user", None)
    return {
        "is_editor": permissions.is_editor(user),
        "is_reviewer": permissions.is_reviewer(user),
        "ClaimStatus": ClaimStatus,
    }
