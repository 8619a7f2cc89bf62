"""factory_boy factories for the whole suite."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from claims.models import Article, Claim, ClaimStatus, Rating, Verdict, content_hash
from sources.models import CandidateSource, SourceSearch

BODY = (
    "Ketamine lifts mood within hours. A study published in the journal JAMA Psychiatry found that "
    "optimism rose 4 hours after a single dose. “This is a clinical response,” said a researcher.\n\n"
    "Further work is planned for 2023."
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = factory.Faker("first_name")
    password = factory.django.Password("pass-for-tests-1")

    @factory.post_generation
    def groups(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        for name in extracted or []:
            self.groups.add(Group.objects.get(name=name))


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    outlet = "The Daily Example"
    body = BODY
    content_hash = factory.LazyAttribute(lambda a: content_hash(a.body))


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    span_start = 0
    span_end = 31
    quote = factory.LazyAttribute(lambda c: c.article.body[c.span_start : c.span_end])
    text = factory.LazyAttribute(lambda c: c.quote)
    claimant = "The article"
    status = ClaimStatus.NEW


class VerdictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verdict

    claim = factory.SubFactory(ClaimFactory)
    author = factory.LazyAttribute(lambda v: v.claim.assignee)
    rating = factory.LazyFunction(lambda: Rating.objects.order_by("-value").first())
    explanation = "The study supports it."
    confidence = "high"


class SourceSearchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceSearch

    claim = factory.SubFactory(ClaimFactory)
    provider = "crossref"


class CandidateSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CandidateSource

    claim = factory.SubFactory(ClaimFactory)
    doi = factory.Sequence(lambda n: f"10.5555/example.{n}")
    title = factory.Sequence(lambda n: f"A study of things {n}")
    authors = factory.LazyFunction(lambda: ["Doe J", "Roe R"])
    journal = "Journal of Examples"
    year = 2022
    providers = factory.LazyFunction(lambda: ["crossref"])


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "claims.Evidence"

    verdict = factory.SubFactory(VerdictFactory)
    candidate = factory.SubFactory(CandidateSourceFactory, claim=factory.SelfAttribute("..verdict.claim"))
    stance = "supports"
