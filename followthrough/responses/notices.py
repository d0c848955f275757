"""Who is told when a response or progress return moves through sign-off, and what they are told.

Notices go through the outbox (ADR 0010), written in GOV.UK Notify's plain style: what happened, what to do, the link
to do it, and why the person gets the email. Each is keyed by the record, the step and the record's version, so the
same step is notified once, whoever retries it; a draft sent back and sent again is a new step, and is notified again.

- Sent for sign-off: the organisation's approvers, except the person who sent it.
- Sent back: the people who wrote or changed it, with the reason.
- Published: the people who wrote or changed it, with the public page.
"""

from django.urls import reverse

from followthrough.core.formatting import long_date
from followthrough.core.models import ContentEdit
from followthrough.notifications.services import link, notices_queue, role_holders
from followthrough.organisations.models import Role

from .services.common import PUBLISH, SEND_BACK, SUBMIT


def _is_response(record):
    return hasattr(record, "response_id")


def _name(record):
    """ "Warwickshire Police's response to Recommendation 2 of The hidden victims", or "… progress return 1 on …"."""
    obligation = record.obligation
    recommendation = obligation.recommendation
    if not _is_response(record):
        what = f"progress return {record.number} on"
    elif record.number == 1:
        what = "response to"
    else:
        what = f"correction (version {record.number}) of its response to"
    return f"{obligation.organisation.name}'s {what} {recommendation.title} of {recommendation.report.title}"


def writers(record):
    """Everyone who wrote, changed or sent `record` for sign-off."""
    users = [edit.actor for edit in ContentEdit.objects.for_object(record).select_related("actor")]
    return [*users, record.drafted_by, record.submitted_by]


def _step_link(record, step):
    obligation = record.obligation
    if _is_response(record):
        return link(reverse(f"responses:response-{step}", kwargs={"obligation_id": obligation.pk}))
    return link(reverse(f"responses:return-{step}", kwargs={"obligation_id": obligation.pk, "number": record.number}))


def _own_link(record):
    return link(reverse("responses:obligation", kwargs={"obligation_id": record.obligation.pk}))


def _public_link(record):
    obligation = record.obligation
    return link(
        reverse(
            "responses:organisation-response",
            kwargs={"slug": obligation.recommendation.report.slug, "code": obligation.organisation.code},
        )
    )


def sign_off_notify(*, record, name, actor, note=""):
    """Queue the notices a step of sign-off owes (the sign-off workflow's `notify`)."""
    organisation = record.obligation.organisation
    about = _name(record)
    key = f"sign-off:{type(record).__name__.lower()}:{record.pk}:{name}:{record.version}"
    user = actor.user if actor else None
    by = user.full_name if user else "Someone"
    footer = f"You get this email because you are an editor or approver for {organisation.name} on Follow Through."
    if name == SUBMIT:
        users = [u for u in role_holders(organisation, [Role.APPROVER]) if u != user]
        subject = f"Approve {about}"
        body = (
            f"{by} sent {about} for approval.\n\n"
            f"Check it, then approve it or send it back:\n{_step_link(record, 'approve')}\n\n"
            "Someone who wrote or changed it cannot approve it.\n\n"
            f"You get this email because you are an approver for {organisation.name} on Follow Through."
        )
    elif name == SEND_BACK:
        users = writers(record)
        subject = f"Sent back: {about}"
        body = (
            f"{by} sent {about} back to draft.\n\n"
            f"What needs to change:\n{note.strip()}\n\n"
            f"Change it and send it for sign-off again:\n{_own_link(record)}\n\n{footer}"
        )
    elif name == PUBLISH:
        users = writers(record)
        subject = f"Published: {about}"
        body = (
            f"{about[:1].upper()}{about[1:]} was published on {long_date(record.published_on)}.\n\n"
            f"Anyone can read it here:\n{_public_link(record)}\n\n{footer}"
        )
    else:
        return 0
    return notices_queue(users=users, key=key, subject=subject, body=body)
