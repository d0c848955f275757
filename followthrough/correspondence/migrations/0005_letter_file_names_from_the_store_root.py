"""Letter files kept before the private store were named from MEDIA_ROOT/correspondence; the store names them from
MEDIA_ROOT (ADR 0012). The files stay where they are: only the names in the rows gain their folder."""

from django.db import migrations, models
from django.db.models.functions import Concat, Substr

FOLDER = "correspondence/"


def name_from_the_store_root(apps, schema_editor):
    Letter = apps.get_model("correspondence", "Letter")
    Letter._base_manager.exclude(file="").exclude(file__contains="/").update(
        file=Concat(models.Value(FOLDER), models.F("file"), output_field=models.CharField())
    )


def name_from_the_old_folder(apps, schema_editor):
    Letter = apps.get_model("correspondence", "Letter")
    Letter._base_manager.filter(file__startswith=FOLDER).update(file=Substr("file", len(FOLDER) + 1))


class Migration(migrations.Migration):
    dependencies = [
        ("correspondence", "0004_letter_files_in_the_private_store"),
    ]

    operations = [
        migrations.RunPython(name_from_the_store_root, name_from_the_old_folder),
    ]
