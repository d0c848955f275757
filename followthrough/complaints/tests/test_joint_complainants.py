"""A super-complaint made jointly (Safe to share?, by Liberty and Southall Black Sisters): every joint complainant is
a complainant on every page and in every permission (ADR 0017)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from followthrough.organisations.models import Role
from followthrough.testing.factories import member
from followthrough.testing.pages import assert_good_page, text_of

from .. import services
from ..models import State, SuperComplaint
from .helpers import complaint_in, draft, organisation


@pytest.fixture
def sisters_user(db):
    return member(Role.DESIGNATED_BODY_USER, organisation("southall-black-sisters"), full_name="Sam Sisters")


def _joint(state, liberty_user):
    complaint = draft(organisation("liberty"), title="Policing and immigration status")
    services.complaint_update_draft(
        complaint=complaint, updated_by=liberty_user, joint_complainants=[organisation("southall-black-sisters")]
    )
    if state == State.DRAFT:
        return SuperComplaint.internal.get(pk=complaint.pk)
    return services.complaint_submit(complaint=complaint, submitted_by=None)


@pytest.mark.django_db
def test_the_lead_names_a_joint_complainant_from_check_answers(signed_in_client, liberty_user):
    complaint = draft(organisation("liberty"), title="Policing and immigration status")
    client = signed_in_client(liberty_user)
    url = reverse("complaints:joint-complainants", kwargs={"complaint_id": complaint.pk})
    check = reverse("complaints:check-answers", kwargs={"complaint_id": complaint.pk})
    hrefs = [a.get("href") for a in assert_good_page(client.get(check)).iter("a")]
    assert f"{url}?change=yes" in hrefs
    assert_good_page(client.get(url))
    response = client.post(url, {"joint_complainants": ["southall-black-sisters"]})
    assert response["Location"] == check
    assert "Made jointly with Southall Black Sisters" in text_of(assert_good_page(client.get(check)))


@pytest.mark.django_db
def test_a_joint_complainants_user_sees_changes_and_submits_the_draft(signed_in_client, liberty_user, sisters_user):
    complaint = _joint(State.DRAFT, liberty_user)
    client = signed_in_client(sisters_user)
    dashboard = text_of(assert_good_page(client.get(reverse("complaints:dashboard"))))
    assert "Policing and immigration status" in dashboard
    title = reverse("complaints:title", kwargs={"complaint_id": complaint.pk})
    assert client.post(title, {"title": "Safe to share?"}).status_code == 302
    submitted = services.complaint_submit(complaint=complaint, submitted_by=sisters_user)
    received = submitted.events.get(action="submit")
    assert (received.actor, received.actor_organisation.code) == (sisters_user, "southall-black-sisters")


@pytest.mark.django_db
def test_either_joint_complainant_may_withdraw_and_the_timeline_names_who_did(sisters_user, liberty_user):
    complaint = _joint(State.SUBMITTED, liberty_user)
    withdrawn = services.complaint_withdraw(complaint=complaint, withdrawn_by=sisters_user, reason="We agreed to stop")
    assert withdrawn.state == State.WITHDRAWN
    assert withdrawn.events.first().title == "Withdrawn by Southall Black Sisters"


@pytest.mark.django_db
def test_a_body_that_is_not_a_complainant_still_gets_page_not_found(signed_in_client, liberty_user, hestia_user):
    complaint = _joint(State.SUBMITTED, liberty_user)
    response = signed_in_client(hestia_user).get(reverse("complaints:detail", kwargs={"complaint_id": complaint.pk}))
    assert response.status_code == 404
    with pytest.raises(services.IllegalTransition):
        services.complaint_withdraw(complaint=complaint, withdrawn_by=hestia_user, reason="Not ours")


@pytest.mark.django_db
def test_every_page_names_both_complainants(signed_in_client, liberty_user, sisters_user, caseworker):
    complaint = _joint(State.SUBMITTED, liberty_user)
    both = "Liberty and Southall Black Sisters"
    own = reverse("complaints:detail", kwargs={"complaint_id": complaint.pk})
    assert both in text_of(assert_good_page(signed_in_client(sisters_user).get(own)))
    case = reverse("complaints:casework-detail", kwargs={"reference": complaint.reference})
    assert both in text_of(assert_good_page(signed_in_client(caseworker).get(case)))
    assert both in text_of(assert_good_page(signed_in_client(caseworker).get(reverse("complaints:inbox"))))
    eligible = complaint_in("eligible", organisation("hestia"))
    assert eligible.complainants_text == "Hestia"


@pytest.mark.django_db
def test_only_other_designated_bodies_can_be_joint_complainants(liberty_user):
    complaint = draft(organisation("liberty"))
    for wrong in (organisation("liberty"), organisation("kent-police")):
        with pytest.raises(ValidationError) as refused:
            services.complaint_update_draft(complaint=complaint, updated_by=liberty_user, joint_complainants=[wrong])
        assert refused.value.message_dict == {"joint_complainants": ["Select other designated bodies only"]}
