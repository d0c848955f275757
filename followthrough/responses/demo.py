"""Demonstration responses to *The hidden victims* (ADR 0008, "Demo data").

Two kinds of record, never mixed:

- **Warwickshire Police's real published answers** to Recommendations 2, 3 and 4, word for word from its published
  response (seed 004), abbreviations and slips included. Only the one-line lead-in to Recommendation 2 and the
  sentence after its progress return's statement are this service's words; both say so, and the ADR lists them.
- **Examples from other forces**, to make the matrix mean something: every record is `is_example`, every text
  starts "Example:", and the pages label them. They are written by example users who cannot sign in.

Everything goes through `responses.services`, so the same rules and history apply as for real use. Loaded by
`python manage.py load_demo` after the reports demo; safe to run again: each record is looked up first.
"""

import dataclasses
import datetime

from django.utils import timezone

from followthrough.accounts.models import User
from followthrough.core.formatting import plural
from followthrough.organisations.models import Membership, Organisation, Role
from followthrough.reports.demo import HESTIA_SLUG
from followthrough.reports.models import Obligation, Recommendation, Report

from . import services
from .models import Acceptance, Collation, Implementation, Outcome, ProgressReturn, Response, State

WARWICKSHIRE = "warwickshire-police"
WARWICKSHIRE_EDITOR = "editor@warwickshire.example.police.uk"
WARWICKSHIRE_APPROVER = "approver@warwickshire.example.police.uk"
CASEWORKER = "caseworker@example.gov.uk"
COLLATOR = "collator@npcc.example.police.uk"

# Warwickshire's published response gives no date. Its text says training has been "available since August 2021",
# and it records its six-month report, due 26/11/2021, as provided: we use that date (ADR 0008, "Demo data").
# The source gives no date of publication, so the date is not known: never late, never on time.
WARWICKSHIRE_PUBLISHED_ON = None
# The source document, 004_bfa23913cb0f5378.txt, as its readers know it.
WARWICKSHIRE_SOURCE = "Warwickshire's published response to the recommendations of The hidden victims"
EXAMPLE_SOURCE = "example data made up to show how the service works"

# This service's words, not Warwickshire's: the response needs something under "what has been done", and the seed
# has nothing before its first point's answer.
R2_LEAD_IN = "Warwickshire Police's answers are given point by point, under each point of the recommendation."

# Recommendation 2: the paragraphs that follow each of the recommendation's points in the seed, in point order.
R2_POINT_ANSWERS = [
    [
        (
            "Material regarding Modern Slavery & Human Tracking (MSHT) is available via the Warwickshire Police "
            "force intranet to all officers and staff. This includes first response guides, investigator manuals "
            "and victim support information."
        ),
        (
            "Updates to information are regularly communicated through force orders or via direct email to trained "
            "MSHT Victim Liaison Officers (VLO), MSHT Specialist Investigators, MSHT Tactical Advisors and Senior "
            "Investigating Officers (SIO’s)."
        ),
        (
            "Bitesize training programmes on MSHT, victim referral pathway and the National referral Mechanism "
            "(NRM) have been available to all officers from July 2021 from the online Managed Learning Environment."
        ),
        (
            "The MSHT victim referral pathway, available on force systems, provides a duty investigator/tactical "
            "advisor function to provide support to officers or supervisors/managers."
        ),
    ],
    [
        (
            "As part of their initial training, all student officers are provided with ½ day MSHT training "
            "including victim identification."
        ),
        "The bitesize training programme on MSHT (as above) includes victim identification",
        (
            "First Response investigator guides are available to all officers and staff electronically through "
            "force systems and physical copies have been distributed to Patrol teams."
        ),
        (
            "MSHT Specialist Investigators (x32) & MSHT Victim Liaison Officers (x14) have received additional "
            "training and are available to provide specialist support to colleagues as appropriate."
        ),
        (
            "MSHT VLO’s have been trained within Patrol, Safer Neighbourhood Teams (SNT) and the Domestic Abuse "
            "Unit (DAU) to provide a more effective resource to identify and provide immediate support to MSHT "
            "victims."
        ),
        (
            "A force MSHT CPD event was held in February 2019, attended by over 100 officers, staff & partners. "
            "Presentations included police, NGOs, partner agencies and specialist organisations."
        ),
        (
            "Force Crime Recording (FCR) & Designated Decision Makers (DDM) are aware of MSHT crime recording "
            "requirements; where information relating to MSHT is identified within a crime or incident and has not "
            "already been subject to accurate recording, officers are tasked to address this."
        ),
    ],
    [
        (
            "MSHT Specialist Investigator and Victim Liaison Officer training includes this concept and the "
            "necessity for decision making (in line with the National Decision Model) in situations where victims "
            "may have been forced to commit offences."
        ),
        (
            "National guidance on addressing potential section 45 defences or cases where victims may also be "
            "suspects (or vice versa) during initial custody procedures has been provided to all investigative "
            "teams and custody officers."
        ),
        (
            "Warwickshire Police now sit on the CPS regional working group for MSHT to provide a more effective "
            "response to cases where victims may have been forced to commit offences or the section 45 defence is "
            "likely to be utilised."
        ),
        (
            "Bitesize training programme on section 45 defences includes this concept and appropriate actions "
            "(available since August 2021)"
        ),
    ],
    [
        (
            "Bitesize training programme on MSHT provides this information, as do First Responder guides issued "
            "and provided via the force intranet."
        ),
        (
            "MSHT Victim Liaison Officers & Specialist Investigators have received additional training enabling "
            "them to facilitate immediate steps to make victims feel safe."
        ),
        (
            "Warwickshire Police are working with Warwickshire Community Safety Partnership (CSP) to develop a "
            "consistent countywide response to MSHT from all partner agencies within the county including "
            "consistent accommodation and victim support provisions across all Districts & Boroughs."
        ),
        (
            "Warwickshire Police are a referring partner for the West Midlands Anti-Slavery Network (WMASN) ‘Safe "
            "Place’ facility which provides safe accommodation for adult male victims of MSHT pre-NRM."
        ),
    ],
    [
        (
            "This is addressed within student initial training and MSHT specialist training programmes, which have "
            "also been provided to some OCC staff."
        ),
        (
            "All officers have access to multi-lingual booklets published by WMASN which detail the support "
            "available through the NRM in an easy read format."
        ),
        (
            "MSHT Victim Liaison Officers & Specialist Investigators have additional training to fully explain the "
            "range of support available to victims including support outside the NRM."
        ),
        (
            "Ongoing work with Warwickshire CSP is intended to provide a capability within partner agencies to "
            "undertake this duty as first responders."
        ),
    ],
    [
        (
            "Bitesize training programme on NRM explains this process and the necessity for good quality referrals "
            "as part of the MSHT response process in place of rushed referrals."
        ),
        (
            "Force MSHT victim referral pathway and CATE (Child Abuse, Trafficking and Exploitation) processes "
            "include provision of multi-agency Sec 47 meetings for all child potential victims prior to NRM "
            "completion, to ensure referrals made are of good quality and by the most appropriate agency."
        ),
    ],
    [
        (
            "Warwickshire Police now sit on a CPS regional working group for MSHT to provide a more effective "
            "response to cases where victims may have been forced to commit offences."
        ),
        (
            "Bitesize training programme on Sec 45 defences includes this concept and appropriate actions "
            "(available since August 2021)"
        ),
        (
            "Additional training is planned for proactive investigation teams who most frequently encounter this "
            "within County-Lines cases."
        ),
    ],
]
R3_PARAGRAPHS = [
    (
        "Warwickshire crime allocation procedure identifies that MSHT investigations should ordinarily be "
        "investigated within local CID teams, with Proactive CID teams investigating ‘County Lines’ and the CATE "
        "team reviewing all MSHT investigations relating to children."
    ),
    "The crime allocation procedure has an identified escalation procedure.",
    (
        "Since 2020, Warwickshire Police have been delivering the national MSHT Specialist Investigators course "
        "and now have a total of 32 trained investigators across CID, proactive CID and CATE teams, who have the "
        "additional skills to investigate MSHT."
    ),
]
R4_PARAGRAPHS = [
    (
        "Warwickshire Police are a referring partner for the West Midlands Anti-Slavery Network (WMASN) ‘Safe "
        "Place’ facility which provides safe accommodation for adult male victims of MSHT pre-NRM"
    ),
    (
        "Warwickshire Police are working with Warwickshire Community Safety Partnership (CSP) to develop a "
        "consistent countywide response to MSHT from all partner agencies within the county including consistent "
        "accommodation and victim support provisions across all districts & boroughs."
    ),
    (
        "Warwickshire are currently implementing a Multi-Agency Risk Assessment Meeting (MARAM) process to allow "
        "agencies to better work together to support individuals with vulnerabilities who do not meet the criteria "
        "under the Care Act for adult care & support needs or equivalent mental health act provisions.\xa0 It is "
        "anticipated this will include victims of MSHT."
    ),
    (
        "The Office of the Police and Crime Commissioner (OPCC) for Warwickshire is in the process of "
        "commissioning a new Victim Needs Assessment and have incorporated the following into the terms of "
        "reference:"
    ),
    # The seed's bullet list, kept as one block of "• " lines.
    "\n".join(
        [
            "• Services to victims of Modern Slavery and Human Trafficking, including:",
            (
                "• What does support for victims of modern slavery look like/need to look like locally from when "
                "they are initially identified, before they enter the NRM and what are the challenges?"
            ),
            (
                "• What does support for victims of modern slavery look like/need to look like locally when they "
                "exit the NRM and what are the challenges?"
            ),
            (
                "• What does support for victims of modern slavery look like/need to look like locally when they "
                "decline to enter the NRM and what are the challenges?"
            ),
            "• Services to victims who are Refugees",
            "• Services to victims who have a questionable immigration status (not Refugees)",
        ]
    ),
]
R6_STATEMENT = "Report provided by Warwickshire Police to HMICFRS via their online monitoring portal."

# Warwickshire is not an addressee of Recommendation 6; under it, its response says this. We record it as its first
# progress return on Recommendations 2, 3 and 4, with a sentence saying the status is our reading (ADR 0008).
STATUS_NOTE = (
    "Not Warwickshire Police's words: the status \"in progress\" is this service's reading of Warwickshire Police's "
    "published answers."
)
R6_RETURN_NARRATIVE = f"{R6_STATEMENT}\n\n{STATUS_NOTE}"

WARWICKSHIRE_ANSWERS = {
    2: {"done": R2_LEAD_IN, "points": ["\n\n".join(paragraphs) for paragraphs in R2_POINT_ANSWERS]},
    3: {"done": "\n\n".join(R3_PARAGRAPHS), "points": []},
    4: {"done": "\n\n".join(R4_PARAGRAPHS), "points": []},
}

# Examples ------------------------------------------------------------------------------------------------------------

RESPONSE_DUE = datetime.date(2021, 7, 20)  # 56 days from 26 May 2021
FIRST_RETURN_DUE = datetime.date(2021, 11, 26)
SECOND_RETURN_DUE = datetime.date(2022, 5, 26)
CORRECTED_ON = datetime.date(2022, 3, 3)

EXAMPLE_DONE = {
    2: "Example: the force has reviewed the guidance and training on modern slavery available to its officers and "
    "staff, and has put it all in one place on its intranet.",
    3: "Example: the force has reviewed its crime allocation policy, so that modern slavery investigations go to "
    "detectives trained in them, with a route to escalate complex cases to a specialist team.",
}
EXAMPLE_NOT_ACCEPTED_DONE = "Example: the force has reminded officers where to find the national guidance."
EXAMPLE_PARTIAL_REASONS = {
    2: "Example: the force accepts the recommendation for officers but not yet for non-specialist staff, whose "
    "training it will consider when its training budget is next set.",
    3: "Example: the force accepts the part on crime allocation but not the part on resources, which are set in its "
    "annual plan.",
}
EXAMPLE_NOT_ACCEPTED_REASONS = {
    2: "Example: the force does not accept this recommendation because it considers that the national training its "
    "officers already receive meets it.",
    3: "Example: the force does not accept this recommendation because its own recent review found that its crime "
    "allocation already directs these investigations to trained teams.",
}
EXAMPLE_POINT_ANSWERS = [
    "Example: guidance on modern slavery is on the force intranet, linked from the crime recording system.",
    "Example: all new officers are taught the signs of modern slavery, and a short online course is open to all staff.",
    "Example: investigators' training covers what to do when a victim may have been forced to commit an offence.",
    "Example: officers can call a duty specialist at any time for help finding a place of safety.",
    "Example: officers carry a leaflet, in several languages, on the support available to victims.",
    "Example: the force's referral guide explains the National Referral Mechanism and the duty to notify.",
    "Example: custody staff are reminded to consider the section 45 defence whenever a suspect may be a victim.",
]
EXAMPLE_POINT_NOT_ADDRESSED = "Example: the force will answer this point in its first progress return."
EXAMPLE_ACTION = {
    2: "Example: train every response officer in identifying victims of modern slavery.",
    3: "Example: review how modern slavery investigations are allocated, and publish the revised policy.",
}
EXAMPLE_ACTION_OWNER = "Head of public protection"
EXAMPLE_CHANGE_NOTE = "Example: the review of crime allocation will finish later than planned."
EXAMPLE_REVISION_REASON = "Example: the review now includes the regional organised crime unit, which joined it late."
EXAMPLE_IN_PROGRESS = "Example: the force has trained most of its investigators and will finish by the next return."
EXAMPLE_IMPLEMENTED = (
    "Example: the force says it has finished all the work it planned in response to this recommendation."
)
EXAMPLE_ASSESSED_COMPLETE = "Example: the inspectorate has seen the force's revised policy and its training records."
EXAMPLE_ASSESSED_NOT_COMPLETE = (
    "Example: the force has not shown that non-specialist staff can find the guidance. The inspectorate will look "
    "again at the next return."
)
EXAMPLE_COLLATION = (
    "Example: the National Police Chiefs' Council has collated chief constables' responses to Recommendation 2. "
    "Most forces that have responded have accepted it; the council has asked the others to respond."
)
EXAMPLE_APCC_COLLATION = (
    "Example: the Association of Police and Crime Commissioners has collated police and crime commissioners' "
    "responses to Recommendation 4. Most local policing bodies that have responded have accepted it; the association "
    "has asked the others to respond."
)
EXAMPLE_DRAFT_R4 = (
    "Example: the commissioner's office is commissioning a needs assessment that includes victims of modern slavery."
)


@dataclasses.dataclass(frozen=True)
class ExamplePlan:
    """What one example force published: which responses, how, when, and which progress returns."""

    code: str
    numbers: tuple  # the recommendations it responded to
    acceptance: dict  # number -> Acceptance
    published_on: datetime.date
    with_action: bool
    in_progress_return: bool  # return 1 on Recommendation 2, "in progress"
    claim: int | None  # the recommendation it claims implemented at return 2
    assessment: str | None  # the caseworker's outcome on that claim
    corrected: bool  # a correction of its Recommendation 3 response, moving the action's target date


# Deterministic choices by position among the responders, so the demo is the same on every run.
NOT_ACCEPTED = {(7, 3), (19, 2)}
PARTIALLY = {3, 10, 17, 24}
IN_PROGRESS = {0, 1, 4, 6, 9, 12}
CLAIMS = {0: (2, Outcome.COMPLETE), 4: (2, Outcome.NOT_COMPLETE), 6: (3, None), 12: (2, None)}


def example_plans(codes):
    """About 25 of the forces other than Warwickshire respond; the rest stay silent.

    `codes` are the other territorial forces' codes in alphabetical order; the responders are every force whose
    position leaves 0, 2 or 3 after dividing by 5. Positions among the responders then decide the rest.
    """
    responders = [code for index, code in enumerate(sorted(codes)) if index % 5 in (0, 2, 3)]
    plans = []
    for k, code in enumerate(responders):
        numbers = (2,) if k % 6 == 5 else (3,) if k % 6 == 2 else (2, 3)
        acceptance = {}
        for number in numbers:
            if (k, number) in NOT_ACCEPTED:
                acceptance[number] = Acceptance.NOT_ACCEPTED
            elif k in PARTIALLY:
                acceptance[number] = Acceptance.PARTIALLY_ACCEPTED
            else:
                acceptance[number] = Acceptance.ACCEPTED
        late = k % 4 == 1
        published_on = (
            RESPONSE_DUE + datetime.timedelta(days=10 + 3 * k)
            if late
            else datetime.date(2021, 6, 28) + datetime.timedelta(days=k % 20)
        )
        claim, assessment = CLAIMS.get(k, (None, None))
        plans.append(
            ExamplePlan(
                code=code,
                numbers=numbers,
                acceptance=acceptance,
                published_on=published_on,
                with_action=k % 3 == 0,
                in_progress_return=k in IN_PROGRESS and 2 in numbers,
                claim=claim,
                assessment=assessment,
                corrected=k == 0,
            )
        )
    return plans


# Helpers -------------------------------------------------------------------------------------------------------------


def _user(email):
    return User.objects.filter(email=email).first()


def _example_user(organisation, role):
    """An example editor or approver at `organisation`, who cannot sign in: the password is unusable."""
    kind = "editor" if role == Role.EDITOR else "approver"
    email = f"example-{kind}@{organisation.code}.example.police.uk"
    user = _user(email)
    if user is None:
        user = User(email=email, full_name=f"Example {kind}, {organisation.name}")
        user.set_unusable_password()
        user.save()
    Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
    return user


def _obligations(report, number):
    return {
        o.organisation.code: o
        for o in Obligation.casework.filter(
            recommendation__report=report,
            recommendation__kind=Recommendation.Kind.RECOMMENDATION,
            recommendation__number=number,
        ).select_related("organisation", "recommendation__report")
    }


def _published(obligation):
    response = Response.objects.filter(obligation=obligation).first()
    return response.latest_published() if response else None


def _source(example):
    """Where a demonstration record comes from: the source document, or the made-up examples, said as such."""
    return EXAMPLE_SOURCE if example else WARWICKSHIRE_SOURCE


def _sign_off(version, editor, approver, on):
    """Record a version as published on the date its source gives, through the historical path (ADR 0016)."""
    if version.state != State.PUBLISHED:
        services.response_record_from_source(version=version, source_title=_source(version.is_example), published_on=on)
        version.refresh_from_db()
    return version


def _respond(obligation, *, editor, approver, on, acceptance, done, reason="", points=(), action=None, example):
    """Publish a first response, unless the obligation already has a published one."""
    published = _published(obligation)
    if published is not None:
        return published
    version = services.response_start(obligation=obligation, started_by=editor, is_example=example)
    if version.state == State.DRAFT:
        services.response_save(
            version=version,
            saved_by=editor,
            acceptance=acceptance,
            acceptance_reason=reason,
            done=done,
            point_answers=dict(enumerate(points, start=1)),
        )
        if action is not None and not version.actions.exists():
            description, target_date = action
            services.action_save(
                version=version,
                saved_by=editor,
                description=description,
                owner_role=EXAMPLE_ACTION_OWNER,
                target_date=target_date,
            )
    return _sign_off(version, editor, approver, on)


def _return(progress_return, *, editor, approver, status, narrative, on, example):
    """Record a progress return as published on the date its source gives, unless it is already published."""
    if progress_return.state == State.DRAFT:
        services.return_save(
            progress_return=progress_return, saved_by=editor, status=status, narrative=narrative, is_example=example
        )
    if progress_return.state != State.PUBLISHED:
        services.return_record_from_source(
            progress_return=progress_return, source_title=_source(example), published_on=on
        )
        progress_return.refresh_from_db()
    return progress_return


def _cycle(obligation, number):
    return ProgressReturn.casework.get(obligation=obligation, number=number)


# Loading -------------------------------------------------------------------------------------------------------------


def load_warwickshire(report, obligations):
    """Warwickshire Police's real published answers, and its Recommendation 6 statement as its first return."""
    editor, approver = _user(WARWICKSHIRE_EDITOR), _user(WARWICKSHIRE_APPROVER)
    if editor is None or approver is None:
        return False
    for number, answer in WARWICKSHIRE_ANSWERS.items():
        obligation = obligations[number][WARWICKSHIRE]
        _respond(
            obligation,
            editor=editor,
            approver=approver,
            on=WARWICKSHIRE_PUBLISHED_ON,
            acceptance=Acceptance.ACCEPTED,  # our reading: the seed never says "accepted" (ADR 0008)
            done=answer["done"],
            points=[(text, True) for text in answer["points"]],
            example=False,
        )
        _return(
            _cycle(obligation, 1),
            editor=editor,
            approver=approver,
            status=Implementation.IN_PROGRESS,
            narrative=R6_RETURN_NARRATIVE,
            on=WARWICKSHIRE_PUBLISHED_ON,
            example=False,
        )
    return True


def _example_response(plan, number, obligation, editor, approver):
    acceptance = plan.acceptance[number]
    reason = {
        Acceptance.ACCEPTED: "",
        Acceptance.PARTIALLY_ACCEPTED: EXAMPLE_PARTIAL_REASONS[number],
        Acceptance.NOT_ACCEPTED: EXAMPLE_NOT_ACCEPTED_REASONS[number],
    }[acceptance]
    points = []
    if number == 2:
        points = [(text, True) for text in EXAMPLE_POINT_ANSWERS]
        if acceptance == Acceptance.PARTIALLY_ACCEPTED:
            points[-1] = (EXAMPLE_POINT_NOT_ADDRESSED, False)
    action = None
    if plan.with_action and acceptance != Acceptance.NOT_ACCEPTED:
        action = (EXAMPLE_ACTION[number], datetime.date(2021, 12, 31) if number == 3 else datetime.date(2022, 3, 31))
    _respond(
        obligation,
        editor=editor,
        approver=approver,
        on=plan.published_on,
        acceptance=acceptance,
        reason=reason,
        done=EXAMPLE_NOT_ACCEPTED_DONE if acceptance == Acceptance.NOT_ACCEPTED else EXAMPLE_DONE[number],
        points=points,
        action=action,
        example=True,
    )


def _example_correction(obligation, editor, approver):
    """Version 2 of a response: the action's target date moves, with the reason, and the change is noted."""
    response = Response.objects.get(obligation=obligation)
    if response.versions.filter(number=2, state=State.PUBLISHED).exists():
        return
    version = services.response_start(obligation=obligation, started_by=editor, is_example=True)
    if version.state == State.DRAFT:
        action = version.actions.order_by("position").first()
        if action is not None and action.target_date != datetime.date(2022, 6, 30):
            services.action_save(
                version=version,
                saved_by=editor,
                action=action,
                description=action.description,
                owner_role=action.owner_role,
                target_date=datetime.date(2022, 6, 30),
                revision_reason=EXAMPLE_REVISION_REASON,
            )
        services.response_save(
            version=version,
            saved_by=editor,
            acceptance=version.acceptance,
            acceptance_reason=version.acceptance_reason,
            done=version.done,
            change_note=EXAMPLE_CHANGE_NOTE,
        )
    _sign_off(version, editor, approver, CORRECTED_ON)


def load_examples(plans, obligations):
    """Example responses and returns from other forces, all `is_example`. Returns the example people, by force."""
    people = {}
    for k, plan in enumerate(plans):
        organisation = obligations[plan.numbers[0]][plan.code].organisation
        editor, approver = _example_user(organisation, Role.EDITOR), _example_user(organisation, Role.APPROVER)
        people[plan.code] = (editor, approver)
        for number in plan.numbers:
            _example_response(plan, number, obligations[number][plan.code], editor, approver)
        if plan.corrected and 3 in plan.numbers:
            _example_correction(obligations[3][plan.code], editor, approver)
        if plan.in_progress_return:
            _return(
                _cycle(obligations[2][plan.code], 1),
                editor=editor,
                approver=approver,
                status=Implementation.IN_PROGRESS,
                narrative=EXAMPLE_IN_PROGRESS,
                # Most on time; one received late, in January.
                on=datetime.date(2022, 1, 10) if k == 9 else FIRST_RETURN_DUE - datetime.timedelta(days=k),
                example=True,
            )
    return people


# Example national collations, one from each collator, as they stood when Recommendation 6 asked for them: the NPCC
# collates chief constables' responses, the APCC local policing bodies' (responses/services/collations.py).
EXAMPLE_COLLATIONS = [
    ("npcc", 2, EXAMPLE_COLLATION),
    ("apcc", 4, EXAMPLE_APCC_COLLATION),
]


def load_collations(report):
    """The NPCC's and the APCC's example national collations, with the figures as they stood on 26 November 2021."""
    for code, number, text in EXAMPLE_COLLATIONS:
        recommendation = Recommendation.casework.get(
            report=report, kind=Recommendation.Kind.RECOMMENDATION, number=number
        )
        collator = Organisation.objects.get(code=code)
        if Collation.casework.filter(recommendation=recommendation, organisation=collator).exists():
            continue
        services.collation_record_from_source(
            recommendation=recommendation,
            organisation=collator,
            text=text,
            source_title=EXAMPLE_SOURCE,
            published_on=FIRST_RETURN_DUE,
            is_example=True,
        )


def load_claims(plans, obligations, people):
    """Example claims of "implemented" at return 2, and the caseworker's assessment of two of them."""
    caseworker = _user(CASEWORKER)
    for k, plan in enumerate(plans):
        if plan.claim is None:
            continue
        editor, approver = people[plan.code]
        progress_return = _return(
            _cycle(obligations[plan.claim][plan.code], 2),
            editor=editor,
            approver=approver,
            status=Implementation.IMPLEMENTED,
            narrative=EXAMPLE_IMPLEMENTED,
            on=SECOND_RETURN_DUE - datetime.timedelta(days=k),
            example=True,
        )
        if plan.assessment is None or caseworker is None or progress_return.assessments.exists():
            continue
        services.assessment_record(
            progress_return=progress_return,
            assessed_by=caseworker,
            outcome=plan.assessment,
            reasons=EXAMPLE_ASSESSED_COMPLETE if plan.assessment == Outcome.COMPLETE else EXAMPLE_ASSESSED_NOT_COMPLETE,
        )


def load_local_policing_body_draft(report, obligations):
    """An example draft on Recommendation 4 in Warwickshire's local policing body's own queue, if a demonstration
    user works there. None does in the accounts demo, so usually there is nothing to do."""
    force = obligations[4][WARWICKSHIRE].organisation
    body = force.overseen_by_on(report.published_on)
    obligation = obligations[4].get(body.code) if body else None
    if obligation is None:
        return
    membership = (
        Membership.objects.filter(organisation=body, role__in=(Role.EDITOR, Role.APPROVER))
        .exclude(user__email__startswith="example-")
        .order_by("pk")
        .first()
    )
    if membership is None or Response.objects.filter(obligation=obligation).exists():
        return
    version = services.response_start(obligation=obligation, started_by=membership.user, is_example=True)
    services.response_save(
        version=version, saved_by=membership.user, acceptance=Acceptance.ACCEPTED, done=EXAMPLE_DRAFT_R4
    )


def load(out):
    report = Report.casework.filter(slug=HESTIA_SLUG).first()
    if report is None or not report.is_published:
        out.write("\nDemo responses: none, because the Hestia report is not loaded.\n")
        return
    obligations = {number: _obligations(report, number) for number in (2, 3, 4)}
    services.returns_schedule(
        obligations=list(
            Obligation.casework.filter(recommendation__report=report).select_related("recommendation__report")
        ),
        until=timezone.localdate(),
    )
    warwickshire = load_warwickshire(report, obligations)
    others = sorted(code for code in obligations[2] if code != WARWICKSHIRE)
    plans = example_plans(others)
    people = load_examples(plans, obligations)
    load_collations(report)
    load_claims(plans, obligations, people)
    load_local_policing_body_draft(report, obligations)

    examples = Response.objects.filter(obligation__recommendation__report=report, versions__is_example=True).distinct()
    lines = [
        "  Warwickshire Police: its published answers to Recommendations 2, 3 and 4 of The hidden victims"
        if warwickshire
        else "  Warwickshire Police: not loaded, because its demonstration editor and approver are missing",
        f"  Examples, labelled on every page: {examples.count()} responses from {len(plans)} other forces, "
        f"{ProgressReturn.casework.filter(is_example=True, state=State.PUBLISHED).count()} progress returns, "
        f"{plural(Collation.casework.filter(is_example=True).count(), 'national collation')}",
    ]
    out.write("\nDemo responses:\n" + "\n".join(lines) + "\n")
