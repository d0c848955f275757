from django.db import migrations

from followthrough.core.append_only import refuse_changes


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_report_history_names_the_organisation_acted_for")]
    operations = [
        refuse_changes("reports_reportevent", "Report history"),
        refuse_changes("reports_recommendationversion", "Recommendation wording"),
    ]
