"""The words of the inbox's emails: one per event, and the daily digest. Every sentence goes through gettext."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from claims.inbox.models import Kind, Notification
from claims.models import display_name


@dataclass(frozen=True)
class Email:
    subject: str
    body: str


def absolute(path: str) -> str:
    """A link for an email: SITE_URL (derived from RUN_ADDR on a laptop) and the path."""
    return settings.SITE_URL + path


def _day(value: dt.date) -> str:
    return date_format(value, "j F Y")


def _short(text: str, words: int = 12) -> str:
    return Truncator(" ".join(text.split())).words(words, truncate="…")


def _footer() -> str:
    return (
        "\n-- \n" + _("Choose which emails you get: %(url)s") % {"url": absolute(reverse("inbox:preferences"))} + "\n"
    )


def topic(item: Notification) -> str:
    """What the item is about, in a few words: the claim, or the check a reader reported on."""
    if item.kind == Kind.ERROR_REPORT:
        return _short(_check_title(item))
    return _short(item.claim.text) if item.claim_id else ""


def subject_for(item: Notification) -> str:
    """The one-line subject of the email of ``item``."""
    subjects = {
        Kind.ASSIGNMENT: _("Claim %(number)s to check: %(claim)s"),
        Kind.SENT_BACK: _("Claim %(number)s sent back to you: %(claim)s"),
        Kind.REOPENED: _("Claim %(number)s reopened: %(claim)s"),
        Kind.SUBMITTED: _("Verdict to approve on claim %(number)s: %(claim)s"),
        Kind.APPROVED: _("Verdict approved on claim %(number)s: %(claim)s"),
        Kind.DUE_TOMORROW: _("Claim %(number)s due tomorrow: %(claim)s"),
        Kind.OVERDUE: _("Claim %(number)s overdue: %(claim)s"),
        Kind.COMMENT: _("New comment on claim %(number)s: %(claim)s"),
    }
    if item.kind == Kind.ERROR_REPORT:
        return _("A reader reported an error: %(check)s") % {"check": topic(item)}
    return subjects[Kind(item.kind)] % {"number": item.claim.number, "claim": topic(item)}


def _check_title(item: Notification) -> str:
    report = item.error_report
    if report is None:
        return ""
    check = report.check_page
    return check.headline or check.article.title


def lines_for(item: Notification) -> list[str]:
    """The paragraphs that tell what happened, for the email and the digest."""
    actor = display_name(item.actor, _("Someone"))
    claim = item.claim
    lines: list[str] = []
    if item.kind == Kind.ERROR_REPORT:
        lines.append(
            _("A reader reported an error on the published check “%(check)s”:") % {"check": _check_title(item)}
        )
        lines.append("    " + item.note)
        if claim is not None:
            lines.append(_("The report is about this claim: %(claim)s") % {"claim": claim.text})
        return lines
    assert claim is not None
    openers = {
        Kind.ASSIGNMENT: _("You have been asked to check claim %(number)s of “%(article)s”:"),
        Kind.SENT_BACK: _("%(actor)s sent your verdict on claim %(number)s of “%(article)s” back to you:"),
        Kind.REOPENED: _("%(actor)s reopened claim %(number)s of “%(article)s”, so its verdict can be revised:"),
        Kind.SUBMITTED: _("%(actor)s submitted a verdict for approval on claim %(number)s of “%(article)s”:"),
        Kind.APPROVED: _("%(actor)s approved your verdict on claim %(number)s of “%(article)s”:"),
        Kind.DUE_TOMORROW: _("Claim %(number)s of “%(article)s” is due tomorrow:"),
        Kind.OVERDUE: _("Claim %(number)s of “%(article)s” is overdue:"),
        Kind.COMMENT: _("%(actor)s commented on claim %(number)s of “%(article)s”, which you work on:"),
    }
    lines.append(openers[Kind(item.kind)] % {"actor": actor, "number": claim.number, "article": claim.article.title})
    lines.append("    " + claim.text)
    if claim.due_date and item.kind in (Kind.ASSIGNMENT, Kind.DUE_TOMORROW):
        lines.append(_("It is due on %(date)s.") % {"date": _day(claim.due_date)})
    elif claim.due_date and item.kind == Kind.OVERDUE:
        lines.append(_("It was due on %(date)s.") % {"date": _day(claim.due_date)})
    if item.note:
        notes = {
            Kind.ASSIGNMENT: _("Note from %(actor)s: %(note)s"),
            Kind.SENT_BACK: _("What needs to change: %(note)s"),
            Kind.REOPENED: _("Why: %(note)s"),
            Kind.APPROVED: _("Note from %(actor)s: %(note)s"),
            Kind.COMMENT: _("The comment: %(note)s"),
        }
        if item.kind in notes:
            lines.append(notes[Kind(item.kind)] % {"actor": actor, "note": item.note})
    return lines


def single(item: Notification) -> Email:
    """The email of one inbox item."""
    body = "\n\n".join(lines_for(item))
    body += "\n\n" + _("Open it: %(url)s") % {"url": absolute(item.target)} + "\n"
    return Email(subject=subject_for(item), body=body + _footer())


def digest(user: Any, items: list[Notification], day: dt.date) -> Email:
    """One email for the day: every item waiting for the digest, oldest first."""
    count = len(items)
    subject = ngettext("%(count)d update in your inbox, %(day)s", "%(count)d updates in your inbox, %(day)s", count) % {
        "count": count,
        "day": _day(day),
    }
    parts = [_("Hello %(name)s, here is what happened since your last digest.") % {"name": display_name(user)}]
    for item in items:
        heading = "* " + _("%(kind)s: %(topic)s") % {"kind": item.get_kind_display(), "topic": topic(item)}
        details = "\n".join("  " + line.strip() for line in lines_for(item)[1:])
        link = "  " + _("Open it: %(url)s") % {"url": absolute(item.target)}
        parts.append("\n".join(p for p in (heading, details, link) if p.strip()))
    parts.append(_("Your inbox: %(url)s") % {"url": absolute(reverse("inbox:list"))})
    return Email(subject=subject, body="\n\n".join(parts) + "\n" + _footer())
