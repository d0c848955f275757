"""Load the bodies that oversee the non-territorial forces, and their dated oversight (data in reference_data.py).

Safe to run again: bodies are matched by code and oversight by force and body, and updated in place (ADR 0006).
"""

from django.db import migrations

from followthrough.organisations import reference_data


def load(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    Oversight = apps.get_model("organisations", "Oversight")

    for row in reference_data.OVERSIGHT_BODIES:
        fields = {key: value for key, value in row.items() if key != "code"}
        Organisation.objects.update_or_create(code=row["code"], defaults=fields)

    for row in reference_data.OTHER_FORCE_OVERSIGHT:
        force = Organisation.objects.filter(code=row["force"]).first()
        if force is None:  # a database whose reference forces were removed by hand: nothing to oversee
            continue
        Oversight.objects.update_or_create(
            force=force,
            body=Organisation.objects.get(code=row["body"]),
            defaults={key: row[key] for key in ("starts_on", "ends_on", "source_title", "source_url")},
        )


def unload(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    Oversight = apps.get_model("organisations", "Oversight")

    codes = [row["code"] for row in reference_data.OVERSIGHT_BODIES]
    Oversight.objects.filter(body__code__in=codes).delete()
    Organisation.objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("organisations", "0004_oversight_of_non_territorial_forces")]
    operations = [migrations.RunPython(load, unload)]
