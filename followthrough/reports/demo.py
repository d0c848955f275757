"""Demonstration reports, from the source documents in the project's seeds and the facts in DOMAIN.md.

Recommendation text marked as the report's own words is copied from Warwickshire Police's published response, which
quotes each recommendation (seed 004). Anything else is a summary, and is marked as one. Loaded by
`python manage.py load_demo` after the complaints app's demonstration data; safe to run again.
"""

import datetime

from followthrough.accounts.models import User
from followthrough.complaints.models import SuperComplaint
from followthrough.core.provenance import Source
from followthrough.organisations.models import AddresseeGroup, Organisation

from . import services
from .models import DueRule, Recommendation, Report, State

HESTIA_SLUG = "the-hidden-victims"

HESTIA = {
    "slug": HESTIA_SLUG,
    "title": "The hidden victims: report on Hestia's super-complaint on the police response to victims of modern "
    "slavery",
    "source": Report.Source.SUPER_COMPLAINT,
    "planned_on": datetime.date(2021, 5, 26),
    "authors": "HMICFRS, the College of Policing and the IOPC",
    "summary": (
        "Summary, not the report's own words: taken from the response to the report by the Independent Anti-Slavery "
        "Commissioner and the Victims' Commissioner.\n\n"
        "Hestia put forward this super-complaint in 2019 through its report Underground lives: police response to "
        "victims of modern slavery (March 2019). It raised concerns about how police identify, deal with and support "
        "victims of modern slavery, and how modern slavery crimes are investigated:\n\n"
        "- non-specialist police officers fail to recognise the signs of exploitation and fail in their duty to "
        "report modern slavery to the Home Office\n"
        "- police officers aren't taking immediate steps to make a victim feel safe\n"
        "- victims of modern slavery are treated as immigration offenders\n"
        "- victims of modern slavery are treated as criminals when they have been forced to commit criminal "
        "activities by their exploiters, despite the existence of the section 45 defence in the Modern Slavery Act "
        "2015\n"
        "- police forces don't adequately investigate cases that come to their attention\n"
        "- the adequacy of training provided to frontline officers"
    ),
    "steps_taken": (
        "Summary, not the report's own words: taken from the commissioners' response to the report.\n\n"
        "HMICFRS carried out a range of activities to investigate whether there is evidence that the concerns set out "
        "by Hestia are features of policing. This included fieldwork in six forces, discussions with experts and "
        "organisations with extensive knowledge of modern slavery, and a review of information provided by police "
        "forces and other public bodies."
    ),
    "findings": (
        "Summary, not the report's own words: taken from the commissioners' response to the report.\n\n"
        "The report finds that whilst the police response to modern slavery has broadly improved since a 2017 "
        "HMICFRS modern slavery inspection, there is still inconsistency throughout forces, and more needs to be done "
        "to recognise and support victims of slavery, and to ensure that these crimes are investigated effectively.\n\n"
        "The report finds that modern slavery victims do not always receive the response and treatment they deserve, "
        "and there is not enough support for victims during modern slavery investigations. These factors contribute "
        "to the low numbers of modern slavery prosecutions."
    ),
    "further_action": (
        "The report makes six recommendations: to the Home Office; to chief constables; to chief constables and "
        "police and crime commissioners together; and, to monitor progress, to the Home Office, the National Police "
        "Chiefs' Council and the Association of Police and Crime Commissioners. It gives two actions: to the College "
        "of Policing and to HMICFRS."
    ),
}

# Recommendations 1 to 4 and 6: the report's own words, as quoted in Warwickshire Police's published response.
R1_TEXT = """In consultation with chief constables, the Independent Anti-Slavery Commissioner, Victims Commissioners, \
the Crown Prosecution Service, voluntary agencies that provide support to victims, and others as appropriate, \
commission work to:

- Better understand the victim experience of the police response to modern slavery and the wider response from \
immigration and other law enforcement agencies; and
- Assess the extent and nature of poor victim experiences (from first contact with the police, through to \
investigation and prosecution stages where these occur) to understand and identify how they can be improved.

The work commissioned should seek to result in recommendations for specific actions that will further improve \
victims’ experiences. The Home Office should publish the findings of this work."""

R2_POINTS = [
    "easily access information and advice on modern slavery and human trafficking through their force systems;",
    "identify possible victims of modern slavery;",
    "recognise that victims of modern slavery should not be treated as criminals in situations where they have been "
    "forced to commit an offence by their exploiters;",
    "know how to take immediate steps to make victims feel safe (including facilitating access to a place of safety, "
    "if necessary);",
    "understand how to advise victims what support is available them;",
    "understand the National Referral Mechanism and duty to notify requirement, and know how to make good-quality "
    "referrals; and",
    "ensure that the statutory defence (provided by section 45 of the Modern Slavery Act 2015) for victims of slavery "
    "and exploitation who are compelled or coerced into committing offences by their exploiters is considered in all "
    "cases to protect victims from prosecution.",
]

R2_TEXT = (
    "Assure themselves that police officers and staff (including non-specialist staff, as appropriate) are supported "
    "through access to learning, specialist policing resources and victim support arrangements, so that officers and "
    "staff are able to:\n\n" + "\n".join(f"- {point}" for point in R2_POINTS)
)

R3_TEXT = """Assure themselves that their resources are being deployed to enable effective investigation of modern \
slavery offences (which may, for example, involve taking account of high levels of vulnerability and organised crime \
group involvement). They should assure themselves that their crime allocation processes direct investigations to the \
most appropriately skilled individuals and teams."""

R4_TEXT = """Work together to understand the support needs of victims of modern slavery crimes. They should provide \
appropriate support within their respective remits to augment the national provision so that victims feel safe and \
empowered to remain involved in any investigations. This should focus on what support should be available before and \
after National Referral Mechanism (NRM) referral as well as alternative provision available for those declining NRM \
referral."""

# A summary: seed 004 does not quote Recommendation 5; the commissioners' response (seed 000) summarises it.
R5_TEXT = """Assure themselves that the support mechanisms provided by bodies under government funding are \
consistently making available high-quality provision for victims of modern slavery."""

R6_TEXT = """Monitoring of recommendations

- Home Office to provide a report to Her Majesty’s Chief Inspector of Constabulary on progress in implementing its \
recommendations within six months of the date of publication of this report.
- National Police Chiefs’ Council to collate Chief Constables’ progress in reviewing and where applicable \
implementing their recommendations and report these to Her Majesty’s Chief Inspector of Constabulary within six \
months of the date of publication of this report (i.e. 26/11/2021).
- Association of Police and Crime Commissioners to collate Police and Crime Commissioners’ progress in reviewing and \
where applicable implementing their recommendations and report these to Her Majesty’s Chief Inspector of \
Constabulary within six months of the date of publication of this report (i.e. 26/11/2021)."""

RECOMMENDATION, ACTION = Recommendation.Kind.RECOMMENDATION, Recommendation.Kind.ACTION

# (kind, number, text, is_summary, points, group codes, organisation codes, jointly, due rule, due count)
HESTIA_RECOMMENDATIONS = [
    (RECOMMENDATION, 1, R1_TEXT, False, [], ["home-office"], [], False, DueRule.NONE, None),
    (RECOMMENDATION, 2, R2_TEXT, False, R2_POINTS, ["territorial-chief-constables"], [], False, DueRule.NONE, None),
    (RECOMMENDATION, 3, R3_TEXT, False, [], ["territorial-chief-constables"], [], False, DueRule.NONE, None),
    (
        RECOMMENDATION,
        4,
        R4_TEXT,
        False,
        [],
        ["territorial-chief-constables", "local-policing-bodies"],
        [],
        True,
        DueRule.NONE,
        None,
    ),
    (RECOMMENDATION, 5, R5_TEXT, True, [], ["home-office"], [], False, DueRule.NONE, None),
    (RECOMMENDATION, 6, R6_TEXT, False, [], ["home-office", "npcc-and-apcc"], [], False, DueRule.WITHIN_MONTHS, 6),
    # The two actions, as DOMAIN.md §3 summarises them.
    (
        ACTION,
        1,
        "Update authorised professional practice (APP) on modern slavery.",
        True,
        [],
        [],
        ["college-of-policing"],
        False,
        DueRule.NONE,
        None,
    ),
    (ACTION, 2, "Consider inspection activity.", True, [], [], ["hmicfrs"], False, DueRule.NONE, None),
]

STOLEN_FREEDOM = {
    "slug": "stolen-freedom",
    "title": "Stolen freedom: the policing response to modern slavery and human trafficking",
    "source": Report.Source.INSPECTION,
    "planned_on": datetime.date(2017, 10, 24),
    "authors": "HMICFRS",
    "summary": (
        "Summary, not the report's own words: taken from HMICFRS's press release on the report.\n\n"
        "The report concluded that there were signs of progress in the policing response to modern slavery. However "
        "in too many cases, police work was reactive and showed little understanding of the nature and scale of "
        "modern slavery and human trafficking.\n\n"
        "This thematic inspection is the first since the introduction of the Modern Slavery Act in 2015. As such, it "
        "will act as a benchmark for future inspections of this issue."
    ),
    "steps_taken": (
        "Summary, not the report's own words: taken from HMICFRS's press release on the report.\n\n"
        "The Home Secretary commissioned the then HMIC to inspect the police response to modern slavery and "
        "trafficking in July 2016; inspections were undertaken at the beginning of 2017. HM Inspector of "
        "Constabulary Wendy Williams led the inspection."
    ),
    "findings": (
        "Summary, not the report's own words: taken from HMICFRS's press release on the report.\n\n"
        "Shortcomings by police forces in addressing modern slavery included:\n\n"
        "- variable commitment amongst police leaders to tackling this area of offending;\n"
        "- attitudes remained that modern slavery and human trafficking offences were rare and not an issue in their "
        "areas;\n"
        "- victims were not always recognised as such and therefore remained in the hands of those exploiting them "
        "or were arrested as offenders or illegal immigrants;\n"
        "- poor and inconsistent co-ordination and sharing of information and intelligence between the NCA and "
        "police forces;\n"
        "- information and intelligence flows between national, regional and local levels were sometimes poor; and\n"
        "- low awareness and use of provisions and powers set out in the Modern Slavery Act 2015.\n\n"
        "The review of cases raised serious concerns about the quality of investigations. HMICFRS found substantial "
        "problems with the way investigations were managed at lower levels in many of the forces inspected, "
        "including:\n\n"
        "- significant delays (sometimes of seven or eight months) in initiating investigations;\n"
        "- a lack of effective supervision;\n"
        "- a lack of focus on safeguarding all potential victims; and\n"
        "- a lack of coordination across police forces, leading to delays in investigations and to difficulties in "
        "maintaining contact with victims relocated through the National Referral Mechanism.\n\n"
        "The inspection saw some good work, notably in forces such as Greater Manchester Police, West Yorkshire and "
        "Cumbria."
    ),
    "conclusions": (
        "Summary, not the report's own words: taken from HMICFRS's press release on the report.\n\n"
        "HMICFRS found some welcome signs of progress in the way the police respond to modern slavery and human "
        "trafficking, with renewed national focus and rapid developments either occurring or planned. However, the "
        "positive examples found were generally relatively small pockets of good practice or recent first steps.\n\n"
        "Overall, the report concludes that the police service and law enforcement generally needs to do much more "
        "before the public can be satisfied that forces are responding coherently and successfully to modern slavery "
        "and human trafficking."
    ),
    "further_action": (
        "Summary, not the report's own words: taken from HMICFRS's press release on the report. When HMICFRS "
        "returns to re-inspect, it will report on policing's "
        "progress against this benchmark inspection. The report's recommendations are not listed on this site, "
        "because the source documents do not quote them."
    ),
}

DESCRIPTIVE = "This title is descriptive: the report's own title is not recorded here."
AUTHORITIES = "HMICFRS, the College of Policing and the IOPC"

# The other super-complaints with reports (DOMAIN.md §3): facts only, no recommendations.
# (slug, title, published on, date note, designated body codes, year received, summary)
OTHER_REPORTS = [
    (
        "safe-to-share",
        "Safe to share?",
        datetime.date(2020, 12, 17),
        "",
        ["liberty", "southall-black-sisters"],
        2018,
        "Summary: the report on the super-complaint made by Liberty and Southall Black Sisters about policing and "
        "immigration status, received on 18 December 2018.",
    ),
    (
        "a-duty-to-protect",
        "A duty to protect",
        datetime.date(2021, 8, 24),
        "",
        ["centre-for-womens-justice"],
        2019,
        "Summary: the report on the super-complaint made by the Centre for Women's Justice about protective measures, "
        "received on 19 March 2019.",
    ),
    (
        "police-perpetrated-domestic-abuse",
        "Report on the Centre for Women's Justice super-complaint on police perpetrated domestic abuse",
        datetime.date(2022, 6, 30),
        "",
        ["centre-for-womens-justice"],
        2020,
        "Summary: the report on the super-complaint made by the Centre for Women's Justice about police perpetrated "
        f"domestic abuse, received in March 2020. {DESCRIPTIVE}",
    ),
    (
        "honour-based-abuse",
        "Report on the Tees Valley Inclusion Project super-complaint on honour-based abuse",
        datetime.date(2022, 12, 16),
        "",
        ["tees-valley-inclusion-project"],
        2020,
        "Summary: the report on the super-complaint made by the Tees Valley Inclusion Project about honour-based "
        f"abuse, received on 7 August 2020. {DESCRIPTIVE}",
    ),
    (
        "section-60-stop-and-search",
        "Report on the Criminal Justice Alliance super-complaint on section 60 stop and search",
        datetime.date(2023, 12, 15),
        "",
        ["criminal-justice-alliance"],
        2021,
        "Summary: the report on the super-complaint made by the Criminal Justice Alliance about section 60 stop and "
        f"search, received in May 2021. {DESCRIPTIVE}",
    ),
    (
        "stalking",
        "Report on the Suzy Lamplugh Trust super-complaint on stalking",
        datetime.date(2024, 9, 1),
        "Published in September 2024. The day is not recorded here, so 1 September 2024 is used.",
        ["suzy-lamplugh-trust"],
        2022,
        "Summary: the report on the super-complaint made by the Suzy Lamplugh Trust about stalking, received in "
        "November 2022 and found eligible on 26 January 2023. Forces' action plans were due "
        f"on 22 November 2024. {DESCRIPTIVE}",
    ),
]


def _complaint(codes, year, *, received_on=None):
    """The complaints app's demonstration complaint from one of these bodies, received in `year`, if it made one."""
    complaints = SuperComplaint.internal.filter(designated_body__code__in=codes, received_on__year=year)
    if received_on is not None:
        complaints = complaints.filter(received_on=received_on)
    return complaints.filter(report__isnull=True).order_by("received_on", "pk").first()


def _caseworker():
    """The demonstration caseworker publishes the reports; if there is none, the service itself does."""
    return User.objects.filter(email="caseworker@example.gov.uk").first()


def _report(*, data, complaint, actor):
    report = Report.casework.filter(slug=data["slug"]).first()
    if report is not None:
        return report, False
    # Without the complaint (the complaints demo did not create it), the report stands unlinked.
    return services.report_create(created_by=actor, super_complaint=complaint, **data), True


# Where each report's date of publication comes from (ADR 0016): the report itself, the inspectorate's press release
# (003_039165e211c30ac3.txt), or the inspectorate's list of super-complaint reports (DOMAIN.md §3).
SOURCES = {
    HESTIA_SLUG: "The hidden victims, as published by HMICFRS, the College of Policing and the IOPC",
    "stolen-freedom": "HMICFRS's press release on Stolen freedom",
}
LIST_SOURCE = "HMICFRS's published list of super-complaints"


def _publish(report, actor):
    """Record a report published before the service held it, from its source, on the date the source gives."""
    if report.state == State.DRAFT:
        source = Source(SOURCES.get(report.slug, LIST_SOURCE), on=report.planned_on)
        services.report_publish(report=report, published_by=actor, source=source)


def load_hestia(actor):
    complaint = _complaint(["hestia"], 2019, received_on=datetime.date(2019, 5, 31))
    report, _ = _report(data=HESTIA, complaint=complaint, actor=actor)
    if report.state == State.DRAFT:
        groups = {g.code: g for g in AddresseeGroup.objects.all()}
        organisations = {o.code: o for o in Organisation.objects.filter(code__in=["college-of-policing", "hmicfrs"])}
        existing = set(report.recommendations.values_list("kind", "number"))
        for kind, number, text, summary, points, group_codes, codes, jointly, rule, count in HESTIA_RECOMMENDATIONS:
            if (kind, number) in existing:
                continue
            services.recommendation_add(
                report=report,
                added_by=actor,
                kind=kind,
                number=number,
                text=text,
                is_summary=summary,
                points=points,
                groups=[groups[code] for code in group_codes],
                organisations=[organisations[code] for code in codes],
                jointly=jointly,
                due_rule=rule,
                due_count=count,
            )
        _publish(report, actor)
    return report


def load(out):
    actor = _caseworker()
    loaded = [load_hestia(actor)]

    report, _ = _report(data=STOLEN_FREEDOM, complaint=None, actor=actor)
    _publish(report, actor)
    loaded.append(report)

    for slug, title, published_on, note, codes, year, summary in OTHER_REPORTS:
        data = {
            "slug": slug,
            "title": title,
            "source": Report.Source.SUPER_COMPLAINT,
            "planned_on": published_on,
            "published_on_note": note,
            "authors": AUTHORITIES,
            "summary": summary,
        }
        report, _ = _report(data=data, complaint=_complaint(codes, year), actor=actor)
        _publish(report, actor)
        loaded.append(report)

    lines = [f"  /reports/{r.slug}/  {r.title}" for r in loaded]
    out.write("\nDemo reports:\n" + "\n".join(lines) + "\n")
