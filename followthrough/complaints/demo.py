"""Demonstration super-complaints: the real ones in DOMAIN.md §3, with their real dates where the sources give them.

Everything is written through the services, dated as it happened, so the timelines show the real dates. Where the
sources do not give a fact (an exact day, the date of an eligibility decision, the complaint's full text, a contact)
the record says so instead of inventing it. The reports app moves each complaint to "report published" when it
publishes the report. Safe to run again: a complaint already loaded is left alone.
"""

import datetime
from dataclasses import dataclass

from followthrough.core.provenance import Source
from followthrough.organisations.models import Organisation

from . import services
from .models import State, SuperComplaint

NOT_IN_SOURCES = "Not in the source documents held by this service."
FORCES_NOTE = (
    "The forces concerned are recorded as all forces within section 29A: the source documents do not list them."
)
ACKNOWLEDGED_NOTE = (
    "The exact date of acknowledgement is not in the source documents, so it is recorded as not known: neither in "
    "time nor late."
)
HARM_NOTE = "The complaint's own explanation of the harm is not in the source documents held by this service."
ELIGIBLE_DATE_NOTE = "The date of the eligibility decision is not in the source documents."
ELIGIBLE_REASONS = (
    "Summary: decided eligible. The reasons given to the designated body are not in the source documents."
)


# Where the dates come from: the inspectorate's publication pages, as gathered in the domain notes (DOMAIN.md §3).
SOURCE = "HMICFRS's published list of super-complaints"


@dataclass(frozen=True)
class DemoComplaint:
    body: str  # organisation code
    title: str
    received_on: datetime.date
    features: str
    evidence: str = NOT_IN_SOURCES
    received_note: str = ""
    eligible_on: datetime.date | None = None
    # Where the eligibility notice says so, its publication date is not the decision's: the note says which is known.
    eligible_note: str = ELIGIBLE_DATE_NOTE
    source: Source | None = None  # the publication page, where it says when the complaint was received
    joint: tuple = ()  # codes of the other designated bodies making it jointly (ADR 0017)


DEMO_COMPLAINTS = [
    DemoComplaint(
        body="liberty",
        joint=("southall-black-sisters",),
        title="Policing and immigration status",
        received_on=datetime.date(2018, 12, 18),
        features=(
            "Summary: a super-complaint made jointly by Liberty and Southall Black Sisters about policing and "
            "immigration status. The report on it, Safe to share?, was published on 17 December 2020."
        ),
    ),
    DemoComplaint(
        body="centre-for-womens-justice",
        title="Protective measures",
        received_on=datetime.date(2019, 3, 19),
        features=(
            "Summary: a super-complaint by the Centre for Women's Justice about protective measures. The report on "
            "it, A duty to protect, was published on 24 August 2021."
        ),
    ),
    DemoComplaint(
        body="hestia",
        title="Underground lives: police response to victims of modern slavery",
        received_on=datetime.date(2019, 5, 31),
        features=(
            "Summary: Hestia's super-complaint about the police response to victims of modern slavery, drawing on "
            "its report Underground lives: police response to victims of modern slavery (March 2019). The report on "
            "it, The hidden victims, was published by HMICFRS, the College of Policing and the IOPC on 26 May 2021."
        ),
        evidence=(
            "Summary: Hestia's report Underground lives: police response to victims of modern slavery (March 2019). "
            "The full text of the super-complaint is not in the source documents held by this service."
        ),
    ),
    DemoComplaint(
        body="centre-for-womens-justice",
        title="Police perpetrated domestic abuse",
        received_on=datetime.date(2020, 3, 1),
        received_note=(
            "Received in March 2020. The day is not known: 1 March 2020 is recorded, so the acknowledgement "
            "deadline shown is worked out from that day."
        ),
        features=(
            "Summary: a super-complaint by the Centre for Women's Justice about police perpetrated domestic abuse. "
            "The report on it was published on 30 June 2022."
        ),
    ),
    DemoComplaint(
        body="tees-valley-inclusion-project",
        title="Invisible Survivors – The Long Wait For Justice",
        received_on=datetime.date(2020, 8, 7),
        features=(
            "Summary: the Tees Valley Inclusion Project's super-complaint, Invisible Survivors – The Long Wait For "
            "Justice. In HMICFRS's words, it is about the police response to victims of sexual abuse from ethnic "
            "minority backgrounds who may be at risk of honour-based abuse. The report on it was published on "
            "16 December 2022."
        ),
        source=Source(
            "HMICFRS: How the police respond to victims of sexual abuse when the victim is from an ethnic minority "
            "background and may be at risk of honour-based abuse",
            url="https://hmicfrs.justiceinspectorates.gov.uk/publications/report-on-tees-valley-inclusion-project-"
            "super-complaint/",
        ),
    ),
    DemoComplaint(
        body="criminal-justice-alliance",
        title="More harm than good",
        received_on=datetime.date(2021, 5, 1),
        received_note=(
            "Received in May 2021. The day is not known: 1 May 2021 is recorded, so the acknowledgement deadline "
            "shown is worked out from that day."
        ),
        features=(
            "Summary: the Criminal Justice Alliance's super-complaint, More harm than good. In HMICFRS's words, it is "
            "about the police’s use of section 60 of the Criminal Justice and Public Order Act 1994, and the scrutiny "
            "of all stop and search powers. The report on it was published on 15 December 2023."
        ),
        source=Source(
            "HMICFRS: Report on the Criminal Justice Alliance’s super-complaint - Section 60 of the Criminal Justice "
            "and Public Order Act 1994 and independent community scrutiny of stop and search",
            url="https://hmicfrs.justiceinspectorates.gov.uk/publications/report-on-the-criminal-justice-alliances-"
            "stop-and-search-super-complaint/",
        ),
    ),
    DemoComplaint(
        body="suzy-lamplugh-trust",
        title="Stalking",
        received_on=datetime.date(2022, 11, 1),
        received_note=(
            "Received in November 2022. The day is not known: 1 November 2022 is recorded, so the acknowledgement "
            "deadline shown is worked out from that day."
        ),
        features=(
            "Summary: a super-complaint by the Suzy Lamplugh Trust, on behalf of the National Stalking Consortium, "
            "about the police response to stalking. HMICFRS published its notice that the complaint is eligible to be "
            "investigated on 26 January 2023, and the report on it, The police response to stalking, on "
            "27 September 2024."
        ),
        eligible_note=(
            "The date of the eligibility decision is not in the sources. The date known is that of HMICFRS's notice "
            "that the complaint is eligible to be investigated: published on 26 January 2023."
        ),
        source=Source(
            "HMICFRS: Super-complaint on the police response to stalking assessed as being eligible to be investigated",
            url="https://www.justiceinspectorates.gov.uk/hmicfrs/publications/super-complaint-on-the-police-response-"
            "to-stalking-eligible-for-investigation",
        ),
    ),
]


def load_one(demo, organisation):
    """Lodge, submit, acknowledge and decide one complaint through the services, as the system (actor None)."""
    received = demo.source or Source(SOURCE)
    complaint = services.complaint_start(designated_body=organisation, started_by=None, title=demo.title)
    services.complaint_update_draft(
        complaint=complaint,
        updated_by=None,
        features_of_policing=f"{demo.features}\n\n{FORCES_NOTE}",
        all_section_29a_forces=True,
        public_interest_harm=HARM_NOTE,
        evidence_description=demo.evidence,
        contact_name="Not in the source documents (demonstration data)",
        contact_email=f"contact@{organisation.code}.example",
        joint_complainants=Organisation.objects.filter(code__in=demo.joint),
    )
    complaint = services.complaint_submit(
        complaint=complaint,
        submitted_by=None,
        note=demo.received_note,
        source=Source(received.title, on=demo.received_on, url=received.url),
    )
    # The sources do not say when each complaint was acknowledged, so the date is not known (ADR 0016).
    complaint = services.complaint_acknowledge(
        complaint=complaint, acknowledged_by=None, note=ACKNOWLEDGED_NOTE, source=Source(SOURCE)
    )
    return services.complaint_decide_eligibility(
        complaint=complaint,
        decided_by=None,
        decision=State.ELIGIBLE,
        reasons=ELIGIBLE_REASONS,
        agreed_by_hmicfrs=True,
        agreed_by_iopc=True,
        agreed_by_college_of_policing=True,
        note="" if demo.eligible_on else demo.eligible_note,
        source=Source(received.title, on=demo.eligible_on, url=received.url),
    )


def load(out):
    lines = []
    for demo in sorted(DEMO_COMPLAINTS, key=lambda d: d.received_on):
        organisation = Organisation.objects.filter(code=demo.body).first()
        if organisation is None:
            lines.append(f"  skipped {demo.title}: no organisation with code {demo.body!r}")
            continue
        complaint = SuperComplaint.internal.filter(designated_body=organisation, title=demo.title).first()
        if complaint is None:
            complaint = load_one(demo, organisation)
        lines.append(
            f"  {complaint.reference}  {organisation.name}: {complaint.title} ({complaint.get_state_display()})"
        )
    out.write("\nDemo super-complaints:\n{}\n".format("\n".join(lines)))
