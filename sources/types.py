"""Plain types shared by the providers, the merger and the services: no Django, no HTTP."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from sources.names import surname


class ProviderError(Exception):
    """Anything that went wrong talking to, or reading, a provider. The message is for people."""


class ParseError(ProviderError):
    """The provider answered something we cannot read (malformed JSON or XML, wrong shape)."""


class PermanentError(ProviderError):
    """The provider refused the request (400, 401, 403...): retrying will not help."""


class TransientError(ProviderError):
    """The provider is overloaded, slow or unreachable: worth another try later."""


class Unreachable(TransientError):
    """No connection could be made to the provider at all."""


@dataclass
class Work:
    """One record from one provider: a publication or an earlier fact-check."""

    provider: str
    kind: str = "publication"  # "publication" | "fact_check"
    provider_id: str = ""
    doi: str = ""
    pmid: str = ""
    pmcid: str = ""
    title: str = ""
    authors: list[str] = field(default_factory=list)  # "Bottemanne H" style
    journal: str = ""
    issn: list[str] = field(default_factory=list)
    year: int | None = None
    published_on: str = ""  # ISO date, as precise as known
    volume: str = ""
    issue: str = ""
    pages: str = ""
    abstract: str = ""
    work_type: str = ""  # article, review, preprint, erratum, retraction-notice, letter, editorial, other
    # The provider's own words for the kind of work: PubMed/Europe PMC publication types, the
    # Crossref or OpenAlex type. The study card reads them.
    publication_types: list[str] = field(default_factory=list)
    url: str = ""
    is_retracted: bool = False
    has_correction: bool = False
    has_expression_of_concern: bool = False
    is_preprint: bool = False
    updates: list[dict[str, str]] = field(default_factory=list)
    score: float | None = None
    # Earlier fact-checks.
    publisher: str = ""
    textual_rating: str = ""
    review_date: str = ""
    claim_text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Work:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass
class ClaimQuery:
    """The cues a person would use to find a claim's source, extracted from the claim and its article.

    ``date_from``/``date_to`` are set only when the claim names a year: otherwise searches are not
    limited by date, and dates count as soft evidence in the ranking. ``broad`` marks the second,
    broader pass (no journal filter, terms joined by OR).
    """

    text: str = ""
    dois: list[str] = field(default_factory=list)
    pmids: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    journals: list[str] = field(default_factory=list)
    journal_issns: list[str] = field(default_factory=list)
    # The journal was recognised (kept table or a provider's journal index), not only guessed from wording.
    journal_resolved: bool = False
    preprint_servers: list[str] = field(default_factory=list)
    institutions: list[str] = field(default_factory=list)
    researchers: list[str] = field(default_factory=list)
    lead_authors: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    month: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    article_date: dt.date | None = None
    # The article's language ("en" or "fr"); for a French article, ``keywords`` are the topic words said
    # in English (for the scholarly indexes) and ``native_keywords`` the French ones (for fact-checks).
    language: str = "en"
    native_keywords: list[str] = field(default_factory=list)
    broad: bool = False

    @property
    def journal(self) -> str:
        return self.journals[0] if self.journals else ""

    @property
    def surnames(self) -> list[str]:
        """Family names of the researchers named, lead authors first ("MacLeod", "O'Brien", "de la Cruz")."""
        seen: list[str] = []
        for person in [*self.lead_authors, *self.researchers]:
            name = surname(person)
            if name and name not in seen:
                seen.append(name)
        return seen

    def broadened(self) -> ClaimQuery:
        """The second pass: no journal or preprint server narrowing, terms joined by OR."""
        wider = ClaimQuery.from_dict(self.to_dict())
        wider.broad = True
        return wider

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("date_from", "date_to", "article_date"):
            data[key] = data[key].isoformat() if data[key] else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClaimQuery:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for key in ("date_from", "date_to", "article_date"):
            if known.get(key):
                known[key] = dt.date.fromisoformat(known[key])
        return cls(**known)
