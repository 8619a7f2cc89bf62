"""The first pass: the newsroom's claims sharing any informative word with a claim, from PostgreSQL.

One query. The claim's text becomes an OR of its lexemes in its article's language configuration
(stop words dropped, words stemmed: French claims with French stemming), matched against the search
vector of every claim in the same configuration (the search wing's
GIN index). Each candidate comes back with the share of lexemes the two claims have in common and
their trigram similarity (pg_trgm's formula over the trigram vectors of :mod:`claims.search`), for
the re-rank by meaning in :mod:`claims.matching.similarity`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection

from claims.matching.similarity import Pair

# Matches read before ranking (a claim made only of very common words matches many), and ranked kept.
FIRST_PASS_LIMIT = 5000
RERANK_LIMIT = 100

_SQL = """
WITH me AS (
    SELECT c.id, c.article_id, %(text)s::text AS text, search_language_config(a.language) AS config
    FROM claims_claim c JOIN claims_article a ON a.id = c.article_id WHERE c.id = %(claim_id)s
), q AS (
    SELECT replace(plainto_tsquery(me.config, me.text)::text, ' & ', ' | ')::tsquery AS query,
           strip(to_tsvector(me.config, me.text)) AS lexemes,
           search_trigrams(me.text) AS trigrams,
           me.article_id, me.id, me.config
    FROM me
), hits AS (
    SELECT d.object_id, d.vector FROM search_document d, q
    WHERE d.kind = 'claim' AND d.config = q.config::text AND d.vector @@ q.query
      AND d.article_id <> q.article_id AND d.object_id <> q.id
      AND (%(among)s::bigint[] IS NULL OR d.object_id = ANY(%(among)s::bigint[]))
    LIMIT %(first_pass)s
), ranked AS (
    SELECT h.object_id, ts_rank_cd(h.vector, q.query) AS rank FROM hits h, q
    ORDER BY rank DESC, h.object_id DESC LIMIT %(rerank)s
)
SELECT c.id, c.text, r.rank,
       CASE WHEN length(l.lexemes) + length(q.lexemes) = 0 THEN 0
            ELSE 2.0 * (length(l.lexemes) + length(q.lexemes) - length(l.lexemes || q.lexemes))
                 / (length(l.lexemes) + length(q.lexemes)) END AS words,
       search_trigram_similarity(search_trigrams(c.text), q.trigrams) AS trigrams
FROM ranked r
JOIN claims_claim c ON c.id = r.object_id
CROSS JOIN q
CROSS JOIN LATERAL (SELECT strip(to_tsvector(q.config, c.text)) AS lexemes) AS l
ORDER BY r.rank DESC, c.id DESC
"""


@dataclass
class Candidate(Pair):
    claim_id: int = 0
    rank: float = 0.0


def first_pass(*, claim_id: int, text: str, among: list[int] | None = None) -> list[Candidate]:
    """Claims of other articles sharing an informative word with ``text`` (the claim's own words).

    ``among`` limits the candidates to those claims (the evaluation's own newsroom).
    """
    params = {
        "claim_id": claim_id,
        "text": text,
        "first_pass": FIRST_PASS_LIMIT,
        "rerank": RERANK_LIMIT,
        "among": among,
    }
    with connection.cursor() as cursor:
        cursor.execute(_SQL, params)
        rows: list[Any] = cursor.fetchall()
    return [
        Candidate(text=other_text, words=float(words), trigrams=float(trigrams), claim_id=other_id, rank=float(rank))
        for other_id, other_text, rank, words, trigrams in rows
    ]
