from typing import Any

from django.http import HttpRequest

from claims import permissions


def roles(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {"is_editor": permissions.is_editor(user), "is_reviewer": permissions.is_reviewer(user)}
