"""Reference organisations, oversight and addressee groups, as plain data (no Django here).

Loaded by migration 0002_load_reference_data. Codes are stable: once published in a web address they do not change,
even if a body is renamed (change `name` instead).

Facts are from DOMAIN.md §1 and §6 and public legislation. Websites are left blank on purpose: an administrator fills
them in from each body's own pages rather than this file guessing them.

Uncertain points are marked "UNSURE" below.
"""

import datetime

TERRITORIAL_FORCE = "territorial-force"
OTHER_FORCE = "other-force"
LOCAL_POLICING_BODY = "local-policing-body"
OVERSIGHT_BODY = "oversight-body"
NATIONAL_BODY = "national-body"
DESIGNATED_BODY = "designated-body"

# Police and crime commissioners took office on 22 November 2012 (after the first elections on 15 November 2012).
COMMISSIONERS_BEGAN = datetime.date(2012, 11, 22)

# The 43 territorial forces of England and Wales: (code, name, police area, is_welsh).
# The code is the slug of the force's public name.
_FORCES = [
    ("avon-and-somerset-police", "Avon and Somerset Police", "Avon and Somerset", False),
    ("bedfordshire-police", "Bedfordshire Police", "Bedfordshire", False),
    ("cambridgeshire-constabulary", "Cambridgeshire Constabulary", "Cambridgeshire", False),
    ("cheshire-constabulary", "Cheshire Constabulary", "Cheshire", False),
    ("city-of-london-police", "City of London Police", "City of London", False),
    ("cleveland-police", "Cleveland Police", "Cleveland", False),
    ("cumbria-constabulary", "Cumbria Constabulary", "Cumbria", False),
    ("derbyshire-constabulary", "Derbyshire Constabulary", "Derbyshire", False),
    ("devon-and-cornwall-police", "Devon and Cornwall Police", "Devon and Cornwall", False),
    ("dorset-police", "Dorset Police", "Dorset", False),
    ("durham-constabulary", "Durham Constabulary", "Durham", False),
    ("dyfed-powys-police", "Dyfed-Powys Police", "Dyfed-Powys", True),
    ("essex-police", "Essex Police", "Essex", False),
    ("gloucestershire-constabulary", "Gloucestershire Constabulary", "Gloucestershire", False),
    ("greater-manchester-police", "Greater Manchester Police", "Greater Manchester", False),
    ("gwent-police", "Gwent Police", "Gwent", True),
    # Known as Hampshire Constabulary until it was renamed in 2022; the code follows the current name.
    # UNSURE: whether the statutory police area itself was renamed "Hampshire and Isle of Wight".
    (
        "hampshire-and-isle-of-wight-constabulary",
        "Hampshire and Isle of Wight Constabulary",
        "Hampshire and Isle of Wight",
        False,
    ),
    ("hertfordshire-constabulary", "Hertfordshire Constabulary", "Hertfordshire", False),
    ("humberside-police", "Humberside Police", "Humberside", False),
    ("kent-police", "Kent Police", "Kent", False),
    ("lancashire-constabulary", "Lancashire Constabulary", "Lancashire", False),
    ("leicestershire-police", "Leicestershire Police", "Leicestershire", False),
    ("lincolnshire-police", "Lincolnshire Police", "Lincolnshire", False),
    ("merseyside-police", "Merseyside Police", "Merseyside", False),
    ("metropolitan-police-service", "Metropolitan Police Service", "Metropolitan Police District", False),
    ("norfolk-constabulary", "Norfolk Constabulary", "Norfolk", False),
    ("north-wales-police", "North Wales Police", "North Wales", True),
    ("north-yorkshire-police", "North Yorkshire Police", "North Yorkshire", False),
    ("northamptonshire-police", "Northamptonshire Police", "Northamptonshire", False),
    ("northumbria-police", "Northumbria Police", "Northumbria", False),
    ("nottinghamshire-police", "Nottinghamshire Police", "Nottinghamshire", False),
    ("south-wales-police", "South Wales Police", "South Wales", True),
    ("south-yorkshire-police", "South Yorkshire Police", "South Yorkshire", False),
    ("staffordshire-police", "Staffordshire Police", "Staffordshire", False),
    ("suffolk-constabulary", "Suffolk Constabulary", "Suffolk", False),
    ("surrey-police", "Surrey Police", "Surrey", False),
    ("sussex-police", "Sussex Police", "Sussex", False),
    ("thames-valley-police", "Thames Valley Police", "Thames Valley", False),
    ("warwickshire-police", "Warwickshire Police", "Warwickshire", False),
    ("west-mercia-police", "West Mercia Police", "West Mercia", False),
    ("west-midlands-police", "West Midlands Police", "West Midlands", False),
    ("west-yorkshire-police", "West Yorkshire Police", "West Yorkshire", False),
    ("wiltshire-police", "Wiltshire Police", "Wiltshire", False),
]

_FORCE_DESCRIPTIONS = {
    "metropolitan-police-service": "The territorial police force for Greater London, apart from the City of London.",
    "city-of-london-police": "The territorial police force for the City of London.",
}


def _force_description(code, area, is_welsh):
    if code in _FORCE_DESCRIPTIONS:
        return _FORCE_DESCRIPTIONS[code]
    return f"The territorial police force for the {area} police area{', in Wales' if is_welsh else ''}."


TERRITORIAL_FORCES = [
    {
        "code": code,
        "name": name,
        "kind": TERRITORIAL_FORCE,
        "is_welsh": is_welsh,
        "description": _force_description(code, area, is_welsh),
    }
    for code, name, area, is_welsh in _FORCES
]

# The four forces outside England and Wales' territorial structure that s.29A also covers.
OTHER_FORCES = [
    {
        "code": "national-crime-agency",
        "name": "National Crime Agency",
        "kind": OTHER_FORCE,
        "description": "The national law enforcement agency that leads work against serious and organised crime.",
    },
    {
        "code": "british-transport-police",
        "name": "British Transport Police",
        "kind": OTHER_FORCE,
        "description": "The national police force for the railways in England, Wales and Scotland.",
    },
    {
        "code": "ministry-of-defence-police",
        "name": "Ministry of Defence Police",
        "kind": OTHER_FORCE,
        "description": "The civilian police force that protects Ministry of Defence property, people and information.",
    },
    {
        "code": "civil-nuclear-constabulary",
        "name": "Civil Nuclear Constabulary",
        "kind": OTHER_FORCE,
        "description": "The armed police force that protects civil nuclear sites and nuclear material.",
    },
]

# Local policing bodies. Police and crime commissioners are named by their statutory title ("Police and Crime
# Commissioner for <police area>"). Some use a public styling that differs: e.g. Cambridgeshire ("and Peterborough"),
# Wiltshire ("and Swindon"), Durham ("Police, Crime and Victims' Commissioner"). The statutory title is used here.
_PCC_AREAS = [
    (force_code, area, is_welsh)
    for force_code, _name, area, is_welsh in _FORCES
    if force_code not in {"metropolitan-police-service", "city-of-london-police"}
]


def _slug(text):
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _pcc_code(area):
    return f"{_slug(area)}-pcc"


POLICE_AND_CRIME_COMMISSIONERS = [
    {
        "code": _pcc_code(area),
        "name": f"Police and Crime Commissioner for {area}",
        "kind": LOCAL_POLICING_BODY,
        "is_welsh": is_welsh,
        "description": f"The elected police and crime commissioner who oversees policing in {area}.",
    }
    for _force_code, area, is_welsh in _PCC_AREAS
]

POLICE_FIRE_AND_CRIME_COMMISSIONERS = [
    {
        "code": f"{_slug(area)}-pfcc",
        "name": f"Police, Fire and Crime Commissioner for {area}",
        "kind": LOCAL_POLICING_BODY,
        "description": f"The elected commissioner who oversees policing and the fire and rescue service in {area}.",
    }
    for area in ["Essex", "Staffordshire", "Northamptonshire", "North Yorkshire", "Cumbria"]
]


def _mayor_description(area):
    return f"The elected mayor, who holds the police and crime commissioner's functions for {area}."


OTHER_LOCAL_POLICING_BODIES = [
    {
        "code": "mopac",
        "name": "Mayor's Office for Policing and Crime",
        "kind": LOCAL_POLICING_BODY,
        "description": "The Mayor of London's office that oversees the Metropolitan Police Service.",
    },
    {
        "code": "city-of-london-corporation",
        "name": "City of London Corporation",
        "kind": LOCAL_POLICING_BODY,
        "description": (
            "The local authority for the City of London; its Court of Common Council is the police authority "
            "for the City of London Police."
        ),
    },
    {
        "code": "greater-manchester-mayor",
        "name": "Mayor of Greater Manchester",
        "kind": LOCAL_POLICING_BODY,
        "description": _mayor_description("Greater Manchester"),
    },
    {
        "code": "west-yorkshire-mayor",
        "name": "Mayor of West Yorkshire",
        "kind": LOCAL_POLICING_BODY,
        "description": _mayor_description("West Yorkshire"),
    },
    {
        "code": "south-yorkshire-mayor",
        "name": "Mayor of South Yorkshire",
        "kind": LOCAL_POLICING_BODY,
        "description": _mayor_description("South Yorkshire"),
    },
    {
        "code": "york-and-north-yorkshire-mayor",
        "name": "Mayor of York and North Yorkshire",
        "kind": LOCAL_POLICING_BODY,
        "description": (
            "The elected mayor of the York and North Yorkshire Combined Authority, who holds the police, fire and "
            "crime commissioner's functions for North Yorkshire."
        ),
    },
]

LOCAL_POLICING_BODIES = (
    POLICE_AND_CRIME_COMMISSIONERS + POLICE_FIRE_AND_CRIME_COMMISSIONERS + OTHER_LOCAL_POLICING_BODIES
)


def _d(year, month, day):
    return datetime.date(year, month, day)


# Changes to the default (one commissioner from 22 November 2012, continuing). Each list is the force's periods in
# order: (body code, starts_on, ends_on inclusive or None while continuing). Each period starts the day after the
# previous one ends.
_OVERSIGHT_CHANGES = {
    # MOPAC was set up in January 2012, before commissioners began; oversight here starts with everyone else's.
    "metropolitan-police-service": [("mopac", COMMISSIONERS_BEGAN, None)],
    # The Common Council of the City of London is the police authority; it was not replaced by a commissioner.
    "city-of-london-police": [("city-of-london-corporation", COMMISSIONERS_BEGAN, None)],
    "essex-police": [
        ("essex-pcc", COMMISSIONERS_BEGAN, _d(2017, 9, 30)),
        ("essex-pfcc", _d(2017, 10, 1), None),
    ],
    "staffordshire-police": [
        ("staffordshire-pcc", COMMISSIONERS_BEGAN, _d(2018, 7, 31)),
        ("staffordshire-pfcc", _d(2018, 8, 1), None),
    ],
    "northamptonshire-police": [
        ("northamptonshire-pcc", COMMISSIONERS_BEGAN, _d(2018, 12, 31)),
        ("northamptonshire-pfcc", _d(2019, 1, 1), None),
    ],
    "north-yorkshire-police": [
        ("north-yorkshire-pcc", COMMISSIONERS_BEGAN, _d(2018, 11, 14)),
        ("north-yorkshire-pfcc", _d(2018, 11, 15), _d(2024, 5, 6)),
        ("york-and-north-yorkshire-mayor", _d(2024, 5, 7), None),
    ],
    "cumbria-constabulary": [
        ("cumbria-pcc", COMMISSIONERS_BEGAN, _d(2023, 3, 31)),
        ("cumbria-pfcc", _d(2023, 4, 1), None),
    ],
    "west-yorkshire-police": [
        ("west-yorkshire-pcc", COMMISSIONERS_BEGAN, _d(2021, 5, 9)),
        ("west-yorkshire-mayor", _d(2021, 5, 10), None),
    ],
    "south-yorkshire-police": [
        ("south-yorkshire-pcc", COMMISSIONERS_BEGAN, _d(2024, 5, 6)),
        ("south-yorkshire-mayor", _d(2024, 5, 7), None),
    ],
    # The commissioner's functions passed to the elected Mayor of Greater Manchester on 8 May 2017. From 2015 the
    # interim mayor also held the office of commissioner; that is not modelled as a separate body here.
    "greater-manchester-police": [
        ("greater-manchester-pcc", COMMISSIONERS_BEGAN, _d(2017, 5, 7)),
        ("greater-manchester-mayor", _d(2017, 5, 8), None),
    ],
}

# UNSURE: this reflects changes known up to 2025. Any transfer of a commissioner's functions after that (PCCs are to
# be abolished in May 2028) must be added, through the service, as a new period of oversight.
OVERSIGHT = [
    {"force": force_code, "body": body, "starts_on": starts_on, "ends_on": ends_on}
    for force_code, _name, area, _is_welsh in _FORCES
    for body, starts_on, ends_on in _OVERSIGHT_CHANGES.get(force_code, [(_pcc_code(area), COMMISSIONERS_BEGAN, None)])
]

# The bodies that oversee the non-territorial forces the super-complaints system covers, loaded by migration
# 0005_load_non_territorial_oversight (not by 0002, which predates the kind). The National Crime Agency answers to the
# Home Secretary, not to a body of its own, so it has none here.
OVERSIGHT_BODIES = [
    {
        "code": "british-transport-police-authority",
        "name": "British Transport Police Authority",
        "kind": OVERSIGHT_BODY,
        "description": "The body set up by the Railways and Transport Safety Act 2003 to oversee British Transport "
        "Police.",
    },
    {
        "code": "civil-nuclear-police-authority",
        "name": "Civil Nuclear Police Authority",
        "kind": OVERSIGHT_BODY,
        "description": "The body set up by the Energy Act 2004 to secure an efficient and effective Civil Nuclear "
        "Constabulary.",
    },
    {
        "code": "ministry-of-defence-police-committee",
        "name": "Ministry of Defence Police Committee",
        "kind": OVERSIGHT_BODY,
        "description": "The committee the Secretary of State appoints under the Ministry of Defence Police Act 1987 to "
        "advise on the Ministry of Defence Police.",
    },
]

# Their oversight, each start date with the source that gives it (ADR 0006). A start no source gives is None, and the
# service says it is not known.
OTHER_FORCE_OVERSIGHT = [
    {
        "force": "british-transport-police",
        "body": "british-transport-police-authority",
        # "The following provisions of the 2003 Act shall come into force on 1st July 2004— (a) section 18 (The
        # British Transport Police Authority)". Section 18(1): "There shall be a body corporate to be known as the
        # British Transport Police Authority."
        "starts_on": _d(2004, 7, 1),
        "ends_on": None,
        "source_title": "The Railways and Transport Safety Act 2003 (Commencement No. 3) Order 2004 (SI 2004/1572), "
        "article 3(a): section 18 in force on 1 July 2004",
        "source_url": "https://www.legislation.gov.uk/uksi/2004/1572/article/3/made",
    },
    {
        "force": "civil-nuclear-constabulary",
        "body": "civil-nuclear-police-authority",
        # Section 51 sets up the Authority; section 52(1): "It shall be the function of the Police Authority to secure
        # the maintenance of an efficient and effective constabulary, to be known as the Civil Nuclear Constabulary".
        # legislation.gov.uk's point-in-time text of that cross-heading as at 1 March 2005 is marked "Version
        # Superseded: 01/04/2005", and SI 2005/877 brings its Schedule 1 provisions into force "on 1st April 2005".
        # Members could be appointed from 1 March 2005 (Sch. 10 para. 1, by SI 2005/442); oversight of the
        # Constabulary is dated from the function's start, the earliest date a source confirms for it.
        "starts_on": _d(2005, 4, 1),
        "ends_on": None,
        "source_title": "Energy Act 2004, section 52 (Civil Nuclear Constabulary), on legislation.gov.uk: version "
        "superseded 1 April 2005, when the Energy Act 2004 (Commencement No. 5) Order 2005 (SI 2005/877) brought its "
        "Schedule 1 provisions into force",
        "source_url": "https://legislation.gov.uk/ukpga/2004/20/part/1/chapter/3/crossheading/"
        "civil-nuclear-constabulary/2005-03-01",
    },
    {
        "force": "ministry-of-defence-police",
        "body": "ministry-of-defence-police-committee",
        # Section 1(5): "The Secretary of State shall appoint a committee, to be known as the Ministry of Defence
        # Police Committee". The Act received Royal Assent on 5 March 1987, but no source held by this project gives
        # the day it came into force or the Committee was first appointed, so the start is not known.
        "starts_on": None,
        "ends_on": None,
        "source_title": "Ministry of Defence Police Act 1987, section 1(5), as enacted: it sets up the Committee but "
        "gives no date",
        "source_url": "https://www.legislation.gov.uk/ukpga/1987/4/section/1/enacted",
    },
]

NATIONAL_BODIES = [
    {
        "code": "home-office",
        "name": "Home Office",
        "description": "The government department responsible for policing, crime, immigration and security.",
    },
    {
        "code": "npcc",
        "name": "National Police Chiefs' Council",
        "description": "The body that brings chief constables together to coordinate national operational policing.",
    },
    {
        "code": "apcc",
        "name": "Association of Police and Crime Commissioners",
        "description": "The national body supporting police and crime commissioners and other local policing bodies.",
    },
    {
        "code": "college-of-policing",
        "name": "College of Policing",
        "description": "The professional body for everyone who works for the police service in England and Wales.",
    },
    {
        "code": "iopc",
        "name": "Independent Office for Police Conduct",
        "description": "The body that oversees the police complaints system in England and Wales.",
    },
    {
        "code": "hmicfrs",
        "name": "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
        "description": (
            "The inspectorate that independently assesses police forces and fire and rescue services in England "
            "and Wales, and runs the police super-complaints system."
        ),
    },
    {
        "code": "ministry-of-justice",
        "name": "Ministry of Justice",
        "description": "The government department responsible for courts, prisons, probation and support for victims.",
    },
    {
        "code": "cps",
        "name": "Crown Prosecution Service",
        "description": "The prosecutor of criminal cases investigated by the police in England and Wales.",
    },
    {
        "code": "independent-anti-slavery-commissioner",
        "name": "Independent Anti-Slavery Commissioner",
        "description": "The independent commissioner who encourages good practice in tackling modern slavery.",
    },
    {
        "code": "victims-commissioner",
        "name": "Victims' Commissioner for England and Wales",
        "description": "The independent commissioner who promotes the interests of victims and witnesses.",
    },
]
for _body in NATIONAL_BODIES:
    _body["kind"] = NATIONAL_BODY

# Bodies known to have been among the 16 designated in 2018 (DOMAIN.md §1). They were designated by the Police
# Super-complaints (Designation and Procedure) Regulations 2018 (SI 2018/748), which say: "These Regulations come into
# force on 1st November 2018" (reg. 1(2), https://legislation.gov.uk/uksi/2018/748/crossheading/
# citation-commencement-and-interpretation/made). The other nine are not listed: no source held by this project names
# them. A body designated later, or whose date no source gives, is added through the service; its date may be left
# empty, and its page then says the date is not known (ADR 0021).
DESIGNATED_IN_2018 = datetime.date(2018, 11, 1)

DESIGNATED_BODIES = [
    {
        "code": "liberty",
        "name": "Liberty",
        "description": "A membership organisation that campaigns for civil liberties and human rights.",
    },
    {
        "code": "southall-black-sisters",
        "name": "Southall Black Sisters",
        "description": "An organisation that supports Black and minority women facing gender-based violence.",
    },
    {
        "code": "centre-for-womens-justice",
        "name": "Centre for Women's Justice",
        "description": "A charity that works to hold the state to account for violence against women and girls.",
    },
    {
        "code": "criminal-justice-alliance",
        "name": "Criminal Justice Alliance",
        "description": "A coalition of organisations working to improve the criminal justice system.",
    },
    {
        "code": "hestia",
        "name": "Hestia",
        "description": "A charity that supports adults and children in crisis, including victims of modern slavery.",
    },
    {
        "code": "tees-valley-inclusion-project",
        "name": "Tees Valley Inclusion Project",
        "description": "An organisation in the Tees Valley that works for equality and inclusion.",
    },
    {
        "code": "suzy-lamplugh-trust",
        "name": "Suzy Lamplugh Trust",
        "description": "A charity that works to reduce the risk of violence and aggression, including stalking.",
    },
]
for _body in DESIGNATED_BODIES:
    _body["kind"] = DESIGNATED_BODY
    _body["designated_on"] = DESIGNATED_IN_2018

ORGANISATIONS = TERRITORIAL_FORCES + OTHER_FORCES + LOCAL_POLICING_BODIES + NATIONAL_BODIES + DESIGNATED_BODIES

ADDRESSEE_GROUPS = [
    {
        "code": "territorial-chief-constables",
        "name": "Chief constables of the territorial forces",
        "rule": "territorial-chief-constables",
        "members": [],
    },
    {
        "code": "local-policing-bodies",
        "name": "Local policing bodies",
        "rule": "local-policing-bodies",
        "members": [],
    },
    {
        "code": "section-29a-forces",
        "name": "All forces within section 29A",
        "rule": "section-29a-forces",
        "members": [],
    },
    {"code": "home-office", "name": "Home Office", "rule": "chosen", "members": ["home-office"]},
    {
        "code": "npcc-and-apcc",
        "name": "National Police Chiefs' Council and Association of Police and Crime Commissioners",
        "rule": "chosen",
        "members": ["npcc", "apcc"],
    },
]
