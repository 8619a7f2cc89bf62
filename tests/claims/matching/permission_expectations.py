# url name -> method -> persona -> expected answer. Editors decide; the assigned reviewer reads the card and
# may start from the earlier verdict (refused here with a sentence: nothing is marked as the same).
_EDITORS = {"anonymous": "login", "outsider": 403, "reviewer": 403, "assignee": 403, "editor": "ok"}
_READERS = {"anonymous": "login", "outsider": 403, "reviewer": 403, "assignee": "ok", "editor": "ok"}
_ASSIGNEE = {"anonymous": "login", "outsider": 403, "reviewer": 403, "assignee": "ok", "editor": 403}
_NOBODY = {"anonymous": 405, "outsider": 405, "reviewer": 405, "assignee": 405, "editor": 405}

EXPECTATIONS = {
    "matching:panel": {"GET": _READERS, "POST": _NOBODY},
    "matching:look": {"GET": _NOBODY, "POST": _EDITORS},
    "matching:same": {"GET": _NOBODY, "POST": _EDITORS},
    "matching:dismiss": {"GET": _NOBODY, "POST": _EDITORS},
    "matching:undo": {"GET": _NOBODY, "POST": _EDITORS},
    "matching:reuse": {"GET": _NOBODY, "POST": _ASSIGNEE},
}
