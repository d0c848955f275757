import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import followthrough.core.history
from followthrough.core.append_only import refuse_changes


class Migration(migrations.Migration):
    """Letter history names who acted and the organisation they acted for, as every history table does."""

    dependencies = [
        ("correspondence", "0002_letter_history_cannot_change"),
        ("organisations", "0003_organisations_may_allow_self_approval"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("statuschange", "actor_organisation", "actor_organisation_label"),
        migrations.AlterField(
            model_name="statuschange",
            name="actor_organisation_label",
            field=models.CharField(
                blank=True,
                help_text="The organisation they acted for, kept even if it is renamed.",
                max_length=255,
            ),
        ),
        migrations.AddField(
            model_name="statuschange",
            name="actor_organisation",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="organisations.organisation",
            ),
        ),
        migrations.AlterField(
            model_name="statuschange",
            name="actor_label",
            field=models.CharField(help_text="Who acted, kept even if the account is renamed.", max_length=255),
        ),
        migrations.AlterField(
            model_name="statuschange",
            name="at",
            field=models.DateTimeField(
                default=followthrough.core.history.server_now,
                editable=False,
                help_text="When it was recorded: server time.",
            ),
        ),
        refuse_changes(
            "correspondence_statuschange", "Letter history"
        ),  # altering the table on SQLite dropped its triggers
    ]
