from django.db import migrations

from followthrough.core.append_only import refuse_changes


class Migration(migrations.Migration):
    dependencies = [("calendar", "0002_seed_england_and_wales_bank_holidays")]
    operations = [
        refuse_changes("calendar_deadlinechange", "Deadline changes"),
    ]
