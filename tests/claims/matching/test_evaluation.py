"""The evaluation set holds its floor: recall of the same claim in the top 3 at least 0.9, precision 0.8."""

from __future__ import annotations

import pytest

from claims.matching import evaluation


def test_the_evaluation_set_has_thirty_pairs_of_each_kind() -> None:
    data = evaluation.pairs()
    assert len(data["same"]) >= 30 and len(data["different"]) >= 30
    assert all(a != b for a, b in data["same"] + data["different"])


@pytest.mark.django_db
def test_same_claims_are_found_and_look_alikes_are_not() -> None:
    report = evaluation.evaluate()
    print(f"precision {report.precision:.3f} recall {report.recall:.3f}")
    assert report.recall >= 0.9, [m for m in report.misses if m.kind == "missed"]
    assert report.precision >= 0.8, [m for m in report.misses if m.kind == "wrong"]


@pytest.mark.django_db
def test_the_second_set_holds_its_lower_floor() -> None:
    # Written after the tuning on the first set; what it measures is documented in its "about".
    report = evaluation.evaluate(evaluation.HOLDOUT)
    print(f"held-out precision {report.precision:.3f} recall {report.recall:.3f}")
    assert report.recall >= 0.7 and report.precision >= 0.65, report.misses


@pytest.mark.django_db
def test_french_claims_are_matched_with_french_stemming() -> None:
    data = evaluation.pairs(evaluation.FRENCH)
    assert data["language"] == "fr" and len(data["same"]) >= 5 and len(data["different"]) >= 4
    report = evaluation.evaluate(evaluation.FRENCH)
    print(f"French precision {report.precision:.3f} recall {report.recall:.3f}")
    assert report.recall >= 0.6 and report.precision >= 0.6, report.misses
