"""The one list of providers. Labels, the merge order, which providers run, the panel's order and the
integrity re-check all derive from it.

A provider is a module with ``NAME``, ``LABEL``, ``search(q)``, ``by_doi(doi)`` and ``by_pmid(pmid)``
(see ``sources/providers/``); :mod:`sources.providers` registers the built-in ones. This module
imports no provider, so the HTTP layer the providers use can ask it for labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy

MANUAL = "manual"
MANUAL_LABEL = gettext_lazy("an editor")


@dataclass(frozen=True)
class ProviderInfo:
    """One outside database of candidate sources."""

    module: Any
    # Lower wins when records of one work from several providers merge (and comes first in the panel).
    precedence: int
    # The same for the abstract: full structured abstracts beat short ones. Defaults to ``precedence``.
    abstract_precedence: int | None = None
    # A database of publications (looked up by DOI and PMID); False for earlier fact-checks.
    bibliographic: bool = True
    # Its records say whether a work was retracted or corrected: the daily re-check asks it.
    checks_integrity: bool = False
    # A setting that must be set (an API key) for the provider to be used at all.
    key_setting: str = ""

    @property
    def name(self) -> str:
        return str(self.module.NAME)

    @property
    def label(self) -> str:
        return str(self.module.LABEL)

    @property
    def enabled(self) -> bool:
        return not self.key_setting or bool(getattr(settings, self.key_setting, ""))


_providers: dict[str, ProviderInfo] = {}


def register(info: ProviderInfo) -> None:
    """Add (or replace) a provider."""
    _providers[info.name] = info


def unregister(name: str) -> None:
    _providers.pop(name, None)


def get(name: str) -> ProviderInfo:
    return _providers[name]


def providers() -> list[ProviderInfo]:
    """Every registered provider, in precedence order."""
    return sorted(_providers.values(), key=lambda p: (p.precedence, p.name))


def enabled() -> list[ProviderInfo]:
    """The providers a search asks: registered, with their key when they need one."""
    return [p for p in providers() if p.enabled]


def bibliographic() -> list[ProviderInfo]:
    """The enabled providers that know publications by DOI and PMID."""
    return [p for p in enabled() if p.bibliographic]


def label(name: str) -> str:
    """How people read a provider's name ("Europe PMC"); "an editor" for a source added by hand."""
    if name == MANUAL:
        return str(MANUAL_LABEL)
    info = _providers.get(name)
    return info.label if info else name


def precedence(name: str) -> tuple[int, str]:
    """Sort key of a provider when its records merge; sources added by hand come last."""
    info = _providers.get(name)
    return (info.precedence if info else 10_000, name)


def abstract_precedence(name: str) -> tuple[int, str]:
    info = _providers.get(name)
    if info is None:
        return (10_000, name)
    return (info.precedence if info.abstract_precedence is None else info.abstract_precedence, name)
