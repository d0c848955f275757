"""Christmas Day and Good Friday leave the holiday table: regulation 2 excludes them by name, so the deadline rules
work them out (calendar/deadlines.py) and no administrator can remove them (ADR 0020).

The table keeps the bank holidays under the Banking and Financial Dealings Act 1971, including the substitute days
when Christmas Day falls on a weekend.
"""

import datetime

from dateutil.easter import easter
from django.db import migrations


def is_named_in_regulation_2(day):
    return (day.month, day.day) == (12, 25) or day == easter(day.year) - datetime.timedelta(days=2)


def remove(apps, schema_editor):
    Holiday = apps.get_model("calendar", "Holiday")
    days = [day for day in Holiday.objects.values_list("date", flat=True) if is_named_in_regulation_2(day)]
    Holiday.objects.filter(date__in=days).delete()


def restore(apps, schema_editor):
    import holidays

    Holiday = apps.get_model("calendar", "Holiday")
    years = sorted({day.year for day in Holiday.objects.values_list("date", flat=True)})
    england = holidays.country_holidays("GB", subdiv="ENG", years=years, language="en_GB")
    Holiday.objects.bulk_create(
        [
            Holiday(date=day, name=name, source="seeded")
            for day, name in england.items()
            if is_named_in_regulation_2(day)
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("calendar", "0003_deadline_changes_cannot_change")]
    operations = [migrations.RunPython(remove, restore)]
