# url name -> method -> persona -> expected answer. Editors decide; the assigned reviewer reads the panel.
_POST_EDITOR_ONLY = {
    "GET": {"anonymous": 405, "outsider": 405, "reviewer": 405, "assignee": 405, "editor": 405},
    "POST": {"anonymous": "login", "outsider": 403, "reviewer": 403, "assignee": 403, "editor": "ok"},
}

EXPECTATIONS = {
    "sources:panel": {
        "GET": {"anonymous": "login", "outsider": 403, "reviewer": 403, "assignee": "ok", "editor": "ok"},
        "POST": {"anonymous": 405, "outsider": 405, "reviewer": 405, "assignee": 405, "editor": 405},
    },
    "sources:find": _POST_EDITOR_ONLY,
    # Trying failed providers again changes no decision: the claim's reviewer may, as editors may.
    "sources:retry": {
        "GET": {"anonymous": 405, "outsider": 405, "reviewer": 405, "assignee": 405, "editor": 405},
        "POST": {"anonymous": "login", "outsider": 403, "reviewer": 403, "assignee": "ok", "editor": "ok"},
    },
    "sources:add": _POST_EDITOR_ONLY,
    "sources:confirm": _POST_EDITOR_ONLY,
    "sources:dispute": _POST_EDITOR_ONLY,
}
