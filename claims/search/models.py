"""What the search box reads: one row per searchable thing, kept by database triggers.

Every article, claim, verdict, comment and piece of evidence has a :class:`Document` whose ``vector``
is its text as PostgreSQL full-text search sees it (weighted: headings A, names B, long text C), in
the newsroom's language configuration (``SEARCH_CONFIG``). Triggers on the workspace's tables write
it in the same statement as the text (services, the admin, COPY in a benchmark alike), so it can
never lag behind. :class:`Word` is the vocabulary of every word ever indexed with its character
trigrams, which is how a misspelt word or name finds the words it was meant to be.

pg_trgm is not used: the embedded PostgreSQL carries no contrib extension. Trigrams here are made
the way pg_trgm makes them (each word lower-cased and padded with two spaces before and one after)
and stored as the lexemes of a ``tsvector``, so a core GIN index finds the words sharing trigrams
with a query word and ``search_trigram_similarity()`` scores them as pg_trgm's ``similarity()`` does.
"""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q


class Document(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", "Articles"
        CLAIM = "claim", "Claims"
        VERDICT = "verdict", "Verdict explanations"
        COMMENT = "comment", "Comments"
        EVIDENCE = "evidence", "Evidence"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.BigIntegerField(help_text="The id of the article, claim, verdict, comment or evidence row.")
    # No database constraint: the triggers remove a document with its row, whoever deletes it.
    article = models.ForeignKey("claims.Article", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    claim = models.ForeignKey(
        "claims.Claim", null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    title = models.TextField(blank=True, help_text="What a result shows as its heading.")
    body = models.TextField(blank=True, help_text="The text snippets are cut from.")
    vector = SearchVectorField()
    config = models.CharField(
        max_length=63,
        default="english",
        help_text="The text search configuration of the vector: the article's language's (english, french).",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_once"),
            models.CheckConstraint(
                condition=Q(kind__in=["article", "claim", "verdict", "comment", "evidence"]),
                name="search_document_kind_valid",
            ),
        ]
        # One index per kind: each kind's results are read (and capped) on their own.
        indexes = [
            GinIndex(fields=["vector"], name=f"search_gin_{kind}", condition=Q(kind=kind))
            for kind in ("article", "claim", "verdict", "comment", "evidence")
        ] + [models.Index(fields=["claim"], name="search_doc_claim")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class Word(models.Model):
    """A word of the indexed text (lower case, three letters or more) and its character trigrams."""

    word = models.CharField(max_length=40, primary_key=True)
    trigrams = SearchVectorField()

    class Meta:
        indexes = [GinIndex(fields=["trigrams"], name="search_word_trigrams")]

    def __str__(self) -> str:
        return self.word
