"""Loading the demo content. Idempotent: a second run changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from claims.defaults import editor_permissions_ensure
from claims.models import Article, Claim, content_hash
from claims.services import article_create, claim_create, locate_quote
from factcheck.languages import ARTICLE_LANGUAGES, ENGLISH
from factcheck.text import normalise_newlines

DATA_DIR = Path(__file__).resolve().parent / "data"

DEMO_USERS = [
    # username, password, full name, group
    ("editor", "editor-demo-2026", "Elena Editor", "editor"),
    ("reviewer", "reviewer-demo-2026", "Rémi Reviewer", "reviewer"),
    ("reviewer2", "reviewer2-demo-2026", "Rosa Reviewer", "reviewer"),
]


@dataclass
class SeedResult:
    articles_created: int = 0
    claims_created: int = 0


def _split_title(text: str) -> tuple[str, str]:
    first, _, rest = text.partition("\n")
    return first.strip(), rest.lstrip("\n")


@transaction.atomic
def seeds_load() -> SeedResult:
    """Load every article under ``seeds/data`` with the claims an editor would pick, unassigned."""
    result = SeedResult()
    editor_permissions_ensure()
    for meta_path in sorted(DATA_DIR.glob("*.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        raw = (DATA_DIR / meta["file"]).read_text(encoding="utf-8")
        title, body = _split_title(raw)
        body = normalise_newlines(body)
        article = Article.objects.filter(content_hash=content_hash(body), origin=Article.Origin.SEED).first()
        if article is None:
            article = article_create(
                title=meta.get("title") or title,
                body=body,
                by=None,
                outlet=meta.get("outlet", ""),
                authors=meta.get("authors", ""),
                url=meta.get("url", ""),
                published_on=dt.date.fromisoformat(meta["published_on"]) if meta.get("published_on") else None,
                origin=Article.Origin.SEED,
            )
            language = meta.get("language") or ENGLISH
            if language not in dict(ARTICLE_LANGUAGES):
                raise ValueError(f"Seed language unknown in {meta['file']}: {language!r}")
            if article.language != language:
                article.language = language
                article.save(update_fields=["language"])
            result.articles_created += 1
        for spec in meta.get("claims", []):
            span = locate_quote(article.body, spec["quote"])
            if span is None:
                raise ValueError(f"Seed quote not found in {meta['file']}: {spec['quote'][:60]}")
            if Claim.objects.filter(article=article, span_start=span[0], span_end=span[1]).exists():
                continue
            claim_create(
                article=article,
                span_start=span[0],
                span_end=span[1],
                by=None,
                text=spec.get("text", ""),
                claimant=spec.get("claimant", ""),
                search_sources=False,
            )
            result.claims_created += 1
    return result


@transaction.atomic
def demo_users_ensure() -> list[tuple[str, str, str]]:
    """Create (or reset) the demo accounts; returns (username, password, role)."""
    User = get_user_model()
    created = []
    for username, password, full_name, group in DEMO_USERS:
        first, _, last = full_name.partition(" ")
        user, _ = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"}
        )
        if not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=group))
        if group == "editor" and not user.is_staff:
            # Editors may open the admin to inspect anything (read-only but for the rating scale).
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        created.append((username, password, group))
    return created
