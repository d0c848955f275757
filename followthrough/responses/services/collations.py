"""National collation: NPCC collates chief constables, APCC collates local policing bodies (DOMAIN.md §2.8)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from followthrough.core import audit
from followthrough.core.models import AuditEntry
from followthrough.organisations.models import FORCE_KINDS, Kind, Role

from ..models import Collation
from . import common

# Which kinds of organisation each national body collates, by its code.
COLLATES = {"npcc": FORCE_KINDS, "apcc": (Kind.LOCAL_POLICING_BODY,)}


def collated_kinds(organisation):
    return COLLATES.get(organisation.code, ())


@transaction.atomic
def collation_publish(*, recommendation, organisation, published_by, text, figures, on=None, is_example=False):
    """Publish a national body's collated response on a recommendation, with the roll-up it was written against."""
    common.require(published_by, organisation, Role.COLLATOR, doing="publish its national collation")
    if not collated_kinds(organisation):
        raise ValidationError(f"{organisation} does not collate responses")
    if not recommendation.report.is_published:
        raise ValidationError("The report has not been published")
    if not text.strip():
        raise ValidationError({"text": "Enter the collated response"})
    collation = Collation(
        recommendation=recommendation,
        organisation=organisation,
        text=text.strip(),
        figures=figures,
        created_by=published_by,
        published_on=on or timezone.localdate(),
        is_example=is_example,
    )
    collation.full_clean()
    collation.save()
    audit.record(actor=published_by, instance=collation, action=AuditEntry.Action.CREATED)
    return collation
