from django.db import migrations

from followthrough.core.append_only import refuse_changes


class Migration(migrations.Migration):
    dependencies = [("core", "0003_content_edits_and_history_base")]
    operations = [
        refuse_changes("core_contentedit", "Content edits"),
    ]
