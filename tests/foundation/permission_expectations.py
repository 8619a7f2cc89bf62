"""The project's own URLs (factcheck/urls.py) besides the public, login and admin pages the matrix lists itself.

url name -> method -> persona -> "ok" | "login" | status code (see tests/test_permission_matrix.py).
"""

_EVERYONE = {"anonymous": "ok", "outsider": "ok", "reviewer": "ok", "assignee": "ok", "editor": "ok"}
_SIGNED_IN = {"anonymous": "login", "outsider": "ok", "reviewer": "ok", "assignee": "ok", "editor": "ok"}
_NOBODY = {"anonymous": 405, "outsider": 405, "reviewer": 405, "assignee": 405, "editor": 405}

EXPECTATIONS = {
    # The JavaScript catalogue holds the interface's words only, the same for everyone.
    "javascript_catalog": {"GET": _EVERYONE, "POST": _NOBODY},
    # Everyone who logs in has their own settings (their language); a visitor is sent to log in.
    "people:settings": {"GET": _SIGNED_IN, "POST": _SIGNED_IN},
}
