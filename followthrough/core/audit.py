"""Recording changes to regulated records. Service functions call `record` inside their transaction."""

import datetime
import decimal
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile

from .models import AuditEntry


def _plain(value):
    if isinstance(value, datetime.date | datetime.datetime | decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or ""  # a file is recorded by its stored name
    return value


def snapshot(instance, exclude=("password",), *, many=None):
    """The stored field values of `instance`, as JSON-ready data. `many` maps many-to-many fields to the attribute
    each related row is named by (`{"forces": "code"}`), kept sorted."""
    data = {}
    for field in instance._meta.concrete_fields:
        if field.name in exclude:
            continue
        data[field.name] = _plain(getattr(instance, field.attname))
    if instance.pk:
        for name, attribute in (many or {}).items():
            data[name] = sorted(getattr(instance, name).values_list(attribute, flat=True))
    return data


def record(*, actor, instance, action, before=None, after=None, reason=""):
    if after is None and action != AuditEntry.Action.DELETED:
        after = snapshot(instance)
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=(actor.email if actor is not None and actor.is_authenticated else "System"),
        action=action,
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_repr=str(instance)[:255],
        before=before,
        after=after,
        reason=reason,
    )
