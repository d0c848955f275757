import datetime
import io

import pytest

from .. import demo
from ..models import State, SuperComplaint


@pytest.fixture
def loaded(db):
    demo.load(io.StringIO())
    return {
        c.designated_body.code + ":" + c.title: c for c in SuperComplaint.internal.select_related("designated_body")
    }


def test_the_demo_loads_every_super_complaint_in_the_domain_notes_as_eligible(loaded):
    assert len(loaded) == len(demo.DEMO_COMPLAINTS) == 7
    assert {c.state for c in loaded.values()} == {State.ELIGIBLE}
    received = sorted(c.received_on for c in loaded.values())
    assert received[0] == datetime.date(2018, 12, 18) and received[-1] == datetime.date(2022, 11, 1)


def test_hestias_complaint_is_received_on_31_may_2019_and_acknowledged_on_a_date_not_known(loaded):
    hestia = loaded["hestia:Underground lives: police response to victims of modern slavery"]
    assert hestia.received_on == datetime.date(2019, 5, 31)
    # The sources do not say when it was acknowledged: the date is not known, not made up (ADR 0016).
    assert hestia.acknowledged_on is None and hestia.is_acknowledged
    assert {e.source_title for e in hestia.events.all()} == {"HMICFRS's published list of super-complaints"}
    acknowledged = hestia.events.get(action="acknowledge")
    assert "The exact date of acknowledgement is not in the source documents" in acknowledged.note
    decided = hestia.events.get(action="decide-eligibility")
    assert decided.on is None and "date of the eligibility decision is not in the source documents" in decided.note
    assert hestia.features_of_policing.startswith("Summary:")
    assert [e.actor_label for e in hestia.events.all()] == ["Follow Through"] * 3


def test_the_stalking_eligibility_notice_date_is_not_taken_for_the_date_of_the_decision(loaded):
    stalking = loaded["suzy-lamplugh-trust:Stalking"]
    assert stalking.eligibility_decided_on is None
    decided = stalking.events.get(action="decide-eligibility")
    assert decided.on is None
    assert "The date of the eligibility decision is not in the sources" in decided.note
    assert "published on 26 January 2023" in decided.note
    assert decided.source_url.endswith("super-complaint-on-the-police-response-to-stalking-eligible-for-investigation")
    assert "on behalf of the National Stalking Consortium" in stalking.features_of_policing
    assert "27 September 2024" in stalking.features_of_policing
    assert "1 November 2022 is recorded" in stalking.events.get(action="submit").note


def test_the_tees_valley_and_criminal_justice_alliance_complaints_carry_their_own_titles_and_subjects(loaded):
    tees = loaded["tees-valley-inclusion-project:Invisible Survivors – The Long Wait For Justice"]
    assert (
        "victims of sexual abuse from ethnic minority backgrounds who may be at risk of honour-based abuse"
        in tees.features_of_policing
    )
    assert tees.events.get(action="submit").source_url.startswith("https://hmicfrs.justiceinspectorates.gov.uk/")
    alliance = loaded["criminal-justice-alliance:More harm than good"]
    assert "section 60" in alliance.features_of_policing
    assert "the scrutiny of all stop and search powers" in alliance.features_of_policing


def test_the_timeline_shows_the_real_dates(loaded):
    hestia = loaded["hestia:Underground lives: police response to victims of modern slavery"]
    assert [e.on for e in hestia.events.order_by("pk")] == [datetime.date(2019, 5, 31), None, None]


def test_loading_the_demo_twice_creates_nothing_new(loaded):
    out = io.StringIO()
    demo.load(out)
    assert SuperComplaint.internal.count() == len(loaded)
    assert "SC-2019-0002" in out.getvalue()


def test_safe_to_share_is_made_jointly_by_liberty_and_southall_black_sisters(loaded):
    complaint = loaded["liberty:Policing and immigration status"]
    assert [body.code for body in complaint.complainants] == ["liberty", "southall-black-sisters"]
    assert complaint.complainants_text == "Liberty and Southall Black Sisters"
