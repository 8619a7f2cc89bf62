"""One module per outside API, each with a pure parser and a thin client: search, by_doi, by_pmid."""

from __future__ import annotations

from types import ModuleType

from sources.providers import crossref, europepmc, factcheck_tools, openalex, pubmed

PROVIDERS: dict[str, ModuleType] = {
    crossref.NAME: crossref,
    pubmed.NAME: pubmed,
    europepmc.NAME: europepmc,
    openalex.NAME: openalex,
    factcheck_tools.NAME: factcheck_tools,
}
# Bibliographic data first: the order in which one record's fields win when records merge.
PRECEDENCE = ["crossref", "pubmed", "europepmc", "openalex", "manual"]
ABSTRACT_PRECEDENCE = ["europepmc", "pubmed", "openalex", "crossref", "manual"]
