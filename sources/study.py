"""What kind of work a candidate is, from the providers' publication types and its abstract.

The card's vocabulary and the words shown live in :mod:`claims.studies`; this module reads PubMed
and Europe PMC publication types first (indexers assign them by hand), then the design the abstract
states, then the Crossref or OpenAlex type.
"""

from __future__ import annotations

import re
from typing import Any

# PubMed / Europe PMC publication types, most specific first.
PUBLICATION_TYPES = [
    ("retraction of publication", "notice"),
    ("published erratum", "notice"),
    ("meta-analysis", "meta_analysis"),
    ("systematic review", "systematic_review"),
    ("randomized controlled trial", "rct"),
    ("pragmatic clinical trial", "rct"),
    ("equivalence trial", "rct"),
    ("controlled clinical trial", "trial"),
    ("clinical trial, phase iv", "trial"),
    ("clinical trial, phase iii", "trial"),
    ("clinical trial, phase ii", "trial"),
    ("clinical trial, phase i", "trial"),
    ("clinical trial", "trial"),
    ("observational study", "observational"),
    ("multicenter study", ""),
    ("case reports", "case_report"),
    ("review", "review"),
    ("editorial", "editorial"),
    ("letter", "letter"),
    ("comment", "comment"),
    ("news", "news"),
    ("preprint", "preprint"),
]
# What an abstract says of its own design, most telling first.
DESIGN_RES = [
    ("meta_analysis", re.compile(r"\bmeta-?analys[ie]s\b", re.IGNORECASE)),
    ("systematic_review", re.compile(r"\bsystematic(?:ally)?\s+review", re.IGNORECASE)),
    (
        "rct",
        re.compile(
            r"\brandomi[sz]ed(?:,|\s)+(?:double-blind(?:,|\s)+|placebo-controlled(?:,|\s)+|controlled(?:,|\s)+|"
            r"clinical(?:,|\s)+|crossover(?:,|\s)+)*trial\b|\brandomly\s+assigned\b|\brandomi[sz]ed\s+to\b",
            re.IGNORECASE,
        ),
    ),
    ("case_report", re.compile(r"\bcase\s+report\b|\bwe\s+(?:report|describe)\s+(?:a|the)\s+case\b", re.IGNORECASE)),
    (
        "trial",
        re.compile(
            r"\b(?:single-arm|open-label|non-randomi[sz]ed|pilot)\s+(?:\w+\s+)?(?:trial|study)\b", re.IGNORECASE
        ),
    ),
    (
        "observational",
        re.compile(
            r"\b(?:observational|cohort|case-control|cross-sectional|longitudinal|population-based|registry-based|"
            r"retrospective|prospective)\s+(?:\w+\s+)?(?:study|analysis|design|data)\b|\bnatural\s+experiment\b|"
            r"\bdifference-in-differences?\b|\bregression\s+discontinuity\b|\bquasi-experimental\b|"
            r"\b(?:survey|panel)\s+data\b|\bwe\s+(?:surveyed|followed)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "animal",
        re.compile(
            r"\bin\s+(?:mice|rats|zebrafish|primates|macaques|dogs|pigs)\b|\b(?:mouse|rat)\s+models?\b", re.IGNORECASE
        ),
    ),
    ("lab", re.compile(r"\bin\s+vitro\b|\bcell\s+lines?\b|\borganoids?\b", re.IGNORECASE)),
    (
        "modelling",
        re.compile(
            r"\b(?:modell?ing|simulation)\s+study\b|\bwe\s+(?:simulate|model(?:l)?ed)\b|\bagent-based\s+model",
            re.IGNORECASE,
        ),
    ),
]
TYPE_KINDS = {
    "review": "review",
    "editorial": "editorial",
    "letter": "letter",
    "comment": "comment",
    "news": "news",
    "preprint": "preprint",
    "erratum": "notice",
    "retraction-notice": "notice",
    "correction-notice": "notice",
    "chapter": "chapter",
    "dataset": "dataset",
    "article": "article",
}
WORDS = (
    r"(?:participants|patients|people|persons|adults|children|individuals|women|men|subjects|volunteers|"
    r"respondents|students|workers|households|infants|adolescents|mothers|veterans|residents|smokers|"
    r"pregnancies|employees|families|firms|schools|twins|couples)"
)
PARTICIPANTS_RES = [
    re.compile(
        r"\b(?:a\s+total\s+of|total\s+of|included|including|enrolled|recruited|involving|involved|of|among|"
        r"sample\s+of|data\s+(?:from|on))\s+(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w-]+\s+){0,3}?" + WORDS + r"\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w-]+\s+){0,2}?" + WORDS + r"\b", re.IGNORECASE),
    re.compile(r"\b[Nn]\s*=\s*(\d{1,3}(?:,\d{3})+|\d+)\b"),
]
CONTROLLED_RE = re.compile(r"\bplacebo\b|\bsham\b|\bcontrol\s+(?:group|arm|condition)\b|\bwait-?list\b", re.IGNORECASE)
UNCONTROLLED_RE = re.compile(r"\bsingle-arm\b|\buncontrolled\b|\bwithout\s+a\s+control\s+group\b", re.IGNORECASE)


def kind_of(fields: dict[str, Any]) -> str:
    """The kind of work: publication types, else the design the abstract states, else the provider's type."""
    types = [t.lower() for t in fields.get("publication_types") or [] if isinstance(t, str)]
    work_type = fields.get("work_type") or ""
    if work_type in ("erratum", "retraction-notice", "correction-notice"):
        return "notice"
    for name, kind in PUBLICATION_TYPES:
        if name in types and kind:
            if kind == "preprint":
                break  # a preprint's design may still be stated in its abstract
            return kind
    abstract = f"{fields.get('title') or ''}. {fields.get('abstract') or ''}"
    for kind, pattern in DESIGN_RES:
        if pattern.search(abstract):
            return kind
    if fields.get("is_preprint"):
        return "preprint"
    return TYPE_KINDS.get(work_type, "other" if work_type else "")


def participants_of(abstract: str) -> int | None:
    """The number of participants the abstract states, if it states one."""
    for pattern in PARTICIPANTS_RES:
        match = pattern.search(abstract)
        if match:
            number = int(match.group(1).replace(",", ""))
            if 0 < number < 100_000_000:
                return number
    return None


def _notice_url(update: dict[str, Any]) -> str:
    if update.get("notice_doi"):
        return f"https://doi.org/{update['notice_doi']}"
    if update.get("notice_pmid"):
        return f"https://pubmed.ncbi.nlm.nih.gov/{update['notice_pmid']}/"
    return ""


def card(fields: dict[str, Any]) -> dict[str, Any]:
    """The study card of a merged work (see :mod:`claims.studies` for its keys)."""
    kind = kind_of(fields)
    abstract = fields.get("abstract") or ""
    preprint = bool(fields.get("is_preprint")) or kind == "preprint"
    if preprint:
        peer_review = "not_peer_reviewed"
    elif (fields.get("journal") or "") and (fields.get("work_type") or "") in ("article", "review", ""):
        peer_review = "peer_reviewed"
    else:
        peer_review = "unknown"
    controlled: bool | None = None
    if UNCONTROLLED_RE.search(abstract):
        controlled = False
    elif CONTROLLED_RE.search(abstract) or kind == "rct":
        controlled = True
    notices = []
    seen = set()
    for update in fields.get("updates") or []:
        if not isinstance(update, dict) or not update.get("type"):
            continue
        url = _notice_url(update)
        marker = (update["type"], url)
        if marker in seen:
            continue
        seen.add(marker)
        notices.append({"type": update["type"], "url": url, "date": update.get("date") or ""})
    return {
        "kind": kind,
        "participants": participants_of(abstract) if kind not in ("notice", "editorial", "letter", "comment") else None,
        "peer_review": peer_review,
        "journal": fields.get("journal") or "",
        "preprint": preprint,
        "retracted": bool(fields.get("is_retracted")),
        "corrected": bool(fields.get("has_correction")),
        "concern": bool(fields.get("has_expression_of_concern")),
        "controlled": controlled,
        "notices": notices,
    }
