# url name -> method -> persona -> "ok" (allowed: any status except 302-to-login/403/404/405),
#                                   "login" (302 to the login page), 403, 404, 405, 410 ...
# The world: a claim in review, assigned to "assignee", with a verdict, evidence and a comment.
_EDITORS_ONLY = {"anonymous": "login", "outsider": 403, "reviewer": 403, "assignee": 403, "editor": "ok"}
_STAFF = {"anonymous": "login", "outsider": 403, "reviewer": "ok", "assignee": "ok", "editor": "ok"}
_CLAIM_READERS = {"anonymous": "login", "outsider": 403, "reviewer": 403, "assignee": "ok", "editor": "ok"}
_ASSIGNEE_ONLY = {"anonymous": "login", "outsider": 403, "reviewer": 403, "assignee": "ok", "editor": 403}
_NOBODY = {"anonymous": 405, "outsider": 405, "reviewer": 405, "assignee": 405, "editor": 405}

EXPECTATIONS = {
    "claims:home": {"GET": _STAFF, "POST": _NOBODY},
    "claims:board": {"GET": _EDITORS_ONLY, "POST": _NOBODY},
    "claims:articles": {"GET": _EDITORS_ONLY, "POST": _NOBODY},
    "claims:board_export": {"GET": _EDITORS_ONLY, "POST": _NOBODY},
    "claims:queue": {"GET": _STAFF, "POST": _NOBODY},
    # A reviewer reads (read-only) the article of a claim they review.
    "claims:article": {"GET": _CLAIM_READERS, "POST": _NOBODY},
    "claims:claim_create": {"GET": _NOBODY, "POST": _EDITORS_ONLY},
    "claims:claim": {"GET": _CLAIM_READERS, "POST": _NOBODY},
    "claims:claim_edit": {"GET": _NOBODY, "POST": _EDITORS_ONLY},
    "claims:claim_assign": {"GET": _NOBODY, "POST": _EDITORS_ONLY},
    "claims:claim_unassign": {"GET": _NOBODY, "POST": _EDITORS_ONLY},
    "claims:review_start": {"GET": _NOBODY, "POST": _ASSIGNEE_ONLY},
    "claims:verdict_save": {"GET": _NOBODY, "POST": _ASSIGNEE_ONLY},
    "claims:verdict_submit": {"GET": _NOBODY, "POST": _ASSIGNEE_ONLY},
    "claims:verdict_approve": {"GET": _NOBODY, "POST": _EDITORS_ONLY},
    "claims:verdict_send_back": {"GET": _NOBODY, "POST": _EDITORS_ONLY},
    "claims:evidence_add": {"GET": _NOBODY, "POST": _ASSIGNEE_ONLY},
    "claims:evidence_remove": {"GET": _NOBODY, "POST": _ASSIGNEE_ONLY},
    "claims:comment_add": {"GET": _NOBODY, "POST": _CLAIM_READERS},
}
