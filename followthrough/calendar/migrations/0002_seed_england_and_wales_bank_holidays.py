"""Seed the holiday table with England and Wales bank holidays, 2015 to 2035, from the `holidays` library.

Wales shares England's bank holidays. The table is data from here on: administrators amend it in the service.
"""

from django.db import migrations

FIRST_YEAR, LAST_YEAR = 2015, 2035


def seed(apps, schema_editor):
    import holidays

    Holiday = apps.get_model("calendar", "Holiday")
    england = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1), language="en_GB")
    Holiday.objects.bulk_create(
        [Holiday(date=day, name=name, source="seeded") for day, name in sorted(england.items())],
        ignore_conflicts=True,
    )


def unseed(apps, schema_editor):
    apps.get_model("calendar", "Holiday").objects.filter(source="seeded").delete()


class Migration(migrations.Migration):
    dependencies = [("calendar", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
