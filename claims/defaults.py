"""What every environment holds from its first migration: the two roles and a default rating scale."""

from __future__ import annotations

from typing import Any

GROUPS = ("editor", "reviewer")

DEFAULT_SCALE = [
    # label, value, colour, description
    ("Accurate", 6, "#116329", "The claim is correct and nothing significant is missing."),
    ("Mostly accurate", 5, "#4d7c0f", "The claim is correct but needs a clarification or additional information."),
    ("Lacks context", 4, "#9a6700", "The claim is literally true but leaves out context that changes its meaning."),
    ("Misleading", 3, "#bc4c00", "The claim contains some truth but gives a wrong impression."),
    ("Unsupported", 2, "#6e40c9", "The evidence available does not support the claim, nor clearly refute it."),
    ("Inaccurate", 1, "#b42318", "The claim is false."),
]

# The default scale in the other languages the app ships, by English label: (label, description).
DEFAULT_SCALE_TRANSLATIONS = {
    "fr": {
        "Accurate": ("Exact", "L’affirmation est juste et rien d’important n’y manque."),
        "Mostly accurate": (
            "Plutôt exact",
            "L’affirmation est juste mais demande une précision ou des informations complémentaires.",
        ),
        "Lacks context": (
            "Manque de contexte",
            "L’affirmation est vraie à la lettre mais omet un contexte qui en change le sens.",
        ),
        "Misleading": ("Trompeur", "L’affirmation contient une part de vérité mais donne une impression fausse."),
        "Unsupported": (
            "Non étayé",
            "Les éléments disponibles n’appuient pas l’affirmation, sans la réfuter clairement.",
        ),
        "Inaccurate": ("Faux", "L’affirmation est fausse."),
    },
}


def default_translations(label: str) -> dict[str, dict[str, str]]:
    """The shipped translations of one step of the default scale (none for a label the newsroom wrote)."""
    return {
        language: {"label": words[label][0], "description": words[label][1]}
        for language, words in DEFAULT_SCALE_TRANSLATIONS.items()
        if label in words
    }


def ensure_defaults(group_model: Any, rating_model: Any) -> None:
    """Create the groups, and the default scale when no scale exists. Takes the model classes so a
    migration can pass its historical models."""
    for name in GROUPS:
        group_model.objects.get_or_create(name=name)
    if not rating_model.objects.exists():
        for order, (label, value, colour, description) in enumerate(DEFAULT_SCALE):
            fields = {"label": label, "value": value, "colour": colour, "description": description, "order": order}
            if any(f.name == "translations" for f in rating_model._meta.get_fields()):
                # Migration 0003's historical model predates the translations (0009 adds them there).
                fields["translations"] = default_translations(label)
            rating_model.objects.create(**fields)


def editor_permissions_ensure() -> None:
    """Let the editor group inspect every model in the admin and edit the rating scale there.

    Permissions exist only after migrate's post-migrate step, so this runs from ``load_seeds``.
    """
    from django.contrib.auth.models import Group, Permission

    editor, _ = Group.objects.get_or_create(name="editor")
    wanted = Permission.objects.filter(content_type__app_label__in=["claims", "sources"], codename__startswith="view_")
    rating = Permission.objects.filter(content_type__app_label="claims", content_type__model="rating")
    editor.permissions.add(*wanted, *rating)
