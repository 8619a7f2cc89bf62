"""One list per claim across providers: cluster records of the same work, merge fields, rank by fit.

Pure functions: provider records (:class:`Work`) and the claim's cues in, merged dicts out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from sources import normalize, registry
from sources.types import ClaimQuery, Work

NOTICE_TYPES = {"erratum", "retraction-notice", "correction-notice"}


@dataclass
class Merged:
    """One work as the claim's candidate, with where each record came from."""

    records: list[Work]
    fields: dict[str, Any] = field(default_factory=dict)
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


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
    return fields


def _stems(text: str) -> set[str]:
    return {normalize.stem(w) for w in normalize.words(text)}


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


def rank(fields: dict[str, Any], q: ClaimQuery) -> tuple[float, list[str]]:
    """How well a merged work fits the claim's cues, and the reasons in words."""
    score = 0.0
    reasons: list[str] = []
    if fields.get("doi") and fields["doi"] in q.dois:
        score += 6
        reasons.append("DOI cited in the article")
    elif fields.get("pmid") and fields["pmid"] in q.pmids:
        score += 6
        reasons.append("PMID cited in the article")
    journal = fields.get("journal") or ""
    for wanted in q.journals:
        if _journal_matches(journal, wanted):
            score += 3
            reasons.append(f"journal matches {wanted}")
            break
    if q.keywords:
        text = _stems(f"{fields.get('title', '')} {fields.get('abstract', '')}")
        hits = sum(1 for word in q.keywords if normalize.stem(word) in text)
        score += 2.5 * hits / len(q.keywords)
        reasons.append(f"{hits} of {len(q.keywords)} topic words")
    year = fields.get("year")
    published = _date(fields)
    if q.article_date and (published or year):
        start = q.date_from or dt.date.min
        if published:
            before, after = (
                start <= published <= q.article_date,
                q.article_date < published <= (q.date_to or q.article_date),
            )
        else:
            before = start.year <= year <= q.article_date.year
            after = False
        if before:
            score += 1.5
            reasons.append(f"{year}, before the article")
        elif after:
            score += 1.0
            reasons.append(f"{year}, within weeks of the article")
        else:
            score -= 1.0
            reasons.append(f"{year}, outside the article's date window")
    work_type = fields.get("work_type") or ""
    if work_type in NOTICE_TYPES:
        score -= 3
        reasons.append("a notice about another paper, not a study")
    elif work_type in ("article", "review"):
        score += 0.5
    elif work_type == "preprint":
        reasons.append("a preprint")
    authors = [normalize.family_name(a) for a in fields.get("authors") or []]
    for person in q.researchers:
        surname = normalize.title_key(person.split()[-1])
        if surname and surname in authors:
            score += 1.5
            reasons.append(f"{person} is an author")
            break
    providers = [p for p in fields.get("providers") or [] if p != "manual"]
    if len(providers) > 1:
        score += 0.5 * (len(providers) - 1)
        names = ", ".join(registry.label(p) for p in providers)
        reasons.append(f"found by {len(providers)} providers ({names})")
    if fields.get("is_retracted"):
        score -= 1
        reasons.append("retracted")
    return round(score, 3), reasons


def rank_fact_check(work: Work, q: ClaimQuery) -> tuple[float, list[str]]:
    if not q.keywords:
        return 0.0, []
    text = _stems(f"{work.claim_text} {work.title}")
    hits = sum(1 for word in q.keywords if normalize.stem(word) in text)
    return round(2.5 * hits / len(q.keywords), 3), [f"{hits} of {len(q.keywords)} topic words"]


def combine(works: list[Work], q: ClaimQuery) -> list[Merged]:
    """Cluster, merge and rank; best first."""
    merged = []
    for group in cluster(works):
        fields = merge(group)
        score, reasons = rank(fields, q)
        merged.append(Merged(records=group, fields=fields, score=score, reasons=reasons))
    merged.sort(key=lambda m: (-m.score, m.fields.get("title") or ""))
    return merged
