"""The search box: one query over every kind of text, ranked, with highlighted snippets, in two queries.

1. The words of the query are cleaned (no NUL, at most :data:`MAX_WORDS` words of :data:`MAX_CHARS`
   characters). Each word the vocabulary does not know is looked up by trigram similarity among the
   words it does know ("ketamne" -> "ketamine", "Schmit" -> "schmidt"), in one query.
2. One query reads each kind's matches (capped at ``SEARCH_RANK_LIMIT``, so a very common word costs
   no more than a rare one), ranks them (``ts_rank_cd``), keeps the best of each kind and cuts the
   snippets (``ts_headline``) for those alone.

What a user may open bounds what they find: editors search everything; a reviewer searches only the
claims assigned to them (and their verdicts, comments and evidence), never articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from claims import permissions
from claims.models import ClaimStatus
from claims.search.models import Document
from factcheck import languages

MAX_CHARS = 200
MAX_WORDS = 8
PER_KIND = 10
# A misspelt word is replaced by known words this similar (pg_trgm's similarity(), 0..1) or more.
TYPO_SIMILARITY = 0.4
TYPO_ALTERNATIVES = 3
_WORD = re.compile(r"\w+", re.UNICODE)
# Markers ts_headline puts around a match; removed from the text first, so only ts_headline adds them.
_START, _STOP = "\x02", "\x03"
KINDS = [kind for kind, _label in Document.Kind.choices]


@dataclass
class Hit:
    kind: str
    object_id: int
    article_id: int
    claim_id: int | None
    title: SafeString
    snippet: SafeString
    rank: float
    article_title: str
    article_outlet: str
    claim_number: int | None
    claim_status: str

    @property
    def url(self) -> str:
        if self.kind == Document.Kind.ARTICLE:
            return reverse("claims:article", args=[self.article_id])
        base = reverse("claims:claim", args=[self.claim_id])
        anchors = {"verdict": "#verdict", "comment": f"#comment-{self.object_id}", "evidence": "#evidence"}
        return base + anchors.get(self.kind, "")

    @property
    def claim_label(self) -> str:
        return _("Claim %(number)s") % {"number": self.claim_number} if self.claim_number else ""

    @property
    def status_label(self) -> str:
        return ClaimStatus(self.claim_status).label if self.claim_status in ClaimStatus.values else ""


@dataclass
class Group:
    kind: str
    label: str
    hits: list[Hit]
    total: int
    capped: bool


@dataclass
class Results:
    query: str
    message: str = ""
    notes: list[str] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    corrections: dict[str, list[str]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(group.total for group in self.groups)


def query_words(raw: str) -> tuple[list[str], list[str]]:
    """The words to search for and the notes to show about what was left out."""
    notes = []
    text = raw.replace("\x00", " ")
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        notes.append(_("Only the first %(count)s characters were searched.") % {"count": MAX_CHARS})
    words = list(dict.fromkeys(w.lower() for w in _WORD.findall(text) if w.strip("_")))
    if len(words) > MAX_WORDS:
        words = words[:MAX_WORDS]
        notes.append(_("Only the first %(count)s words were searched.") % {"count": MAX_WORDS})
    return words, notes


def _highlight(text: str) -> SafeString:
    """Escape everything, then turn ts_headline's markers into <mark>: no stored text can add markup."""
    escaped = str(escape(text))
    return mark_safe(escaped.replace(_START, "<mark>").replace(_STOP, "</mark>"))


_TYPOS_SQL = """
WITH q AS (
    SELECT t.qword AS word, search_trigrams(t.qword) AS trigrams, search_trigram_query(t.qword) AS query
    FROM unnest(%s::text[]) AS t(qword)
    WHERE length(t.qword) >= 4 AND t.qword ~ '[^0-9]'
      AND NOT EXISTS (SELECT 1 FROM search_word k WHERE k.word = t.qword)
)
SELECT q.word, s.word
FROM q
CROSS JOIN LATERAL (
    SELECT w.word, search_trigram_similarity(w.trigrams, q.trigrams) AS similarity
    FROM search_word w
    WHERE w.trigrams @@ q.query AND length(w.word) BETWEEN length(q.word) - 2 AND length(q.word) + 2
    ORDER BY similarity DESC, w.word
    LIMIT %s
) AS s
WHERE s.similarity >= %s
"""


def corrections(words: list[str]) -> dict[str, list[str]]:
    """For each word the newsroom's text never uses, the known words it was probably meant to be."""
    if not words:
        return {}
    found: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(_TYPOS_SQL, [list(dict.fromkeys(words)), TYPO_ALTERNATIVES, TYPO_SIMILARITY])
        for word, known in cursor.fetchall():
            found.setdefault(word, []).append(known)
    return found


def configs() -> list[str]:
    """The text search configurations documents may be in: each article language's, and ``SEARCH_CONFIG``."""
    return list(dict.fromkeys([*languages.SEARCH_CONFIGS.values(), settings.SEARCH_CONFIG]))


def _tsquery(words: list[str], alternatives: dict[str, list[str]], params: dict[str, Any], config: str) -> str:
    """Every word must match (AND); a misspelt word matches itself or any of its corrections (OR).

    ``config`` names the bound parameter holding the configuration the words are read with.
    """
    parts = []
    for word in words:
        options = []
        for option in [word, *alternatives.get(word, [])]:
            name = f"w{len(params)}"
            params[name] = option
            options.append(f"plainto_tsquery(%({config})s::regconfig, %({name})s)")
        parts.append("(" + " || ".join(options) + ")")
    return " && ".join(parts)


def _permission(user: Any) -> tuple[list[str], str]:
    """The kinds of result the user may find, and the condition on the claim a result belongs to."""
    if permissions.is_editor(user):
        return KINDS, ""
    kinds = [k for k in KINDS if k != Document.Kind.ARTICLE]
    # Driven from the reviewer's own claims (the claim_id index), never from every match of a common word.
    return kinds, " AND d.claim_id = ANY(ARRAY(SELECT id FROM claims_claim WHERE assignee_id = %(user)s))"


def _search_sql(kinds: list[str], tsqueries: list[tuple[str, str]], condition: str) -> str:
    """``tsqueries``: (parameter naming a configuration, the query read with it) for each configuration.

    A document matches the query read in its own configuration ("vaccins" is 'vaccin' in French).
    """
    # The kinds are the model's own choices and the condition a fixed string; values are bound parameters.
    columns = ", ".join(f"{query} AS q{i}" for i, (_config, query) in enumerate(tsqueries))
    matches = " OR ".join(
        f"(d.config = %({config})s AND d.vector @@ q.q{i})" for i, (config, _query) in enumerate(tsqueries)
    )
    own = "CASE d.config " + " ".join(f"WHEN %({config})s THEN q.q{i}" for i, (config, _q) in enumerate(tsqueries))
    own += " END"
    per_kind = " UNION ALL ".join(
        f"(SELECT d.id FROM search_document d, q WHERE d.kind = '{kind}' AND ({matches}){condition} "  # noqa: S608
        f"LIMIT %(cap)s)"
        for kind in kinds
    )
    options = (
        "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || "
        "', MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"'"
    )
    title_options = "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', HighlightAll=true'"
    return f"""
WITH q AS (SELECT {columns}),
hits AS ({per_kind}),
ranked AS (
    SELECT d.id, d.kind, ts_rank_cd(d.vector, {own}) AS rank,
           row_number() OVER (PARTITION BY d.kind ORDER BY ts_rank_cd(d.vector, {own}) DESC, d.id DESC) AS position,
           count(*) OVER (PARTITION BY d.kind) AS total
    FROM hits JOIN search_document d ON d.id = hits.id, q
)
SELECT r.kind, d.object_id, d.article_id, d.claim_id, r.rank, r.total,
       ts_headline(d.config::regconfig, translate(d.title, chr(2) || chr(3), ''), {own}, {title_options}),
       ts_headline(d.config::regconfig, translate(d.body, chr(2) || chr(3), ''), {own}, {options}),
       a.title, a.outlet, c.number, coalesce(c.status, '')
FROM ranked r
JOIN search_document d ON d.id = r.id
CROSS JOIN q
LEFT JOIN claims_article a ON a.id = d.article_id
LEFT JOIN claims_claim c ON c.id = d.claim_id
WHERE r.position <= %(per_kind)s
ORDER BY r.kind, r.position
"""  # noqa: S608 (kinds are the model's own choices; every value is a bound parameter)


def search(*, user: Any, raw: str, per_kind: int = PER_KIND) -> Results:
    """What ``user`` may open that matches ``raw``, grouped by kind, best first, with highlighted snippets."""
    if not raw.replace("\x00", "").strip():
        return Results(
            query="",
            message=_(
                "Type what you are looking for: words from an article, a claim, a verdict, a comment or a piece "
                "of evidence, or a name."
            ),
        )
    words, notes = query_words(raw)
    shown = raw.replace("\x00", "").strip()[:MAX_CHARS]
    if not words:
        return Results(
            query=shown,
            message=_("There is nothing to search for in “%(query)s”: type words or numbers, not only punctuation.")
            % {"query": shown[:80]},
        )
    alternatives = corrections(words)
    params: dict[str, Any] = {"cap": settings.SEARCH_RANK_LIMIT, "per_kind": per_kind, "user": user.pk}
    tsqueries = []
    for i, config in enumerate(configs()):
        params[f"config{i}"] = config
        tsqueries.append((f"config{i}", _tsquery(words, alternatives, params, f"config{i}")))
    kinds, condition = _permission(user)
    with connection.cursor() as cursor:
        cursor.execute(_search_sql(kinds, tsqueries, condition), params)
        rows = cursor.fetchall()
    groups: dict[str, Group] = {}
    labels = dict(Document.Kind.choices)
    for kind, object_id, article_id, claim_id, rank, total, title, snippet, a_title, outlet, number, status in rows:
        group = groups.setdefault(
            kind,
            Group(
                kind=kind,
                label=str(labels[kind]),
                hits=[],
                total=int(total),
                capped=int(total) >= settings.SEARCH_RANK_LIMIT,
            ),
        )
        group.hits.append(
            Hit(
                kind=kind,
                object_id=object_id,
                article_id=article_id,
                claim_id=claim_id,
                title=_highlight(title or ""),
                snippet=_highlight(snippet or ""),
                rank=float(rank),
                article_title=a_title or "",
                article_outlet=outlet or "",
                claim_number=number,
                claim_status=status,
            )
        )
    results = Results(
        query=shown,
        notes=notes,
        groups=[groups[kind] for kind in KINDS if kind in groups],
        # Corrections come from every text of the newsroom: only editors, who may open it all, see them.
        corrections={w: alts for w, alts in alternatives.items() if alts} if permissions.is_editor(user) else {},
    )
    if not results.groups:
        results.message = _("Nothing you can open matches “%(query)s”.") % {"query": shown[:80]}
    return results
