"""Every write of the inbox: items for the people a change concerns, their emails, reading, preferences.

The subscribers (``claim_moved``, ``comment_added``, ``error_reported``) run inside the transaction of
the change that causes them, so a change rolled back leaves no item and no email. Emails go through
the outbox (:func:`factcheck.outbox.services.email_queue`): one row per email, sent once after commit,
keyed so that a second run never sends twice. The daily work (reminders, digests) is keyed by day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from claims import permissions
from claims.inbox import emails
from claims.inbox.models import EDITOR_KINDS, REVIEWER_KINDS, EmailState, Kind, Notification, Preference
from claims.models import WITH_REVIEWER, Claim, ClaimEvent, Comment
from factcheck.errors import ServiceError
from factcheck.outbox.services import email_queue
from factcheck.people.services import language_for_email

A = ClaimEvent.Action

# The moves that tell the reviewer, and how the inbox names them.
REVIEWER_MOVES = {
    A.ASSIGN: Kind.ASSIGNMENT,
    A.REASSIGN: Kind.ASSIGNMENT,
    A.REQUEST_CHANGES: Kind.SENT_BACK,
    A.REOPEN: Kind.REOPENED,
    A.APPROVE: Kind.APPROVED,
}
VERDICT_ANCHOR = "#verdict"


def editor_ids() -> set[int]:
    """Every active editor (members of the editor group, and superusers, as :func:`permissions.is_editor`)."""
    User = get_user_model()
    editors = User.objects.filter(Q(groups__name=permissions.EDITOR_GROUP) | Q(is_superuser=True), is_active=True)
    return set(editors.values_list("pk", flat=True))


def _email_state(user: Any, kind: str) -> str:
    if not user.email:
        return EmailState.NONE
    preference = getattr(user, "inbox_preference", None)
    if preference is None:
        return EmailState.QUEUED
    if kind not in preference.email_kinds:
        return EmailState.NONE
    return EmailState.DIGEST if preference.digest else EmailState.QUEUED


def _recipients(ids: Iterable[int | None]) -> list[Any]:
    wanted = {pk for pk in ids if pk}
    if not wanted:
        return []
    User = get_user_model()
    return list(
        User.objects.filter(pk__in=wanted, is_active=True)
        .select_related("inbox_preference", "person_settings")
        .order_by("pk")
    )


def _queue_emails(items: list[Notification]) -> None:
    for item in items:
        if item.email_state == EmailState.QUEUED:
            with translation.override(language_for_email(item.recipient)):
                email = emails.single(item)
            email_queue(
                kind=item.kind, to=item.recipient.email, subject=email.subject, body=email.body, key=f"inbox:{item.pk}"
            )


def notify(
    *,
    recipient_ids: Iterable[int | None],
    kind: str,
    target: str,
    claim: Claim | None = None,
    error_report: Any | None = None,
    actor: Any | None = None,
    note: str = "",
) -> list[Notification]:
    """Put one item in the inbox of each recipient (never the actor's own) and email those who want it now.

    Call it inside the transaction of the change it tells of.
    """
    actor_id = getattr(actor, "pk", None)
    users = [user for user in _recipients(recipient_ids) if user.pk != actor_id]
    items = [
        Notification(
            recipient=user,
            kind=kind,
            claim=claim,
            error_report=error_report,
            actor=actor,
            note=note,
            target=target,
            email_state=_email_state(user, kind),
        )
        for user in users
    ]
    if not items:
        return []
    Notification.objects.bulk_create(items)
    _queue_emails(items)
    return items


# Subscribers of claims.hooks ---------------------------------------------------------------------


def claim_moved(claim: Claim, event: ClaimEvent) -> None:
    """Subscribed to :data:`claims.hooks.claim_moved`: tell the reviewer, or the editors, of a move."""
    target = claim.get_absolute_url() + VERDICT_ANCHOR
    kind = REVIEWER_MOVES.get(event.action)
    if kind is not None:
        notify(
            recipient_ids=[claim.assignee_id], kind=kind, target=target, claim=claim, actor=event.actor, note=event.note
        )
    elif event.action == A.SUBMIT:
        notify(recipient_ids=editor_ids(), kind=Kind.SUBMITTED, target=target, claim=claim, actor=event.actor)


def _people_on(claim: Claim) -> set[int]:
    """Who works on the claim: its reviewer, and the editors who picked it, moved it or discussed it."""
    involved = set(
        ClaimEvent.objects.filter(claim=claim, actor__isnull=False).values_list("actor_id", flat=True).distinct()
    )
    involved |= set(Comment.objects.filter(claim=claim).values_list("author_id", flat=True).distinct())
    if claim.created_by_id:
        involved.add(claim.created_by_id)
    # Someone who worked on it once but may no longer open it (a reviewer it was taken from) is left out.
    editors = editor_ids()
    people = {pk for pk in involved if pk in editors}
    if claim.assignee_id:
        people.add(claim.assignee_id)
    return people


def comment_added(comment: Comment) -> None:
    """Subscribed to :data:`claims.hooks.comment_added`: tell everyone who works on the claim but the author."""
    claim = comment.claim
    notify(
        recipient_ids=_people_on(claim),
        kind=Kind.COMMENT,
        target=f"{claim.get_absolute_url()}#comment-{comment.pk}",
        claim=claim,
        actor=comment.author,
        note=comment.body,
    )


def error_reported(report: Any, *, url: str) -> None:
    """Subscribed to :data:`claims.hooks.error_reported`: every editor hears of a reader's report."""
    notify(
        recipient_ids=editor_ids(),
        kind=Kind.ERROR_REPORT,
        target=url,
        claim=report.claim,
        error_report=report,
        note=report.message,
    )


# Daily: reminders and digests -------------------------------------------------------------------


def _daily_lock(name: str) -> None:
    # Two beat runs at once (two beat processes by mistake) would both find nothing written yet.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [name])


@transaction.atomic
def reminders_write(*, today: dt.date | None = None) -> int:
    """Due tomorrow and overdue: one item a day per claim a reviewer holds. Safe to run any number of times.

    Returns how many items were written (0 on a second run the same day).
    """
    today = today or timezone.localdate()
    _daily_lock("inbox:reminders")
    tomorrow = today + dt.timedelta(days=1)
    open_claims = Claim.objects.filter(status__in=WITH_REVIEWER, assignee__isnull=False, due_date__isnull=False)
    due = list(
        open_claims.filter(Q(due_date=tomorrow) | Q(due_date__lt=today))
        .select_related("article", "assignee__inbox_preference", "assignee__person_settings")
        .defer("article__body", "quote")
        .order_by("due_date", "id")
    )
    wanted = {
        (
            claim.assignee_id,
            f"{'due' if claim.due_date == tomorrow else 'overdue'}:{claim.pk}:{today.isoformat()}",
        ): claim
        for claim in due
    }
    existing = set(Notification.objects.filter(key__in=[key for _, key in wanted]).values_list("recipient_id", "key"))
    items = []
    for (recipient_id, key), claim in wanted.items():
        if (recipient_id, key) in existing or not claim.assignee.is_active:
            continue
        kind = Kind.DUE_TOMORROW if claim.due_date == tomorrow else Kind.OVERDUE
        items.append(
            Notification(
                recipient=claim.assignee,
                kind=kind,
                claim=claim,
                target=claim.get_absolute_url() + VERDICT_ANCHOR,
                key=key,
                email_state=_email_state(claim.assignee, kind),
            )
        )
    Notification.objects.bulk_create(items)
    _queue_emails(items)
    return len(items)


def digests_send(*, today: dt.date | None = None) -> int:
    """Send each person who chose the daily digest one email with what waited for it; returns how many.

    A second run the same day sends nothing more: the outbox key is the person and the day, and what
    arrives after today's digest waits for tomorrow's.
    """
    today = today or timezone.localdate()
    waiting = (
        Notification.objects.filter(email_state=EmailState.DIGEST)
        .values_list("recipient_id", flat=True)
        .distinct()
        .order_by("recipient_id")
    )
    return sum(1 for user_id in list(waiting) if _digest_send(user_id, today))


@transaction.atomic
def _digest_send(user_id: int, today: dt.date) -> bool:
    items = list(
        Notification.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(recipient_id=user_id, email_state=EmailState.DIGEST)
        .select_related("recipient__person_settings", "actor", "claim__article", "error_report__check_page__article")
        .order_by("created_at", "id")
    )
    if not items:
        return False
    user = items[0].recipient
    with translation.override(language_for_email(user)):
        email = emails.digest(user, items, today)
    queued = email_queue(
        kind="digest",
        to=user.email,
        subject=email.subject,
        body=email.body,
        key=f"digest:{user.pk}:{today.isoformat()}",
    )
    if queued is None:
        return False
    Notification.objects.filter(pk__in=[item.pk for item in items]).update(email_state=EmailState.DIGESTED)
    return True


def daily(*, now: dt.datetime | None = None, hour: int) -> dict[str, int]:
    """The beat's daily round, from ``hour`` o'clock (local time) on: reminders, then digests."""
    now = timezone.localtime(now or timezone.now())
    if now.hour < hour:
        return {"reminders": 0, "digests": 0}
    today = now.date()
    return {"reminders": reminders_write(today=today), "digests": digests_send(today=today)}


# Reading and preferences ------------------------------------------------------------------------


def notification_read(*, notification_id: int, by: Any) -> Notification:
    """Mark one of ``by``'s items read (again is harmless)."""
    item = Notification.objects.filter(pk=notification_id, recipient=by).first()
    if item is None:
        raise ServiceError(_("That item is not in your inbox."))
    if item.read_at is None:
        item.read_at = timezone.now()
        Notification.objects.filter(pk=item.pk, read_at__isnull=True).update(read_at=item.read_at)
    return item


def notifications_read_all(*, by: Any, kind: str = "") -> int:
    """Mark every unread item of ``by`` read (only those of ``kind`` when given); returns how many."""
    unread = Notification.objects.filter(recipient=by, read_at__isnull=True)
    if kind:
        unread = unread.filter(kind=kind)
    return unread.update(read_at=timezone.now())


def kinds_for(user: Any) -> list[str]:
    """The kinds of item ``user`` can receive, in the order of :class:`Kind`."""
    allowed: set[str] = set()
    if permissions.is_editor(user):
        allowed |= set(EDITOR_KINDS)
    if permissions.is_reviewer(user):
        allowed |= set(REVIEWER_KINDS)
    return [kind for kind in Kind.values if kind in allowed]


def preference_of(user: Any) -> Preference:
    """``user``'s email choices; without a saved row, every kind, one email per event."""
    found = Preference.objects.filter(user=user).first()
    return found or Preference(user=user, email_kinds=list(Kind.values), digest=False)


@transaction.atomic
def preference_set(*, by: Any, email_kinds: list[str], digest: bool) -> Preference:
    """Save which events ``by`` wants by email, and whether as one daily digest."""
    unknown = set(email_kinds) - set(Kind.values)
    if unknown:
        raise ServiceError(_("One of the chosen emails is not something the inbox sends; reload the page."))
    # Kinds the person cannot receive now stay as they were (a reviewer who becomes an editor keeps defaults).
    mine = set(kinds_for(by))
    previous = set(preference_of(by).email_kinds)
    chosen = sorted((previous - mine) | (set(email_kinds) & mine), key=Kind.values.index)
    preference, _created = Preference.objects.update_or_create(
        user=by, defaults={"email_kinds": chosen, "digest": digest}
    )
    return preference
