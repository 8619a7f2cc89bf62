"""The SQL that keeps search documents true: functions, triggers and the full rebuild.

Used by the wing's migrations and by ``manage.py search_reindex``. Everything here is core
PostgreSQL (no extension), so it behaves the same on every server the project runs on.
"""

from __future__ import annotations

from dataclasses import dataclass

# Article bodies are cut before indexing: a tsvector holds at most 1 MB, and nobody searches past this.
ARTICLE_TEXT_LIMIT = 300_000

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION search_trigrams(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_to_tsvector(array_agg(DISTINCT substr(padded, i, 3))), ''::tsvector)
    FROM (
        SELECT '  ' || w || ' ' AS padded
        FROM unnest(tsvector_to_array(to_tsvector('simple', coalesce(t, '')))) AS lexeme,
             regexp_replace(lexeme, '[^[:alnum:]]', '', 'g') AS w
        WHERE w <> ''
    ) AS words, generate_series(1, length(padded) - 2) AS i
$$;

CREATE OR REPLACE FUNCTION search_trigram_query(t text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(quote_literal(g), ' | ')::tsquery, ''::tsquery)
    FROM unnest(tsvector_to_array(search_trigrams(t))) AS g
$$;

CREATE OR REPLACE FUNCTION search_language_config(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE lang WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig ELSE search_config() END
$$;

CREATE OR REPLACE FUNCTION search_trigram_similarity(a tsvector, b tsvector) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN length(a || b) = 0 THEN 0::real
                ELSE (length(a) + length(b) - length(a || b))::real / length(a || b) END
$$;
"""

DROP_FUNCTIONS = """
DROP FUNCTION IF EXISTS search_language_config(text);
DROP FUNCTION IF EXISTS search_trigram_similarity(tsvector, tsvector);
DROP FUNCTION IF EXISTS search_trigram_query(text);
DROP FUNCTION IF EXISTS search_trigrams(text);
DROP FUNCTION IF EXISTS search_config();
"""


def config_function(config: str) -> str:
    """``search_config()``: the configuration of text in a language with none of its own, fixed in the database.

    English articles are read with ``english`` and French ones with ``french`` (``search_language_config``).
    """
    # The name was checked against pg_ts_config before it reaches here; quote_ident-style quoting anyway.
    quoted = config.replace("'", "''")
    return (
        "CREATE OR REPLACE FUNCTION search_config() RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
        f"$$ SELECT '{quoted}'::regconfig $$;"
    )


@dataclass(frozen=True)
class Source:
    """One table whose rows are searchable, and how a row becomes a document."""

    table: str
    kind: str
    columns: tuple[str, ...]  # a change to any of these re-indexes the row
    joins: str
    article_id: str
    claim_id: str
    title: str
    body: str
    vector: str
    words: str
    language: str  # the article's language column, through the joins

    @property
    def config(self) -> str:
        return f"search_language_config({self.language})"

    def select(self, rows: str) -> str:
        return (
            # Built from the constants of SOURCES below, never from input.
            f"SELECT '{self.kind}', n.id, {self.article_id}, {self.claim_id}, {self.title}, {self.body}, "  # noqa: S608
            f"{self.vector.replace(_CONFIG, self.config)}, {self.config}::text "
            f"FROM {rows} {self.joins}"
        )

    def upsert(self, rows: str, where: str = "") -> str:
        return (
            "INSERT INTO search_document (kind, object_id, article_id, claim_id, title, body, vector, config) "
            f"{self.select(rows)} {where} "
            "ON CONFLICT (kind, object_id) DO UPDATE SET article_id = EXCLUDED.article_id, "
            "claim_id = EXCLUDED.claim_id, title = EXCLUDED.title, body = EXCLUDED.body, vector = EXCLUDED.vector, "
            "config = EXCLUDED.config;"
        )

    def add_words(self, rows: str, where: str = "") -> str:
        return (
            "INSERT INTO search_word (word, trigrams) SELECT w, search_trigrams(w) FROM ("  # noqa: S608
            "SELECT DISTINCT regexp_replace(lexeme, '[^[:alnum:]]', '', 'g') AS w "
            f"FROM {rows} {self.joins} "
            f"CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', {self.words}))) AS lexeme {where}"
            ") AS words WHERE length(w) BETWEEN 3 AND 40 AND w ~ '[^0-9]' ON CONFLICT (word) DO NOTHING;"
        )

    def trigger(self) -> str:
        name = f"search_index_{self.table}"
        changed = (
            "JOIN old_rows o ON o.id = n.id WHERE ("
            + ", ".join(f"n.{c}" for c in self.columns)
            + ") IS DISTINCT FROM ("
            + ", ".join(f"o.{c}" for c in self.columns)
            + ")"
        )
        delete = f"DELETE FROM search_document d USING old_rows o WHERE d.kind = '{self.kind}' AND d.object_id = o.id;"  # noqa: S608
        if self.kind == "article":
            delete += " DELETE FROM search_document d USING old_rows o WHERE d.article_id = o.id;"
        if self.kind == "claim":
            delete += " DELETE FROM search_document d USING old_rows o WHERE d.claim_id = o.id;"
        return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {self.upsert("new_rows n")}
        {self.add_words("new_rows n")}
    ELSIF TG_OP = 'UPDATE' THEN
        {self.upsert("new_rows n", changed)}
        {self.add_words("new_rows n", changed)}
    ELSE
        {delete}
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER {name}_insert AFTER INSERT ON {self.table}
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {name}();
CREATE TRIGGER {name}_update AFTER UPDATE ON {self.table}
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {name}();
CREATE TRIGGER {name}_delete AFTER DELETE ON {self.table}
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {name}();
"""

    def drop_trigger(self) -> str:
        name = f"search_index_{self.table}"
        return (
            "".join(f"DROP TRIGGER IF EXISTS {name}_{op} ON {self.table}; " for op in ("insert", "update", "delete"))
            + f"DROP FUNCTION IF EXISTS {name}();"
        )


# Stands for the row's configuration in a vector expression; replaced by ``Source.config``.
_CONFIG = "__config__"


def _tsv(expression: str, weight: str) -> str:
    return f"setweight(to_tsvector({_CONFIG}, coalesce({expression}, '')), '{weight}')"


_BODY = f"left(n.body, {ARTICLE_TEXT_LIMIT})"
_OUTLET_AUTHORS = "concat_ws(' ', n.outlet, n.authors)"
_DOI_URL = "concat_ws(' ', n.doi, n.url)"

SOURCES = (
    Source(
        table="claims_article",
        kind="article",
        columns=("title", "outlet", "authors", "body", "language"),
        joins="",
        article_id="n.id",
        claim_id="NULL::bigint",
        title="n.title",
        body=_BODY,
        vector=f"{_tsv('n.title', 'A')} || {_tsv(_OUTLET_AUTHORS, 'B')} || {_tsv(_BODY, 'C')}",
        words=f"concat_ws(' ', n.title, n.outlet, n.authors, {_BODY})",
        language="n.language",
    ),
    Source(
        table="claims_claim",
        kind="claim",
        columns=("text", "quote", "claimant", "article_id"),
        joins="JOIN claims_article a ON a.id = n.article_id",
        article_id="n.article_id",
        claim_id="n.id",
        title="n.text",
        body="n.quote",
        vector=f"{_tsv('n.text', 'A')} || {_tsv('n.claimant', 'B')} || {_tsv('n.quote', 'C')}",
        words="concat_ws(' ', n.text, n.claimant, n.quote)",
        language="a.language",
    ),
    Source(
        table="claims_verdict",
        kind="verdict",
        columns=("explanation", "claim_id"),
        joins="JOIN claims_claim c ON c.id = n.claim_id JOIN claims_article a ON a.id = c.article_id",
        article_id="c.article_id",
        claim_id="n.claim_id",
        title="''",
        body="n.explanation",
        vector=_tsv("n.explanation", "A"),
        words="n.explanation",
        language="a.language",
    ),
    Source(
        table="claims_comment",
        kind="comment",
        columns=("body", "claim_id"),
        joins="JOIN claims_claim c ON c.id = n.claim_id JOIN claims_article a ON a.id = c.article_id",
        article_id="c.article_id",
        claim_id="n.claim_id",
        title="''",
        body="n.body",
        vector=_tsv("n.body", "A"),
        words="n.body",
        language="a.language",
    ),
    Source(
        table="claims_evidence",
        kind="evidence",
        columns=("title", "quote", "doi", "url", "verdict_id"),
        joins=(
            "JOIN claims_verdict v ON v.id = n.verdict_id JOIN claims_claim c ON c.id = v.claim_id "
            "JOIN claims_article a ON a.id = c.article_id"
        ),
        article_id="c.article_id",
        claim_id="v.claim_id",
        title="n.title",
        body="n.quote",
        vector=f"{_tsv('n.title', 'A')} || {_tsv('n.quote', 'B')} || {_tsv(_DOI_URL, 'C')}",
        words="concat_ws(' ', n.title, n.quote)",
        language="a.language",
    ),
)


def _language_trigger() -> str:
    """A change of an article's language re-reads the documents of its claims, verdicts, comments, evidence."""
    changed = (
        "(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.language IS DISTINCT FROM o.language)"
    )
    body = "\n        ".join(
        source.upsert(f"{source.table} n", f"WHERE {source.article_id} IN {changed}")
        for source in SOURCES
        if source.kind != "article"
    )
    return f"""
CREATE OR REPLACE FUNCTION search_language_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
        {body}
    RETURN NULL;
END $$;
CREATE TRIGGER search_language_changed AFTER UPDATE ON claims_article
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_language_changed();
"""


def triggers() -> str:
    return "\n".join(source.trigger() for source in SOURCES) + _language_trigger()


def drop_triggers() -> str:
    return (
        "\n".join(source.drop_trigger() for source in SOURCES)
        + "\nDROP TRIGGER IF EXISTS search_language_changed ON claims_article;"
        + " DROP FUNCTION IF EXISTS search_language_changed();"
    )


def rebuild() -> str:
    """Every document and word again from the workspace's tables (after a change of ``SEARCH_CONFIG``, or to repair)."""
    parts = ["TRUNCATE search_document, search_word;"]
    for source in SOURCES:
        parts.append(source.upsert(f"{source.table} n"))
        parts.append(source.add_words(f"{source.table} n"))
    return "\n".join(parts)
