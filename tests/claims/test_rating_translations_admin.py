"""The rating scale's translations are edited in the admin, one label and description per extra language."""

from __future__ import annotations

from typing import Any

import pytest

from claims.models import Rating
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: Any) -> Any:
    client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    return client


def _post(rating: Rating, **extra: str) -> dict[str, str]:
    data = {
        "label": rating.label,
        "description": rating.description,
        "value": str(rating.value),
        "colour": rating.colour,
        "order": str(rating.order),
        "is_active": "on",
    }
    data.update(extra)
    return data


def test_the_form_shows_the_french_label_and_saves_it_into_translations(admin_client: Any) -> None:
    rating = Rating.objects.order_by("value").first()
    rating.translations = {"fr": {"label": "Faux", "description": "Inexact."}, "de": {"label": "Falsch"}}
    rating.save()
    page = admin_client.get(f"/admin/claims/rating/{rating.pk}/change/").content.decode()
    assert 'name="label_fr"' in page and 'value="Faux"' in page and 'name="description_fr"' in page
    response = admin_client.post(
        f"/admin/claims/rating/{rating.pk}/change/",
        _post(rating, label_fr="Complètement faux", description_fr="Rien ne tient."),
    )
    assert response.status_code == 302
    rating.refresh_from_db()
    assert rating.translations["fr"] == {"label": "Complètement faux", "description": "Rien ne tient."}
    assert rating.translations["de"] == {"label": "Falsch"}  # a language the form does not show is kept
    assert rating.label_in("fr") == "Complètement faux"
    # Emptied: the English label is shown again.
    admin_client.post(f"/admin/claims/rating/{rating.pk}/change/", _post(rating, label_fr="", description_fr=""))
    rating.refresh_from_db()
    assert "fr" not in rating.translations and rating.label_in("fr") == rating.label


def test_a_french_label_another_rating_has_is_refused(admin_client: Any) -> None:
    first, second = Rating.objects.order_by("value")[:2]
    first.translations = {"fr": {"label": "Faux", "description": ""}}
    first.save()
    response = admin_client.post(f"/admin/claims/rating/{second.pk}/change/", _post(second, label_fr="faux"))
    assert response.status_code == 200
    assert "Another rating already has this label in" in response.content.decode()


def test_the_list_edits_order_without_touching_translations(admin_client: Any) -> None:
    rating = Rating.objects.order_by("value").first()
    rating.translations = {"fr": {"label": "Faux", "description": "Inexact."}}
    rating.save()
    ratings = list(Rating.objects.order_by("order", "pk"))
    data = {"form-TOTAL_FORMS": str(len(ratings)), "form-INITIAL_FORMS": str(len(ratings)), "_save": "Save"}
    for i, r in enumerate(ratings):
        data[f"form-{i}-id"] = str(r.pk)
        data[f"form-{i}-order"] = str(r.order + 1)
        if r.is_active:
            data[f"form-{i}-is_active"] = "on"
    assert admin_client.post("/admin/claims/rating/", data).status_code == 302
    rating.refresh_from_db()
    assert rating.translations == {"fr": {"label": "Faux", "description": "Inexact."}}
