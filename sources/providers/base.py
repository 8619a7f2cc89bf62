"""Helpers every provider parser shares: defensive readers that turn any bad input into ParseError."""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar, cast

from lxml import etree

from sources.types import ParseError, ProviderError, Work

P = ParamSpec("P")
T = TypeVar("T")

# No network, no entities, no DTDs: provider XML is data, never instructions.
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


# -- Text that can be stored ------------------------------------------------------------------------
#
# PostgreSQL stores no NUL, in text or in JSON, and a lone surrogate cannot be encoded at all: one such
# character in one record used to fail the save of a whole search. Control characters (other than
# tab and line breaks) are invisible garbage in a bibliographic record. All of it is stripped here,
# where records are read, for every provider at once.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# XML cannot even carry them: a raw one, or a reference such as "&#0;", makes the whole answer unreadable.
_XML_CONTROL_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));")
# Stored lengths: beyond these a field is not a title or an abstract but an attack or an accident.
TEXT_LIMITS = {
    "title": 2000,
    "abstract": 20_000,
    "journal": 500,
    "claim_text": 5000,
    "publisher": 300,
    "textual_rating": 500,
    "url": 2000,
    "doi": 255,
    "pmid": 20,
    "pmcid": 20,
    "provider_id": 500,
    "volume": 40,
    "issue": 40,
    "pages": 60,
    "work_type": 40,
    "published_on": 10,
    "review_date": 40,
}
MAX_AUTHORS = 200
MAX_AUTHOR_LENGTH = 300
MAX_UPDATES = 50


def clean_text(text: str) -> str:
    """``text`` without NUL, control characters (tab and line breaks stay) or lone surrogates."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def clean(value: Any) -> Any:
    """Every string inside ``value`` (strings, lists, dicts, a :class:`Work`) cleaned by :func:`clean_text`."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Work):
        return clean_work(value)
    if isinstance(value, list):
        return [clean(item) for item in value]
    if isinstance(value, tuple):
        return tuple(clean(item) for item in value)
    if isinstance(value, dict):
        return {clean(key): clean(item) for key, item in value.items()}
    return value


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[-200:] else cut).rstrip() + "…"


def clean_work(work: Work) -> Work:
    """A copy of ``work`` that can always be stored: clean text, every field within its length."""
    values = {f.name: clean(getattr(work, f.name)) for f in dataclasses.fields(work)}
    for name, limit in TEXT_LIMITS.items():
        if isinstance(values.get(name), str):
            values[name] = _shorten(values[name], limit)
    values["authors"] = [
        _shorten(a, MAX_AUTHOR_LENGTH) for a in values["authors"][:MAX_AUTHORS] if isinstance(a, str) and a.strip()
    ]
    values["issn"] = [i[:20] for i in values["issn"][:10] if isinstance(i, str)]
    values["updates"] = [
        {str(k)[:40]: _shorten(str(v), 500) for k, v in u.items()} for u in values["updates"][:MAX_UPDATES]
    ]
    return Work(**values)


_XML_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_XML_CONTROL_REFERENCE_BYTES = re.compile(rb"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));")


def _reference_kept(hexadecimal: str | bytes | None, decimal: str | bytes | None) -> bool:
    code = int(hexadecimal, 16) if hexadecimal else int(decimal or 0)
    allowed = code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF
    return allowed and not 0x7F <= code <= 0x9F


def _without_xml_controls(text: str | bytes) -> bytes:
    """XML as bytes without the characters XML forbids. Bytes keep their own encoding declaration:
    the bytes removed never occur inside a UTF-8 or single-byte character."""
    if isinstance(text, bytes):
        text = _XML_CONTROL_BYTES.sub(b"", text)
        return _XML_CONTROL_REFERENCE_BYTES.sub(
            lambda m: m.group(0) if _reference_kept(m.group(1), m.group(2)) else b"", text
        )
    text = _XML_CONTROL_REFERENCE.sub(
        lambda m: m.group(0) if _reference_kept(m.group(1), m.group(2)) else "", clean_text(text)
    )
    return text.encode("utf-8")


def parser(provider: str) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Make a parser raise nothing but :class:`ParseError` whatever the input, and give back only
    text that can be stored (:func:`clean`)."""

    def decorate(func: Callable[P, T]) -> Callable[P, T]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
            try:
                return cast(T, clean(func(*args, **kwargs)))
            except ProviderError:
                raise
            except Exception as exc:  # any surprise in untrusted input is a parse error
                raise ParseError(f"{provider} sent an answer we could not read ({type(exc).__name__}).") from exc

        return wrapper

    return decorate


def load_json(provider: str, text: str | bytes) -> Any:
    """Parsed JSON, every string in it already cleaned (``"\\u0000"`` included)."""
    try:
        return clean(json.loads(text))
    except (ValueError, TypeError, RecursionError) as exc:
        raise ParseError(f"{provider} sent something that is not valid JSON.") from exc


def load_xml(provider: str, text: str | bytes, root: str) -> etree._Element:
    """Parsed XML; control characters and references to them are dropped first, as XML forbids them."""
    data = _without_xml_controls(text)
    try:
        element = etree.fromstring(data, XML_PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"{provider} sent something that is not valid XML.") from exc
    if element is None or element.tag != root:
        raise ParseError(f"{provider} sent XML without the expected <{root}> element.")
    return element


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def as_str(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def first_str(value: Any) -> str:
    for item in as_list(value):
        text = as_str(item)
        if text:
            return text
    return ""


def first_item(value: Any) -> Any:
    items = as_list(value)
    return items[0] if items else None


def as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value < 10_000 else None
    if isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
        number = int(value.strip())
        return number if 0 < number < 10_000 else None
    return None


def date_parts(value: Any) -> tuple[int | None, str]:
    """Crossref ``{"date-parts": [[2022, 9, 28]]}`` -> (2022, "2022-09-28")."""
    parts = as_list(as_dict(value).get("date-parts"))
    first = as_list(parts[0]) if parts else []
    numbers = [as_int(p) for p in first[:3]]
    if not numbers or numbers[0] is None:
        return None, ""
    year = numbers[0]
    iso = f"{year:04d}"
    if len(numbers) > 1 and numbers[1] and 1 <= numbers[1] <= 12:
        iso += f"-{numbers[1]:02d}"
        if len(numbers) > 2 and numbers[2] and 1 <= numbers[2] <= 31:
            iso += f"-{numbers[2]:02d}"
    return year, iso


UPDATE_KINDS = {
    "retraction": "retraction",
    "retration": "retraction",
    "partial_retraction": "retraction",
    "withdrawal": "retraction",
    "removal": "retraction",
    "correction": "correction",
    "erratum": "correction",
    "corrigendum": "correction",
    "expression_of_concern": "expression_of_concern",
    "expression-of-concern": "expression_of_concern",
}


def apply_updates(work: Any, updates: list[dict[str, str]]) -> None:
    """Set the integrity flags of ``work`` from notices, keeping one entry per (notice, kind)."""
    seen: set[tuple[str, str]] = set()
    for update in updates:
        kind = UPDATE_KINDS.get(update.get("type", "").lower().replace(" ", "_"), "")
        if not kind:
            continue
        marker = (update.get("notice_doi", ""), kind)
        if marker in seen:
            continue
        seen.add(marker)
        work.updates.append({**update, "type": kind})
        if kind == "retraction":
            work.is_retracted = True
        elif kind == "correction":
            work.has_correction = True
        else:
            work.has_expression_of_concern = True


def earliest(*dates: str) -> str:
    """The earliest full ISO date among ``dates``, else the most precise partial one."""
    full = [d for d in dates if len(d) == 10]
    if full:
        return min(full)
    return max(dates, key=len, default="")
