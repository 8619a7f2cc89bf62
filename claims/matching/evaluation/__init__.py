"""How well "checked before?" finds the same claim: precision and recall of its top-3 suggestions.

``pairs.json`` holds 30 pairs of claims that say the same thing in other words (numbers written
differently, names shortened, active and passive, other words for the same thing) and 30 pairs that
share words but say something else (another number, the opposite direction, another name, a negation).

Two runs, each in its own newsroom (the claims are written to the database, in a transaction the
caller rolls back):

- **same**: the 30 earlier claims are the newsroom's; each new wording asks "checked before?". A
  suggestion of its own earlier claim is right; any other suggestion is wrong.
- **different**: the 30 earlier claims of the other set are the newsroom's; every suggestion made
  for their look-alikes is wrong.

Precision = right suggestions / all suggestions (top 3 per claim, confident only); recall = same
claims whose earlier claim was suggested / 30.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claims.matching import services, similarity
from claims.models import Article, Claim

PAIRS = Path(__file__).resolve().parent / "pairs.json"
# A second set, written after the scoring was tuned on PAIRS (see its "about" for how it was used since).
HOLDOUT = Path(__file__).resolve().parent / "holdout.json"
# French claims in French articles: matched with French stemming.
FRENCH = Path(__file__).resolve().parent / "french.json"
TOP = 3


@dataclass
class Miss:
    kind: str  # "missed" (the same claim was not suggested) or "wrong" (a suggestion that is not the same)
    claim: str
    other: str
    score: float
    features: dict[str, Any]


@dataclass
class Report:
    same_pairs: int
    different_pairs: int
    found: int = 0
    suggestions: int = 0
    right: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.suggestions if self.suggestions else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.same_pairs if self.same_pairs else 0.0


def pairs(path: Path = PAIRS) -> dict[str, list[list[str]]]:
    return json.loads(path.read_text(encoding="utf-8"))


def _claim(article: Article, text: str) -> Claim:
    # Written as a factory would, without the hooks: the evaluation asks the finder directly.
    body = article.body
    start = body.index(text)
    return Claim.objects.create(article=article, text=text, quote=text, span_start=start, span_end=start + len(text))


def _newsroom(
    label: str, earlier: list[str], later: list[str], language: str = "en"
) -> tuple[list[Claim], list[Claim]]:
    """Each earlier claim in an article of its own, and each later one in another article."""

    def article(name: str, body: str) -> Article:
        return Article.objects.create(title=name, body=body, language=language)

    first = [_claim(article(f"{label} earlier {i}", t), t) for i, t in enumerate(earlier)]
    second = [_claim(article(f"{label} later {i}", t), t) for i, t in enumerate(later)]
    return first, second


def _clear(claims: list[Claim]) -> None:
    article_ids = {c.article_id for c in claims}
    Claim.objects.filter(pk__in=[c.pk for c in claims]).delete()
    Article.objects.filter(pk__in=article_ids).delete()


def _ranked(claim: Claim, among: list[int]) -> list[Any]:
    return services.similar_to(claim, among=among)


def _suggested(ranked: list[Any]) -> list[Any]:
    return [c for c in ranked if c.score >= similarity.CONFIDENT][:TOP]


def evaluate(path: Path = PAIRS) -> Report:
    """Run both evaluations against the database; the caller rolls the transaction back."""
    data = pairs(path)
    report = Report(same_pairs=len(data["same"]), different_pairs=len(data["different"]))
    earlier, later = _newsroom(
        "same", [p[0] for p in data["same"]], [p[1] for p in data["same"]], data.get("language", "en")
    )
    texts = {c.pk: c.text for c in earlier + later}
    for original, new in zip(earlier, later, strict=True):
        ranked = _ranked(new, list(texts))
        suggested = _suggested(ranked)
        report.suggestions += len(suggested)
        hit = [s for s in suggested if s.claim_id == original.pk]
        if hit:
            report.found += 1
            report.right += 1
        else:
            partner = next((c for c in ranked if c.claim_id == original.pk), None)
            report.misses.append(
                Miss(
                    "missed",
                    new.text,
                    original.text,
                    partner.score if partner else 0.0,
                    partner.features if partner else {"first_pass": "not found"},
                )
            )
        for s in suggested:
            if s.claim_id != original.pk:
                report.misses.append(Miss("wrong", new.text, texts.get(s.claim_id, "?"), s.score, s.features))
    _clear(earlier + later)
    earlier, later = _newsroom(
        "different", [p[0] for p in data["different"]], [p[1] for p in data["different"]], data.get("language", "en")
    )
    texts = {c.pk: c.text for c in earlier + later}
    for new in later:
        suggested = _suggested(_ranked(new, list(texts)))
        report.suggestions += len(suggested)
        for s in suggested:
            report.misses.append(Miss("wrong", new.text, texts.get(s.claim_id, "?"), s.score, s.features))
    _clear(earlier + later)
    return report
