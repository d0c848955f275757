"""The database itself refuses to change or delete audit entries (ADR 0004)."""

from django.db import migrations

from followthrough.core.append_only import refuse_changes


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [refuse_changes("core_auditentry", "Audit entries")]
