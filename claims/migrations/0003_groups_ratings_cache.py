from django.core.management import call_command
from django.db import migrations

def forwards(apps, schema_editor):
    from claims.defaults import ensure_defaults

    ensure_defaults(apps.get_model("auth", "Group"), apps.get_model("claims", "Rating"))
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def backwards(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
