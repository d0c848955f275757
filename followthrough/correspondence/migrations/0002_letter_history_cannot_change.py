"""The database itself refuses to change (or, on PostgreSQL, delete) a letter's history, as it does audit entries."""

from django.db import migrations

from followthrough.core.append_only import refuse_changes


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0001_letters_replies_and_clearance")]
    operations = [refuse_changes("correspondence_statuschange", "Letter history")]
