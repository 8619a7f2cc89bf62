"""Helpers every provider parser shares: defensive readers that turn any bad input into ParseError."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from lxml import etree

from sources.types import ParseError, ProviderError

P = ParamSpec("P")
T = TypeVar("T")

# No network, no entities, no DTDs: provider XML is data, never instructions.
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parser(provider: str) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Make a parser raise nothing but :class:`ParseError` whatever the input."""

    def decorate(func: Callable[P, T]) -> Callable[P, T]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
            try:
                return func(*args, **kwargs)
            except ProviderError:
                raise
            except Exception as exc:  # any surprise in untrusted input is a parse error
                raise ParseError(f"{provider} sent an answer we could not read ({type(exc).__name__}).") from exc

        return wrapper

    return decorate


def load_json(provider: str, text: str | bytes) -> Any:
    try:
        return json.loads(text)
    except (ValueError, TypeError, RecursionError) as exc:
        raise ParseError(f"{provider} sent something that is not valid JSON.") from exc


def load_xml(provider: str, text: str | bytes, root: str) -> etree._Element:
    data = text.encode("utf-8") if isinstance(text, str) else text
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
