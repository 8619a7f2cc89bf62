# url name -> method -> persona -> expected answer. Everyone in the newsroom searches (what they may open).
_STAFF = {"anonymous": "login", "outsider": 403, "reviewer": "ok", "assignee": "ok", "editor": "ok"}
_NOBODY = {"anonymous": 405, "outsider": 405, "reviewer": 405, "assignee": 405, "editor": 405}

EXPECTATIONS = {"search:search": {"GET": _STAFF, "POST": _NOBODY}}
