"""One module per outside API, each with a pure parser and a thin client: search, by_doi, by_pmid.

Registering a provider here is all it takes for searches, the merge, the Sources panel and the
integrity re-check to use it (see :mod:`sources.registry`).
"""

from __future__ import annotations

from sources.providers import crossref, europepmc, factcheck_tools, openalex, pubmed
from sources.registry import ProviderInfo, register

# Bibliographic data first: precedence is the order in which one record's fields win when records merge.
register(ProviderInfo(crossref, precedence=10, abstract_precedence=40, checks_integrity=True))
register(ProviderInfo(pubmed, precedence=20, abstract_precedence=20))
register(ProviderInfo(europepmc, precedence=30, abstract_precedence=10))
register(ProviderInfo(openalex, precedence=40, abstract_precedence=30, checks_integrity=True))
register(ProviderInfo(factcheck_tools, precedence=90, bibliographic=False, key_setting="FACTCHECK_TOOLS_API_KEY"))
