"""Load the reference organisations, their dated oversight and the addressee groups (data in reference_data.py).

Safe to run again: rows are matched by code (oversight by force and start date) and updated in place. From here on
the data is changed through the service, which audits each change.
"""

from django.db import migrations

from followthrough.organisations import reference_data


def load(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    Oversight = apps.get_model("organisations", "Oversight")
    AddresseeGroup = apps.get_model("organisations", "AddresseeGroup")

    by_code = {}
    for row in reference_data.ORGANISATIONS:
        fields = {key: value for key, value in row.items() if key != "code"}
        by_code[row["code"]], _ = Organisation.objects.update_or_create(code=row["code"], defaults=fields)

    for row in reference_data.OVERSIGHT:
        Oversight.objects.update_or_create(
            force=by_code[row["force"]],
            starts_on=row["starts_on"],
            defaults={"body": by_code[row["body"]], "ends_on": row["ends_on"]},
        )

    for row in reference_data.ADDRESSEE_GROUPS:
        group, _ = AddresseeGroup.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "rule": row["rule"]}
        )
        group.members.set([by_code[code] for code in row["members"]])


def unload(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    Oversight = apps.get_model("organisations", "Oversight")
    AddresseeGroup = apps.get_model("organisations", "AddresseeGroup")

    codes = [row["code"] for row in reference_data.ORGANISATIONS]
    AddresseeGroup.objects.filter(code__in=[row["code"] for row in reference_data.ADDRESSEE_GROUPS]).delete()
    Oversight.objects.filter(force__code__in=codes).delete()
    Oversight.objects.filter(body__code__in=codes).delete()
    Organisation.objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
