"""Who must respond to a report, and by when, and where each due date comes from (ADR 0018).

For an inspection report the law sets the response: Police Act 1996 s.55(5A) and (5B), inserted by the Policing and
Crime Act 2017 s.37(2), put a 56-day duty on the local policing body, which publishes its comments together with the
chief officer's, explaining for each recommendation the action taken or proposed, or why there is none. A report on
a super-complaint has no statutory period for its recommendations: each report sets its own (the stalking report
asked for forces' action plans by 22 November 2024). So every due date shown says which it is: the section, or "set
by the report".

The words of the section are quoted as enacted, from legislation.gov.uk
(https://www.legislation.gov.uk/ukpga/2017/3/section/37/enacted), where s.37(2) inserts them into s.55.
"""

from dataclasses import dataclass

from .models import Report

SET_BY_THE_REPORT = "set by the report"
SECTION_55 = "Police Act 1996 s.55(5A)"


@dataclass(frozen=True)
class Provision:
    """Words of legislation, quoted exactly, with their citation and where they are published."""

    citation: str
    words: tuple
    url: str


POLICE_ACT_1996_S55_5A_5B = Provision(
    citation="Police Act 1996, section 55(5A) and (5B), inserted by the Policing and Crime Act 2017, section 37(2)",
    words=(
        "(5A) The comments of the local policing body, together with any comments submitted by the chief officer of "
        "police and any response to those comments by the local policing body, must be published before the end of "
        "the period of 56 days beginning with the day on which the report is published.",
        "(5B) If the published report includes a recommendation, the comments of the local policing body must include "
        "an explanation of— (a) the action the local policing body has taken or proposes to take in response to the "
        "recommendation, or (b) why the local policing body has not taken, or does not propose to take, any action in "
        "response.",
    ),
    url="https://www.legislation.gov.uk/ukpga/1996/16/section/55",
)


@dataclass(frozen=True)
class Duty:
    """Who must respond to a report, what they must do, where the duty comes from, and the law to quote, if any."""

    who: str
    what: str
    basis: str
    provision: Provision | None = None


def response_duty(report):
    """The duty to respond to `report`, by the kind of report it is."""
    if report.source == Report.Source.INSPECTION:
        return Duty(
            who="The local policing body",
            what=(
                "publishes its comments, with the chief officer's comments and its response to them, within 56 days "
                "beginning with the day the report is published, explaining for each recommendation the action taken "
                "or proposed, or why there is none"
            ),
            basis=SECTION_55,
            provision=POLICE_ACT_1996_S55_5A_5B,
        )
    return Duty(
        who="Each organisation a recommendation is addressed to",
        what=(
            "acts on it by the date the report sets, if it sets one: no law sets a period for a super-complaint report"
        ),
        basis=SET_BY_THE_REPORT,
    )


def response_due_basis(report):
    """Where a response's due date comes from: the section, for an inspection report with the statutory 56 days;
    otherwise the report itself, which set the period."""
    statutory = report.response_count == 56 and report.response_unit == Report.ResponseUnit.CALENDAR_DAYS
    return SECTION_55 if report.source == Report.Source.INSPECTION and statutory else SET_BY_THE_REPORT
