"""Four eyes now reads `core.ContentEdit` for letters too (ADR 0018): remember, for every letter already on the
register, who recorded or changed it, from its history rows, so none of them can clear it."""

from django.db import migrations


def remember_authors(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentEdit = apps.get_model("core", "ContentEdit")
    StatusChange = apps.get_model("correspondence", "StatusChange")
    letter_type, _ = ContentType.objects.get_or_create(app_label="correspondence", model="letter")
    rows = StatusChange.objects.filter(to_state="draft", actor__isnull=False).order_by("pk")
    ContentEdit.objects.bulk_create(
        ContentEdit(
            content_type=letter_type,
            object_id=str(row.letter_id),
            at=row.at,
            actor_id=row.actor_id,
            actor_label=row.actor_label,
            actor_organisation_id=row.actor_organisation_id,
            actor_organisation_label=row.actor_organisation_label,
        )
        for row in rows
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0004_content_edits_cannot_change"),
        ("correspondence", "0006_letters_carry_a_version_and_who_published_them"),
    ]

    operations = [migrations.RunPython(remember_authors, migrations.RunPython.noop)]
