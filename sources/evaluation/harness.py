"""Run the evaluation set through the real search pipeline against the local stand-in, and score it.

Each case becomes an article and a claim; every provider search runs as in production
(``services.search_execute``: cues, two passes, merge, ranking), against the stand-in playing
Crossref, PubMed, Europe PMC and OpenAlex. Everything is written inside one transaction that is
rolled back, so a run leaves the database as it found it.

Figures: recall@1 (the cited work is first), recall@3 (among the first three) and the precision of
confident matches (of the claims marked confident, the share whose first candidate is the cited
work), overall, per split (dev, held_out) and per phrasing kind.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.test.utils import override_settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from sources.evaluation import cases as evaluation_cases
from sources.evaluation.standin import StandIn


@dataclass
class Outcome:
    case: evaluation_cases.Case
    ranked: list[str]  # DOIs, best first
    confident: bool
    calls: int

    @property
    def at1(self) -> bool:
        return bool(self.ranked) and self.ranked[0] == self.case.target.doi

    @property
    def at3(self) -> bool:
        return self.case.target.doi in self.ranked[:3]


@dataclass
class Figures:
    cases: int = 0
    recall_at_1: float = 0.0
    recall_at_3: float = 0.0
    confident: int = 0
    confident_right: int = 0

    @property
    def confident_precision(self) -> float:
        return self.confident_right / self.confident if self.confident else 1.0


@dataclass
class Report:
    outcomes: list[Outcome]
    seconds: float
    by_split: dict[str, Figures] = field(default_factory=dict)
    by_kind: dict[str, Figures] = field(default_factory=dict)
    overall: Figures = field(default_factory=Figures)


def figures(outcomes: list[Outcome]) -> Figures:
    n = len(outcomes)
    if not n:
        return Figures()
    return Figures(
        cases=n,
        recall_at_1=sum(o.at1 for o in outcomes) / n,
        recall_at_3=sum(o.at3 for o in outcomes) / n,
        confident=sum(o.confident for o in outcomes),
        confident_right=sum(o.confident and o.at1 for o in outcomes),
    )


@contextlib.contextmanager
def _pointed_at(stand_in: StandIn) -> Iterator[None]:
    url = stand_in.url
    with override_settings(
        CROSSREF_API_URL=f"{url}/crossref",
        NCBI_EUTILS_URL=f"{url}/pubmed",
        EUROPEPMC_API_URL=f"{url}/europepmc",
        OPENALEX_API_URL=f"{url}/openalex",
        FACTCHECK_TOOLS_API_KEY="",
        SOURCES_RATE_LIMITS={},
        SOURCES_CONCURRENCY={},
        SOURCES_BREAKER_FAILURES=10_000,
        SOURCES_MAX_ATTEMPTS=1,
        SOURCES_AUTO_SEARCH=False,
    ):
        yield


class _Rollback(Exception):
    pass


def run(case_list: list[evaluation_cases.Case] | None = None, *, rollback: bool = True) -> Report:
    """Search every case's claim and score the rankings. ``rollback=False`` keeps the rows (tests)."""
    from claims.models import Article, Claim, content_hash
    from sources import services
    from sources.models import CandidateSource

    chosen = case_list if case_list is not None else evaluation_cases.CASES
    logging.getLogger("httpx").setLevel(logging.WARNING)
    outcomes: list[Outcome] = []
    started = time.monotonic()
    with StandIn(evaluation_cases.corpus()) as stand_in, _pointed_at(stand_in):
        try:
            with transaction.atomic():
                for case in chosen:
                    body = case.body
                    article = Article.objects.create(
                        title=case.headline,
                        body=body,
                        outlet=case.outlet,
                        published_on=case.published_on,
                        language=case.language,
                        content_hash=content_hash(f"evaluation {case.key} {body}"),
                    )
                    start = body.index(case.claim)
                    claim = Claim.objects.create(
                        article=article,
                        text=case.claim,
                        quote=case.claim,
                        span_start=start,
                        span_end=start + len(case.claim),
                    )
                    before = len(stand_in.requests)
                    for search in services.searches_start(claim=claim, by=None, enqueue=False):
                        services.search_execute(search.pk)
                    rows = list(
                        CandidateSource.objects.filter(claim=claim, kind=CandidateSource.Kind.PUBLICATION)
                        .order_by("rank", "id")
                        .values_list("doi", "confident")
                    )
                    outcomes.append(
                        Outcome(
                            case=case,
                            ranked=[doi for doi, _ in rows],
                            confident=bool(rows and rows[0][1]),
                            calls=len(stand_in.requests) - before,
                        )
                    )
                if rollback:
                    raise _Rollback
        except _Rollback:
            pass
    report = Report(outcomes=outcomes, seconds=time.monotonic() - started)
    report.overall = figures(outcomes)
    for split in ("dev", "held_out"):
        report.by_split[split] = figures([o for o in outcomes if o.case.split == split])
    kinds = sorted({k for o in outcomes for k in o.case.kinds})
    for kind in kinds:
        report.by_kind[kind] = figures([o for o in outcomes if kind in o.case.kinds])
    return report


def lines(report: Report, *, verbose: bool = False) -> list[str]:
    """The report as lines of text."""

    def row(name: str, f: Figures) -> str:
        return (
            f"{name:<24} {f.cases:>5} {f.recall_at_1:>9.3f} {f.recall_at_3:>9.3f} "
            f"{f.confident:>9} {f.confident_precision:>10.3f}"
        )

    calls = sum(o.calls for o in report.outcomes)
    n = max(len(report.outcomes), 1)
    cases, confident = (
        pgettext("a column of the evaluation", "cases"),
        pgettext("a column of the evaluation", "confident"),
    )
    precision = pgettext("a column of the evaluation", "precision")
    out = [f"{'':<24} {cases:>5} {'recall@1':>9} {'recall@3':>9} {confident:>9} {precision:>10}"]
    out.append(row(pgettext("a row of the evaluation: every case", "overall"), report.overall))
    for split, f in report.by_split.items():
        out.append(row(split, f))
    out.append("")
    for kind, f in report.by_kind.items():
        out.append(row(kind, f))
    out.append("")
    out.append(
        _("provider requests: %(calls)s (%(per_claim)s a claim); %(seconds)s s")
        % {
            "calls": calls,
            "per_claim": number_format(f"{calls / n:.1f}", decimal_pos=1),
            "seconds": number_format(f"{report.seconds:.1f}", decimal_pos=1),
        }
    )
    if verbose:
        for outcome in report.outcomes:
            if not outcome.at1 or (outcome.confident and not outcome.at1):
                place = (
                    outcome.ranked.index(outcome.case.target.doi) + 1
                    if outcome.at3 or outcome.case.target.doi in outcome.ranked
                    else "-"
                )
                out.append(
                    _("MISS %(case)s: cited work at %(place)s; first %(first)s")
                    % {"case": outcome.case.key, "place": place, "first": outcome.ranked[:1]}
                )
    return out


def summary(report: Report) -> dict[str, Any]:
    return {
        "recall_at_1": report.overall.recall_at_1,
        "recall_at_3": report.overall.recall_at_3,
        "confident_precision": report.overall.confident_precision,
    }
