# url name -> method -> persona -> "ok" | "login" | status code (see tests/test_permission_matrix.py).
_EDITORS_ONLY = {"anonymous": "login", "outsider": 403, "reviewer": 403, "assignee": 403, "editor": "ok"}
_NOBODY = {"anonymous": 405, "outsider": 405, "reviewer": 405, "assignee": 405, "editor": 405}

EXPECTATIONS = {
    "insights:dashboard": {"GET": _EDITORS_ONLY, "POST": _NOBODY},
    "insights:export": {"GET": _EDITORS_ONLY, "POST": _NOBODY},
}
