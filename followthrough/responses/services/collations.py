"""National collation: NPCC collates chief constables, APCC collates local policing bodies (DOMAIN.md §2.8).

A national response is drafted, approved by a second collator and published with a confirmation, like a response
(ADR 0016). Its figures are not given by anyone: the service works them out from the published record at the moment
of publication and keeps them as they stood.
"""

from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from followthrough.core import audit
from followthrough.core.models import AuditEntry
from followthrough.core.provenance import check_source
from followthrough.core.workflow import Transition, Workflow, contributed
from followthrough.organisations.models import FORCE_KINDS, Kind, Role
from followthrough.reports.models import Obligation

from ..models import Collation, State
from ..presenters.status import statuses, summary
from . import common

# Which kinds of organisation each national body collates, by its code.
COLLATES = {"npcc": FORCE_KINDS, "apcc": (Kind.LOCAL_POLICING_BODY,)}
COLLATORS = (Role.COLLATOR,)


def collated_kinds(organisation):
    return COLLATES.get(organisation.code, ())


def collation_figures(*, recommendation, organisation, on=None):
    """The roll-up of the published record for the bodies `organisation` collates, as it stands on `on` (today)."""
    obligations = Obligation.public.filter(
        recommendation=recommendation, organisation__kind__in=collated_kinds(organisation)
    ).select_related("organisation", "recommendation__report", "response_deadline", "recommendation_deadline")
    result = summary(statuses(obligations.order_by("organisation__name"), on=on))
    return {**asdict(result), "words": result.words, "on": (on or timezone.localdate()).isoformat()}


def _freeze_figures(collation):
    collation.published_on = timezone.localdate()
    collation.figures = collation_figures(recommendation=collation.recommendation, organisation=collation.organisation)


def _history(*, record, actor, title, note, from_state, public, **_):
    audit.record(actor=actor.user, instance=record, action=AuditEntry.Action.UPDATED, reason=title)


collation_workflow = Workflow(
    {
        "approve": Transition(
            frozenset({State.DRAFT}),
            State.APPROVED,
            COLLATORS,
            "approve it",
            "{What} approved",
            stamp="approved",
            four_eyes=True,
            complete=True,
        ),
        "send-back": Transition(
            frozenset({State.APPROVED}),
            State.DRAFT,
            COLLATORS,
            "send it back to draft",
            "{What} sent back to draft",
            clears=("approved",),
        ),
        "publish": Transition(
            frozenset({State.APPROVED}),
            State.PUBLISHED,
            COLLATORS,
            "publish it",
            "{What} published",
            stamp="published",
            public=True,
            effect=_freeze_figures,
        ),
    },
    organisation_of=lambda collation: collation.organisation,
    history=_history,
    editable=(State.DRAFT,),
    what=lambda collation: "national response",
)


def _check_collates(organisation, recommendation):
    if not collated_kinds(organisation):
        raise ValidationError(f"{organisation} does not collate responses")
    if not recommendation.report.is_published:
        raise ValidationError("The report has not been published")


@transaction.atomic
def collation_save(*, recommendation, organisation, saved_by, text, expected_version=None, is_example=False):
    """Write or change the national response being drafted on a recommendation (there is one at a time)."""
    actor = common.require(saved_by, organisation, *COLLATORS, doing="write its national response")
    _check_collates(organisation, recommendation)
    if not text.strip():
        raise ValidationError({"text": "Enter the collated response"})
    working = Collation.casework.working().filter(recommendation=recommendation, organisation=organisation).first()
    if working is None:
        collation = Collation(
            recommendation=recommendation,
            organisation=organisation,
            text=text.strip(),
            created_by=saved_by,
            is_example=is_example,
        )
        collation.full_clean()
        collation.save()
        audit.record(actor=saved_by, instance=collation, action=AuditEntry.Action.CREATED)
        contributed(collation, actor)
        return collation
    locked = collation_workflow.edit(
        working, user=saved_by, roles=COLLATORS, doing="change its national response", expected_version=expected_version
    )
    before = audit.snapshot(locked)
    locked.text = text.strip()
    return collation_workflow.saved(locked, user=saved_by, before=before)


@transaction.atomic
def collation_approve(*, collation, approved_by, expected_version=None):
    """Approve a draft national response: by a collator who did not write or change it."""
    return collation_workflow.take(collation, "approve", user=approved_by, expected_version=expected_version)


@transaction.atomic
def collation_send_back(*, collation, sent_back_by, expected_version=None):
    return collation_workflow.take(collation, "send-back", user=sent_back_by, expected_version=expected_version)


@transaction.atomic
def collation_publish(*, collation, published_by, expected_version=None):
    """Publish an approved national response, dated today, with the figures as they stand now, kept for good."""
    return collation_workflow.take(collation, "publish", user=published_by, expected_version=expected_version)


@transaction.atomic
def collation_record_from_source(
    *, recommendation, organisation, text, source_title, source_url="", published_on=None, is_example=False
):
    """The historical path, for the demonstration data: a national response published elsewhere, with its source,
    and the figures worked out as they stood on the date the source gives."""
    _check_collates(organisation, recommendation)
    check_source(source_title=source_title, source_url=source_url, on=published_on)
    now = timezone.now()
    collation = Collation(
        recommendation=recommendation,
        organisation=organisation,
        text=text.strip(),
        state=State.PUBLISHED,
        figures=collation_figures(recommendation=recommendation, organisation=organisation, on=published_on),
        published_on=published_on,
        published_at=now,
        source_title=source_title,
        source_url=source_url,
        recorded_at=now,
        is_example=is_example,
    )
    collation.full_clean()
    collation.save()
    audit.record(actor=None, instance=collation, action=AuditEntry.Action.CREATED, reason=f"From {source_title}")
    return collation
