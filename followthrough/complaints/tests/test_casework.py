import pytest
from django.urls import reverse
from django.utils import timezone

from followthrough.testing.pages import assert_good_page, error_summary_links, text_of

from ..models import State, SuperComplaint
from .helpers import complaint_in, organisation


def _form(complaint, **fields):
    data = {
        "expected_version": complaint.version,
        "decision": "eligible",
        "reasons": "It meets regulation 4.",
        "agreed_by": ["hmicfrs", "iopc", "college-of-policing"],
        "repeats": "",
        "on-day": "2",
        "on-month": "9",
        "on-year": "2019",
    }
    data.update(fields)
    return data


def _eligibility_url(complaint):
    return reverse("complaints:casework-eligibility", kwargs={"reference": complaint.reference})


@pytest.mark.django_db
def test_when_two_caseworkers_decide_at_once_the_second_is_told_and_keeps_what_they_typed(
    signed_in_client, caseworker, second_caseworker
):
    complaint = complaint_in("acknowledged", organisation("hestia"))
    first, second = signed_in_client(caseworker), signed_in_client(second_caseworker)
    # Both load the same form, showing the same version.
    for client in (first, second):
        page = client.get(_eligibility_url(complaint))
        assert f'name="expected_version" value="{complaint.version}"' in page.content.decode()

    accepted = first.post(_eligibility_url(complaint), _form(complaint, reasons="First caseworker's reasons"))
    assert accepted.status_code == 302

    refused = second.post(
        _eligibility_url(complaint),
        _form(complaint, decision="not-eligible", reasons="Second caseworker's reasons, typed with care"),
    )
    document = assert_good_page(refused)
    [(message, _href)] = error_summary_links(document)
    assert message.startswith("Another caseworker changed this complaint at ")
    assert message.endswith(". Check the new state and try again")
    textarea = document.find(".//textarea[@name='reasons']")
    assert textarea.text.strip() == "Second caseworker's reasons, typed with care"
    assert document.find(".//input[@name='decision'][@value='not-eligible']").get("checked") is not None

    saved = SuperComplaint.internal.get(pk=complaint.pk)
    assert saved.state == State.ELIGIBLE
    assert saved.eligibility_reasons == "First caseworker's reasons"
    assert saved.version == complaint.version + 1
    assert saved.events.filter(action="decide-eligibility").count() == 1


@pytest.mark.django_db
def test_an_action_not_allowed_in_the_current_state_is_not_offered(signed_in_client, caseworker):
    complaint = complaint_in("submitted", organisation("hestia"))
    detail = reverse("complaints:casework-detail", kwargs={"reference": complaint.reference})
    document = assert_good_page(signed_in_client(caseworker).get(detail))
    hrefs = {a.get("href") for a in document.iter("a")}
    assert reverse("complaints:casework-acknowledge", kwargs={"reference": complaint.reference}) in hrefs
    assert _eligibility_url(complaint) not in hrefs


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "linked"), [("acknowledged", False), ("eligible", True), ("report-published", False)]
)
def test_an_eligible_complaint_links_to_where_its_report_is_added(signed_in_client, caseworker, state, linked):
    complaint = complaint_in(state, organisation("hestia"))
    detail = reverse("complaints:casework-detail", kwargs={"reference": complaint.reference})
    document = assert_good_page(signed_in_client(caseworker).get(detail))
    links = {" ".join("".join(a.itertext()).split()): a.get("href") for a in document.iter("a")}
    if linked:
        add = links["Add the report on this super-complaint"]
        assert add == f"{reverse('reports:casework-create')}?super-complaint={complaint.reference}"
        form = assert_good_page(signed_in_client(caseworker).get(add))
        [chosen] = form.findall(".//select[@name='super_complaint']/option[@selected]")
        assert chosen.get("value") == str(complaint.pk)
        [about] = form.findall(".//input[@name='source'][@checked]")
        assert about.get("value") == "super-complaint"
    else:
        assert "Add the report on this super-complaint" not in links


@pytest.mark.django_db
def test_posting_an_action_not_allowed_in_the_current_state_is_refused_and_changes_nothing(
    signed_in_client, caseworker
):
    complaint = complaint_in("submitted", organisation("hestia"))
    response = signed_in_client(caseworker).post(_eligibility_url(complaint), _form(complaint))
    document = assert_good_page(response)
    assert error_summary_links(document) == [
        (
            f"You cannot record an eligibility decision on {complaint.reference} because it has not been "
            "acknowledged yet",
            "#main-content",
        )
    ]
    assert SuperComplaint.internal.get(pk=complaint.pk).state == State.SUBMITTED


@pytest.mark.django_db
def test_opening_an_action_not_allowed_now_explains_why_instead_of_showing_the_form(signed_in_client, caseworker):
    complaint = complaint_in("eligible", organisation("hestia"))
    url = reverse("complaints:casework-acknowledge", kwargs={"reference": complaint.reference})
    document = assert_good_page(signed_in_client(caseworker).get(url))
    assert document.find(".//form[@method='post']") is None
    assert f"You cannot acknowledge {complaint.reference} because it has been decided eligible" in text_of(document)


@pytest.mark.django_db
def test_a_decision_without_all_three_authorities_is_shown_against_the_checkboxes(signed_in_client, caseworker):
    complaint = complaint_in("acknowledged", organisation("hestia"))
    response = signed_in_client(caseworker).post(_eligibility_url(complaint), _form(complaint, agreed_by=["hmicfrs"]))
    document = assert_good_page(response)
    assert error_summary_links(document) == [
        (
            "Select all three authorities: HMICFRS, the IOPC and the College of Policing decide jointly",
            "#agreed_by",
        )
    ]
    assert SuperComplaint.internal.get(pk=complaint.pk).state == State.ACKNOWLEDGED


@pytest.mark.django_db
def test_acknowledging_from_the_casework_page_records_todays_date_whatever_is_typed_and_returns_to_the_complaint(
    signed_in_client, caseworker
):
    complaint = complaint_in("submitted", organisation("hestia"))
    url = reverse("complaints:casework-acknowledge", kwargs={"reference": complaint.reference})
    response = signed_in_client(caseworker).post(
        url, {"expected_version": complaint.version, "on-day": "4", "on-month": "6", "on-year": "2019", "note": ""}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("complaints:casework-detail", kwargs={"reference": complaint.reference})
    saved = SuperComplaint.internal.get(pk=complaint.pk)
    assert (saved.state, saved.acknowledged_on) == (State.ACKNOWLEDGED, timezone.localdate())


@pytest.mark.django_db
def test_inbox_marks_overdue_acknowledgements_in_words_and_a_red_tag(signed_in_client, caseworker):
    complaint = complaint_in("submitted", organisation("hestia"))  # due 6 June 2019, long past
    document = assert_good_page(signed_in_client(caseworker).get(reverse("complaints:inbox")))
    row = next(tr for tr in document.iter("tr") if complaint.reference in "".join(tr.itertext()))
    tags = [t for t in row.iter("strong") if "govuk-tag--red" in (t.get("class") or "")]
    assert ["".join(t.itertext()).strip() for t in tags] == ["Overdue"]
    assert "Due 6 June 2019" in " ".join("".join(row.itertext()).split())


@pytest.mark.django_db
def test_inbox_filters_by_state_and_sorts_by_received_date_through_get_parameters(signed_in_client, caseworker):
    hestia = organisation("hestia")
    submitted = complaint_in("submitted", hestia, title="Submitted one")
    eligible = complaint_in("eligible", hestia, title="Eligible one")
    client = signed_in_client(caseworker)

    filtered = text_of(assert_good_page(client.get(reverse("complaints:inbox"), {"state": "eligible"})))
    assert eligible.reference in filtered and submitted.reference not in filtered

    newest = text_of(assert_good_page(client.get(reverse("complaints:inbox"), {"sort": "received-newest"})))
    oldest = text_of(assert_good_page(client.get(reverse("complaints:inbox"), {"sort": "received-oldest"})))
    assert newest.index(eligible.reference) < newest.index(submitted.reference)
    assert oldest.index(submitted.reference) < oldest.index(eligible.reference)


@pytest.mark.django_db
def test_inbox_sorted_by_next_deadline_puts_the_soonest_first_and_those_without_one_last(signed_in_client, caseworker):
    hestia = organisation("hestia")
    eligible = complaint_in("eligible", hestia, title="Progress report due December 2019")
    submitted = complaint_in("submitted", hestia, title="Acknowledgement due June 2019")
    closed = complaint_in("not-eligible", hestia, title="No open deadline")
    text = text_of(assert_good_page(signed_in_client(caseworker).get(reverse("complaints:inbox"))))
    assert text.index(submitted.reference) < text.index(eligible.reference) < text.index(closed.reference)


@pytest.mark.django_db
def test_inbox_ignores_unknown_filter_values(signed_in_client, caseworker):
    complaint_in("submitted", organisation("hestia"))
    response = signed_in_client(caseworker).get(reverse("complaints:inbox"), {"state": "nonsense", "sort": "x"})
    assert "SC-2019-0001" in text_of(assert_good_page(response))


@pytest.mark.django_db
def test_caseworkers_never_see_drafts(signed_in_client, caseworker):
    complaint_in("draft", organisation("hestia"), title="A private draft")
    text = text_of(assert_good_page(signed_in_client(caseworker).get(reverse("complaints:inbox"))))
    assert "A private draft" not in text


@pytest.mark.django_db
def test_designated_body_users_cannot_use_casework_pages(signed_in_client, hestia_user):
    complaint = complaint_in("submitted", organisation("hestia"))
    client = signed_in_client(hestia_user)
    assert client.get(reverse("complaints:inbox")).status_code == 403
    url = reverse("complaints:casework-acknowledge", kwargs={"reference": complaint.reference})
    assert client.post(url, {"expected_version": complaint.version}).status_code == 403
    assert SuperComplaint.internal.get(pk=complaint.pk).state == State.SUBMITTED
