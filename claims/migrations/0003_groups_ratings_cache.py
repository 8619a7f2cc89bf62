from django.core.management import call_command
from django.db import migrations

DEFAULT_SCALE = [
    # label, value, colour, description
    ("Accurate", 6, "#116329", "The claim is correct and nothing significant is missing."),
    ("Mostly accurate", 5, "#4d7c0f", "The claim is correct but needs a clarification or additional information."),
    ("Lacks context", 4, "#9a6700", "The claim is literally true but leaves out context that changes its meaning."),
    ("Misleading", 3, "#bc4c00", "The claim contains some truth but gives a wrong impression."),
    ("Unsupported", 2, "#6e40c9", "The evidence available does not support the claim, nor clearly refute it."),
    ("Inaccurate", 1, "#b42318", "The claim is false."),
]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ("editor", "reviewer"):
        Group.objects.get_or_create(name=name)
    Rating = apps.get_model("claims", "Rating")
    if not Rating.objects.exists():
        for order, (label, value, colour, description) in enumerate(DEFAULT_SCALE):
            Rating.objects.create(label=label, value=value, colour=colour, description=description, order=order)
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def backwards(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
