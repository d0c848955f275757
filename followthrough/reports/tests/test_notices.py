"""Publishing a report tells the editors and approvers of each organisation it addresses what is theirs, once."""

import datetime

import pytest

from followthrough.notifications.models import Email
from followthrough.organisations.models import Organisation, Role
from followthrough.reports import services
from followthrough.reports.models import DueRule
from followthrough.testing.clock import server_date
from followthrough.testing.factories import member

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)


def inbox(user):
    return list(Email.objects.filter(to=user.email))


@pytest.fixture
def report(make_report, add_recommendation):
    report = make_report(title="The hidden victims", published_on=TODAY)
    add_recommendation(report, 2, groups=["territorial-chief-constables"])
    add_recommendation(report, 6, organisations=["college-of-policing"], due_rule=DueRule.WITHIN_MONTHS, due_count=6)
    return report


def test_each_addressee_is_told_what_is_addressed_to_it_and_when_it_is_due(report, caseworker, editor):
    approver = member(Role.APPROVER, Organisation.objects.get(code="warwickshire-police"))
    college = member(Role.EDITOR, Organisation.objects.get(code="college-of-policing"))
    with server_date(TODAY):
        services.report_publish(report=report, published_by=caseworker)
    for person in (editor, approver):
        [email] = inbox(person)
        assert email.subject == "Published: The hidden victims: 1 recommendation or action for Warwickshire Police"
        assert "- Recommendation 2: response due by" in email.body
        assert "/your-obligations" in email.body
    [college_email] = inbox(college)
    assert "- Recommendation 6: to be done by 2 June 2027" in college_email.body
    assert "Recommendation 2" not in college_email.body
    assert inbox(caseworker) == []


def test_publishing_again_tells_nobody_again(report, caseworker, editor):
    with server_date(TODAY):
        services.report_publish(report=report, published_by=caseworker)
        services.report_publish(report=report, published_by=caseworker)
    assert len(inbox(editor)) == 1


def test_a_report_recorded_from_its_source_is_not_told(report, publish, editor):
    publish(report, on=datetime.date(2021, 5, 26))
    assert inbox(editor) == []
