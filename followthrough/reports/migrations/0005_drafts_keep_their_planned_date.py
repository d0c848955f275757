from django.db import migrations


def plan(apps, schema_editor):
    """A draft's date was its planned day of publication: keep it as such, and leave its publication day empty until
    it is published. A published report's day stays, and is its planned day too."""
    Report = apps.get_model("reports", "Report")
    for report in Report._base_manager.all():
        report.planned_on = report.published_on
        if report.state == "draft":
            report.published_on = None
        report.save(update_fields=["planned_on", "published_on"])


class Migration(migrations.Migration):
    dependencies = [("reports", "0004_reports_are_published_on_the_server_clock_or_from_a_source")]
    operations = [migrations.RunPython(plan, migrations.RunPython.noop)]
