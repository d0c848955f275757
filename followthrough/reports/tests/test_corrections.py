import pytest
from django.core.exceptions import ValidationError

from followthrough.core.models import AuditEntry
from followthrough.reports import services
from followthrough.reports.models import Obligation, Recommendation, RecommendationVersion

pytestmark = pytest.mark.django_db


def recommendation(report, number):
    return Recommendation.casework.get(report=report, kind=Recommendation.Kind.RECOMMENDATION, number=number)


def correct(caseworker, rec, **changes):
    changes.setdefault("reason", "The published text left out an addressee")
    return services.recommendation_correct(recommendation=rec, corrected_by=caseworker, **changes)


def test_a_correction_that_removes_an_addressee_closes_its_obligation_and_keeps_the_history(
    hestia_like, caseworker, group
):
    rec = recommendation(hestia_like, 6)
    apcc = rec.obligations.get(organisation__code="apcc")
    correct(caseworker, rec, groups=[group("home-office")], organisations=[], reason="NPCC and APCC were listed twice")

    apcc.refresh_from_db()
    assert Obligation.casework.filter(pk=apcc.pk).exists()
    assert not apcc.is_active
    assert "NPCC and APCC were listed twice" in apcc.closed_reason
    assert apcc.closed_by == caseworker
    assert not apcc.recommendation_deadline.is_open
    assert rec.obligations.active().count() == 1
    assert rec.obligations.count() == 3
    earlier = rec.versions.get(number=1)
    assert {g["code"] for g in earlier.addressees["groups"]} == {"home-office", "npcc-and-apcc"}
    assert AuditEntry.objects.for_object(apcc).filter(action=AuditEntry.Action.UPDATED).exists()
    assert hestia_like.events.filter(title="Recommendation 6 corrected").exists()


def test_a_correction_that_adds_an_addressee_creates_exactly_one_new_obligation(hestia_like, caseworker, organisation):
    rec = recommendation(hestia_like, 1)
    before = {o.pk: (o.organisation_id, o.response_deadline_id) for o in rec.obligations.all()}
    total = Obligation.casework.count()

    correct(caseworker, rec, organisations=[organisation("college-of-policing")])

    assert Obligation.casework.count() == total + 1
    new = rec.obligations.exclude(pk__in=before).get()
    assert new.organisation.code == "college-of-policing"
    assert new.is_active
    kept = {o.pk: (o.organisation_id, o.response_deadline_id) for o in rec.obligations.filter(pk__in=before)}
    assert kept == before


def test_a_correction_that_adds_a_group_gives_each_new_force_its_response_deadline(hestia_like, caseworker, group):
    rec = recommendation(hestia_like, 1)
    correct(caseworker, rec, groups=[group("home-office"), group("territorial-chief-constables")])
    forces = rec.obligations.filter(organisation__kind="territorial-force")
    assert forces.count() == 43
    assert {o.response_deadline.due.isoformat() for o in forces} == {"2021-07-20"}


def test_naming_a_removed_addressee_again_reopens_the_same_obligation(hestia_like, caseworker, group):
    rec = recommendation(hestia_like, 6)
    apcc = rec.obligations.get(organisation__code="apcc")
    correct(caseworker, rec, groups=[group("home-office")], reason="Removed by mistake")
    correct(caseworker, rec, groups=[group("home-office"), group("npcc-and-apcc")], reason="Put back")

    reopened = rec.obligations.get(organisation__code="apcc")
    assert reopened.pk == apcc.pk
    assert reopened.is_active and reopened.closed_reason == ""
    assert reopened.recommendation_deadline.is_open
    assert reopened.recommendation_deadline_id != apcc.recommendation_deadline_id


def test_version_history_is_kept_in_order_with_each_wording_and_reason(hestia_like, caseworker):
    rec = recommendation(hestia_like, 2)
    original = rec.text
    correct(caseworker, rec, text="Second wording.", reason="A typing error")
    correct(caseworker, rec, text="Third wording.", points=["first point", "second point"], reason="Points added")

    versions = list(rec.versions.all())
    assert [v.number for v in versions] == [1, 2, 3]
    assert [v.text for v in versions] == [original, "Second wording.", "Third wording."]
    assert [v.reason for v in versions] == ["As published", "A typing error", "Points added"]
    assert versions[2].points == ["first point", "second point"]
    rec.refresh_from_db()
    assert rec.text == "Third wording." and rec.version == 3
    assert rec.points_list() == ["first point", "second point"]


def test_a_correction_needs_a_reason(hestia_like, caseworker):
    with pytest.raises(ValidationError) as error:
        correct(caseworker, recommendation(hestia_like, 2), text="New words.", reason="  ")
    assert "reason" in error.value.message_dict
    assert RecommendationVersion.objects.filter(recommendation__report=hestia_like, number=2).count() == 0


def test_a_correction_that_changes_nothing_is_refused(hestia_like, caseworker):
    rec = recommendation(hestia_like, 2)
    with pytest.raises(ValidationError):
        correct(caseworker, rec, text=rec.text)


def test_a_draft_recommendation_cannot_be_corrected(make_report, add_recommendation, caseworker):
    rec = add_recommendation(make_report(), 1, groups=["home-office"])
    with pytest.raises(ValidationError):
        correct(caseworker, rec, text="Different words.")


def test_earlier_versions_cannot_be_changed(hestia_like):
    version = RecommendationVersion.objects.filter(recommendation__report=hestia_like).first()
    version.text = "Rewritten history"
    with pytest.raises(ValidationError):
        version.save()


def test_report_events_cannot_be_changed_or_deleted(hestia_like):
    event = hestia_like.events.first()
    event.title = "Something else"
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        hestia_like.events.all().delete()
