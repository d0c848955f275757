import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from followthrough.calendar.models import StoredDeadline
from followthrough.core.models import AuditEntry
from followthrough.organisations.models import Organisation
from followthrough.reports.models import DueRule, Obligation, Recommendation, RecommendationVersion, Report, State

pytestmark = pytest.mark.django_db

BEFORE_SOUTH_YORKSHIRE_CHANGE = datetime.date(2021, 5, 26)
AFTER_SOUTH_YORKSHIRE_CHANGE = datetime.date(2024, 6, 1)


def obligations(report, number, kind=Recommendation.Kind.RECOMMENDATION):
    return Obligation.casework.filter(
        recommendation__report=report, recommendation__kind=kind, recommendation__number=number
    )


def test_a_recommendation_to_chief_constables_creates_one_obligation_for_each_of_the_43_territorial_forces(hestia_like):
    created = obligations(hestia_like, 2)
    assert created.count() == 43
    assert set(created.values_list("organisation__kind", flat=True)) == {"territorial-force"}


def test_a_recommendation_to_the_home_office_creates_exactly_one_obligation(hestia_like, organisation):
    assert list(obligations(hestia_like, 1).values_list("organisation", flat=True)) == [organisation("home-office").pk]


def test_a_joint_recommendation_to_forces_and_commissioners_creates_86_obligations_one_per_organisation(hestia_like):
    created = obligations(hestia_like, 4)
    assert created.count() == 86
    assert created.values("organisation").distinct().count() == 86
    assert Recommendation.casework.get(report=hestia_like, number=4).jointly


def test_local_policing_bodies_are_resolved_as_they_stood_on_the_publication_date(
    make_report, add_recommendation, publish, organisation
):
    south_yorkshire = organisation("south-yorkshire-police")
    before_body = south_yorkshire.overseen_by_on(BEFORE_SOUTH_YORKSHIRE_CHANGE)
    after_body = south_yorkshire.overseen_by_on(AFTER_SOUTH_YORKSHIRE_CHANGE)
    assert before_body != after_body, "the reference data should record South Yorkshire's change on 7 May 2024"

    earlier = make_report(published_on=BEFORE_SOUTH_YORKSHIRE_CHANGE, title="Earlier report")
    later = make_report(published_on=AFTER_SOUTH_YORKSHIRE_CHANGE, title="Later report")
    for report in (earlier, later):
        add_recommendation(report, 1, groups=["local-policing-bodies"])
        publish(report)

    earlier_bodies = set(obligations(earlier, 1).values_list("organisation", flat=True))
    later_bodies = set(obligations(later, 1).values_list("organisation", flat=True))
    assert len(earlier_bodies) == 43
    assert before_body.pk in earlier_bodies and after_body.pk not in earlier_bodies
    assert after_body.pk in later_bodies and before_body.pk not in later_bodies
    assert len(later_bodies) == 43


def test_response_is_due_56_days_beginning_with_publication_on_20_july_2021_with_an_explanation(hestia_like):
    obligation = obligations(hestia_like, 2).select_related("response_deadline").first()
    deadline = obligation.response_deadline
    assert deadline.due == datetime.date(2021, 7, 20)
    assert deadline.owner == obligation
    assert "56 calendar days beginning with Wednesday 26 May 2021" in deadline.explanation
    assert "Tuesday 20 July 2021" in deadline.explanation


def test_only_chief_officers_and_local_policing_bodies_owe_a_response_within_the_period(hestia_like):
    home_office = obligations(hestia_like, 1).get()
    action = obligations(hestia_like, 1, kind=Recommendation.Kind.ACTION).get()
    assert home_office.response_deadline is None
    assert action.response_deadline is None
    assert not obligations(hestia_like, 4).filter(response_deadline__isnull=True).exists()


def test_monitoring_recommendation_due_within_six_months_falls_on_26_november_2021(hestia_like):
    created = obligations(hestia_like, 6).select_related("recommendation_deadline", "organisation")
    assert {o.organisation.code for o in created} == {"home-office", "npcc", "apcc"}
    for obligation in created:
        assert obligation.recommendation_deadline.due == datetime.date(2021, 11, 26)
        assert "6 calendar months from Wednesday 26 May 2021" in obligation.recommendation_deadline.explanation


def test_a_recommendation_due_immediately_is_due_on_the_publication_date(make_report, add_recommendation, publish):
    report = make_report()
    add_recommendation(report, 1, groups=["home-office"], due_rule=DueRule.IMMEDIATELY)
    publish(report)
    assert obligations(report, 1).get().recommendation_deadline.due == report.published_on


def test_a_recommendation_with_no_date_has_no_recommendation_deadline(hestia_like):
    assert obligations(hestia_like, 2).filter(recommendation_deadline__isnull=False).count() == 0


def test_publishing_twice_creates_nothing_new(hestia_like, publish):
    counts = (Obligation.casework.count(), StoredDeadline.objects.count(), RecommendationVersion.objects.count())
    events = hestia_like.events.count()
    publish(hestia_like)
    publish(Report.casework.get(pk=hestia_like.pk), on=datetime.date(2022, 1, 1))
    assert (
        Obligation.casework.count(),
        StoredDeadline.objects.count(),
        RecommendationVersion.objects.count(),
    ) == counts
    assert hestia_like.events.count() == events
    assert Report.casework.get(pk=hestia_like.pk).published_on == datetime.date(2021, 5, 26)


def test_the_database_refuses_a_second_obligation_for_the_same_organisation(hestia_like):
    from django.db import IntegrityError, transaction

    existing = obligations(hestia_like, 1).get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Obligation.casework.create(recommendation=existing.recommendation, organisation=existing.organisation)


def test_publishing_records_state_event_audit_and_first_version(hestia_like):
    report = Report.casework.get(pk=hestia_like.pk)
    assert report.state == State.PUBLISHED
    assert report.events.filter(title="Report published", is_public=True).exists()
    assert AuditEntry.objects.for_object(report).filter(reason__startswith="Published on 26 May 2021").exists()
    for recommendation in report.recommendations.all():
        assert list(recommendation.versions.values_list("number", flat=True)) == [1]


def test_publishing_loads_the_holiday_calendar_once_however_many_obligations(make_report, add_recommendation, publish):
    report = make_report()
    add_recommendation(report, 1, groups=["territorial-chief-constables", "local-policing-bodies"], jointly=True)
    add_recommendation(report, 2, groups=["territorial-chief-constables"])
    with CaptureQueriesContext(connection) as queries:
        publish(report)
    holiday_reads = [q for q in queries.captured_queries if 'FROM "calendar_holiday"' in q["sql"]]
    assert len(holiday_reads) == 1
    assert Obligation.casework.filter(recommendation__report=report).count() == 129


def test_public_managers_hide_drafts_and_everything_in_them(make_report, add_recommendation, hestia_like):
    draft = make_report(title="Still a draft")
    add_recommendation(draft, 1, groups=["home-office"])
    assert list(Report.public.all()) == [hestia_like]
    assert not Recommendation.public.filter(report=draft).exists()
    assert Recommendation.public.filter(report=hestia_like).count() == 5
    assert Obligation.public.filter(recommendation__report=hestia_like).count() == 1 + 43 + 86 + 3 + 1


def test_recommendations_cannot_be_added_to_a_published_report(hestia_like, add_recommendation):
    with pytest.raises(ValidationError):
        add_recommendation(hestia_like, 9, groups=["home-office"])


def test_a_recommendation_must_be_addressed_to_someone(make_report, add_recommendation):
    with pytest.raises(ValidationError) as error:
        add_recommendation(make_report(), 1)
    assert "groups" in error.value.message_dict


def test_publishing_a_report_on_a_super_complaint_records_it_on_the_complaint_once(
    make_report, add_recommendation, publish, monkeypatch, caseworker
):
    from followthrough.complaints import services as complaint_services
    from followthrough.complaints.models import SuperComplaint

    calls = []
    monkeypatch.setattr(complaint_services, "complaint_record_report_published", lambda **kwargs: calls.append(kwargs))
    complaint = SuperComplaint.internal.create(
        reference="SC-2019-0001",
        designated_body=Organisation.objects.get(code="hestia"),
        state="eligible",
        received_on=datetime.date(2019, 5, 31),
        title="Police response to victims of modern slavery",
    )
    report = make_report(source=Report.Source.SUPER_COMPLAINT, super_complaint=complaint)
    add_recommendation(report, 1, groups=["home-office"])
    publish(report)
    publish(report)
    assert len(calls) == 1
    assert calls[0]["complaint"] == complaint
    assert calls[0]["report"] == report
    assert calls[0]["source"].on == datetime.date(2021, 5, 26)
    assert calls[0]["published_by"] == caseworker


def test_only_a_report_on_a_super_complaint_can_be_linked_to_one(make_report):
    from followthrough.complaints.models import SuperComplaint

    complaint = SuperComplaint.internal.create(
        reference="SC-2019-0002",
        designated_body=Organisation.objects.get(code="hestia"),
        state="eligible",
        received_on=datetime.date(2019, 5, 31),
    )
    with pytest.raises(ValidationError):
        make_report(source=Report.Source.INSPECTION, super_complaint=complaint)


def test_a_report_cannot_be_recorded_from_a_source_dated_in_the_future(make_report, add_recommendation, publish):
    report = make_report(published_on=timezone.localdate() + datetime.timedelta(days=1))
    add_recommendation(report, 1, groups=["home-office"])
    with pytest.raises(ValidationError) as error:
        publish(report)
    assert "must be today or in the past" in error.value.message_dict["source_on"][0]
    report.refresh_from_db()
    assert report.state == State.DRAFT and not Obligation.casework.exists()


def test_a_report_changed_after_the_publish_page_was_loaded_is_not_published_unseen(
    make_report, add_recommendation, caseworker
):
    from followthrough.reports import services

    report = make_report()
    add_recommendation(report, 1, groups=["home-office"])
    shown = Report.casework.get(pk=report.pk).version
    add_recommendation(report, 2, groups=["home-office"])
    with pytest.raises(ValidationError, match="Someone else changed this report"):
        services.report_publish(report=report, published_by=caseworker, expected_version=shown)
    assert Report.casework.get(pk=report.pk).state == State.DRAFT and not Obligation.casework.exists()
    services.report_publish(
        report=report, published_by=caseworker, expected_version=Report.casework.get(pk=report.pk).version
    )
    published = Report.casework.get(pk=report.pk)
    assert (published.state, published.published_on, published.published_by) == (
        State.PUBLISHED,
        timezone.localdate(),
        caseworker,
    )


def test_only_a_caseworker_at_the_inspectorate_publishes_a_report(make_report, add_recommendation, editor):
    from followthrough.reports import services

    report = make_report()
    add_recommendation(report, 1, groups=["home-office"])
    with pytest.raises(ValidationError, match="at His Majesty's Inspectorate .* can publish it"):
        services.report_publish(report=report, published_by=editor)
    assert Report.casework.get(pk=report.pk).state == State.DRAFT
