"""The daily sweep for letters: remind whoever a published letter is addressed to when its reply is nearly due, and
once when it is overdue with no reply recorded.

Registered in settings.SWEEPERS. Each reminder's outbox key names the letter, the reply date and the stage
(`notifications.reminders`), so running the sweep again the same day sends nothing new. Only published letters are
reminded of, since the reminder links to the letter's public page.
"""

from django.conf import settings
from django.urls import reverse

from followthrough.core.formatting import long_date
from followthrough.notifications.reminders import OVERDUE, reminder_stage
from followthrough.notifications.services import link, notices_queue, role_holders
from followthrough.organisations.models import Role

from .models import Letter, State

REMINDED = (Role.EDITOR, Role.APPROVER, Role.CASEWORKER)


def _remind(letter, on):
    due_on = letter.reply_deadline.due
    stage = reminder_stage(due_on=due_on, on=on)
    if stage is None or (stage == OVERDUE and (on - due_on).days > int(settings.REMINDER_OVERDUE_CATCH_UP_DAYS)):
        return 0
    addressed = [letter.to_organisation, *letter.also_to.all()]
    about = f"the letter from {letter.from_organisation.name} of {long_date(letter.sent_on)}: {letter.subject}"
    if stage == OVERDUE:
        subject = f"Reply overdue: {letter.subject}"
        opening = f"A reply to {about} was due on {long_date(due_on)}, and none has been recorded."
    else:
        subject = f"Reply due {long_date(due_on)}: {letter.subject}"
        opening = f"A reply to {about} is due on {long_date(due_on)}."
    body = "\n\n".join(
        (
            opening,
            f"Read the letter:\n{link(reverse('correspondence:detail', kwargs={'letter_id': letter.pk}))}",
            "Send the reply to the inspectorate, which records it here.",
            "You get this email because the letter is addressed to your organisation on Follow Through.",
        )
    )
    return notices_queue(
        users=role_holders(addressed, REMINDED),
        key=f"letter:{letter.pk}:reply:{due_on.isoformat()}:{stage}",
        subject=subject,
        body=body,
    )


def run(*, on):
    letters = (
        Letter.casework.awaiting_reply()
        .filter(state=State.PUBLISHED)
        .select_related("to_organisation", "from_organisation", "reply_deadline")
        .prefetch_related("also_to")
    )
    return {"letter_reminders_queued": sum(_remind(letter, on) for letter in letters)}
