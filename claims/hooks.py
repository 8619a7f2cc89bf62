"""Where other apps plug into the workspace, so that the workspace never imports them.

``claims`` is the core and knows nothing of candidate sources. Apps that build on it register here
from their ``AppConfig.ready()``:

- ``claim_created``: called inside the transaction that creates a claim (sources start searching);
- ``claim_panels`` and ``article_panels``: cards on the claim and article pages, each a template and
  a function giving its context;
- ``citable_sources``: what a reviewer may cite from a claim's confirmed sources;
- ``evidence_added``: called inside the transaction that adds evidence typed by hand (a DOI or a
  PMID) so that another app can look it up after commit (sources resolves its title, authors,
  journal, year and study card, and writes them back through ``claims.services.evidence_describe``);
- ``reviews_elsewhere``: other organisations' published reviews of a claim (the "checked before?" card);
- ``claim_moved``: called inside ``claims.workflow.transition()`` after every move, with its audit row;
- ``comment_added``: called inside the transaction that posts a comment on a claim;
- ``error_reported``: called by the publishing wing inside the transaction that records a reader's
  error report, with the address of the page where an editor acts on it;
- ``source_decisions``: counts of confirmed and disputed candidate sources, for the dashboard.

Entries are kept by name, so registering twice (tests, autoreload) replaces the first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from django.http import HttpRequest
from django.template.loader import render_to_string

T = TypeVar("T")


class Registry(Generic[T]):
    """Named entries, in the order of their ``order`` and then their name."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[int, T]] = {}

    def register(self, name: str, entry: T, *, order: int = 100) -> None:
        self._entries[name] = (order, entry)

    def unregister(self, name: str) -> None:
        self._entries.pop(name, None)

    def __iter__(self) -> Iterator[T]:
        ranked = sorted(self._entries.items(), key=lambda item: (item[1][0], item[0]))
        return iter(entry for _, (_, entry) in ranked)


@dataclass(frozen=True)
class Panel:
    """A card another app adds to a workspace page: ``template`` rendered with ``context(obj, user)``.

    With ``with_request`` the context function is given the request instead of the user (a card that
    reads the session, say).
    """

    template: str
    context: Callable[[Any, Any], dict[str, Any]]
    with_request: bool = False


class CitableSource(Protocol):
    """A confirmed source as the evidence form lists it and the evidence row copies it."""

    pk: int
    title: str
    doi: str
    url: str
    journal: str
    year: int | None
    authors: list[str]
    study: dict[str, Any]  # the study card (see claims.studies)


@dataclass(frozen=True)
class CitableSources:
    """An app's answer to "what may the reviewer cite?": all of a claim's, and one by id (None if not citable)."""

    confirmed: Callable[[Any], list[Any]]
    one: Callable[[Any, int], Any | None]


@dataclass(frozen=True)
class ReviewsElsewhere:
    """Other organisations' reviews of a claim, as one app finds them.

    ``enabled`` is False when the app cannot look (no API key); each review has ``title``, ``url``,
    ``publisher``, ``textual_rating`` and ``review_date``.
    """

    source: str
    enabled: bool
    reviews: list[Any]


@dataclass(frozen=True)
class SourceDecisionMonth:
    """How many candidate sources editors confirmed and disputed in one month."""

    month: Any  # datetime.date, the first day of the month
    confirmed: int
    disputed: int


claim_created: Registry[Callable[..., None]] = Registry()
claim_panels: Registry[Panel] = Registry()
article_panels: Registry[Panel] = Registry()
citable_sources: Registry[CitableSources] = Registry()
evidence_added: Registry[Callable[[Any], None]] = Registry()
reviews_elsewhere: Registry[Callable[[Any], ReviewsElsewhere]] = Registry()
claim_moved: Registry[Callable[[Any, Any], None]] = Registry()
comment_added: Registry[Callable[[Any], None]] = Registry()
error_reported: Registry[Callable[..., None]] = Registry()
# (claims, start, end) -> one row per month with decisions: ``claims`` is a Claim queryset (already filtered;
# None for every claim),
# ``start`` and ``end`` aware datetimes bounding the decision time; one query per provider of counts.
source_decisions: Registry[Callable[[Any, Any, Any], list[SourceDecisionMonth]]] = Registry()


def claim_created_notify(claim: Any, *, by: Any | None, search_sources: bool | None) -> None:
    """Tell every subscriber that ``claim`` was just created (still inside its transaction)."""
    for callback in claim_created:
        callback(claim, by=by, search_sources=search_sources)


def evidence_added_notify(evidence: Any) -> None:
    """Tell every subscriber that ``evidence`` (a DOI or PMID typed by hand) waits to be looked up."""
    for callback in evidence_added:
        callback(evidence)


def claim_moved_notify(claim: Any, event: Any) -> None:
    """Tell every subscriber that ``claim`` just made the move audited by ``event`` (inside its transaction)."""
    for callback in claim_moved:
        callback(claim, event)


def comment_added_notify(comment: Any) -> None:
    """Tell every subscriber that ``comment`` was just posted on its claim (inside its transaction)."""
    for callback in comment_added:
        callback(comment)


def error_reported_notify(report: Any, *, url: str) -> None:
    """Tell every subscriber that a reader reported an error (inside its transaction); ``url`` is where to act."""
    for callback in error_reported:
        callback(report, url=url)


def source_decision_months(claims: Any, start: Any, end: Any) -> list[SourceDecisionMonth] | None:
    """Confirmed and disputed sources per month for ``claims``; None when no app keeps candidate sources."""
    providers = list(source_decisions)
    if not providers:
        return None
    merged: dict[Any, list[int]] = {}
    for provider in providers:
        for row in provider(claims, start, end):
            counts = merged.setdefault(row.month, [0, 0])
            counts[0] += row.confirmed
            counts[1] += row.disputed
    return [SourceDecisionMonth(month, *counts) for month, counts in sorted(merged.items())]


def panels(registry: Registry[Panel], obj: Any, request: HttpRequest) -> list[str]:
    """Every panel of ``registry`` rendered for ``obj`` as the request's user sees it."""
    return [
        render_to_string(panel.template, panel.context(obj, request if panel.with_request else request.user), request)
        for panel in registry
    ]


def confirmed_sources(claim: Any) -> list[CitableSource]:
    """The confirmed sources of ``claim`` a reviewer may cite, from every app that provides them."""
    return [source for provider in citable_sources for source in provider.confirmed(claim)]


def confirmed_source(claim: Any, source_id: int) -> CitableSource | None:
    """One confirmed source of ``claim`` by id, or None when it is not (or no longer) citable."""
    for provider in citable_sources:
        found = provider.one(claim, source_id)
        if found is not None:
            return found
    return None


def reviews_of(claim: Any) -> list[ReviewsElsewhere]:
    """What every app that knows other organisations' reviews found for ``claim``."""
    return [provider(claim) for provider in reviews_elsewhere]
