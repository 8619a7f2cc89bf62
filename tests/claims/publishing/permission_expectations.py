# url name -> method -> persona -> "ok" (allowed: any status except 302-to-login/403/404/405),
#                                   "login" (302 to the login page), 403, 404, 405, 410 ...
# The public pages (namespace "public") are listed as PUBLIC by the matrix itself.
_EDITORS_ONLY = {"anonymous": "login", "outsider": 403, "reviewer": 403, "assignee": 403, "editor": "ok"}
_POST_ONLY = {"anonymous": 405, "outsider": 405, "reviewer": 405, "assignee": 405, "editor": 405}
_GET_ONLY = _POST_ONLY

EXPECTATIONS = {
    "publishing:check_edit": {"GET": _EDITORS_ONLY, "POST": _EDITORS_ONLY},
    "publishing:check_preview": {"GET": _EDITORS_ONLY, "POST": _GET_ONLY},
    "publishing:check_publish": {"GET": _POST_ONLY, "POST": _EDITORS_ONLY},
    "publishing:check_withdraw": {"GET": _POST_ONLY, "POST": _EDITORS_ONLY},
    "publishing:claim_reopen": {"GET": _POST_ONLY, "POST": _EDITORS_ONLY},
    "publishing:error_reports": {"GET": _EDITORS_ONLY, "POST": _GET_ONLY},
    "publishing:error_report": {"GET": _EDITORS_ONLY, "POST": _GET_ONLY},
    "publishing:error_report_reopen": {"GET": _POST_ONLY, "POST": _EDITORS_ONLY},
    "publishing:error_report_resolve": {"GET": _POST_ONLY, "POST": _EDITORS_ONLY},
}
