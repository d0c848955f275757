"""Who is told when a super-complaint moves on, and what they are told.

The designated bodies making the complaint (the lead and every joint complainant) hear of each step the inspectorate
owes them under SI 2018/748: receipt (with the reference and the date the acknowledgement is due, reg 5), the
acknowledgement, the eligibility decision (reg 6(5) and (6)), each progress report (reg 7) and the published report.
Notices go through the outbox in GOV.UK Notify's plain style, keyed by the complaint, the step and its version, so each
step is told once. A step recorded from its source happened before the service held it, and is not notified.
"""

from django.urls import reverse

from followthrough.notifications.services import link, notices_queue, role_holders
from followthrough.organisations.models import Role

from .models import Action, State

SUBJECTS = {
    Action.SUBMIT: "Received: super-complaint {reference}",
    Action.ACKNOWLEDGE: "Acknowledged: super-complaint {reference}",
    Action.DECIDE_ELIGIBILITY: "Eligibility decided: super-complaint {reference}",
    Action.RECORD_PROGRESS_REPORT: "Progress report: super-complaint {reference}",
    Action.RECORD_REPORT_PUBLISHED: "Report published: super-complaint {reference}",
}


def _opening(complaint, name):
    title = f"“{complaint.title}”"
    if name == Action.SUBMIT:
        return f"The inspectorate has received your super-complaint {title}."
    if name == Action.ACKNOWLEDGE:
        return f"The inspectorate has acknowledged your super-complaint {title}."
    if name == Action.DECIDE_ELIGIBILITY:
        decided = "eligible" if complaint.state == State.ELIGIBLE else "not eligible"
        return (
            f"The inspectorate, the IOPC and the College of Policing decided your super-complaint {title} is {decided}."
        )
    if name == Action.RECORD_PROGRESS_REPORT:
        return f"The inspectorate has sent a progress report on the investigation of your super-complaint {title}."
    return f"The report on your super-complaint {title} has been published."


def complaint_notify(*, record, name, actor, note=""):
    """Queue the notice a step owes the complainants (the complaint workflow's `notify`)."""
    if name not in SUBJECTS:
        return 0
    complaint = record
    page = link(reverse("complaints:detail", kwargs={"complaint_id": complaint.pk}))
    body = "\n\n".join(
        part
        for part in (
            _opening(complaint, name),
            note.strip(),
            f"See the super-complaint and everything that has happened to it:\n{page}",
            "You get this email because you make super-complaints for your organisation on Follow Through.",
        )
        if part
    )
    return notices_queue(
        users=role_holders(complaint.complainants, [Role.DESIGNATED_BODY_USER]),
        key=f"complaint:{complaint.pk}:{name}:{complaint.version}",
        subject=SUBJECTS[name].format(reference=complaint.reference),
        body=body,
    )
