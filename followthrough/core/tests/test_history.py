"""History, once: every history table is built on `core.history.AppendOnlyModel`, and the database itself refuses to
change or delete its rows, on SQLite and on PostgreSQL (ADR 0004)."""

import datetime
import uuid

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone

from followthrough.core.history import AppendOnlyError, AppendOnlyModel

HISTORY_MODELS = sorted(
    (model for model in apps.get_models() if issubclass(model, AppendOnlyModel)), key=lambda m: m._meta.label
)


def test_every_history_table_the_service_keeps_is_built_on_the_append_only_base():
    assert {model._meta.label for model in HISTORY_MODELS} >= {
        "core.AuditEntry",
        "core.ContentEdit",
        "calendar.DeadlineChange",
        "complaints.ComplaintEvent",
        "reports.ReportEvent",
        "reports.RecommendationVersion",
        "responses.Event",
        "responses.Assessment",
        "correspondence.StatusChange",
    }


def _value(field):
    """A value the column accepts: a real row for a foreign key (the constraints are checked after each test)."""
    if isinstance(field, models.ForeignKey):
        related = field.related_model
        return related._base_manager.order_by("pk").first() or _row(related)
    if isinstance(field, models.DateTimeField):
        return timezone.now()
    if isinstance(field, models.DateField):
        return datetime.date(2021, 5, 26)
    if isinstance(field, models.JSONField):
        return {}
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.IntegerField):
        return 1
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.EmailField):
        return f"someone{uuid.uuid4().hex[:8]}@example.gov.uk"
    return f"x{uuid.uuid4().hex[:8]}"


def _row(model):
    """A row of `model` with every required column filled in, made through the model as a service would."""
    instance = model()
    for field in model._meta.concrete_fields:
        if field.primary_key or (field.null and isinstance(field, models.ForeignKey)):
            continue
        setattr(instance, field.name, _value(field))
    instance.save()
    return instance


@pytest.mark.django_db
@pytest.mark.parametrize("model", HISTORY_MODELS, ids=lambda model: model._meta.label)
def test_the_database_itself_refuses_to_change_or_delete_a_history_row(model):
    row = _row(model)
    table, pk = connection.ops.quote_name(model._meta.db_table), connection.ops.quote_name(model._meta.pk.column)
    # Names from the model's own metadata, quoted by the database's rules: nothing here comes from outside.
    update = f"UPDATE {table} SET {pk} = {pk} WHERE {pk} = %s"  # noqa: S608
    delete = f"DELETE FROM {table} WHERE {pk} = %s"  # noqa: S608
    for statement in (update, delete):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [row.pk])
    assert model._base_manager.filter(pk=row.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("model", HISTORY_MODELS, ids=lambda model: model._meta.label)
def test_the_model_and_its_queryset_refuse_too(model):
    row = _row(model)
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    with pytest.raises(AppendOnlyError):
        model.objects.filter(pk=row.pk).update(pk=row.pk)
    with pytest.raises(AppendOnlyError):
        model.objects.filter(pk=row.pk).delete()
