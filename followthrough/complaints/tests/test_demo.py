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


def test_a_known_eligibility_date_is_recorded_and_starts_the_progress_report_clock(loaded):
    stalking = loaded["suzy-lamplugh-trust:Stalking"]
    assert stalking.eligibility_decided_on == datetime.date(2023, 1, 26)
    assert stalking.next_progress_report.due == datetime.date(2023, 4, 26)
    assert "1 November 2022 is recorded" in stalking.events.get(action="submit").note


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
