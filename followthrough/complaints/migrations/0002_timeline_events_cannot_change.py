"""The database itself refuses to change or delete a complaint's timeline events, as it does audit entries."""

from django.db import migrations

from followthrough.core.append_only import refuse_changes


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_super_complaints_evidence_and_timeline")]
    operations = [refuse_changes("complaints_complaintevent", "Timeline events")]
