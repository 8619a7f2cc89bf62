from django.db import migrations, models


def per_language(apps, schema_editor):
    """Triggers that read each row in its article's language, and every document again."""
    from claims.search import sql

    with schema_editor.connection.cursor() as cursor:
        cursor.execute(sql.FUNCTIONS)
        cursor.execute(sql.drop_triggers())
        cursor.execute(sql.triggers())
        cursor.execute(sql.rebuild())


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0008_article_language"),
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="config",
            field=models.CharField(
                default="english",
                help_text="The text search configuration of the vector: the article's language's (english, french).",
                max_length=63,
            ),
        ),
        migrations.RunPython(per_language),
    ]
