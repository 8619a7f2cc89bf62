"""The study card: what kind of work a source is, and when a claim's wording outruns it.

A card is a plain dict (stored on candidate sources, on evidence and in published snapshots):

    {"kind": "observational", "participants": 26, "peer_review": "peer_reviewed",
     "journal": "JAMA Psychiatry", "preprint": False, "retracted": False, "corrected": False,
     "notices": [{"type": "retraction", "url": "https://doi.org/..."}], "controlled": None}

The sources app fills cards in from the providers' publication types and abstracts; the workspace
and the public page only read them here, so the words shown live in one place. A card from an
older snapshot may lack any key: every reader uses ``.get``.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

KIND_LABELS = {
    "rct": gettext_lazy("Randomised controlled trial"),
    "trial": gettext_lazy("Clinical trial (not randomised, or randomisation not stated)"),
    "observational": gettext_lazy("Observational study"),
    "systematic_review": gettext_lazy("Systematic review"),
    "meta_analysis": gettext_lazy("Systematic review and meta-analysis"),
    "review": gettext_lazy("Review article"),
    "case_report": gettext_lazy("Case report"),
    "animal": gettext_lazy("Animal study"),
    "lab": gettext_lazy("Laboratory study (cells or tissue)"),
    "modelling": gettext_lazy("Modelling study"),
    "preprint": gettext_lazy("Preprint"),
    "editorial": gettext_lazy("Editorial"),
    "letter": gettext_lazy("Letter"),
    "comment": gettext_lazy("Comment"),
    "news": gettext_lazy("News item"),
    "notice": gettext_lazy("Correction or retraction notice"),
    "article": gettext_lazy("Research article (design not stated)"),
    "chapter": gettext_lazy("Book chapter"),
    "dataset": gettext_lazy("Dataset"),
    "other": gettext_lazy("Other publication"),
}
PEER_REVIEW_LABELS = {
    "peer_reviewed": gettext_lazy("Peer-reviewed journal"),
    "not_peer_reviewed": gettext_lazy("Not peer-reviewed (preprint)"),
    "unknown": gettext_lazy("Peer review not known"),
}
NOTICE_LABELS = {
    "retraction": gettext_lazy("Retraction notice"),
    "correction": gettext_lazy("Correction notice"),
    "expression_of_concern": gettext_lazy("Expression of concern"),
}
OPINION = {"editorial", "letter", "comment", "news"}


def display(card: dict[str, Any] | None) -> dict[str, Any] | None:
    """The card in words for a page, or None when there is nothing to say (no card, or an empty one)."""
    if not card or not isinstance(card, dict):
        return None
    kind = card.get("kind") or ""
    participants = card.get("participants")
    notices = []
    for notice in card.get("notices") or []:
        if not isinstance(notice, dict):
            continue
        url = notice.get("url") or ""
        notices.append(
            {
                "label": NOTICE_LABELS.get(notice.get("type") or "", _("Notice")),
                "url": url if str(url).startswith(("https://", "http://")) else "",
                "date": notice.get("date") or "",
            }
        )
    shown = {
        "kind": kind,
        "kind_label": KIND_LABELS.get(kind, ""),
        "participants": participants if isinstance(participants, int) and participants > 0 else None,
        "peer_review": card.get("peer_review") or "unknown",
        "peer_review_label": PEER_REVIEW_LABELS.get(card.get("peer_review") or "unknown", ""),
        "journal": card.get("journal") or "",
        "preprint": bool(card.get("preprint")),
        "retracted": bool(card.get("retracted")),
        "corrected": bool(card.get("corrected")),
        "notices": notices,
    }
    if not (shown["kind_label"] or shown["journal"] or notices):
        return None
    return shown


# Words that claim more than most studies can: proof, cure, certainty.
STRONG_RE = re.compile(
    r"\b(prove[sdn]?|proving|proof|cures?|cured|curing|guarantee[sd]?|miracle|definitive(?:ly)?|conclusive(?:ly)?"
    r"|establish(?:es|ed)?|settles?|settled|confirm(?:s|ed)?)\b",
    re.IGNORECASE,
)
# Words that say one thing causes another.
CAUSAL_RE = re.compile(
    r"\b(causes?|caused|causing|prevents?|prevented|reverses?|reversed|stops?|stopped|protects?\s+against"
    r"|(?:is|are|was|were)\s+effective|works?\s+against|boosts?|slashes|triggers?)\b",
    re.IGNORECASE,
)
HEDGED_PREPRINT_RE = re.compile(
    r"\b(preprint|not\s+(?:yet\s+)?(?:been\s+)?peer[- ]reviewed|unreviewed)\b", re.IGNORECASE
)
ASSERTIVE_RE = re.compile(
    r"\b(prove[sdn]?|shows?|showed|shown|found|finds|demonstrates?|demonstrated|confirms?|confirmed|establishe[sd]"
    r"|published\s+in|according\s+to\s+(?:a|the)\s+study)\b",
    re.IGNORECASE,
)
RETRACTION_WORDS_RE = re.compile(r"\bretract", re.IGNORECASE)
SMALL_STUDY = 50


def overclaim_notes(texts: list[str], card: dict[str, Any] | None) -> list[str]:
    """Plain notes for the reviewer where the wording of the claim (or its headline) outruns the study.

    ``texts`` are the claim, its quoted words and the article's headline. Each note is one whole sentence.
    """
    if not card or not isinstance(card, dict):
        return []
    wording = "\n".join(t for t in texts if t)
    kind = card.get("kind") or ""
    strong = STRONG_RE.search(wording)
    causal = CAUSAL_RE.search(wording)
    word = (strong or causal).group(1).lower() if (strong or causal) else ""
    notes: list[str] = []
    if word and kind == "observational":
        notes.append(
            _(
                "The claim or its headline says “%(word)s”, but this is an observational study: it can show an "
                "association, not prove that one thing causes another."
            )
            % {"word": word}
        )
    elif word and kind == "case_report":
        notes.append(
            _(
                "The claim or its headline says “%(word)s”, but this is a case report: it describes individual "
                "patients and shows nothing in general."
            )
            % {"word": word}
        )
    elif word and kind == "animal":
        notes.append(
            _("The claim or its headline says “%(word)s”, but this study was done in animals, not in people.")
            % {"word": word}
        )
    elif word and kind == "lab":
        notes.append(
            _(
                "The claim or its headline says “%(word)s”, but this study was done on cells or tissue in a "
                "laboratory, not in people."
            )
            % {"word": word}
        )
    elif word and kind == "modelling":
        notes.append(
            _(
                "The claim or its headline says “%(word)s”, but this is a modelling study: it shows what a model "
                "predicts, not what was observed."
            )
            % {"word": word}
        )
    elif word and kind in OPINION:
        notes.append(
            _("The claim or its headline says “%(word)s”, but this is an opinion piece, not a study.") % {"word": word}
        )
    participants = card.get("participants")
    if strong and isinstance(participants, int) and 0 < participants < SMALL_STUDY:
        notes.append(
            _("The claim or its headline says “%(word)s”, but the study had only %(count)s participants.")
            % {"word": strong.group(1).lower(), "count": participants}
        )
    if strong and card.get("controlled") is False:
        notes.append(
            _("The claim or its headline says “%(word)s”, but the study had no control group.")
            % {"word": strong.group(1).lower()}
        )
    if card.get("preprint") and ASSERTIVE_RE.search(wording) and not HEDGED_PREPRINT_RE.search(wording):
        notes.append(
            _(
                "This is a preprint, not yet peer-reviewed, but the claim presents its result as established "
                "without saying so."
            )
        )
    if card.get("retracted") and not RETRACTION_WORDS_RE.search(wording):
        notes.append(_("This paper has been retracted, but the claim presents it as standing research."))
    return notes
