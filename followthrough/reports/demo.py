"""Demonstration reports: the real record of each published super-complaint report, and the 2017 inspection.

The Hestia report's recommendations marked as its own words are copied from Warwickshire's published response, which
quotes each one (seed 004). The other super-complaint reports, and the recommendations whose words could be found, are
in `published_records.py`, each with the published page it was taken from (ADR 0021). Anything else is a summary, and
is marked as one. Loaded by `python manage.py load_demo` after the complaints app's demonstration data; safe to run
again.
"""

import datetime

from followthrough.accounts.models import User
from followthrough.complaints.models import SuperComplaint
from followthrough.core.provenance import Source
from followthrough.organisations.models import AddresseeGroup, Organisation

from . import services
from .models import DueRule, Recommendation, Report, State
from .published_records import SUPER_COMPLAINT_REPORTS, Page

HESTIA_SLUG = "the-hidden-victims"

HESTIA = {
    "slug": HESTIA_SLUG,
    "title": "The hidden victims: report on Hestia's super-complaint on the police response to victims of modern "
    "slavery",
    "source": Report.Source.SUPER_COMPLAINT,
    "planned_on": datetime.date(2021, 5, 26),
    "authors": "HMICFRS, the College of Policing and the IOPC",
    "document_url": "https://gov.uk/government/publications/police-response-to-victims-of-modern-slavery/"
    "the-hidden-victims-report-on-hestias-super-complaint-on-the-police-response-to-victims-of-modern-slavery--2",
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

AUTHORITIES = "HMICFRS, the College of Policing and the IOPC"


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
# (003_039165e211c30ac3.txt), or the page named beside each report in published_records.py.
HIDDEN_VICTIMS_REPORT = Page(
    "GOV.UK: The hidden victims: Report on Hestia’s super-complaint on the police response to victims of modern "
    "slavery",
    HESTIA["document_url"],
)
SOURCES = {
    HESTIA_SLUG: Page("The hidden victims, as published by HMICFRS, the College of Policing and the IOPC", ""),
    "stolen-freedom": Page("HMICFRS's press release on Stolen freedom (003_039165e211c30ac3.txt)", ""),
}
# Recommendations 1 to 4 and 6 are quoted from Warwickshire's published response (seed 004); 5 is summarised from the
# commissioners' response (seed 000); the actions from the domain notes. Each links to the report itself.
WARWICKSHIRE_RESPONSE = "Warwickshire's published response, quoting the report (004_bfa23913cb0f5378.txt)"
COMMISSIONERS_RESPONSE = "The commissioners' response to the report (000_31a4b9c29290bd2a.txt)"
DOMAIN_NOTES = "The project's domain notes (DOMAIN.md §3), summarising the report"


def _publish(report, actor, page=None):
    """Record a report published before the service held it, from its source, on the date the source gives."""
    if report.state == State.DRAFT:
        page = page or SOURCES[report.slug]
        source = Source(page.title, on=report.planned_on, url=page.url)
        services.report_publish(report=report, published_by=actor, source=source)


def _add(report, actor, *, due, source, **fields):
    """Add one recommendation or action to a draft report, naming the page its words were taken from."""
    rule, count, on = due
    recommendation = services.recommendation_add(
        report=report, added_by=actor, due_rule=rule, due_count=count, due_date=on, **fields
    )
    # Where its words came from is part of the draft's wording, so it is written before the report is published.
    Recommendation.casework.filter(pk=recommendation.pk).update(source_title=source.title, source_url=source.url)
    return recommendation


def _addressees(group_codes, codes):
    groups = {g.code: g for g in AddresseeGroup.objects.filter(code__in=group_codes)}
    organisations = {o.code: o for o in Organisation.objects.filter(code__in=codes)}
    return [groups[code] for code in group_codes], [organisations[code] for code in codes]


def load_hestia(actor):
    complaint = _complaint(["hestia"], 2019, received_on=datetime.date(2019, 5, 31))
    report, _ = _report(data=HESTIA, complaint=complaint, actor=actor)
    if report.state == State.DRAFT:
        existing = set(report.recommendations.values_list("kind", "number"))
        for kind, number, text, summary, points, group_codes, codes, jointly, rule, count in HESTIA_RECOMMENDATIONS:
            if (kind, number) in existing:
                continue
            groups, organisations = _addressees(group_codes, codes)
            words = DOMAIN_NOTES if kind == ACTION else COMMISSIONERS_RESPONSE if summary else WARWICKSHIRE_RESPONSE
            _add(
                report,
                actor,
                kind=kind,
                number=number,
                text=text,
                is_summary=summary,
                points=points,
                groups=groups,
                organisations=organisations,
                jointly=jointly,
                due=(rule, count, None),
                source=Page(f"{words}. The report: {HIDDEN_VICTIMS_REPORT.title}", HIDDEN_VICTIMS_REPORT.url),
            )
        _publish(report, actor)
    return report


def _due(recommendation):
    if recommendation.due_on is not None:
        return DueRule.FIXED_DATE, None, recommendation.due_on
    if recommendation.due_months is not None:
        return DueRule.WITHIN_MONTHS, recommendation.due_months, None
    return DueRule.NONE, None, None


def load_published(record, actor):
    """One super-complaint report as published, with the recommendations whose words could be found (ADR 0021)."""
    data = {
        "slug": record.slug,
        "title": record.title,
        "source": Report.Source.SUPER_COMPLAINT,
        "planned_on": record.published_on,
        "authors": AUTHORITIES,
        "summary": record.summary,
        "further_action": record.further_action,
        "document_url": record.document.url,
    }
    report, _ = _report(data=data, complaint=_complaint(list(record.body_codes), record.year_received), actor=actor)
    if report.state == State.DRAFT:
        existing = set(report.recommendations.values_list("kind", "number"))
        for rec in record.recommendations:
            if (rec.kind, rec.number) in existing:
                continue
            groups, organisations = _addressees(list(rec.groups), list(rec.organisations))
            _add(
                report,
                actor,
                kind=rec.kind,
                number=rec.number,
                text=rec.text,
                is_summary=rec.is_summary,
                points=list(rec.points),
                groups=groups,
                organisations=organisations,
                jointly=rec.jointly,
                due=_due(rec),
                source=rec.source,
            )
        _publish(report, actor, record.published_source)
    return report


def load(out):
    actor = _caseworker()
    loaded = [load_hestia(actor)]

    report, _ = _report(data=STOLEN_FREEDOM, complaint=None, actor=actor)
    _publish(report, actor)
    loaded.append(report)

    for record in SUPER_COMPLAINT_REPORTS:
        loaded.append(load_published(record, actor))

    lines = [f"  /reports/{r.slug}/  {r.title}" for r in loaded]
    out.write("\nDemo reports:\n" + "\n".join(lines) + "\n")
