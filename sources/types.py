"""Plain types shared by the providers, the merger and the services: no Django, no HTTP."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


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
    """The cues a person would use to find a claim's source, extracted from the claim and its article."""

    text: str = ""
    dois: list[str] = field(default_factory=list)
    pmids: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    journals: list[str] = field(default_factory=list)
    institutions: list[str] = field(default_factory=list)
    researchers: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    article_date: dt.date | None = None
    language: str = "en"

    @property
    def journal(self) -> str:
        return self.journals[0] if self.journals else ""

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
