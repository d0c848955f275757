"""The historical path for responses and progress returns (ADR 0016).

A force or commissioner may have published its response, or a progress return, on its own website before the
service held it. An inspectorate caseworker (or an administrator) enters it here, word for word, with the document it
comes from and the date that document gives, or none: the record is then "date not known", never late or on time.
Nobody at the organisation is signed in for it, so there is no sign-off: the source is the authority, and the page
says where it came from and when it was recorded here.

Entering a record never overwrites the organisation's own work: while the organisation has a draft in progress, the
caseworker is asked to leave it to them.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.core import audit
from followthrough.core.actors import acting_for
from followthrough.core.models import AuditEntry
from followthrough.core.workflow import contributed
from followthrough.reports.services.common import for_the_inspectorate

from ..models import State
from . import common, responses
from .common import RECORDERS

DOING = "enter a record from a published source"


def _recorder(user):
    actor = for_the_inspectorate(user)
    return acting_for(actor.user, actor.organisation, *RECORDERS, doing=DOING)


@transaction.atomic
def response_enter_from_source(
    *, obligation, recorded_by, source, acceptance, acceptance_reason="", done="", point_answers=None
):
    """Enter `obligation`'s response as it was published elsewhere, from `source` (`core.provenance.Source`).

    It becomes the response's next published version: the first, or a correction of what the service already
    shows. Every point needs an answer or the reason it is not addressed, as for any response."""
    actor = _recorder(recorded_by)
    source.check()
    response = responses.response_locked(obligation)
    working = response.working_version()
    if working is not None:
        raise ValidationError(
            f"{obligation.organisation.name} is already writing a response to this recommendation "
            f"(it is {working.get_state_display().lower()}). Leave it to them to finish and publish"
        )
    version = responses.version_new(response=response, actor=actor)
    responses.content_write(
        version,
        acceptance=acceptance,
        acceptance_reason=acceptance_reason,
        done=done,
        change_note=f"Entered from {source.title}" if version.number > 1 else "",
        point_answers=point_answers,
    )
    version.full_clean()
    version.save()
    return common.record_from_source(
        record=version,
        recorded_by=actor,
        source_title=source.title,
        source_url=source.url,
        published_on=source.on,
        note=version.change_note,
    )


@transaction.atomic
def return_enter_from_source(*, progress_return, recorded_by, source, status, narrative):
    """Enter a progress return as it was published elsewhere, from `source`, if the organisation has not started
    it in the service."""
    actor = _recorder(recorded_by)
    source.check()
    locked = common.sign_off_workflow.lock(progress_return)
    if locked.state != State.DRAFT or locked.drafted_by_id is not None:
        raise ValidationError(
            f"{locked.obligation.organisation.name} has already started this return in the service "
            f"(it is {locked.get_state_display().lower()}). Leave it to them to finish and publish"
        )
    before = audit.snapshot(locked)
    locked.status, locked.narrative = status or "", (narrative or "").strip()
    locked.drafted_by = actor.user
    locked.full_clean()
    locked.save()
    audit.record(actor=actor.user, instance=locked, action=AuditEntry.Action.UPDATED, before=before)
    contributed(locked, actor)
    published = common.record_from_source(
        record=locked,
        recorded_by=actor,
        source_title=source.title,
        source_url=source.url,
        published_on=source.on,
    )
    if progress_return is not published:
        progress_return.refresh_from_db()
    return published
