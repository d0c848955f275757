import pytest
from django.test import Client
from django.urls import reverse

from followthrough.testing.clock import server_date
from followthrough.testing.pages import assert_good_page, text_of

from ..models import State, SuperComplaint
from ..presenters import ComplaintPresenter
from .helpers import complaint_in, organisation

UNDECIDED = ["draft", "submitted", "acknowledged"]
DECIDED = ["eligible", "not-eligible", "report-published"]


@pytest.mark.django_db
def test_the_public_manager_holds_only_complaints_with_an_eligibility_decision():
    hestia = organisation("hestia")
    for state in UNDECIDED + DECIDED + ["withdrawn"]:
        complaint_in(state, hestia, title=f"In state {state}")
    # A withdrawal after the decision stays public; one before it (above) does not.
    after_decision = complaint_in("eligible", hestia, title="Withdrawn after decision")
    from .. import services

    services.complaint_withdraw(complaint=after_decision, withdrawn_by=None, reason="Resolved")
    titles = set(SuperComplaint.public.values_list("title", flat=True))
    assert titles == {f"In state {s}" for s in DECIDED} | {"Withdrawn after decision"}


@pytest.mark.django_db
def test_the_public_list_shows_decided_complaints_with_their_dates_and_state_in_words():
    hestia = organisation("hestia")
    complaint_in("acknowledged", hestia, title="Waiting for a decision")
    complaint_in("report-published", hestia, title="Underground lives")
    document = assert_good_page(Client().get(reverse("complaints:public-list")))
    text = text_of(document)
    assert "Waiting for a decision" not in text
    row = next(tr for tr in document.iter("tr") if "Underground lives" in "".join(tr.itertext()))
    cells = [" ".join("".join(td.itertext()).split()) for td in row.iter("td")]
    assert cells[1:] == [hestia.name, "Report published", "31 May 2019", "2 September 2019", "26 May 2021"]


@pytest.mark.django_db
@pytest.mark.parametrize("state", ["submitted", "acknowledged"])
def test_a_complaint_before_its_eligibility_decision_is_not_found_by_the_public(state):
    complaint = complaint_in(state, organisation("hestia"))
    url = reverse("complaints:public-detail", kwargs={"reference": complaint.reference})
    assert_good_page(Client().get(url), status=404)


@pytest.mark.django_db
@pytest.mark.parametrize("reference", ["SC-2026-0001%00", "SC%202026", "%E2%80%93"])
def test_an_address_that_no_reference_could_have_is_not_found(reference):
    complaint_in("eligible", organisation("hestia"))
    assert_good_page(Client().get(f"/super-complaints/{reference}/"), status=404)


@pytest.mark.django_db
def test_the_public_page_shows_a_reduced_timeline_with_dates_but_no_private_notes_or_names(caseworker):
    from .. import services

    complaint = complaint_in("eligible", organisation("hestia"))
    with server_date(complaint.eligibility_decided_on):
        services.complaint_record_progress_report(complaint=complaint, sent_by=caseworker, summary="Private summary")
    url = reverse("complaints:public-detail", kwargs={"reference": complaint.reference})
    document = assert_good_page(Client().get(url))
    timeline = [
        " ".join("".join(li.itertext()).split())
        for li in document.iter("li")
        if "app-timeline__item" in (li.get("class") or "")
    ]
    assert timeline == [
        "Decided eligible: an investigation follows 2 September 2019",
        "Acknowledged 6 June 2019",
        "Received by the inspectorate 31 May 2019",
    ]
    text = text_of(document)
    assert "Private summary" not in text
    assert "It meets regulation 4" not in text  # eligibility reasons stay private
    assert caseworker.full_name not in text and "Harper Hestia" not in text  # the contact and actors too


@pytest.mark.django_db
def test_the_public_timeline_states_come_from_the_setting(settings):
    settings.SUPER_COMPLAINT_PUBLIC_TIMELINE_STATES = ["eligible"]
    complaint = complaint_in("eligible", organisation("hestia"))
    assert [e.title for e in ComplaintPresenter(complaint).public_timeline()] == [
        "Decided eligible: an investigation follows"
    ]


@pytest.mark.django_db
def test_the_public_page_has_no_report_link_until_the_report_is_published():
    complaint = complaint_in("eligible", organisation("hestia"))
    assert ComplaintPresenter(complaint).report_link is None


@pytest.mark.django_db
def test_a_published_complaint_without_a_linked_report_still_renders():
    complaint = complaint_in("report-published", organisation("hestia"))
    assert complaint.state == State.REPORT_PUBLISHED
    url = reverse("complaints:public-detail", kwargs={"reference": complaint.reference})
    text = text_of(assert_good_page(Client().get(url)))
    assert "Report published 26 May 2021" in text
