"""One list per claim across providers: cluster records of the same work, merge fields, rank by fit.

Pure functions: provider records (:class:`Work`) and the claim's cues in, merged dicts out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from sources import journals, names, normalize, query, registry, study
from sources.types import ClaimQuery, Work

NOTICE_TYPES = {"erratum", "retraction-notice", "correction-notice"}


@dataclass
class Merged:
    """One work as the claim's candidate, with where each record came from."""

    records: list[Work]
    fields: dict[str, Any] = field(default_factory=dict)
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)
    confident: bool = False


class _Sets:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _first_author(work: Work) -> str:
    return normalize.family_name(work.authors[0]) if work.authors else ""


def _similar(ta: str, tb: str, a: Work, b: Work, fa: str, fb: str) -> bool:
    if not ta or not tb or fuzz.token_set_ratio(ta, tb) < 95:
        return False
    if a.year and b.year and abs(a.year - b.year) > 1:
        return False
    return not (fa and fb and fa != fb)


def same_work(a: Work, b: Work) -> bool:
    """Near-identical title, same year (give or take one) and same first author when both are known."""
    return _similar(
        normalize.title_key(a.title), normalize.title_key(b.title), a, b, _first_author(a), _first_author(b)
    )


def cluster(works: list[Work]) -> list[list[Work]]:
    """Group records of the same work: same DOI, else same PMID or PMCID, else same title/year/author."""
    publications = [w for w in works if w.kind == "publication"]
    sets = _Sets(len(publications))
    seen: dict[tuple[str, str], int] = {}
    for i, work in enumerate(publications):
        for key in (("doi", work.doi), ("pmid", work.pmid), ("pmcid", work.pmcid)):
            if key[1]:
                if key in seen:
                    sets.join(i, seen[key])
                else:
                    seen[key] = i
    titles = [normalize.title_key(w.title) for w in publications]
    authors = [_first_author(w) for w in publications]
    for i, a in enumerate(publications):
        for j in range(i):
            b = publications[j]
            # Two different DOIs are two works, however alike their titles.
            if sets.find(i) == sets.find(j) or (a.doi and b.doi and a.doi != b.doi):
                continue
            if _similar(titles[i], titles[j], a, b, authors[i], authors[j]):
                sets.join(i, j)
    groups: dict[int, list[Work]] = {}
    for i, work in enumerate(publications):
        groups.setdefault(sets.find(i), []).append(work)
    return list(groups.values())


def _by(key: Any, records: list[Work]) -> list[Work]:
    return sorted(records, key=lambda w: key(w.provider))


def _pick(records: list[Work], name: str) -> Any:
    for record in records:
        value = getattr(record, name)
        if value:
            return value
    return getattr(records[0], name) if records else ""


def merge(records: list[Work]) -> dict[str, Any]:
    """The candidate's fields: bibliographic data from Crossref first, abstracts from PubMed/Europe PMC."""
    ordered = _by(registry.precedence, records)
    fields: dict[str, Any] = {
        name: _pick(ordered, name)
        for name in ("doi", "pmid", "pmcid", "title", "journal", "year", "volume", "issue", "pages", "work_type")
    }
    fields["abstract"] = _pick(_by(registry.abstract_precedence, records), "abstract")
    fields["issn"] = sorted({i.upper() for r in records for i in r.issn if i})
    fields["publication_types"] = sorted({t for r in records for t in r.publication_types if t})
    dated = [w.published_on for w in ordered if len(w.published_on) == 10]
    fields["published_on"] = min(dated) if dated else ""
    best_authors: list[str] = []
    for record in ordered:
        if len(record.authors) > len(best_authors):
            best_authors = record.authors
    fields["authors"] = best_authors
    updates: list[dict[str, str]] = []
    seen = set()
    for record in ordered:
        for update in record.updates:
            marker = (update.get("type"), update.get("notice_doi") or update.get("provider"))
            if marker not in seen:
                seen.add(marker)
                updates.append(update)
    fields["updates"] = updates
    # Any one source saying "retracted" is enough to flag it; the evidence is kept in updates.
    for flag in ("is_retracted", "has_correction", "has_expression_of_concern", "is_preprint"):
        fields[flag] = any(getattr(r, flag) for r in records)
    fields["providers"] = sorted({r.provider for r in records}, key=registry.precedence)
    doi = fields["doi"]
    fields["url"] = f"https://doi.org/{doi}" if doi else _pick(ordered, "url")
    fields["study"] = study.card(fields)
    return fields


def _stems(text: str, language: str = "en") -> set[str]:
    return {normalize.stem(w, language) for w in normalize.words(text)}


def _journal_matches(journal: str, wanted: str) -> bool:
    a, b = normalize.title_key(journal), normalize.title_key(wanted)
    a = a.removeprefix("the ")
    b = b.removeprefix("the ")
    return bool(a and b and a == b)


def _date(fields: dict[str, Any]) -> dt.date | None:
    value = fields.get("published_on") or ""
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


# The weight of each feature of the ranking; a candidate's score is their sum.
WEIGHTS = {
    "identifier": 8.0,  # its DOI or PMID is written in the article
    "journal": 3.0,  # the journal (or preprint server) the article names
    "lead_author": 3.0,  # its first author is named as leading the work
    "author": 2.0,  # a researcher the article names is among its authors
    "year": 2.5,  # published in the year the article gives
    "near_year": 1.0,  # a year either side of it
    "other_year": -1.5,  # another year than the one the article gives
    "recent": 1.5,  # no year given: published in the year before the article (or weeks after)
    "before_article": 0.5,  # no year given: published earlier than that
    "after_article": -2.0,  # no year given: published months after the article
    "similarity": 4.0,  # times the share of the claim's topic words in its title and abstract
    "agreement": 0.25,  # per provider beyond the first, at most two
    "notice": -4.0,  # a correction or retraction notice, not the study itself
}
# Confident: the score and the lead over the next candidate both reach these (see the README).
CONFIDENT_SCORE = 6.5
CONFIDENT_MARGIN = 2.0
CONFIDENT_SIMILARITY = 0.35


def _topic_coverage(fields: dict[str, Any], q: ClaimQuery) -> tuple[float, int]:
    """Share of the claim's topic words in the title (in full) or abstract (most of it), weighted by informativeness."""
    if not q.keywords:
        return 0.0, 0
    title = _stems(fields.get("title") or "")
    abstract = _stems(fields.get("abstract") or "")
    total = got = 0.0
    hits = 0
    for word in q.keywords:
        # Rare words say more: a match on "ketamine" counts for more than one on "mood".
        weight = query.informativeness(word)
        total += weight
        key = normalize.stem(word)
        if key in title:
            got += weight
            hits += 1
        elif key in abstract:
            got += 0.8 * weight
            hits += 1
    return (got / total if total else 0.0), hits


def _issns(fields: dict[str, Any]) -> set[str]:
    return {i.upper() for i in fields.get("issn") or [] if isinstance(i, str)}


def features(fields: dict[str, Any], q: ClaimQuery) -> tuple[dict[str, float], list[str]]:
    """The named features of one candidate against the claim's cues, and a reason in words for each."""
    found: dict[str, float] = {}
    reasons: list[str] = []
    doi, pmid = fields.get("doi") or "", fields.get("pmid") or ""
    if doi and doi in q.dois:
        found["identifier"] = 1.0
        reasons.append(_("DOI cited in the article"))
    elif pmid and pmid in q.pmids:
        found["identifier"] = 1.0
        reasons.append(_("PMID cited in the article"))
    journal = fields.get("journal") or ""
    wanted_issns = {i.upper() for i in q.journal_issns}
    if q.journals and ((wanted_issns & _issns(fields)) or _journal_matches(journal, q.journals[0])):
        found["journal"] = 1.0
        reasons.append(_("journal matches %(journal)s") % {"journal": q.journals[0]})
    elif q.preprint_servers and fields.get("is_preprint"):
        server = q.preprint_servers[0]
        doi_server = journals.preprint_server_of_doi(doi)
        if _journal_matches(journal, server) or (doi_server and server.lower() in doi_server.lower()):
            found["journal"] = 1.0
            reasons.append(_("a preprint on %(server)s, as the article says") % {"server": server})
    authors = [names.author_family(a) for a in fields.get("authors") or []]
    lead_keys = {names.surname_key(names.surname(p)) for p in q.lead_authors}
    named = 0
    for person in [*q.lead_authors, *q.researchers]:
        key = names.surname_key(names.surname(person))
        if not key or key not in authors:
            continue
        family = names.surname(person)
        if key in lead_keys and authors and authors[0] == key and "lead_author" not in found:
            found["lead_author"] = 1.0
            reasons.append(_("lead author %(name)s named in the article") % {"name": family})
        elif "author" not in found and "lead_author" not in found:
            found["author"] = 1.0
            reasons.append(_("%(name)s, named in the article, is an author") % {"name": family})
        named += 1
        if named >= 2:
            break
    year = fields.get("year") if isinstance(fields.get("year"), int) else None
    published = _date(fields)
    if q.years and year:
        if year in q.years:
            found["year"] = 1.0
            reasons.append(_("published in %(year)s, the year the article gives") % {"year": year})
        elif any(abs(year - y) == 1 for y in q.years):
            found["near_year"] = 1.0
            reasons.append(_("published in %(year)s, a year from the one the article gives") % {"year": year})
        else:
            found["other_year"] = 1.0
            reasons.append(_("published in %(year)s, not the year the article gives") % {"year": year})
    elif q.article_date and (published or year):
        when = published or dt.date(year or 1, 7, 1)
        if q.article_date - dt.timedelta(days=365) <= when <= q.article_date + dt.timedelta(days=60):
            # News reports new research: a work of the year before the story is the likeliest one.
            found["recent"] = 1.0
            reasons.append(_("published in the year before the article"))
        elif when <= q.article_date:
            found["before_article"] = 1.0
            reasons.append(_("published before the article"))
        else:
            found["after_article"] = 1.0
            reasons.append(_("published after the article"))
    coverage, hits = _topic_coverage(fields, q)
    if q.keywords:
        found["similarity"] = round(coverage, 4)
        reasons.append(
            _("%(hits)s of %(total)s topic words in the title or abstract") % {"hits": hits, "total": len(q.keywords)}
        )
    providers = [p for p in fields.get("providers") or [] if p != registry.MANUAL]
    if len(providers) > 1:
        found["agreement"] = float(min(len(providers) - 1, 2))
        names_ = ", ".join(registry.label(p) for p in providers)
        reasons.append(_("found by %(count)s providers (%(names)s)") % {"count": len(providers), "names": names_})
    if (fields.get("work_type") or "") in NOTICE_TYPES:
        found["notice"] = 1.0
        reasons.append(_("a notice about another paper, not a study"))
    return found, reasons


def score_of(found: dict[str, float]) -> float:
    return round(sum(WEIGHTS[name] * value for name, value in found.items()), 3)


def evidence_of(found: dict[str, float]) -> int:
    """How many independent cues agree: the first tie-break after the score."""
    return sum(1 for name, value in found.items() if WEIGHTS[name] > 0 and value > 0)


def stable_key(fields: dict[str, Any]) -> str:
    """The last tie-break: the same for the same work whichever provider answered first."""
    if fields.get("doi"):
        return f"doi:{fields['doi']}"
    if fields.get("pmid"):
        return f"pmid:{fields['pmid']}"
    return f"title:{normalize.title_key(fields.get('title') or '')}"


def rank(fields: dict[str, Any], q: ClaimQuery) -> tuple[float, list[str]]:
    """How well a merged work fits the claim's cues, and the reasons in words."""
    found, reasons = features(fields, q)
    return score_of(found), reasons


def order_key(score: float, found: dict[str, float], fields: dict[str, Any]) -> tuple[float, int, str]:
    return (-score, -evidence_of(found), stable_key(fields))


def is_confident(best: Merged, runner_up: Merged | None) -> bool:
    """The best candidate is the cited work with little doubt: an identifier, or a high score well ahead."""
    if best.features.get("identifier"):
        return runner_up is None or not runner_up.features.get("identifier")
    margin = best.score - (runner_up.score if runner_up else 0.0)
    return (
        best.score >= CONFIDENT_SCORE
        and margin >= CONFIDENT_MARGIN
        and best.features.get("similarity", 0.0) >= CONFIDENT_SIMILARITY
    )


def rank_fact_check(work: Work, q: ClaimQuery) -> tuple[float, list[str]]:
    # A fact-check is in the article's language: compared with the claim's own topic words, stemmed in it.
    words, language = (q.native_keywords, q.language) if q.native_keywords else (q.keywords, "en")
    if not words:
        return 0.0, []
    text = _stems(f"{work.claim_text} {work.title}", language)
    hits = sum(1 for word in words if _stems(word, language) & text)
    reason = _("%(hits)s of %(total)s topic words") % {"hits": hits, "total": len(words)}
    return round(2.5 * hits / len(words), 3), [reason]


def combine(works: list[Work], q: ClaimQuery) -> list[Merged]:
    """Cluster, merge and rank; best first, ties broken by evidence and then a stable key; mark the confident one."""
    merged = []
    for group in cluster(works):
        fields = merge(group)
        found, reasons = features(fields, q)
        merged.append(Merged(records=group, fields=fields, score=score_of(found), reasons=reasons, features=found))
    merged.sort(key=lambda m: order_key(m.score, m.features, m.fields))
    if merged:
        merged[0].confident = is_confident(merged[0], merged[1] if len(merged) > 1 else None)
    return merged
