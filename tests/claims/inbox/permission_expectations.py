# url name -> method -> persona -> "ok" | "login" | status code (see tests/test_permission_matrix.py).
# The world holds one inbox item, the assignee's: everyone else is told it is not in their inbox.
_STAFF = {"anonymous": "login", "outsider": 403, "reviewer": "ok", "assignee": "ok", "editor": "ok"}
_NOBODY = {"anonymous": 405, "outsider": 405, "reviewer": 405, "assignee": 405, "editor": 405}

EXPECTATIONS = {
    "inbox:list": {"GET": _STAFF, "POST": _NOBODY},
    "inbox:read_all": {"GET": _NOBODY, "POST": _STAFF},
    "inbox:preferences": {"GET": _STAFF, "POST": _STAFF},
    # Someone else's item: a redirect back to one's own inbox with the reason, never its target.
    "inbox:open": {"GET": _STAFF, "POST": _NOBODY},
    "inbox:read": {"GET": _NOBODY, "POST": _STAFF},
}
