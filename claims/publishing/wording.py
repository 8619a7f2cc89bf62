"""Published snapshots keep data; this module turns that data into sentences in the active language.

Snapshots of schema 2 hold a rating as its value, colour, label, description and translations, an
evidence stance as its key and each correction as change records plus the editor's reason, exactly as
written. The public page, the feeds and the ClaimReview markup render them here when a page is built,
in the newsroom's language (:func:`newsroom_language`). Snapshots of schema 1 (a stance label, a
composed English correction note) are read as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext, pgettext

from claims.models import Stance

# Words an editor may start the reason with out of habit ("A reader pointed out …"): after "because"
# they take a small letter in English. Anything else (a name, an acronym, "I") keeps its capital.
_COMMON_FIRST_WORDS = frozenset(
    """
    a an the this that these those it its we our us they their them there he she his her
    some several many more most new one two three reader readers additional further later recent
    """.split()  # noqa: SIM905
)


def newsroom_language() -> str:
    """The language code of public pages, feeds and ClaimReview (``settings.NEWSROOM_LANGUAGE``)."""
    return settings.NEWSROOM_LANGUAGE


def bcp47(code: str) -> str:
    """'en-gb' -> 'en-GB', 'fr' -> 'fr': the form ``inLanguage`` and ``Content-Language`` use."""
    lang, _sep, region = code.partition("-")
    return f"{lang.lower()}-{region.upper()}" if region else lang.lower()


def _base(language: str | None) -> str:
    return (language or get_language() or settings.LANGUAGE_CODE).lower().split("-")[0]


def rating_in(rating: dict[str, Any], language: str | None = None) -> dict[str, Any]:
    """A snapshot's rating with its label and description in ``language`` (the active one by default).

    Its translations are used when they have the language; otherwise the label it was published with.
    """
    entry = (rating.get("translations") or {}).get(_base(language)) or {}
    if not isinstance(entry, dict):
        entry = {}
    return {
        **rating,
        "label": str(entry.get("label") or "").strip() or rating.get("label", ""),
        "description": str(entry.get("description") or "").strip() or rating.get("description", ""),
    }


def stance_label(evidence: dict[str, Any]) -> str:
    """The evidence's stance in the active language; an unknown key falls back to the stored label."""
    try:
        return str(Stance(evidence.get("stance")).label)
    except ValueError:
        return evidence.get("stance_label", "")


def format_day(value: dt.datetime | dt.date) -> str:
    """'1 December 2026', '1 décembre 2026': a day the way the active language writes it."""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    return formats.date_format(value, "j F Y")


def change_clause(change: dict[str, Any] | str) -> str:
    """One change record as a clause of a correction note ("the wording of claim 2 was revised")."""
    if isinstance(change, str):  # a clause already written (the tests and older callers)
        return change
    kind, n = change.get("kind"), change.get("number")
    if kind == "claim_added":
        return gettext("claim %(number)s (“%(text)s”) was added, rated %(rating)s") % {
            "number": n,
            "text": change.get("text", ""),
            "rating": rating_in(change.get("rating") or {})["label"],
        }
    if kind == "rating_changed":
        return gettext("the rating of claim %(number)s changed from %(before)s to %(after)s") % {
            "number": n,
            "before": rating_in(change.get("from") or {})["label"],
            "after": rating_in(change.get("to") or {})["label"],
        }
    if kind == "claim_renumbered":
        return gettext("claim %(before)s is now claim %(number)s, following the order of the article") % {
            "before": change.get("before"),
            "number": n,
        }
    if kind == "wording_revised":
        return gettext("the wording of claim %(number)s was revised") % {"number": n}
    if kind == "explanation_revised":
        return gettext("the explanation of claim %(number)s was revised") % {"number": n}
    if kind == "evidence_updated":
        return gettext("the evidence for claim %(number)s was updated") % {"number": n}
    if kind == "claim_removed":
        return gettext("the earlier claim %(number)s (“%(text)s”) was removed") % {
            "number": n,
            "text": change.get("text", ""),
        }
    if kind == "headline_revised":
        return gettext("the headline was revised")
    if kind == "summary_revised":
        return gettext("the summary was revised")
    if kind == "assessment_revised":
        return gettext("the overall assessment was revised")
    return gettext("the check was revised")


def _as_clause(reason: str) -> str:
    if _base(None) != "en":
        return reason
    first, _sep, rest = reason.partition(" ")
    title_case = first[:1].isupper() and (len(first) == 1 or first[1:].islower())
    if title_case and first.lower() in _COMMON_FIRST_WORDS:
        return first.lower() + (" " + rest if rest else "")
    return reason


def _strip_because(reason: str) -> str:
    reason = reason.strip().rstrip(".").strip()
    word = pgettext("the word a correction note's reason may start with", "because") + " "
    for prefix in {"because ", word.lower()}:
        if reason.lower().startswith(prefix):
            return reason[len(prefix) :].strip()
    return reason


def correction_sentence(changes: list[dict[str, Any] | str], reason: str) -> str:
    """'The rating of claim 3 changed from A to B because a reader pointed out …', in the active language.

    The note carries no date: the corrections log and the feed put the version's date before it.
    """
    reason = _strip_because(reason)
    facts = pgettext("between two changes of one correction note", "; ").join(change_clause(c) for c in changes)
    if facts and reason:
        body = pgettext("a correction note: what changed, then the editor's reason", "%(changes)s because %(reason)s.")
        body = body % {"changes": facts, "reason": _as_clause(reason)}
    else:
        body = pgettext("a correction note with only the changes or only the reason", "%(text)s.") % {
            "text": facts or reason
        }
    return body[:1].upper() + body[1:]


def correction_text(entry: dict[str, Any]) -> str:
    """One entry of a snapshot's corrections log as a sentence: from its changes and reason (schema 2),
    or the note stored in English by schema 1."""
    if "changes" in entry or "reason" in entry:
        return correction_sentence(entry.get("changes") or [], entry.get("reason", ""))
    return stored_note(entry.get("note", ""))


_DATED_NOTE = re.compile(r"^Updated \d{1,2} [^\W\d]+ \d{4}: ")


def stored_note(note: str) -> str:
    """A stored correction note without a leading "Updated <date>: " (notes written before the log showed
    the date itself began with one)."""
    text = _DATED_NOTE.sub("", note, count=1)
    return text[:1].upper() + text[1:]
