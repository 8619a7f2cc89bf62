"""The dashboard's numbers: every figure is an aggregate computed in the database, one query per chart.

The number of queries is the same whatever the number of claims (``tests/claims/insights`` asserts it);
``bench/insights_bench.py`` times the page on 100,000 claims.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from claims import hooks
from claims.models import (
    IN_QUEUE,
    WITH_REVIEWER,
    Article,
    CheckVersion,
    Claim,
    ClaimEvent,
    ErrorReport,
    Rating,
    Verdict,
)
from claims.permissions import REVIEWER_GROUP

A = ClaimEvent.Action

DEFAULT_WEEKS = 26
MAX_DAYS = 731


@dataclass(frozen=True)
class InsightFilters:
    start: dt.date
    end: dt.date  # inclusive
    outlet: str = ""
    reviewer: int | None = None

    @property
    def start_at(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.start, dt.time.min))

    @property
    def end_before(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min))

    def querystring(self) -> str:
        values = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "outlet": self.outlet,
            "reviewer": self.reviewer or "",
        }
        return urlencode({k: v for k, v in values.items() if v not in ("", None)})


def default_filters(today: dt.date | None = None) -> InsightFilters:
    today = today or timezone.localdate()
    return InsightFilters(start=today - dt.timedelta(weeks=DEFAULT_WEEKS) + dt.timedelta(days=1), end=today)


def insight_filters(params: Any, today: dt.date | None = None) -> tuple[InsightFilters, list[str]]:
    """Filters from the query string, and a sentence for each value that was set right (never an error page)."""
    filters = default_filters(today)
    problems: list[str] = []

    def day(name: str, fallback: dt.date, refusal: str) -> dt.date:
        raw = (params.get(name) or "").strip()
        if not raw:
            return fallback
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            problems.append(refusal % {"value": raw[:20]})
            return fallback

    start = day(
        "start", filters.start, _("The start date “%(value)s” is not a date (YYYY-MM-DD); the default is shown.")
    )
    end = day("end", filters.end, _("The end date “%(value)s” is not a date (YYYY-MM-DD); the default is shown."))
    if start > end:
        start, end = end, start
        problems.append(_("The start date was after the end date; the two were swapped."))
    if (end - start).days > MAX_DAYS:
        start = end - dt.timedelta(days=MAX_DAYS)
        problems.append(_("The dashboard shows at most two years at a time; it starts two years before the end date."))
    reviewer = None
    raw_reviewer = (params.get("reviewer") or "").strip()
    if raw_reviewer:
        if raw_reviewer.isascii() and raw_reviewer.isdigit():
            reviewer = int(raw_reviewer)
        else:
            problems.append(_("That reviewer is not one of the newsroom's; every reviewer is shown."))
    outlet = " ".join((params.get("outlet") or "").split())[:200]
    return replace(filters, start=start, end=end, outlet=outlet, reviewer=reviewer), problems


# Filter choices -----------------------------------------------------------------------------------


def outlets() -> list[str]:
    return list(Article.objects.exclude(outlet="").values_list("outlet", flat=True).distinct().order_by("outlet"))


def reviewer_choices() -> list[Any]:
    User = get_user_model()
    return list(
        User.objects.filter(groups__name=REVIEWER_GROUP, is_active=True)
        .order_by("first_name", "last_name", "username")
        .only("id", "username", "first_name", "last_name")
    )


# Buckets ------------------------------------------------------------------------------------------


def weeks(filters: InsightFilters) -> list[dt.date]:
    """The Mondays of the weeks the range touches."""
    first = filters.start - dt.timedelta(days=filters.start.weekday())
    return [first + dt.timedelta(weeks=i) for i in range((filters.end - first).days // 7 + 1)]


def months(filters: InsightFilters) -> list[dt.date]:
    """The first days of the months the range touches."""
    found, current = [], filters.start.replace(day=1)
    while current <= filters.end:
        found.append(current)
        current = (current + dt.timedelta(days=32)).replace(day=1)
    return found


def _day(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


# The numbers --------------------------------------------------------------------------------------


def _claim_q(filters: InsightFilters, prefix: str = "") -> Q:
    """The outlet and reviewer filters on claims (``prefix`` "claim__" for rows that point at a claim).

    The outlet is matched through the ids of its articles (a small hashed list), never by joining every
    claim to its article; rows that point at a claim are matched through the ids of the claims chosen.
    """
    q = Q()
    if filters.outlet:
        q &= Q(article_id__in=Article.objects.filter(outlet=filters.outlet).values("id"))
    if filters.reviewer:
        q &= Q(assignee_id=filters.reviewer)
    if prefix and q:
        return Q(**{f"{prefix[: -len('__')]}_id__in": Claim.objects.filter(q).values("id")})
    return q


def claims_filtered(filters: InsightFilters) -> QuerySet[Claim]:
    """The claims the outlet and reviewer filters select (the date range applies per chart)."""
    return Claim.objects.filter(_claim_q(filters))


@dataclass
class WeeklyFlow:
    weeks: list[dt.date]
    created: list[int]
    approved: list[int]
    published: list[int]


def weekly_flow(filters: InsightFilters) -> WeeklyFlow:
    """Claims created, verdicts approved and claims published, per week (two queries)."""
    buckets = weeks(filters)
    index = {week: i for i, week in enumerate(buckets)}
    created, approved, published = ([0] * len(buckets) for _ in range(3))
    rows = (
        claims_filtered(filters)
        .filter(created_at__gte=filters.start_at, created_at__lt=filters.end_before)
        .annotate(week=TruncWeek("created_at"))
        .order_by()
        .values("week")
        .annotate(n=Count("id"))
    )
    for row in rows:
        i = index.get(_day(row["week"]))
        if i is not None:
            created[i] = row["n"]
    events = (
        ClaimEvent.objects.filter(
            _claim_q(filters, "claim__"),
            action__in=[A.APPROVE, A.PUBLISH],
            created_at__gte=filters.start_at,
            created_at__lt=filters.end_before,
        )
        .annotate(week=TruncWeek("created_at"))
        .order_by()
        .values("week", "action")
        .annotate(n=Count("id"))
    )
    for row in events:
        i = index.get(_day(row["week"]))
        if i is not None:
            (approved if row["action"] == A.APPROVE else published)[i] = row["n"]
    return WeeklyFlow(buckets, created, approved, published)


@dataclass
class Durations:
    months: list[dt.date]
    count: list[int]
    median: list[float | None]
    p90: list[float | None]
    overall_count: int
    overall_median: float | None
    overall_p90: float | None


def durations(filters: InsightFilters) -> dict[str, Durations]:
    """Days from a claim's creation to its first approved verdict, and to its first publication, by the month
    they happened: median and 90th percentile, per month and over the range (one query).

    Each claim counts once, at its first approval (or publication): a verdict approved again after a
    reopening does not make the claim count twice.
    """
    conditions, params = [], []
    if filters.outlet:
        conditions.append("AND c.article_id IN (SELECT id FROM claims_article WHERE outlet = %s)")
        params.append(filters.outlet)
    if filters.reviewer:
        conditions.append("AND c.assignee_id = %s")
        params.append(filters.reviewer)
    where = " ".join(conditions)
    # Every value is a bound parameter; the SQL around them is fixed text. Each claim's first approval and
    # publication come from one pass over the approvals and publications in claim order (an index-only
    # scan of claimevent_approve_publish), merged with the claims' creation times (an index-only scan of
    # claim_dashboard); each arm then sorts its rows once for both percentiles.
    arms = []
    for kind, column in (("approved", "approved_at"), ("published", "published_at")):
        arms.append(
            f"""SELECT '{kind}', (date_trunc('month', {column} AT TIME ZONE %s))::date AS month, COUNT(*),
                       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM {column} - since))
                FROM firsts WHERE {column} >= %s AND {column} < %s
                GROUP BY GROUPING SETS ((month), ())"""  # noqa: S608 (two fixed column names)
        )
    sql = f"""
        WITH firsts AS MATERIALIZED (
            SELECT f.approved_at, f.published_at, c.created_at AS since
            FROM (
                SELECT e.claim_id,
                       MIN(e.created_at) FILTER (WHERE e.action = %s) AS approved_at,
                       MIN(e.created_at) FILTER (WHERE e.action = %s) AS published_at
                FROM claims_claimevent e
                WHERE e.action IN (%s, %s)
                GROUP BY e.claim_id
            ) f
            JOIN claims_claim c ON c.id = f.claim_id
            WHERE TRUE {where}
        )
        {" UNION ALL ".join(arms)}
    """  # noqa: S608
    bounds = [settings.TIME_ZONE, filters.start_at, filters.end_before]
    actions = [A.APPROVE, A.PUBLISH]
    values = [*actions, *actions, *params, *bounds, *bounds]
    buckets = months(filters)
    index = {month: i for i, month in enumerate(buckets)}
    found = {
        kind: Durations(buckets, [0] * len(buckets), [None] * len(buckets), [None] * len(buckets), 0, None, None)
        for kind in ("approved", "published")
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        for kind, month, count, seconds in cursor.fetchall():
            # No claim in the range still gives the total row: a count of 0 and no percentiles.
            median, p90 = (s / 86400.0 for s in seconds) if seconds else (None, None)
            entry = found[kind]
            if month is None:
                entry.overall_count, entry.overall_median, entry.overall_p90 = count, median, p90
                continue
            i = index.get(month)
            if i is not None:
                entry.count[i], entry.median[i], entry.p90[i] = count, median, p90
    return found


@dataclass
class Workload:
    reviewer: Any
    open: int
    overdue: int


def workload(filters: InsightFilters, reviewers: list[Any]) -> list[Workload]:
    """Open and overdue claims per reviewer now (the date range does not apply), busiest first (one query)."""
    today = timezone.localdate()
    rows = (
        Claim.objects.filter(_claim_q(filters), status__in=IN_QUEUE, assignee__isnull=False)
        .order_by()
        .values("assignee_id")
        .annotate(open=Count("id"), overdue=Count("id", filter=Q(status__in=WITH_REVIEWER, due_date__lt=today)))
    )
    counts = {row["assignee_id"]: (row["open"], row["overdue"]) for row in rows}
    people = [r for r in reviewers if not filters.reviewer or r.pk == filters.reviewer]
    loads = [Workload(r, *counts.get(r.pk, (0, 0))) for r in people]
    return sorted(loads, key=lambda w: (-w.open, -w.overdue, w.reviewer.get_username()))


@dataclass
class RatingMonths:
    months: list[dt.date]
    ratings: list[dict[str, Any]]  # label, colour, value, counts (one per month)


def ratings_by_month(filters: InsightFilters) -> RatingMonths:
    """Verdicts approved per month, by rating (one query), the ratings named in the active language."""
    buckets = months(filters)
    index = {month: i for i, month in enumerate(buckets)}
    rows = (
        Verdict.objects.filter(
            _claim_q(filters, "claim__"),
            approved_at__gte=filters.start_at,
            approved_at__lt=filters.end_before,
            rating__isnull=False,
        )
        .annotate(month=TruncMonth("approved_at"))
        .order_by()
        .values("month", "rating__label", "rating__translations", "rating__colour", "rating__value")
        .annotate(n=Count("id"))
    )
    language = get_language()
    ratings: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = ratings.setdefault(
            row["rating__label"],
            {
                # In the viewer's language, as the rest of the workspace names ratings.
                "label": Rating(label=row["rating__label"], translations=row["rating__translations"]).label_in(
                    language
                ),
                "colour": row["rating__colour"],
                "value": row["rating__value"],
                "counts": [0] * len(buckets),
            },
        )
        i = index.get(_day(row["month"]))
        if i is not None:
            entry["counts"][i] += row["n"]
    return RatingMonths(buckets, sorted(ratings.values(), key=lambda r: -r["value"]))


@dataclass
class MonthlyPair:
    months: list[dt.date]
    first: list[int]
    second: list[int]
    available: bool = True


def source_decisions(filters: InsightFilters) -> MonthlyPair:
    """Candidate sources confirmed and disputed per month, from the app that keeps them (through a hook)."""
    buckets = months(filters)
    index = {month: i for i, month in enumerate(buckets)}
    confirmed, disputed = [0] * len(buckets), [0] * len(buckets)
    # Without an outlet or a reviewer every claim counts: no need to make the sources app join them.
    claims = claims_filtered(filters) if filters.outlet or filters.reviewer else None
    found = hooks.source_decision_months(claims, filters.start_at, filters.end_before)
    for row in found or []:
        i = index.get(_day(row.month))
        if i is not None:
            confirmed[i], disputed[i] = row.confirmed, row.disputed
    return MonthlyPair(buckets, confirmed, disputed, available=found is not None)


def reports_and_corrections(filters: InsightFilters) -> MonthlyPair:
    """Readers' error reports and published corrections (versions after the first), per month (two queries).

    With a reviewer chosen, a correction counts when its check holds one of the reviewer's claims.
    """
    buckets = months(filters)
    index = {month: i for i, month in enumerate(buckets)}
    reports, corrections = [0] * len(buckets), [0] * len(buckets)
    report_q = Q(created_at__gte=filters.start_at, created_at__lt=filters.end_before)
    if filters.outlet:
        report_q &= Q(check_page__article__outlet=filters.outlet)
    if filters.reviewer:
        report_q &= Q(claim__assignee_id=filters.reviewer)
    rows = (
        ErrorReport.objects.filter(report_q)
        .annotate(month=TruncMonth("created_at"))
        .order_by()
        .values("month")
        .annotate(n=Count("id"))
    )
    for row in rows:
        i = index.get(_day(row["month"]))
        if i is not None:
            reports[i] = row["n"]
    version_q = Q(number__gt=1, published_at__gte=filters.start_at, published_at__lt=filters.end_before)
    if filters.outlet:
        version_q &= Q(check_page__article__outlet=filters.outlet)
    if filters.reviewer:
        mine = Claim.objects.filter(assignee_id=filters.reviewer).values("article_id")
        version_q &= Q(check_page__article_id__in=mine)
    rows = (
        CheckVersion.objects.filter(version_q)
        .annotate(month=TruncMonth("published_at"))
        .order_by()
        .values("month")
        .annotate(n=Count("id"))
    )
    for row in rows:
        i = index.get(_day(row["month"]))
        if i is not None:
            corrections[i] = row["n"]
    return MonthlyPair(buckets, reports, corrections)
