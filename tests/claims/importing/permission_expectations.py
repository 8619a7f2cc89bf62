# url name -> method -> persona -> "ok" (allowed: any status except 302-to-login/403/404/405),
#                                   "login" (302 to the login page), 403, 404, 405, 410 ...
_EDITORS_ONLY = {"anonymous": "login", "outsider": 403, "reviewer": 403, "assignee": 403, "editor": "ok"}
_POST_ONLY = {"anonymous": 405, "outsider": 405, "reviewer": 405, "assignee": 405, "editor": 405}

EXPECTATIONS = {
    "imports:article_import": {"GET": _EDITORS_ONLY, "POST": _EDITORS_ONLY},
    "imports:dismiss_suggestion": {"GET": _POST_ONLY, "POST": _EDITORS_ONLY},
    "imports:import_anyway": {"GET": _POST_ONLY, "POST": _EDITORS_ONLY},
}
