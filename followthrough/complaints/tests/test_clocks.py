import datetime

import pytest

from followthrough.calendar.models import StoredDeadline
from followthrough.testing.clock import server_date

from .. import services
from ..presenters import ComplaintPresenter
from .helpers import complaint_in, draft, organisation


@pytest.mark.django_db
def test_acknowledgement_is_due_5_working_days_beginning_with_the_day_of_receipt(hestia_user):
    complaint = draft(organisation("hestia"))
    with server_date(datetime.date(2019, 5, 31)):
        complaint = services.complaint_submit(complaint=complaint, submitted_by=hestia_user)
    deadline = complaint.acknowledgement_deadline
    assert deadline.due == datetime.date(2019, 6, 6)
    assert deadline.rule == "working-days" and deadline.count == 5
    assert deadline.label == f"Acknowledge {complaint.reference}"
    assert deadline.owner == complaint
    assert deadline.explanation.startswith("5 working days beginning with Friday 31 May 2019")
    assert "Saturday 1 June 2019 (weekend)" in deadline.explanation
    assert deadline.explanation.endswith("The last day is Thursday 6 June 2019.")


@pytest.mark.django_db
def test_a_complaint_received_on_a_saturday_counts_from_the_monday():
    with server_date(datetime.date(2019, 6, 1)):
        complaint = services.complaint_submit(complaint=draft(organisation("hestia")), submitted_by=None)
    deadline = complaint.acknowledgement_deadline
    assert deadline.due == datetime.date(2019, 6, 7)  # Monday 3 June is day 1
    assert "Saturday 1 June 2019 is not a working day, so the count starts on the next working day" in (
        deadline.explanation
    )


@pytest.mark.django_db
def test_acknowledging_closes_the_acknowledgement_deadline_and_says_it_was_met(caseworker):
    complaint = complaint_in("submitted", organisation("hestia"))
    with server_date(datetime.date(2019, 6, 5)):
        complaint = services.complaint_acknowledge(complaint=complaint, acknowledged_by=caseworker)
    assert StoredDeadline.objects.get(pk=complaint.acknowledgement_deadline_id).is_open is False
    clock = ComplaintPresenter(complaint).acknowledgement_clock
    assert clock.status == "Acknowledged on 5 June 2019, within the deadline of 6 June 2019"
    assert clock.tag["text"] == "Met"


@pytest.mark.django_db
def test_an_unacknowledged_complaint_past_its_deadline_is_overdue_in_words_and_a_red_tag():
    complaint = complaint_in("submitted", organisation("hestia"))
    clock = ComplaintPresenter(complaint, today=datetime.date(2019, 6, 7)).acknowledgement_clock
    assert clock.status == "Was due by 6 June 2019: overdue"
    assert clock.tag == {"text": "Overdue", "classes": "govuk-tag--red"}
    on_time = ComplaintPresenter(complaint, today=datetime.date(2019, 6, 6)).acknowledgement_clock
    assert on_time.tag is None and on_time.status == "Due by Thursday 6 June 2019"


@pytest.mark.django_db
def test_eligibility_has_a_service_target_that_is_labelled_as_not_a_legal_deadline(settings):
    settings.SUPER_COMPLAINT_ELIGIBILITY_TARGET_DAYS = 60
    complaint = complaint_in("acknowledged", organisation("hestia"))
    clock = ComplaintPresenter(complaint, today=datetime.date(2019, 8, 1)).eligibility_clock
    assert clock.due == datetime.date(2019, 7, 29)  # 60 days beginning with 31 May 2019
    assert clock.explanation.startswith("Service target, not a legal deadline: 60 calendar days")
    assert "The regulations set no time limit" in clock.explanation
    assert clock.tag["text"] == "Past service target" and "red" not in clock.tag["classes"]


@pytest.mark.django_db
def test_eligibility_starts_the_progress_report_clock_from_the_setting(settings, caseworker):
    settings.SUPER_COMPLAINT_PROGRESS_REPORT_MONTHS = 2
    complaint = complaint_in("eligible", organisation("hestia"))  # decided 2 September 2019
    deadline = complaint.next_progress_report
    assert (deadline.rule, deadline.count, deadline.due) == ("months", 2, datetime.date(2019, 11, 2))


@pytest.mark.django_db
def test_each_progress_report_closes_its_deadline_and_stores_the_next(caseworker):
    complaint = complaint_in("eligible", organisation("hestia"))
    first = complaint.next_progress_report
    with server_date(datetime.date(2019, 11, 29)):
        complaint = services.complaint_record_progress_report(
            complaint=complaint, sent_by=caseworker, summary="Fieldwork started"
        )
    assert StoredDeadline.objects.get(pk=first.pk).is_open is False
    assert complaint.next_progress_report.due == datetime.date(2020, 2, 29)
    assert complaint.progress_reports.get().summary == "Fieldwork started"


@pytest.mark.django_db
def test_publishing_the_report_closes_the_progress_report_clock():
    complaint = complaint_in("report-published", organisation("hestia"))
    assert complaint.next_progress_report.is_open is False
    assert ComplaintPresenter(complaint).progress_report_clock.status == "No more progress reports are due"


@pytest.mark.django_db
def test_withdrawing_closes_the_open_acknowledgement_deadline(hestia_user):
    complaint = complaint_in("submitted", organisation("hestia"))
    complaint = services.complaint_withdraw(complaint=complaint, withdrawn_by=hestia_user, reason="Resolved locally")
    assert complaint.acknowledgement_deadline.is_open is False
    assert ComplaintPresenter(complaint).acknowledgement_clock.tag is None
