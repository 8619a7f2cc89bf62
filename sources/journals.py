"""Journals and preprint servers as journalists name them, resolved to a journal with its ISSNs.

A kept table covers the journals news stories cite most, under their full names, abbreviations and
short forms ("NEJM", "the Journal of the American Medical Association", "The BMJ"). A name the
table does not know is looked up through the providers' own journal indexes (OpenAlex sources,
Crossref journals); the answers go through the shared response cache, so a name is asked about
once. Nothing here is a hard filter on its own: a journal narrows the first search pass only, and
the broader second pass drops it.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from sources import normalize, ratelimit
from sources.http import fetch, interactive
from sources.providers.base import as_dict, as_list, as_str, load_json
from sources.types import ProviderError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Journal:
    """A journal (or preprint server) and the names it goes by."""

    name: str
    issns: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    preprint_server: bool = False
    # Indexed by PubMed and Europe PMC: biomedicine and the life sciences.
    biomedical: bool = True
    source: str = "table"  # "table", "openalex" or "crossref"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "issns": list(self.issns),
            "preprint_server": self.preprint_server,
            "biomedical": self.biomedical,
            "source": self.source,
        }


def _j(name: str, issns: str = "", aliases: str = "", *, preprint: bool = False, bio: bool = True) -> Journal:
    return Journal(
        name=name,
        issns=tuple(i for i in issns.split() if i),
        aliases=tuple(a.strip() for a in aliases.split("|") if a.strip()),
        preprint_server=preprint,
        biomedical=bio,
    )


# The journals and servers news stories cite most. Aliases are matched whole, case-insensitively,
# except the all-capital abbreviations, which must be written as such ("Science" the journal,
# not "science" the word; "Cell" likewise).
TABLE: tuple[Journal, ...] = (
    _j("JAMA", "0098-7484 1538-3598", "Journal of the American Medical Association|J Am Med Assoc"),
    _j("JAMA Psychiatry", "2168-622X 2168-6238", "JAMA Psych"),
    _j("JAMA Network Open", "2574-3805", "JAMA Netw Open"),
    _j("JAMA Internal Medicine", "2168-6106 2168-6114", "JAMA Intern Med"),
    _j("JAMA Pediatrics", "2168-6203 2168-6211", "JAMA Pediatr"),
    _j("JAMA Oncology", "2374-2437 2374-2445", "JAMA Oncol"),
    _j("JAMA Neurology", "2168-6149 2168-6157", "JAMA Neurol"),
    _j("JAMA Cardiology", "2380-6583 2380-6591", "JAMA Cardiol"),
    _j("New England Journal of Medicine", "0028-4793 1533-4406", "NEJM|N Engl J Med|New England Journal"),
    _j("The Lancet", "0140-6736 1474-547X", "Lancet"),
    _j("The Lancet Psychiatry", "2215-0366 2215-0374", "Lancet Psychiatry"),
    _j("The Lancet Oncology", "1470-2045 1474-5488", "Lancet Oncology|Lancet Oncol"),
    _j("The Lancet Infectious Diseases", "1473-3099 1474-4457", "Lancet Infectious Diseases|Lancet Infect Dis"),
    _j("The Lancet Public Health", "2468-2667", "Lancet Public Health"),
    _j("The Lancet Neurology", "1474-4422 1474-4465", "Lancet Neurology|Lancet Neurol"),
    _j("The Lancet Global Health", "2214-109X", "Lancet Global Health|Lancet Glob Health"),
    _j("The Lancet Digital Health", "2589-7500", "Lancet Digital Health"),
    _j("The BMJ", "0959-8138 1756-1833", "BMJ|British Medical Journal"),
    _j("BMJ Open", "2044-6055"),
    _j("Nature", "0028-0836 1476-4687", bio=False),
    _j("Nature Medicine", "1078-8956 1546-170X", "Nat Med"),
    _j("Nature Neuroscience", "1097-6256 1546-1726", "Nat Neurosci"),
    _j("Nature Communications", "2041-1723", "Nat Commun", bio=False),
    _j("Nature Climate Change", "1758-678X 1758-6798", "Nat Clim Chang", bio=False),
    _j("Nature Human Behaviour", "2397-3374", "Nature Human Behavior|Nat Hum Behav", bio=False),
    _j("Nature Physics", "1745-2473 1745-2481", "Nat Phys", bio=False),
    _j("Nature Genetics", "1061-4036 1546-1718", "Nat Genet"),
    _j("Science", "0036-8075 1095-9203", bio=False),
    _j("Science Advances", "2375-2548", "Sci Adv", bio=False),
    _j("Cell", "0092-8674 1097-4172"),
    _j("Neuron", "0896-6273 1097-4199"),
    _j(
        "Proceedings of the National Academy of Sciences",
        "0027-8424 1091-6490",
        "PNAS|Proc Natl Acad Sci USA|Proceedings of the National Academy of Sciences of the United States of America",
        bio=False,
    ),
    _j("PLOS ONE", "1932-6203", "PLoS One|PLoS ONE"),
    _j("PLOS Medicine", "1549-1277 1549-1676", "PLoS Medicine|PLoS Med"),
    _j("American Journal of Psychiatry", "0002-953X 1535-7228", "Am J Psychiatry"),
    _j("Biological Psychiatry", "0006-3223 1873-2402", "Biol Psychiatry"),
    _j("Molecular Psychiatry", "1359-4184 1476-5578", "Mol Psychiatry"),
    _j("eLife", "2050-084X"),
    _j("Scientific Reports", "2045-2322", "Sci Rep", bio=False),
    _j("Annals of Internal Medicine", "0003-4819 1539-3704", "Ann Intern Med"),
    _j("Circulation", "0009-7322 1524-4539"),
    _j("European Heart Journal", "0195-668X 1522-9645", "Eur Heart J"),
    _j("Journal of the American College of Cardiology", "0735-1097 1558-3597", "JACC|J Am Coll Cardiol"),
    _j("Diabetes Care", "0149-5992 1935-5548"),
    _j("Pediatrics", "0031-4005 1098-4275"),
    _j("Gut", "0017-5749 1468-3288"),
    _j("Cephalalgia", "0333-1024 1468-2982"),
    _j("Cochrane Database of Systematic Reviews", "1465-1858 1469-493X", "Cochrane Database Syst Rev|Cochrane Library"),
    _j("Psychological Science", "0956-7976 1467-9280", "Psychol Sci", bio=False),
    _j("Journal of Personality and Social Psychology", "0022-3514 1939-1315", "J Pers Soc Psychol|JPSP", bio=False),
    _j("American Economic Review", "0002-8282 1944-7981", "AER|Am Econ Rev", bio=False),
    _j("The Quarterly Journal of Economics", "0033-5533 1531-4650", "Quarterly Journal of Economics|QJE", bio=False),
    _j("Econometrica", "0012-9682 1468-0262", bio=False),
    _j("Journal of Political Economy", "0022-3808 1537-534X", "J Polit Econ|JPE", bio=False),
    _j("Physical Review Letters", "0031-9007 1079-7114", "PRL|Phys Rev Lett", bio=False),
    _j("Geophysical Research Letters", "0094-8276 1944-8007", "Geophys Res Lett|GRL", bio=False),
    # Preprint servers: what they post has not been peer-reviewed.
    _j("medRxiv", "", "MedRxiv", preprint=True),
    _j("bioRxiv", "", "BioRxiv", preprint=True),
    _j("arXiv", "", "ArXiv", preprint=True, bio=False),
    _j("SSRN", "1556-5068", "Social Science Research Network|SSRN Electronic Journal", preprint=True, bio=False),
    _j("Research Square", "", "", preprint=True),
    _j("PsyArXiv", "", "", preprint=True, bio=False),
    _j("SocArXiv", "", "", preprint=True, bio=False),
    _j("ChemRxiv", "", "", preprint=True, bio=False),
    _j("EarthArXiv", "", "", preprint=True, bio=False),
    _j("Preprints.org", "", "", preprint=True, bio=False),
    _j("OSF Preprints", "", "", preprint=True, bio=False),
)

# News outlets are where a story was reported, never the journal of a study ("first reported in
# The Guardian"). The article's own outlet is added to these at extraction time.
NEWS_OUTLET_NAMES = (
        "The Guardian", "Guardian", "The Observer", "The New York Times", "New York Times", "The Washington Post",
        "Washington Post", "The Times", "The Sunday Times", "The Telegraph", "Daily Telegraph", "Daily Mail",
        "The Independent", "Financial Times", "The Economist", "Wall Street Journal", "The Wall Street Journal",
        "USA Today", "Los Angeles Times", "Le Monde", "Le Figaro", "Libération", "Liberation", "Der Spiegel",
        "El País", "BBC", "BBC News", "CNN", "Reuters", "Associated Press", "AP", "AFP", "Bloomberg", "NPR",
        "The Atlantic", "New Scientist", "Scientific American", "Wired", "Vox", "Politico", "Axios",
        "The Conversation", "STAT", "STAT News", "Newsweek", "Time", "Forbes", "HuffPost", "BuzzFeed News",
)  # fmt: skip
NEWS_OUTLETS = frozenset(normalize.title_key(n) for n in NEWS_OUTLET_NAMES)

PREPRINT_DOI_PREFIXES = {
    "10.1101/": "bioRxiv or medRxiv",
    "10.48550/": "arXiv",
    "10.2139/": "SSRN",
    "10.21203/": "Research Square",
    "10.31234/": "PsyArXiv",
    "10.31235/": "SocArXiv",
    "10.26434/": "ChemRxiv",
    "10.31223/": "EarthArXiv",
    "10.20944/": "Preprints.org",
    "10.31219/": "OSF Preprints",
}


def _key(name: str) -> str:
    return normalize.title_key(name).removeprefix("the ").replace(" & ", " and ").strip()


_BY_KEY: dict[str, Journal] = {}
for _journal in TABLE:
    for _name in (_journal.name, *_journal.aliases):
        _BY_KEY.setdefault(_key(_name), _journal)
_BY_ISSN: dict[str, Journal] = {issn: j for j in TABLE for issn in j.issns}


def _case_sensitive(name: str) -> bool:
    """Names that are also common words or abbreviations must be written as the journal writes them."""
    return len(name.split()) == 1 and (name.isupper() or name in {"Science", "Cell", "Nature", "Neuron", "Gut"})


def _alias_patterns() -> list[tuple[re.Pattern[str], Journal, str]]:
    entries = []
    for journal in TABLE:
        for name in (journal.name, *journal.aliases):
            body = re.escape(name.removeprefix("The ")).replace(r"\ ", r"\s+")
            flags = 0 if _case_sensitive(name) else re.IGNORECASE
            # "the BMJ", "The Lancet": an optional leading article; never inside a longer word.
            pattern = re.compile(rf"(?<![\w-])(?:[Tt]he\s+)?{body}(?![\w-])", flags)
            entries.append((pattern, journal, name))
    # Longest names first: "JAMA Psychiatry" before "JAMA", "Nature Medicine" before "Nature".
    entries.sort(key=lambda e: -len(e[2]))
    return entries


ALIASES = _alias_patterns()


def known(name: str) -> Journal | None:
    """The journal of the table called ``name`` (any of its names, any case), else None."""
    return _BY_KEY.get(_key(name))


def by_issn(issns: list[str]) -> Journal | None:
    for issn in issns:
        found = _BY_ISSN.get(issn.upper())
        if found:
            return found
    return None


def in_text(text: str) -> list[tuple[int, Journal, str]]:
    """Every journal of the table named in ``text``: (position, journal, the words used), in text order."""
    return list(_in_text(text))


@functools.lru_cache(maxsize=512)
def _in_text(text: str) -> tuple[tuple[int, Journal, str], ...]:
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Journal, str]] = []
    for pattern, journal, _name in ALIASES:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            # "Science" at the start of a sentence is the word; "Nature" likewise.
            if _case_sensitive(_name) and not _name.isupper() and _sentence_start(text, start):
                continue
            taken.append((start, end))
            found.append((start, journal, match.group(0)))
    found.sort(key=lambda f: f[0])
    return tuple(found)


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?\n“\"'"


def is_news_outlet(name: str, extra: tuple[str, ...] = ()) -> bool:
    key = normalize.title_key(name)
    return (
        key in NEWS_OUTLETS
        or key.removeprefix("the ") in NEWS_OUTLETS
        or key in {normalize.title_key(e) for e in extra}
    )


def preprint_server_of_doi(doi: str) -> str:
    for prefix, server in PREPRINT_DOI_PREFIXES.items():
        if doi.startswith(prefix):
            return server
    return ""


# ---------------------------------------------------------------------------------------------
# Look-ups through the providers' journal indexes


def _names_match(wanted: str, names: list[str]) -> bool:
    key = _key(wanted)
    return bool(key) and any(_key(n) == key for n in names if n)


def parse_openalex_sources(text: str | bytes, wanted: str) -> Journal | None:
    """The first OpenAlex source whose name, alternate title or abbreviation is ``wanted``."""
    data = as_dict(load_json("OpenAlex", text))
    for item in as_list(data.get("results")):
        item = as_dict(item)
        names = [as_str(item.get("display_name")), as_str(item.get("abbreviated_title"))]
        names += [as_str(n) for n in as_list(item.get("alternate_titles"))]
        if not _names_match(wanted, names):
            continue
        issns = [as_str(i).upper() for i in as_list(item.get("issn")) if as_str(i)]
        if not issns and as_str(item.get("issn_l")):
            issns = [as_str(item.get("issn_l")).upper()]
        return Journal(
            name=as_str(item.get("display_name")) or wanted,
            issns=tuple(issns),
            preprint_server=as_str(item.get("type")) == "repository",
            biomedical=False,
            source="openalex",
        )
    return None


def parse_crossref_journals(text: str | bytes, wanted: str) -> Journal | None:
    """The first Crossref journal titled ``wanted``."""
    data = as_dict(load_json("Crossref", text))
    if data.get("status") != "ok":
        return None
    for item in as_list(as_dict(data.get("message")).get("items")):
        item = as_dict(item)
        if not _names_match(wanted, [as_str(item.get("title"))]):
            continue
        issns = [as_str(i).upper() for i in as_list(item.get("ISSN")) if as_str(i)]
        return Journal(
            name=as_str(item.get("title")) or wanted, issns=tuple(issns), biomedical=False, source="crossref"
        )
    return None


def look_up(name: str) -> Journal | None:
    """A journal the table does not know, from OpenAlex sources, then Crossref journals; None if neither knows it.

    Both answers are cached like any provider response; a provider that fails is skipped.
    """
    name = " ".join(name.split())[:200]
    if not name:
        return None
    attempts: list[tuple[str, str, dict[str, Any], Any]] = [
        (
            "openalex",
            f"{settings.OPENALEX_API_URL}/sources",
            {"search": name, "per-page": 5, "api_key": settings.OPENALEX_API_KEY},
            parse_openalex_sources,
        ),
        (
            "crossref",
            f"{settings.CROSSREF_API_URL}/journals",
            {"query": name, "rows": 5, "mailto": settings.SOURCES_CONTACT_EMAIL},
            parse_crossref_journals,
        ),
    ]
    for provider, url, params, parse in attempts:
        # A look-up only sharpens the cues: one try, and none at all at a provider that is resting.
        if ratelimit.provider_resting(provider) is not None:
            continue
        try:
            with interactive():
                answer = fetch(provider, url, params, kind="single")
            if answer.status != 200:
                continue
            found = parse(answer.text, name)
        except ProviderError as exc:
            logger.info("Journal look-up of %r at %s failed: %s", name, provider, exc)
            continue
        if found:
            return found
    return None


def resolve(name: str, *, lookups: bool = True) -> Journal | None:
    """The journal called ``name``: from the kept table, else (``lookups``) from the providers' indexes."""
    return known(name) or (look_up(name) if lookups else None)
