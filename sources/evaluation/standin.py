"""A local stand-in for Crossref, PubMed (E-utilities), Europe PMC and OpenAlex over a corpus of works.

It answers in each API's real shape and evaluates the queries as the real services do, strictly
enough to punish a bad query: PubMed and Europe PMC terms joined by AND must all match (PubMed does
not stem, ``stem*`` truncates), OpenAlex ANDs the words of a search, date and year filters exclude
what falls outside them, and a journal named with ``[ta]`` or ``JOURNAL:`` must match. Crossref
scores by relevance and excludes nothing but by its filters. Only what each service indexes is
served: PubMed and Europe PMC know biomedical works (Europe PMC also medRxiv and bioRxiv), Crossref
and OpenAlex know everything with a DOI.

Standard library only (``http.server`` on the loopback), so ``manage.py evaluate_sources`` runs
with the runtime dependencies.
"""

from __future__ import annotations

import json
import re
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit
from xml.sax.saxutils import escape

STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "on",
        "for",
        "to",
        "with",
        "by",
        "at",
        "from",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "as",
        "that",
        "this",
    ]
)


@dataclass
class Work:
    """One work of the corpus, written once and served in every provider's shape."""

    doi: str
    title: str
    authors: list[tuple[str, str]]  # (given, family): ("Jan", "van der Berg")
    journal: str
    year: int
    month: int = 1
    day: int = 15
    abstract: str = ""
    issns: list[str] = field(default_factory=list)
    pmid: str = ""  # biomedical works only: what PubMed and Europe PMC index
    publication_types: list[str] = field(default_factory=lambda: ["Journal Article"])
    crossref_type: str = "journal-article"
    openalex_type: str = "article"
    preprint_server: str = ""  # "medRxiv", "arXiv"...: a preprint, not in a journal
    retracted: bool = False
    corrected: bool = False
    notice_of: str = ""  # the DOI this correction or retraction notice is about
    notice_kind: str = ""  # "retraction" or "correction"
    volume: str = ""
    pages: str = ""

    @property
    def date(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def biomedical(self) -> bool:
        return bool(self.pmid)

    @property
    def in_europepmc(self) -> bool:
        return bool(self.pmid) or self.preprint_server in ("medRxiv", "bioRxiv")


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))


def _stem(word: str) -> str:
    """OpenAlex's stemming, roughly: plural and common suffixes off."""
    for suffix in ("ations", "ation", "ings", "ing", "ies", "es", "s", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _text_words(work: Work) -> set[str]:
    return set(words_of(f"{work.title} {work.abstract}"))


def _family_words(work: Work) -> set[str]:
    return {w for _, family in work.authors for w in words_of(family)}


def _norm(text: str) -> str:
    return " ".join(words_of(text.removeprefix("The ").removeprefix("the ")))


# ---------------------------------------------------------------------------------------------
# A small boolean query language: PubMed terms and Europe PMC queries


TOKEN_RE = re.compile(
    r'\(|\)|\bAND\b|\bOR\b|\bNOT\b|:(?=\s)|"[^"]*"\[\w+\]|\w+:"[^"]*"|\w+:\[[^\]]*\]|"[^"]*"|[^\s()]+'
)


def parse_boolean(query: str) -> Any:
    tokens = TOKEN_RE.findall(query)
    position = 0

    def peek() -> str | None:
        return tokens[position] if position < len(tokens) else None

    def take() -> str:
        nonlocal position
        position += 1
        return tokens[position - 1]

    def primary() -> Any:
        item = take()
        if item == "(":
            node = expression()
            if peek() == ")":
                take()
            return node
        if peek() == ":":
            take()
            return ("range", item, take())
        return ("leaf", item)

    def conjunction() -> Any:
        nodes = [primary()]
        while peek() not in (None, ")", "OR"):
            if peek() == "AND":
                take()
            nodes.append(primary())
        return ("and", nodes) if len(nodes) > 1 else nodes[0]

    def expression() -> Any:
        nodes = [conjunction()]
        while peek() == "OR":
            take()
            nodes.append(conjunction())
        return ("or", nodes) if len(nodes) > 1 else nodes[0]

    return expression() if tokens else ("and", [])


def evaluate(node: Any, leaf: Callable[[str], bool], rng: Callable[[str, str], bool]) -> tuple[bool, int]:
    """(matches, how many leaves matched): the count ranks OR queries like a relevance sort."""
    kind = node[0]
    if kind == "leaf":
        hit = leaf(node[1])
        return hit, int(hit)
    if kind == "range":
        hit = rng(node[1], node[2])
        return hit, 0
    results = [evaluate(child, leaf, rng) for child in node[1]]
    count = sum(r[1] for r in results)
    if kind == "and":
        return all(r[0] for r in results), count
    return any(r[0] for r in results), count


def _word_leaf(value: str, words: set[str]) -> bool:
    value = value.lower()
    if value.endswith("*"):
        stem = value[:-1]
        return any(w.startswith(stem) for w in words)
    parts = words_of(value)
    return bool(parts) and all(p in words for p in parts)


# ---------------------------------------------------------------------------------------------
# Shapes


def _crossref_item(work: Work, score: float | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "DOI": work.doi,
        "URL": f"https://doi.org/{work.doi}",
        "title": [work.title],
        "author": [
            {"given": given, "family": family, "sequence": "first" if i == 0 else "additional", "affiliation": []}
            for i, (given, family) in enumerate(work.authors)
        ],
        "issued": {"date-parts": [[work.year, work.month, work.day]]},
        "published-online": {"date-parts": [[work.year, work.month, work.day]]},
        "type": work.crossref_type,
        "publisher": "Stand-in Publishing",
        "is-referenced-by-count": 3,
    }
    if work.preprint_server:
        item["type"] = "posted-content"
        item["subtype"] = "preprint"
        item["institution"] = [{"name": work.preprint_server}]
        item["container-title"] = []
    else:
        item["container-title"] = [work.journal]
        item["ISSN"] = work.issns
        item["issn-type"] = [
            {"value": i, "type": "print" if n == 0 else "electronic"} for n, i in enumerate(work.issns)
        ]
    if work.abstract:
        item["abstract"] = f"<jats:p>{escape(work.abstract)}</jats:p>"
    if work.volume:
        item["volume"] = work.volume
    if work.pages:
        item["page"] = work.pages
    updates = []
    if work.retracted:
        updates.append(
            {"DOI": f"{work.doi}.retraction", "type": "retraction", "label": "Retraction", "source": "publisher"}
        )
    if work.corrected:
        updates.append(
            {"DOI": f"{work.doi}.correction", "type": "correction", "label": "Correction", "source": "publisher"}
        )
    for update in updates:
        update["updated"] = {"date-parts": [[work.year + 1, 3, 1]]}
    if updates:
        item["updated-by"] = updates
    if work.notice_of:
        item["update-to"] = [{"DOI": work.notice_of, "type": work.notice_kind, "label": work.notice_kind.title()}]
    if score is not None:
        item["score"] = round(score, 3)
    return item


def _inverted(text: str) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for position, word in enumerate(text.split()):
        index.setdefault(word, []).append(position)
    return index


def _openalex_work(work: Work, score: float | None = None) -> dict[str, Any]:
    ident = f"W{zlib.crc32(work.doi.encode()):010d}"
    source: dict[str, Any]
    if work.preprint_server:
        source = {"display_name": work.preprint_server, "type": "repository", "issn_l": None, "issn": None}
    else:
        source = {
            "display_name": work.journal,
            "type": "journal",
            "issn_l": work.issns[0] if work.issns else None,
            "issn": work.issns or None,
        }
    item: dict[str, Any] = {
        "id": f"https://openalex.org/{ident}",
        "doi": f"https://doi.org/{work.doi}",
        "title": work.title,
        "display_name": work.title,
        "publication_year": work.year,
        "publication_date": work.date,
        "type": "preprint" if work.preprint_server else work.openalex_type,
        "type_crossref": "posted-content" if work.preprint_server else work.crossref_type,
        "ids": {"openalex": f"https://openalex.org/{ident}", "doi": f"https://doi.org/{work.doi}"},
        "primary_location": {"source": source, "landing_page_url": f"https://doi.org/{work.doi}", "is_oa": True},
        "authorships": [
            {
                "author_position": "first" if i == 0 else "middle",
                "author": {"id": f"https://openalex.org/A{i}", "display_name": f"{given} {family}"},
                "raw_author_name": f"{given} {family}",
                "institutions": [],
            }
            for i, (given, family) in enumerate(work.authors)
        ],
        "biblio": {"volume": work.volume or None, "issue": None, "first_page": None, "last_page": None},
        "is_retracted": work.retracted,
        "is_paratext": False,
        "abstract_inverted_index": _inverted(work.abstract) if work.abstract else None,
        "cited_by_count": 3,
    }
    if work.pmid:
        item["ids"]["pmid"] = f"https://pubmed.ncbi.nlm.nih.gov/{work.pmid}"
    if score is not None:
        item["relevance_score"] = round(score, 3)
    return item


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _pubmed_article(work: Work) -> str:
    authors = "".join(
        f'<Author ValidYN="Y"><LastName>{escape(family)}</LastName><ForeName>{escape(given)}</ForeName>'
        f"<Initials>{escape(''.join(p[0] for p in given.replace('-', ' ').split()))}</Initials></Author>"
        for given, family in work.authors
    )
    types = "".join(f'<PublicationType UI="D0">{escape(t)}</PublicationType>' for t in work.publication_types)
    issns = "".join(f'<ISSN IssnType="Electronic">{escape(i)}</ISSN>' for i in work.issns[:1])
    corrections = ""
    if work.retracted:
        corrections += (
            '<CommentsCorrections RefType="RetractionIn"><RefSource>Retraction</RefSource><PMID Version="1">'
            + str(int(work.pmid) + 1)
            + "</PMID></CommentsCorrections>"
        )
    if work.corrected:
        corrections += (
            '<CommentsCorrections RefType="ErratumIn"><RefSource>Erratum</RefSource><PMID Version="1">'
            + str(int(work.pmid) + 2)
            + "</PMID></CommentsCorrections>"
        )
    if corrections:
        corrections = f"<CommentsCorrectionsList>{corrections}</CommentsCorrectionsList>"
    if work.retracted and "Retracted Publication" not in work.publication_types:
        types += '<PublicationType UI="D0">Retracted Publication</PublicationType>'
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{work.pmid}</PMID>'
        f'<Article PubModel="Print-Electronic"><Journal>{issns}<JournalIssue CitedMedium="Internet">'
        f"<Volume>{escape(work.volume)}</Volume><PubDate><Year>{work.year}</Year>"
        f"<Month>{MONTHS[work.month - 1]}</Month></PubDate></JournalIssue><Title>{escape(work.journal)}</Title>"
        f"<ISOAbbreviation>{escape(work.journal)}</ISOAbbreviation></Journal>"
        f"<ArticleTitle>{escape(work.title)}.</ArticleTitle>"
        f'<ELocationID EIdType="doi" ValidYN="Y">{escape(work.doi)}</ELocationID>'
        f"<Abstract><AbstractText>{escape(work.abstract)}</AbstractText></Abstract>"
        f'<AuthorList CompleteYN="Y">{authors}</AuthorList><Language>eng</Language>'
        f"<PublicationTypeList>{types}</PublicationTypeList>"
        f'<ArticleDate DateType="Electronic"><Year>{work.year}</Year><Month>{work.month:02d}</Month>'
        f"<Day>{work.day:02d}</Day></ArticleDate></Article>{corrections}</MedlineCitation>"
        f'<PubmedData><PublicationStatus>ppublish</PublicationStatus><ArticleIdList><ArticleId IdType="pubmed">'
        f'{work.pmid}</ArticleId><ArticleId IdType="doi">{escape(work.doi)}</ArticleId></ArticleIdList></PubmedData>'
        f"</PubmedArticle>"
    )


def _europepmc_result(work: Work) -> dict[str, Any]:
    preprint = work.preprint_server in ("medRxiv", "bioRxiv")
    types = ["Preprint"] if preprint else list(work.publication_types)
    if work.retracted:
        types.append("Retracted Publication")
    result: dict[str, Any] = {
        "id": f"PPR{zlib.crc32(work.doi.encode()) % 10**6}" if preprint else work.pmid,
        "source": "PPR" if preprint else "MED",
        "doi": work.doi,
        "title": f"{work.title}.",
        "authorString": ", ".join(f"{family} {given[:1]}" for given, family in work.authors) + ".",
        "authorList": {
            "author": [
                {"fullName": f"{family} {given[:1]}", "firstName": given, "lastName": family, "initials": given[:1]}
                for given, family in work.authors
            ]
        },
        "pubYear": str(work.year),
        "abstractText": work.abstract,
        "pubTypeList": {"pubType": types},
        "firstPublicationDate": work.date,
        "isOpenAccess": "Y",
        "inPMC": "N",
        "citedByCount": 3,
    }
    if preprint:
        result["bookOrReportDetails"] = {"publisher": work.preprint_server}
    else:
        result["pmid"] = work.pmid
        result["journalInfo"] = {
            "volume": work.volume,
            "yearOfPublication": work.year,
            "printPublicationDate": work.date,
            "journal": {"title": work.journal, "issn": work.issns[0] if work.issns else None},
        }
    return result


# ---------------------------------------------------------------------------------------------
# The services


@dataclass
class Journal:
    name: str
    issns: list[str]
    aliases: list[str] = field(default_factory=list)
    repository: bool = False


class Corpus:
    """The works and journals the stand-in serves, and how each service searches them."""

    def __init__(self, works: list[Work], journals: list[Journal]) -> None:
        self.works = works
        self.by_doi = {w.doi: w for w in works}
        self.by_pmid = {w.pmid: w for w in works if w.pmid}
        self.journals = journals

    # Crossref: relevance over the words of the citation; filters exclude.
    def crossref_search(self, params: dict[str, str]) -> list[tuple[float, Work]]:
        wanted = words_of(params.get("query.bibliographic", ""))
        container = _norm(params.get("query.container-title", ""))
        author = words_of(params.get("query.author", ""))
        lo, hi = _crossref_window(params.get("filter", ""))
        scored = []
        for work in self.works:
            if not (lo <= work.date <= hi):
                continue
            text = _text_words(work) | _family_words(work) | set(words_of(work.journal)) | {str(work.year)}
            score = sum(1.0 for w in wanted if w in text and w not in STOP)
            if container and container == _norm(work.journal or work.preprint_server):
                score += 2.0
            score += sum(1.5 for a in author if a in _family_words(work))
            if score > 0:
                scored.append((score, work))
        scored.sort(key=lambda s: (-s[0], s[1].doi))
        return scored

    def openalex_search(self, params: dict[str, str]) -> list[tuple[float, Work]]:
        query = params.get("search", "")
        lo, hi = _openalex_window(params.get("filter", ""))
        node = parse_boolean(query)
        scored = []
        for work in self.works:
            if not (lo <= work.date <= hi):
                continue
            words = {_stem(w) for w in _text_words(work)}

            def leaf(value: str, words: set[str] = words) -> bool:
                parts = [_stem(p) for p in words_of(value) if p not in STOP]
                return bool(parts) and all(p in words for p in parts)

            hit, count = evaluate(node, leaf, lambda a, b: True)
            if hit:
                scored.append((float(count) + 1.0, work))
        scored.sort(key=lambda s: (-s[0], s[1].doi))
        return scored

    def pubmed_search(self, term: str) -> list[Work]:
        doi = re.fullmatch(r"\s*(10\.\S+)\[doi\]\s*", term)
        if doi:
            found = self.by_doi.get(doi.group(1).lower())
            return [found] if found and found.pmid else []
        node = parse_boolean(term)
        scored = []
        for work in self.works:
            if not work.pmid:
                continue
            words = _text_words(work)

            def leaf(value: str, work: Work = work, words: set[str] = words) -> bool:
                match = re.fullmatch(r'"?(.*?)"?\[(\w+)\]', value)
                if not match:
                    return _word_leaf(value, words)
                text, tag = match.group(1), match.group(2).lower()
                if tag in ("tiab", "tw"):
                    return _word_leaf(text, words)
                if tag in ("ta", "journal", "jour"):
                    return _norm(text) == _norm(work.journal) or text.upper() in work.issns
                if tag == "au":
                    return all(p in _family_words(work) for p in words_of(text))
                if tag == "dp":
                    return text.startswith(str(work.year))
                return False

            def rng(a: str, b: str, work: Work = work) -> bool:
                lo = re.sub(r"[^0-9/]", "", a).replace("/", "-")
                hi = re.sub(r"[^0-9/]", "", b).replace("/", "-")
                return lo <= work.date <= hi

            hit, count = evaluate(node, leaf, rng)
            if hit:
                scored.append((count, work))
        scored.sort(key=lambda s: (-s[0], -int(s[1].pmid)))
        return [w for _, w in scored]

    def europepmc_search(self, query: str) -> list[Work]:
        exact = re.fullmatch(r'\s*DOI:"([^"]+)"\s*', query)
        if exact:
            found = self.by_doi.get(exact.group(1).lower())
            return [found] if found and found.in_europepmc else []
        ext = re.fullmatch(r"\s*EXT_ID:(\d+) AND SRC:MED\s*", query)
        if ext:
            found = self.by_pmid.get(ext.group(1))
            return [found] if found else []
        node = parse_boolean(query)
        scored = []
        for work in self.works:
            if not work.in_europepmc:
                continue
            words = _text_words(work) | _family_words(work)

            def leaf(value: str, work: Work = work, words: set[str] = words) -> bool:
                field_match = re.fullmatch(r'(\w+):"?([^"]*)"?', value)
                if field_match and field_match.group(1).isupper():
                    name, text = field_match.group(1), field_match.group(2)
                    if name == "JOURNAL":
                        return _norm(text) == _norm(work.journal)
                    if name == "AUTH":
                        return all(p in _family_words(work) for p in words_of(text))
                    if name == "PUB_YEAR":
                        years = re.findall(r"\d{4}", text)
                        return bool(years) and years[0] <= str(work.year) <= years[-1]
                    return False
                return _word_leaf(value, words)

            hit, count = evaluate(node, leaf, lambda a, b: True)
            if hit:
                scored.append((count, work))
        scored.sort(key=lambda s: (-s[0], s[1].doi))
        return [w for _, w in scored]

    def journal_search(self, query: str) -> list[Journal]:
        wanted = _norm(query)
        return [j for j in self.journals if wanted and any(wanted == _norm(n) for n in [j.name, *j.aliases])]


def _crossref_window(filters: str) -> tuple[str, str]:
    lo, hi = "0000", "9999"
    for part in filters.split(","):
        key, _, value = part.partition(":")
        if key == "from-pub-date":
            lo = value
        elif key == "until-pub-date":
            hi = value + "~"
    return lo, hi


def _openalex_window(filters: str) -> tuple[str, str]:
    lo, hi = "0000", "9999"
    for part in filters.split(","):
        key, _, value = part.partition(":")
        if key == "from_publication_date":
            lo = value
        elif key == "to_publication_date":
            hi = value + "~"
        elif key == "publication_year":
            years = value.split("-")
            lo, hi = years[0], years[-1] + "~"
    return lo, hi


class StandIn:
    """The HTTP server: one thread, loopback only, a path prefix per provider."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.requests: list[str] = []
        self._lock = threading.Lock()
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> StandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                params = {k: v[0] for k, v in parse_qs(parts.query).items()}
                with stand_in._lock:
                    stand_in.requests.append(parts.path)
                status, content_type, body = stand_in.answer(unquote(parts.path), params)
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler

    def answer(self, path: str, params: dict[str, str]) -> tuple[int, str, str]:
        c = self.corpus
        json_type = "application/json;charset=UTF-8"
        if path == "/crossref/works":
            rows = int(params.get("rows", "20"))
            found = c.crossref_search(params)
            items = [_crossref_item(w, s) for s, w in found[:rows]]
            message = {
                "total-results": len(found),
                "items-per-page": rows,
                "query": {"start-index": 0, "search-terms": params.get("query.bibliographic")},
                "items": items,
            }
            return 200, json_type, _crossref_envelope("work-list", message)
        if path.startswith("/crossref/works/"):
            work = c.by_doi.get(path.removeprefix("/crossref/works/").lower())
            if work is None:
                return 404, "text/plain", "Resource not found."
            return 200, json_type, _crossref_envelope("work", _crossref_item(work))
        if path == "/crossref/journals":
            items = [
                {
                    "title": j.name,
                    "publisher": "Stand-in Publishing",
                    "ISSN": j.issns,
                    "issn-type": [{"value": i, "type": "print"} for i in j.issns],
                }
                for j in c.journal_search(params.get("query", ""))
            ]
            return 200, json_type, _crossref_envelope("journal-list", {"items": items, "total-results": len(items)})
        if path == "/openalex/works":
            per_page = int(params.get("per-page", "25"))
            found = c.openalex_search(params)
            results = [_openalex_work(w, s) for s, w in found[:per_page]]
            meta = {
                "count": len(found),
                "db_response_time_ms": 12,
                "page": 1,
                "per_page": per_page,
                "groups_count": None,
            }
            return 200, json_type, json.dumps({"meta": meta, "results": results, "group_by": []})
        if path.startswith("/openalex/works/"):
            key = path.removeprefix("/openalex/works/")
            work = c.by_doi.get(key.removeprefix("doi:").lower()) if key.startswith("doi:") else None
            if key.startswith("pmid:"):
                work = c.by_pmid.get(key.removeprefix("pmid:"))
            if work is None:
                return 404, json_type, json.dumps({"error": "Not found", "message": f"{key} does not exist"})
            return 200, json_type, json.dumps(_openalex_work(work))
        if path == "/openalex/sources":
            results = [
                {
                    "id": f"https://openalex.org/S{n}",
                    "display_name": j.name,
                    "issn_l": j.issns[0] if j.issns else None,
                    "issn": j.issns or None,
                    "type": "repository" if j.repository else "journal",
                    "alternate_titles": j.aliases,
                    "abbreviated_title": None,
                }
                for n, j in enumerate(c.journal_search(params.get("search", "")))
            ]
            meta = {"count": len(results), "db_response_time_ms": 5, "page": 1, "per_page": 25, "groups_count": None}
            return 200, json_type, json.dumps({"meta": meta, "results": results, "group_by": []})
        if path == "/pubmed/esearch.fcgi":
            retmax = int(params.get("retmax", "20"))
            found = c.pubmed_search(params.get("term", ""))
            result: dict[str, Any] = {
                "count": str(len(found)),
                "retmax": str(min(retmax, len(found))),
                "retstart": "0",
                "idlist": [w.pmid for w in found[:retmax]],
                "translationset": [],
                "querytranslation": params.get("term", ""),
            }
            if not found:
                result["warninglist"] = {
                    "phrasesignored": [],
                    "quotedphrasesnotfound": [],
                    "outputmessages": ["No items found."],
                }
            return (
                200,
                "application/json; charset=UTF-8",
                json.dumps({"header": {"type": "esearch", "version": "0.3"}, "esearchresult": result}),
            )
        if path == "/pubmed/efetch.fcgi":
            ids = [i for i in params.get("id", "").split(",") if i]
            articles = "".join(_pubmed_article(c.by_pmid[i]) for i in ids if i in c.by_pmid)
            body = f'<?xml version="1.0" ?>\n<PubmedArticleSet>{articles}</PubmedArticleSet>'
            return 200, "text/xml; charset=UTF-8", body
        if path == "/europepmc/search":
            size = int(params.get("pageSize", "25"))
            found = c.europepmc_search(params.get("query", ""))
            body = {
                "version": "6.9",
                "hitCount": len(found),
                "request": {"queryString": params.get("query", ""), "resultType": "core", "pageSize": size},
                "resultList": {"result": [_europepmc_result(w) for w in found[:size]]},
            }
            return 200, "application/json", json.dumps(body)
        return 404, "text/plain", "Not found."


def _crossref_envelope(kind: str, message: dict[str, Any]) -> str:
    return json.dumps({"status": "ok", "message-type": kind, "message-version": "1.0.0", "message": message})
