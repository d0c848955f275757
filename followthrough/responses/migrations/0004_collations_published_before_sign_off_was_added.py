from django.db import migrations


def mark_published(apps, schema_editor):
    """National responses saved before they had a sign-off were published when saved: say so in their state."""
    Collation = apps.get_model("responses", "Collation")
    Collation._base_manager.filter(published_on__isnull=False).update(state="published")


class Migration(migrations.Migration):
    dependencies = [("responses", "0003_sign_off_on_the_server_clock_with_sources")]
    operations = [migrations.RunPython(mark_published, migrations.RunPython.noop)]
