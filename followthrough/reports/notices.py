"""Who is told when a report is published: the editors and approvers of each organisation it addresses, with what is
addressed to them and when it is due.

One notice for each organisation, keyed by the report and the organisation, through the outbox, so publishing is told
once. A report recorded from its source was published before the service held it, and is not notified.
"""

from django.urls import reverse

from followthrough.core.formatting import long_date, plural
from followthrough.notifications.services import link, notices_queue, role_holders
from followthrough.organisations.models import Role

TOLD = (Role.EDITOR, Role.APPROVER)


def _line(obligation):
    recommendation = obligation.recommendation
    dates = []
    if obligation.response_deadline:
        dates.append(f"response due by {long_date(obligation.response_deadline.due)}")
    if obligation.recommendation_deadline:
        dates.append(f"to be done by {long_date(obligation.recommendation_deadline.due)}")
    return f"- {recommendation.title}: {', '.join(dates) if dates else 'no date set'}"


def _order(obligation):
    return (obligation.recommendation.kind, obligation.recommendation.number)


def report_published_notify(*, report, obligations):
    """Queue one notice for each organisation given an obligation by `report`; return how many are new."""
    by_organisation = {}
    for obligation in obligations:
        by_organisation.setdefault(obligation.organisation, []).append(obligation)
    page = link(reverse("responses:obligations"))
    queued = 0
    for organisation, owed in sorted(by_organisation.items(), key=lambda item: item[0].name):
        what = plural(len(owed), "recommendation or action", "recommendations or actions")
        body = "\n\n".join(
            (
                f"The inspectorate published “{report.title}” on {long_date(report.published_on)}. "
                f"It addresses {what} to {organisation.name}:",
                "\n".join(
                    _line(o) for o in sorted(owed, key=lambda o: (o.recommendation.kind, o.recommendation.number))
                ),
                f"Read them and write your responses:\n{page}",
                f"You get this email because you are an editor or approver for {organisation.name} on Follow Through.",
            )
        )
        queued += notices_queue(
            users=role_holders(organisation, TOLD),
            key=f"report:{report.pk}:published:{organisation.pk}",
            subject=f"Published: {report.title}: {what} for {organisation.name}",
            body=body,
        )
    return queued
