"""Demonstration letters: the commissioners' letter to the Minister for Safeguarding and her reply (seed 002).

The text is the seed's, with three repairs of the way it was extracted from the published PDFs, none of which changes
a word the authors wrote: the footnotes that fell mid-sentence at a page break are moved to the end, the link marks
"[...](#)" around two footnote titles are dropped, and a description of the Minister's handwritten signature is left
out. The named officials' own email addresses are marked for redaction, to show how a published letter looks; the
shared commissioner mailbox is not.

The demonstration caseworker records the letters and the second demonstration caseworker clears and publishes them:
the person who clears a letter must not be the person who recorded it (four eyes, ADR 0009 and ADR 0018). Without
the demonstration accounts the service itself records them and they stay drafts. Loaded by `python manage.py
load_demo` after the accounts' and the reports' demonstration data; safe to run again.
"""

import datetime
from pathlib import Path

from followthrough.accounts.models import User
from followthrough.core.formatting import long_date
from followthrough.organisations.models import Organisation
from followthrough.reports.models import Recommendation, Report

from . import services
from .models import Letter, State

HESTIA_SLUG = "the-hidden-victims"  # followthrough/reports/demo.py
TEXTS = Path(__file__).resolve().parent / "demo_letters"
COMMISSIONERS = (
    "Dame Sara Thornton DBE QPM, Independent Anti-Slavery Commissioner, and Dame Vera Baird QC, Victims' "
    "Commissioner for England and Wales"
)

LETTER = {
    "sent_on": datetime.date(2021, 10, 27),
    "from": "independent-anti-slavery-commissioner",
    "also_from": ["victims-commissioner"],
    "from_office_holder": COMMISSIONERS,
    "to": "home-office",
    "also_to": [],
    "to_office_holder": "Rachel Maclean MP, Parliamentary Under Secretary of State (Minister for Safeguarding)",
    "subject": "The hidden victims: Report on Hestia's super-complaint on the police response to victims of modern "
    "slavery",
    "text": "2021-10-27-commissioners-to-the-minister.txt",
    # Recommendation 1 (the Home Office's work on victims' experience) and 6 (its six-month progress report).
    "recommendations": [1, 6],
}

REPLY = {
    "sent_on": datetime.date(2021, 12, 9),
    "from": "home-office",
    "also_from": [],
    "from_office_holder": "Rachel Maclean MP, Minister for Safeguarding",
    "to": "independent-anti-slavery-commissioner",
    "also_to": ["victims-commissioner"],
    "to_office_holder": COMMISSIONERS,
    "subject": "The Hidden victims: report on Hestia's super-complaint on the police response to victims of modern "
    "slavery",
    "text": "2021-12-09-minister-to-commissioners.txt",
    # "Recommendation One", and "my officials will respond to HMICFRS in due course" (the report Recommendation 6 asks).
    "recommendations": [1, 6],
}


RECORDER = "caseworker@example.gov.uk"  # followthrough/accounts/demo.py
CLEARER = "second.caseworker@example.gov.uk"


def _user(email):
    return User.objects.filter(email=email).first()


def _organisation(code):
    return Organisation.objects.get(code=code)


def _letter(data, *, report, in_reply_to, recorder):
    from_organisation = _organisation(data["from"])
    existing = Letter.casework.filter(
        sent_on=data["sent_on"], from_organisation=from_organisation, subject=data["subject"]
    ).first()
    if existing is not None:
        return existing
    recommendations = []
    if report is not None:
        recommendations = list(
            Recommendation.casework.filter(
                report=report, kind=Recommendation.Kind.RECOMMENDATION, number__in=data["recommendations"]
            )
        )
    return services.letter_record(
        recorded_by=recorder,
        sent_on=data["sent_on"],
        from_organisation=from_organisation,
        from_office_holder=data["from_office_holder"],
        also_from=[_organisation(code) for code in data["also_from"]],
        to_organisation=_organisation(data["to"]),
        to_office_holder=data["to_office_holder"],
        also_to=[_organisation(code) for code in data["also_to"]],
        subject=data["subject"],
        body=(TEXTS / data["text"]).read_text(encoding="utf-8"),
        report=report,
        recommendations=recommendations,
        in_reply_to=in_reply_to,
    )


def _publish(letter, clearer):
    if letter.state == State.DRAFT:
        services.letter_clear(letter=letter, cleared_by=clearer, publish_now=True)
    elif letter.state == State.CLEARED:
        services.letter_publish(letter=letter, published_by=clearer)


def load(out):
    report = Report.casework.filter(slug=HESTIA_SLUG).first()
    recorder, clearer = _user(RECORDER), _user(CLEARER)
    letter = _letter(LETTER, report=report, in_reply_to=None, recorder=recorder)
    reply = _letter(REPLY, report=report, in_reply_to=letter, recorder=recorder)
    lines = []
    for item in (letter, reply):
        if clearer is not None and not item.is_author(clearer):
            _publish(item, clearer)
        item.refresh_from_db()
        lines.append(f"  /correspondence/{item.pk}/  {long_date(item.sent_on)}: {item.subject[:60]}… ({item.state})")
    if report is None:
        lines.append("  (The Hestia report was not loaded, so the letters are not linked to it.)")
    if clearer is None:
        lines.append("  (There is no second demonstration caseworker to clear the letters, so they are drafts.)")
    out.write("\nDemo correspondence:\n" + "\n".join(lines) + "\n")
