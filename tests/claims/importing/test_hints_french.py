"""Check-worthiness hints for French articles: French sentences, numbers, attribution and the French seed."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation

from claims.importing.hints import REASON_LABELS, claimant_for, score_sentence, speaker, split_sentences, suggest
from tests.factories import ArticleFactory

SEEDS = Path(__file__).resolve().parents[3] / "seeds" / "data"
FRENCH_SEED = (SEEDS / "ketamine-depression-fr.txt").read_text("utf-8")
ENGLISH_SEED = (SEEDS / "ketamine-depression.txt").read_text("utf-8")


def texts(body: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(body, "fr")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("M. Dupont a parlé. Mme Martin a répondu.", ["M. Dupont a parlé.", "Mme Martin a répondu."]),
        (
            "Le Pr. Lemoine dirige l’étude. Elle a duré deux ans.",
            ["Le Pr. Lemoine dirige l’étude.", "Elle a duré deux ans."],
        ),
        (
            "La hausse, env. 3 %, surprend. Les analystes attendaient moins.",
            ["La hausse, env. 3 %, surprend.", "Les analystes attendaient moins."],
        ),
        (
            "Il l’a dit en janv. 2022 devant la commission. Personne n’a réagi.",
            ["Il l’a dit en janv. 2022 devant la commission.", "Personne n’a réagi."],
        ),
        (
            "« Ce n’est pas fini. » Le ministre est reparti.",
            ["« Ce n’est pas fini. »", "Le ministre est reparti."],
        ),
        (
            "Des pommes, des poires, etc. L’étude dit le contraire.",
            ["Des pommes, des poires, etc.", "L’étude dit le contraire."],
        ),
        ("Le mur mesure 300 m. Les pompiers sont là.", ["Le mur mesure 300 m.", "Les pompiers sont là."]),
        ("Il a été interpellé pour vol. Marc Dupont a nié.", ["Il a été interpellé pour vol.", "Marc Dupont a nié."]),
    ],
)
def test_french_abbreviations_and_guillemets_split_where_a_french_reader_would(body: str, expected: list[str]) -> None:
    assert texts(body) == expected


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Le chômage a reculé à 7,3 % au troisième trimestre, selon l’Insee.", "contains a statistic"),
        ("Le taux atteint 40\u00a0% chez les moins de vingt-cinq ans en Bretagne.", "contains a statistic"),
        ("Le taux de chômage a baissé de 0,3 point au dernier trimestre.", "contains a statistic"),
        ("Le projet coûtera 3 Md€ à l’État d’ici la fin de la décennie.", "contains a statistic"),
        ("Le nombre de cambriolages a été divisé par deux dans la commune.", "contains a statistic"),
        ("L’Anses a publié un avis sur les pesticides la semaine dernière.", "cites an institution"),
        ("Près de 12 pour cent des ménages déclarent avoir renoncé à se chauffer.", "contains a statistic"),
        ("Une personne sur trois atteinte de dépression ne répond pas aux traitements.", "contains a statistic"),
        ("Un Français sur cinq dit avoir déjà été victime d’une arnaque en ligne.", "contains a statistic"),
        ("Le plan de relance coûtera 1,5 million d’euros à la commune cette année.", "contains a statistic"),
        ("La ligne transporte 1\u202f200 voyageurs par heure entre les deux villes.", "contains a statistic"),
        ("La moitié des répondants jugent la réforme injuste pour les retraités.", "contains a statistic"),
        ("La loi est entrée en vigueur le 1er mai dans toutes les communes.", "mentions a date"),
        ("Le texte a été voté le 14 février, selon le compte rendu de la séance.", "mentions a date"),
        ("Ces résultats ont été publiés dans la revue The Lancet la semaine dernière.", "cites a journal"),
        ("Une étude parue dans Nature décrit le mécanisme en détail chez la souris.", "cites a journal"),
        ("Une étude menée auprès d’infirmières montre que le travail de nuit perturbe le sommeil.", "cites a study"),
        ("Des chercheuses ont découvert que le sommeil protège la mémoire des enfants.", "cites a study"),
        ("L’Organisation mondiale de la santé a déclaré que l’épidémie était contenue.", "cites an institution"),
        ("« Nous n’augmenterons pas les impôts », a déclaré la ministre devant les députés.", "quotes someone"),
        ("Selon le ministère, le nombre de candidats a nettement augmenté cette année.", "attributes a statement"),
        ("D’après la préfecture, la manifestation a réuni moins de monde que prévu.", "attributes a statement"),
        ("La pollution de l’air provoque chaque année des milliers de décès prématurés.", "causal claim"),
        ("Le tabac entraîne une forte hausse du risque de cancer du poumon.", "causal claim"),
        ("Grâce à ce traitement, les patients ont retrouvé le sommeil en quelques jours.", "causal claim"),
        ("Les voitures électriques sont moins chères que les voitures à essence sur dix ans.", "comparative claim"),
        ("Par rapport à l’an dernier, les étudiants ont moins choisi les langues anciennes.", "comparative claim"),
        ("Aucun vaccin n’a jamais été retiré du marché, selon l’agence du médicament.", "sweeping generalisation"),
    ],
)
def test_each_kind_of_french_check_worthy_sentence_gets_its_reason(sentence: str, reason: str) -> None:
    score, reasons = score_sentence(sentence, "fr")
    assert reason in reasons, reasons
    assert score >= 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Laisser un commentaire",
        "Partager cet article",
        "Lire la suite",
        "Que va-t-il se passer maintenant ?",
        "Elle est rentrée chez elle à pied ce soir-là.",
        "Le chat dormait tranquillement sur le canapé du salon.",
        "Le Premier ministre a déclaré que le budget serait présenté mardi.",
        "La prévision de croissance a été revue à la baisse cette semaine.",
        "Il aime se promener en pleine nature avec ses enfants le dimanche.",
        "Il a obtenu son permis de conduire à dix-huit ans cette année-là.",
        "Il ne travaille plus depuis quatre ans dans cette entreprise.",
        "Un policier tire sur un jeune homme lors d’un contrôle routier.",
        "Le XV de France a battu l’Angleterre samedi soir au Stade de France.",
    ],
)
def test_french_sentences_without_a_checkable_claim_score_nothing(sentence: str) -> None:
    assert score_sentence(sentence, "fr")[0] < 2


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Selon Liane Schmidt, la kétamine agit en quelques heures.", "Liane Schmidt"),
        ("D’après le ministère de la Santé, les cas ont doublé en un mois.", "Le ministère de la Santé"),
        ("« Les chiffres sont clairs », explique le Pr Lemoine.", "Le Pr Lemoine"),
        ("« Les chiffres sont clairs », a déclaré la ministre.", "La ministre"),
        ("« Les chiffres sont clairs », a-t-il déclaré.", ""),
        ("Les chiffres sont clairs, ajoute-t-elle.", ""),
        (
            "La spécialiste de l’Inserm ajoute : « Cet effet pourrait être une réponse clinique. »",
            "La spécialiste de l’Inserm",
        ),
        ("Le gouvernement a annoncé une baisse de 10 % des émissions.", "Le gouvernement"),
        ("Il a déclaré que la baisse atteindrait 10 %.", ""),
        ("Les émissions ont baissé de 10 % en un an.", None),
        ("Les cas ont doublé en un an, assure l’Inserm.", "L’Inserm"),
        ("La hausse est nette, a indiqué Bercy.", "Bercy"),
        ("Le déficit baissera, a assuré à l’AFP le ministre de l’Économie.", "Le ministre de l’Économie"),
        ("« C’est faux », a promis la ministre.", "La ministre"),
        ("Le juge a condamné l’homme à deux ans de prison.", None),
        ("La grève continue dans les raffineries du pays.", None),
        ("Aussi a-t-il fallu attendre deux ans.", None),
    ],
)
def test_the_speaker_a_french_sentence_names(sentence: str, expected: str | None) -> None:
    assert speaker(sentence, "fr") == expected


def test_a_french_sentence_of_the_article_itself_is_claimed_by_the_outlet() -> None:
    assert claimant_for("Les émissions ont baissé de 10 % en un an.", "Le Quotidien", "fr") == "Le Quotidien"
    assert claimant_for("« C’est faux », a affirmé le maire.", "Le Quotidien", "fr") == "Le maire"


def test_the_french_seed_hints_find_the_statistic_and_the_journal() -> None:
    hints = suggest(FRENCH_SEED, language="fr")
    by_text = {hint.text: hint for hint in hints}
    statistic = next(text for text in by_text if "une personne sur trois" in text)
    journal = next(text for text in by_text if "publiés dans la revue JAMA Psychiatry" in text)
    assert "contains a statistic" in by_text[statistic].reasons
    assert "cites a journal" in by_text[journal].reasons
    assert any("« Cet effet cognitif" in text and "quotes someone" in by_text[text].reasons for text in by_text)
    # Headings and the question heading are not hints.
    assert not any(text.startswith(("La kétamine et la psychothérapie", "Un système de croyances")) for text in by_text)


def test_the_french_seed_gets_as_many_hints_as_the_english_one() -> None:
    french, english = suggest(FRENCH_SEED, language="fr"), suggest(ENGLISH_SEED)
    assert len(french) >= 0.8 * len(english)
    # Read as English, the French seed would lose most of its hints: the French cues do the work.
    assert len(suggest(FRENCH_SEED)) < len(french) / 2


def test_english_text_is_scored_as_before_when_no_language_is_given() -> None:
    sentence = "Unemployment fell to 4.2% in March, the lowest level since 1969."
    assert score_sentence(sentence) == score_sentence(sentence, "en")
    assert score_sentence(sentence, "de") == score_sentence(sentence, "en")  # no cues of its own: English


@pytest.mark.django_db
def test_a_french_articles_page_shows_french_hints_with_french_reasons(client: Any, editor: Any) -> None:
    article = ArticleFactory(body=FRENCH_SEED, language="fr", outlet="Le Quotidien")
    client.force_login(editor)
    page = client.get(f"/articles/{article.pk}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "une personne sur trois" in page
    with translation.override("fr"):
        french_label = str(REASON_LABELS["contains a statistic"])
    assert french_label != "contains a statistic"
    assert f'<span class="badge reason">{french_label}</span>' in page
    assert '<span class="badge reason">contains a statistic</span>' not in page
    english_page = client.get(f"/articles/{article.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<span class="badge reason">contains a statistic</span>' in english_page


def test_a_huge_french_paste_is_read_in_linear_time() -> None:
    unit = (
        "Selon le Pr Martin, 40\u00a0% des patients vont mieux après 4 heures, « c’est inédit ». "
        "Une personne sur trois, d’après l’étude publiée dans la revue JAMA Psychiatry, ne répond pas. "
        "Le 5 octobre, M. Dupont a déclaré que les coûts ont doublé par rapport à 2021… "
    )
    small, large = (unit * (50_000 // len(unit)))[:50_000], (unit * (400_000 // len(unit)))[:400_000]
    timings = []
    for body in (small, large):
        started = time.perf_counter()
        found = suggest(body, language="fr")
        timings.append(time.perf_counter() - started)
        assert found
    # Eight times the text, read only up to the cap: never more than linear.
    assert timings[1] / timings[0] < 24 and timings[1] < 5.0, timings
