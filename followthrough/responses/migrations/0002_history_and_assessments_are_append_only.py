from django.db import migrations

from followthrough.core.append_only import refuse_changes


class Migration(migrations.Migration):
    dependencies = [("responses", "0001_responses_returns_assessments_and_collations")]

    operations = [
        refuse_changes("responses_event", "Response history"),
        refuse_changes("responses_assessment", "An assessment"),
    ]
