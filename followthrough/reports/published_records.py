"""The published record of each super-complaint report: its own title, where it is published, and the
recommendations and actions whose words could be found, each with the page they were taken from (ADR 0021).

Plain data, loaded by `demo.py`. Words marked `is_summary=False` are the report's own, copied character for character
from the page named beside them. Where only part of a recommendation, or only a page's description of it, could be
found, the entry is marked as a summary and says which part is which. Nothing here is written from memory: a
recommendation whose words no source held by this project gives is not loaded, and the report's "Further action"
section quotes the publication page's own list of whom the report addresses.
"""

import datetime
from dataclasses import dataclass, field

RECOMMENDATION, ACTION = "recommendation", "action"
NOT_THE_REPORTS_NUMBER = (
    "The report's own number for it is not given by this source: it is numbered here in the order the source lists it."
)


@dataclass(frozen=True)
class Page:
    """A published page: its title as the page gives it, and its address."""

    title: str
    url: str


@dataclass(frozen=True)
class PublishedRecommendation:
    kind: str
    number: int
    text: str
    source: Page
    is_summary: bool = False
    points: tuple = ()
    groups: tuple = ()  # addressee group codes: "territorial-chief-constables" is all 43 chief constables
    organisations: tuple = ()  # organisation codes named directly
    jointly: bool = False
    due_on: datetime.date | None = None
    due_months: int | None = None


@dataclass(frozen=True)
class PublishedReport:
    slug: str
    title: str
    published_on: datetime.date
    published_source: Page  # the page that gives the date of publication
    document: Page  # where the report is published
    body_codes: tuple
    year_received: int
    summary: str
    further_action: str
    recommendations: tuple = field(default_factory=tuple)


# --- Safe to share? -------------------------------------------------------------------------------------------------

SAFE_TO_SHARE_PAGE = Page(
    "HMICFRS: Safe to share? Liberty and Southall Black Sisters’ super-complaint on policing and immigration status",
    "https://hmicfrs.justiceinspectorates.gov.uk/publications/"
    "liberty-and-southall-black-sisters-super-complaint-on-policing-and-immigration-status/",
)
SAFE_TO_SHARE_RESPONSES = Page(
    "GOV.UK: Responses to Safe to Share report on policing and immigration",
    "https://www.gov.uk/government/publications/"
    "responses-to-safe-to-share-report-on-liberty-and-southall-black-sisters-super-complaint-on-policing-and-"
    "immigration-status",
)
WARWICKSHIRE_SAFE_TO_SHARE = Page(
    "Warwickshire Police and Crime Commissioner: Response to Super Complaint by Liberty and Southall Black Sisters "
    "(17/12/2020)",
    "https://www.warwickshire-pcc.gov.uk/key-information/hmicfrs-reports/"
    "response-to-super-complaint-by-liberty-and-southall-black-sisters-17-12-2020/",
)

SAFE_TO_SHARE = PublishedReport(
    slug="safe-to-share",
    title="Safe to share? Liberty and Southall Black Sisters’ super-complaint on policing and immigration status",
    published_on=datetime.date(2020, 12, 17),
    published_source=SAFE_TO_SHARE_PAGE,
    document=SAFE_TO_SHARE_PAGE,
    body_codes=("liberty", "southall-black-sisters"),
    year_received=2018,
    summary=(
        "In the publication page's words (HMICFRS):\n\n"
        "The super-complaint put forward by Liberty and Southall Black Sisters is about the treatment of victims of "
        "crime and witnesses with insecure immigration status. It focuses on how information about them is passed to "
        "the Home Office for immigration enforcement. It concerns two features of policing:\n\n"
        "- the passing of victim and witness data to the Home Office by the police for immigration enforcement "
        "purposes; and\n"
        "- the operation of and/or perception of a culture of police prioritising immigration enforcement over "
        "safeguarding and the investigation of crime."
    ),
    further_action=(
        "In the words of the GOV.UK page of responses: the report made recommendations for the police, the Home "
        "Office, the National Police Chiefs’ Council, and police and crime commissioners (or equivalents) to ensure "
        "victims of crime are always treated as victims first and foremost, regardless of their immigration status. "
        "The report also included actions for HMICFRS and the College of Policing.\n\n"
        "Only the recommendations whose words could be found are listed on this site. Read the report for the rest."
    ),
    recommendations=(
        PublishedRecommendation(
            RECOMMENDATION,
            1,
            "As an interim measure, where officers only have concerns or doubts about a victim’s immigration status, "
            "they immediately stop sharing information on domestic abuse victims with Immigration Enforcement. "
            "Instead, police officers should link the victim to a third party that can provide advice and assistance.",
            WARWICKSHIRE_SAFE_TO_SHARE,
            groups=("territorial-chief-constables",),
        ),
    ),
)

# --- A duty to protect ----------------------------------------------------------------------------------------------

DUTY_TO_PROTECT_PAGE = Page(
    "GOV.UK: A duty to protect: Police use of protective measures in cases involving violence against women and girls",
    "https://www.gov.uk/government/publications/police-use-of-protective-measures-in-cases-of-violence-against-women-"
    "and-girls/a-duty-to-protect-police-use-of-protective-measures-in-cases-involving-violence-against-women-and-girls",
)
DUTY_TO_PROTECT_NPCC = Page(
    "GOV.UK: National Police Chiefs’ Council (NPCC) response to recommendations (accessible), A duty to protect",
    "https://www.gov.uk/government/publications/responses-to-super-complaint-report-a-duty-to-protect/"
    "national-police-chiefs-council-npcc-response-to-recommendations-accessible",
)
DUTY_TO_PROTECT_RESPONSES = Page(
    "GOV.UK: Responses to super-complaint report: A duty to protect",
    "https://www.gov.uk/government/publications/responses-to-super-complaint-report-a-duty-to-protect",
)
DUTY_TO_PROTECT = PublishedReport(
    slug="a-duty-to-protect",
    title="A duty to protect: Police use of protective measures in cases involving violence against women and girls",
    published_on=datetime.date(2021, 8, 24),
    published_source=DUTY_TO_PROTECT_NPCC,
    document=DUTY_TO_PROTECT_PAGE,
    body_codes=("centre-for-womens-justice",),
    year_received=2019,
    summary=(
        "In the publication page's words (HMICFRS): this super-complaint is about the police’s alleged failure to use "
        "protective measures to safeguard women and girls. It sets out concerns about four tools the police can "
        "use/are involved in:\n\n"
        "- Pre-charge bail\n- Non-Molestation Orders\n- Domestic Violence Protection Notices and Orders\n"
        "- Restraining Orders"
    ),
    further_action=(
        "In the words of the GOV.UK page of responses: the report made recommendations to chief constables, the "
        "National Police Chiefs’ Council, the Home Office and the Ministry of Justice. The report also included "
        "actions for HMICFRS and the College of Policing regarding their own work.\n\n"
        "The NPCC's response says the report made a total of 15 recommendations, of which 10 directly required a "
        "response from Chief Constables and NPCC. Only the recommendations whose words could be found are listed on "
        "this site. Read the report for the rest."
    ),
    recommendations=(
        PublishedRecommendation(
            RECOMMENDATION,
            1,
            "Chief Constables, in conjunction with the NPCC lead for bail, should implement processes for managing "
            "Released under Investigation (RUI) in line with the letter from the NPCC Lead for Bail Management "
            "Portfolio dated 29 January 2019.\n\n"
            "Only this first sentence is quoted here, from the NPCC's response: the rest of the recommendation is in "
            "the report.",
            DUTY_TO_PROTECT_NPCC,
            is_summary=True,
            groups=("territorial-chief-constables",),
            organisations=("npcc",),
            jointly=True,
        ),
    ),
)

# --- Police perpetrated domestic abuse ------------------------------------------------------------------------------

PPDA_PAGE = Page(
    "HMICFRS: Police perpetrated domestic abuse: Report on the Centre for Women’s Justice super-complaint",
    "https://hmicfrs.justiceinspectorates.gov.uk/publications/"
    "police-perpetrated-domestic-abuse-report-on-the-centre-for-womens-justice-super-complaint/",
)
PPDA_NPCC = Page(
    "GOV.UK: Second NPCC response to recommendations – overview report (police perpetrated domestic abuse)",
    "https://www.gov.uk/government/publications/responses-to-police-perpetrated-domestic-abuse-report-on-the-cwj-"
    "super-complaint/second-npcc-response-to-recommendations-overview-report",
)
PPDA_RESPONSES = Page(
    "GOV.UK: Responses to 'Police perpetrated domestic abuse: Report on the CWJ super complaint'",
    "https://gov.uk/government/publications/responses-to-police-perpetrated-domestic-abuse-report-on-the-cwj-"
    "super-complaint",
)
SURREY_PPDA = Page(
    "Surrey Police and Crime Commissioner: Commissioner’s response to Police Super-Complaint about police "
    "perpetrated domestic abuse",
    "https://www.surrey-pcc.gov.uk/statutory-response/"
    "commissioners-response-to-police-super-complaint-about-police-perpetrated-domestic-abuse/",
)
PPDA = PublishedReport(
    slug="police-perpetrated-domestic-abuse",
    title="Police perpetrated domestic abuse: Report on the Centre for Women’s Justice super-complaint",
    published_on=datetime.date(2022, 6, 30),
    published_source=PPDA_NPCC,
    document=PPDA_PAGE,
    body_codes=("centre-for-womens-justice",),
    year_received=2020,
    summary=(
        "In the publication page's words (HMICFRS): in March 2020 the Centre for Women’s Justice (CWJ), working with "
        "the Bureau of Investigative Journalism, submitted a super-complaint alleging that forces were not responding "
        "appropriately to cases of domestic abuse involving police officer or police staff suspects."
    ),
    further_action=(
        "In the words of the GOV.UK page of responses: the report made recommendations to chief constables, police "
        "and crime commissioners (PCCs), the Ministry of Justice (MoJ) and the Home Office (HO). The report also "
        "included actions for the IOPC and the College of Policing.\n\n"
        "Only the recommendations and actions whose words could be found are listed on this site. Read the report "
        "for the rest."
    ),
    recommendations=(
        PublishedRecommendation(
            RECOMMENDATION,
            1,
            "Chief Constables should ensure that both live police perpetrator domestic abuse (PPDA) cases and those "
            "closed within the last 12 months (ending 30 June 2022) are audited. Appropriate action should be taken "
            "where they find cases were not treated appropriately as complaint and conduct matters and investigated "
            "accordingly.\n\n"
            "The first part is quoted from the NPCC's overview report. The second part is not quoted there in full; "
            "the GOV.UK page of responses describes it: Recommendation 1 asked chief constables to write within six "
            "months to explain how their force has or will improve the response to PPDA allegations, following an "
            "audit of live and recently closed cases.",
            PPDA_NPCC,
            is_summary=True,
            groups=("territorial-chief-constables",),
            due_months=6,
        ),
        PublishedRecommendation(
            RECOMMENDATION,
            3,
            "Recommendation 3a: PCCs, MoJ and Chief Constables should make sure their provision of domestic abuse "
            "support services and guidance is capable of meeting the specific needs of all non-police and police "
            "victims of PPDA.\n\n"
            "For PCCs, this should include the following:\n\n"
            "- PCCs considering whether local services are capable of dealing with the specific risks and "
            "vulnerabilities of PPDA victims and supporting them when engaging with the police complaints and "
            "disciplinary system\n\n"
            "Only part 3a, and only what it asks of PCCs, is quoted here, from the Surrey commissioner's response: the "
            "rest of the recommendation is in the report.",
            SURREY_PPDA,
            is_summary=True,
            groups=("local-policing-bodies", "territorial-chief-constables"),
            organisations=("ministry-of-justice",),
        ),
        PublishedRecommendation(
            ACTION,
            1,
            "This action was for the IOPC to carry out a targeted programme of oversight work in relation to police "
            "handling of PPDA.",
            PPDA_RESPONSES,
            is_summary=True,
            organisations=("iopc",),
        ),
    ),
)

# --- Tees Valley Inclusion Project ----------------------------------------------------------------------------------

TVIP_PAGE = Page(
    "HMICFRS: How the police respond to victims of sexual abuse when the victim is from an ethnic minority background "
    "and may be at risk of honour-based abuse",
    "https://hmicfrs.justiceinspectorates.gov.uk/publications/report-on-tees-valley-inclusion-project-super-complaint/",
)
WEST_YORKSHIRE_TVIP = Page(
    "West Yorkshire Combined Authority: Deputy Mayor for Policing and Crime Response to Latest Police Super Complaint "
    "(16 December 2022)",
    "https://www.westyorks-ca.gov.uk/policing-and-crime-news/"
    "deputy-mayor-for-policing-and-crime-response-to-latest-police-super-complaint/",
)
TVIP = PublishedReport(
    slug="honour-based-abuse",
    title=(
        "How the police respond to victims of sexual abuse when the victim is from an ethnic minority background and "
        "may be at risk of honour-based abuse: Report on Tees Valley Inclusion Project’s super-complaint"
    ),
    published_on=datetime.date(2022, 12, 16),
    published_source=TVIP_PAGE,
    document=TVIP_PAGE,
    body_codes=("tees-valley-inclusion-project",),
    year_received=2020,
    summary=(
        "In the publication page's words (HMICFRS): this super-complaint is about the police response to victims of "
        "sexual abuse from ethnic minority backgrounds who may be at risk of honour-based abuse. In its "
        "super-complaint, TVIP says there are nine features of policing that are causing significant harm to these "
        "victims:\n\n"
        "- Overuse of voluntary suspect interviews.\n"
        "- Failure to consider honour-based abuse as a concomitant safeguarding concern following sexual abuse "
        "reporting.\n"
        "- Failure to keep victims informed following the report of sexual abuse.\n"
        "- Failure to provide information during the prosecution process.\n"
        "- Failure to discuss special measures and other protective measures with victims/survivors.\n"
        "- Lack of empathy from the police.\n"
        "- Ineffective and inadequate use of police resources.\n"
        "- Disproportionate focus on community impact.\n"
        "- Failure to understand the retraumatising effect of the prosecution process."
    ),
    further_action=(
        "In the publication page's words (HMICFRS): following this investigation, we have made recommendations to "
        "chief constables or equivalents, police and crime commissioners, and the National Police Chiefs’ Council.\n\n"
        "The recommendations below are as the West Yorkshire Deputy Mayor's page describes them, not the report's "
        "own words. Read the report for the full text."
    ),
    recommendations=(
        PublishedRecommendation(
            RECOMMENDATION,
            1,
            "The report makes recommendations for police leaders to work with communities to increase understanding "
            f"and awareness of cultural differences and how these may inform or affect investigations.\n\n"
            f"{NOT_THE_REPORTS_NUMBER}",
            WEST_YORKSHIRE_TVIP,
            is_summary=True,
            groups=("territorial-chief-constables",),
        ),
        PublishedRecommendation(
            RECOMMENDATION,
            2,
            "The National Police Chiefs’ Council, which is currently reviewing data standards for the recording of "
            "all protected characteristics, should take the super-complaint into account when proposing changes to "
            f"address the lack of recorded ethnicity data.\n\n{NOT_THE_REPORTS_NUMBER}",
            WEST_YORKSHIRE_TVIP,
            is_summary=True,
            organisations=("npcc",),
        ),
        PublishedRecommendation(
            RECOMMENDATION,
            3,
            "Police and crime commissioners should ensure that their consultations before commissioning victims’ "
            "services are fully inclusive and represent all community views. They should then work with local "
            "police, safeguarding partners and support organisations to properly understand victims’ needs.\n\n"
            f"{NOT_THE_REPORTS_NUMBER}",
            WEST_YORKSHIRE_TVIP,
            is_summary=True,
            groups=("local-policing-bodies",),
        ),
    ),
)

# --- Criminal Justice Alliance --------------------------------------------------------------------------------------

CJA_PAGE = Page(
    "HMICFRS: Report on the Criminal Justice Alliance’s super-complaint - Section 60 of the Criminal Justice and "
    "Public Order Act 1994 and independent community scrutiny of stop and search",
    "https://hmicfrs.justiceinspectorates.gov.uk/publications/"
    "report-on-the-criminal-justice-alliances-stop-and-search-super-complaint/",
)
CJA_APCC = Page(
    "GOV.UK: Association of Police and Crime Commissioners Response: CJA super complaint (13 May 2024)",
    "https://www.gov.uk/government/publications/responses-to-the-super-complaint-from-the-criminal-justice-alliance/"
    "association-of-police-and-crime-commissioners-response-cja-super-complaint",
)
CJA = PublishedReport(
    slug="section-60-stop-and-search",
    title=(
        "Report on the Criminal Justice Alliance’s super-complaint – Section 60 of the Criminal Justice and Public "
        "Order Act 1994 and independent community scrutiny of stop and search"
    ),
    published_on=datetime.date(2023, 12, 15),
    published_source=CJA_PAGE,
    document=CJA_PAGE,
    body_codes=("criminal-justice-alliance",),
    year_received=2021,
    summary=(
        "In the publication page's words (HMICFRS): this super-complaint is about the police’s use of section 60 of "
        "the Criminal Justice and Public Order Act 1994, and the scrutiny of all stop and search powers. The "
        "super-complaint, entitled ‘More harm than good’, raises the CJA’s concerns about “harms caused by "
        "‘suspicion-less’ stop and searches and inadequate scrutiny of stop and search powers”."
    ),
    further_action=(
        "In the publication page's words (HMICFRS): following an investigation, we have made recommendations to "
        "chief constables, police and crime commissioners or equivalents, the National Police Chiefs’ Council, the "
        "Association of Police and Crime Commissioners and the Home Office.\n\n"
        "Only what the APCC's published response says of Recommendation 8 is listed on this site. Read the report "
        "for the recommendations' own words."
    ),
    recommendations=(
        PublishedRecommendation(
            RECOMMENDATION,
            8,
            "The APCC's published response answers this recommendation for the Association of Police and Crime "
            "Commissioners, and says that all 43 PCCs from the territorial force areas in England and Wales accepted "
            "Recommendation 8. Its summary of members' work on it concerns community scrutiny of stop and search. "
            "The recommendation's own words are in the report.",
            CJA_APCC,
            is_summary=True,
            groups=("local-policing-bodies",),
            organisations=("apcc",),
        ),
    ),
)

# --- The police response to stalking --------------------------------------------------------------------------------

STALKING_PAGE = Page(
    "HMICFRS: Report on the Suzy Lamplugh Trust’s super-complaint: The police response to stalking",
    "https://hmicfrs.justiceinspectorates.gov.uk/publications/"
    "suzy-lamplugh-trusts-super-complaint-the-police-response-to-stalking/",
)
STALKING_NPCC = Page(
    "GOV.UK: NPCC response to the stalking super-complaint (sent 22 November 2024)",
    "https://gov.uk/government/publications/responses-to-the-super-complaint-report-on-the-police-response-to-"
    "stalking/npcc-response-to-the-stalking-super-complaint",
)
CHESHIRE_STALKING = Page(
    "Cheshire Constabulary: Super-complaints (initial constabulary response, 21 November 2024)",
    "https://www.cheshire.police.uk/police-forces/cheshire-constabulary/areas/cheshire/about-us/about-us/"
    "super-complaints/",
)
HAMPSHIRE_STALKING = Page(
    "Hampshire and Isle of Wight Constabulary: Stalking action plan",
    "https://www.hampshire.police.uk/police-forces/hampshire-constabulary/areas/other/stalking-action-plan/",
)
STALKING_RECOMMENDATIONS_DUE = datetime.date(2025, 3, 27)
STALKING = PublishedReport(
    slug="stalking",
    title="Report on the Suzy Lamplugh Trust’s super-complaint: The police response to stalking",
    # "further to the publication on 27th September 2024, of the super-complaint report" (the NPCC's response).
    published_on=datetime.date(2024, 9, 27),
    published_source=STALKING_NPCC,
    document=STALKING_PAGE,
    body_codes=("suzy-lamplugh-trust",),
    year_received=2022,
    summary=(
        "In the publication page's words (HMICFRS): in November 2022, His Majesty’s Chief Inspector of Constabulary "
        "and senior representatives from the Independent Office of Police Conduct (IOPC), and the College of "
        "Policing received a super-complaint submitted by the Suzy Lamplugh Trust (SLT), on behalf of the National "
        "Stalking Consortium. The super-complaint is about the police response to stalking."
    ),
    further_action=(
        "In the publication page's words (HMICFRS): following a joint investigation, we have made recommendations to "
        "the Home Office, National Police Chiefs’ Council, chief constables, police and crime commissioners (or "
        "equivalents), the Association of Police and Crime Commissioners, the Ministry of Justice, and the Crown "
        "Prosecution Service.\n\n"
        "The IOPC says the report makes 29 recommendations. In Lancashire Constabulary's words: in response to the "
        "recommendations for Chief Constables, forces are required by 22 November 2024, to publish on their website "
        "an action plan which explains what their force will do locally to respond to each of the recommendations "
        "made.\n\n"
        "Only the recommendations whose words could be found are listed on this site. Read the report for the rest."
    ),
    recommendations=(
        PublishedRecommendation(
            RECOMMENDATION,
            7,
            "By 27/03/25, where required, seek changes to their crime recording systems to enable staff and "
            "officers to document and search for crimes not recorded as the principal crime, as included "
            "classifications on crime records.",
            HAMPSHIRE_STALKING,
            points=(
                # Hampshire's action plan gives this as sub-recommendation 7.1.
                "Processes should be put in place to make sure this system capability is effectively used by "
                "officers and staff.",
            ),
            groups=("territorial-chief-constables",),
            due_on=STALKING_RECOMMENDATIONS_DUE,
        ),
        PublishedRecommendation(
            RECOMMENDATION,
            10,
            "By 27 March 2025, review and update their learning and training provision relating to stalking.",
            CHESHIRE_STALKING,
            groups=("territorial-chief-constables",),
            due_on=STALKING_RECOMMENDATIONS_DUE,
        ),
    ),
)

SUPER_COMPLAINT_REPORTS = [SAFE_TO_SHARE, DUTY_TO_PROTECT, PPDA, TVIP, CJA, STALKING]
