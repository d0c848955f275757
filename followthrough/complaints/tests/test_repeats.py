"""Repeat complaints: regulation 6(3) and (4) of the Police Super-complaints (Designation and Procedure) Regulations
2018 (SI 2018/748), one test for each kind of earlier complaint."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from followthrough.testing.pages import assert_good_page, error_summary_links

from ..eligibility import REGULATION_6_3, REGULATION_6_4
from ..models import Decision, RepeatKind, State, SuperComplaint
from .helpers import complaint_in, decide, organisation


def _later(body="liberty"):
    return complaint_in("acknowledged", organisation(body), title="Later")


@pytest.mark.django_db
@pytest.mark.parametrize("changed", [False, True])
def test_regulation_6_3_a_repeat_of_a_complaint_being_investigated_is_not_eligible_whatever_has_changed(
    caseworker, changed
):
    earlier = complaint_in("eligible", organisation("hestia"), title="Earlier")
    complaint = _later()
    with pytest.raises(ValidationError) as invalid:
        decide(complaint, caseworker, repeats=earlier, circumstances_materially_changed=changed)
    assert invalid.value.message_dict["decision"] == [
        f"A super-complaint that merely repeats one being investigated ({earlier.reference}) is not eligible, "
        "whatever has changed (regulation 6(3))"
    ]
    assert SuperComplaint.internal.get(pk=complaint.pk).state == State.ACKNOWLEDGED
    decided = decide(complaint, caseworker, Decision.NOT_ELIGIBLE, repeats=earlier)
    assert (decided.state, decided.repeats, decided.repeat_kind) == (
        State.NOT_ELIGIBLE,
        earlier,
        RepeatKind.BEING_INVESTIGATED,
    )


@pytest.mark.django_db
def test_regulation_6_4_a_repeat_of_a_complaint_already_investigated_is_eligible_only_after_a_material_change(
    caseworker,
):
    earlier = complaint_in("report-published", organisation("hestia"), title="Earlier")
    complaint = _later()
    with pytest.raises(ValidationError) as invalid:
        decide(complaint, caseworker, repeats=earlier, circumstances_materially_changed=False)
    assert invalid.value.message_dict["decision"] == [
        f"A super-complaint that merely repeats one already investigated ({earlier.reference}) is only eligible if "
        "circumstances have materially changed since (regulation 6(4))"
    ]
    decided = decide(complaint, caseworker, repeats=earlier, circumstances_materially_changed=True)
    assert (decided.state, decided.repeat_kind, decided.circumstances_materially_changed) == (
        State.ELIGIBLE,
        RepeatKind.ALREADY_INVESTIGATED,
        True,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("earlier_state", ["not-eligible", "withdrawn"])
def test_regulation_6_a_repeat_of_a_complaint_found_not_eligible_or_withdrawn_is_no_bar(caseworker, earlier_state):
    earlier = complaint_in(earlier_state, organisation("hestia"), title="Earlier")
    decided = decide(_later(), caseworker, repeats=earlier, circumstances_materially_changed=False)
    assert (decided.state, decided.repeats, decided.repeat_kind) == (
        State.ELIGIBLE,
        earlier,
        RepeatKind.NOT_INVESTIGATED,
    )


@pytest.mark.django_db
def test_a_complaint_cannot_repeat_itself(caseworker):
    complaint = _later()
    with pytest.raises(ValidationError) as invalid:
        decide(complaint, caseworker, repeats=complaint)
    assert invalid.value.message_dict == {"repeats": ["A super-complaint cannot repeat itself"]}


@pytest.mark.django_db
def test_the_decision_page_quotes_regulation_6_and_says_the_rule(signed_in_client, caseworker):
    complaint = _later()
    url = reverse("complaints:casework-eligibility", kwargs={"reference": complaint.reference})
    text = " ".join("".join(assert_good_page(signed_in_client(caseworker).get(url)).itertext()).split())
    assert REGULATION_6_3 in text and REGULATION_6_4 in text
    assert "Police Super-complaints (Designation and Procedure) Regulations 2018, regulation 6(3) and (4)" in text
    assert "is not eligible, whatever has changed since" in text
    assert "found not eligible, or was withdrawn, is no bar" in text


@pytest.mark.django_db
def test_deciding_a_repeat_of_one_being_investigated_eligible_shows_the_rule_as_an_error(signed_in_client, caseworker):
    earlier = complaint_in("eligible", organisation("hestia"), title="Earlier")
    complaint = _later()
    url = reverse("complaints:casework-eligibility", kwargs={"reference": complaint.reference})
    response = signed_in_client(caseworker).post(
        url,
        {
            "expected_version": complaint.version,
            "decision": "eligible",
            "reasons": "It meets regulation 4.",
            "agreed_by": ["hmicfrs", "iopc", "college-of-policing"],
            "repeats": earlier.reference,
            "circumstances_materially_changed": "yes",
        },
    )
    assert error_summary_links(assert_good_page(response)) == [
        (
            f"A super-complaint that merely repeats one being investigated ({earlier.reference}) is not eligible, "
            "whatever has changed (regulation 6(3))",
            "#decision",
        )
    ]
    assert SuperComplaint.internal.get(pk=complaint.pk).state == State.ACKNOWLEDGED
