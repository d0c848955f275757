"""Changing a draft report and its recommendations before publication; a published report refuses every change."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from followthrough.core.models import AuditEntry
from followthrough.organisations.models import AddresseeGroup, Organisation
from followthrough.reports import services
from followthrough.reports.models import DueRule, Obligation, Recommendation, RecommendationPoint, Report
from followthrough.reports.presenters import ReportPresenter
from followthrough.testing.pages import assert_good_page, error_summary_links, text_of

pytestmark = pytest.mark.django_db


def recommendation(report, number, kind=Recommendation.Kind.RECOMMENDATION):
    return Recommendation.casework.get(report=report, kind=kind, number=number)


def pdf(name="report.pdf", body=b"a tiny report"):
    return SimpleUploadedFile(name, b"%PDF-1.7\n" + body, content_type="application/pdf")


@pytest.fixture
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def draft(make_report, add_recommendation):
    report = make_report(title="Stolen freedom", findings="The first findings.")
    add_recommendation(report, 2, groups=["territorial-chief-constables"], points=["first point", "second point"])
    add_recommendation(report, 4, groups=["home-office"], due_rule=DueRule.WITHIN_MONTHS, due_count=6)
    return report


@pytest.fixture
def complaint():
    from followthrough.complaints.models import SuperComplaint

    def make(reference, received_on=datetime.date(2019, 5, 31)):
        return SuperComplaint.internal.create(
            reference=reference,
            designated_body=Organisation.objects.get(code="hestia"),
            state="eligible",
            received_on=received_on,
            title=f"Complaint {reference}",
        )

    return make


# Changing a draft report's details ----------------------------------------------------------------------------------


def test_a_draft_reports_details_change_and_its_slug_stays(draft, caseworker):
    slug = draft.slug
    services.report_update(
        report=draft,
        updated_by=caseworker,
        title="Stolen freedom: the police response",
        findings="Rewritten findings.",
        planned_on=datetime.date(2017, 10, 24),
    )

    report = Report.casework.get(pk=draft.pk)
    assert report.slug == slug
    assert report.title == "Stolen freedom: the police response"
    assert report.findings == "Rewritten findings."
    assert report.planned_on == datetime.date(2017, 10, 24)
    event = report.events.first()
    assert event.title == "Report details changed" and not event.is_public
    assert event.note == "Changed: title, planned publication date, findings."


def test_changing_a_draft_report_is_audited_with_before_and_after(draft, caseworker):
    services.report_update(report=draft, updated_by=caseworker, title="A new title")
    entry = AuditEntry.objects.for_object(draft).filter(action=AuditEntry.Action.UPDATED).get()
    assert entry.actor == caseworker
    assert entry.before["title"] == "Stolen freedom"
    assert entry.after["title"] == "A new title"
    assert entry.after["slug"] == entry.before["slug"]


def test_a_change_that_changes_nothing_records_nothing(draft, caseworker):
    events = draft.events.count()
    services.report_update(report=draft, updated_by=caseworker, title="Stolen freedom", findings="The first findings.")
    assert draft.events.count() == events
    assert not AuditEntry.objects.for_object(draft).filter(action=AuditEntry.Action.UPDATED).exists()


def test_a_published_reports_details_cannot_be_changed(hestia_like, caseworker):
    with pytest.raises(ValidationError) as error:
        services.report_update(report=hestia_like, updated_by=caseworker, title="Rewritten after publication")
    assert "has been published" in error.value.messages[0]
    assert Report.casework.get(pk=hestia_like.pk).title == "The hidden victims"
    assert not hestia_like.events.filter(title="Report details changed").exists()


def test_the_slug_cannot_be_changed(draft, caseworker):
    with pytest.raises(TypeError):
        services.report_update(report=draft, updated_by=caseworker, slug="somewhere-else")
    assert Report.casework.get(pk=draft.pk).slug == draft.slug


def test_the_uploaded_document_is_kept_unless_a_new_one_replaces_it(uploads, make_report, caseworker):
    report = make_report(document_file=pdf(body=b"first"))
    first = report.document_file.name

    services.report_update(report=report, updated_by=caseworker, document_file=None, title="Retitled")
    report.refresh_from_db()
    assert report.document_file.name == first

    services.report_update(report=report, updated_by=caseworker, document_file=pdf(body=b"second"))
    report.refresh_from_db()
    assert report.document_file.name != first and report.document_file.name.startswith("reports/")
    with report.document_file.open("rb") as stored:
        assert stored.read().endswith(b"second")
    assert report.events.first().note == "Changed: uploaded report document."


def test_the_linked_super_complaint_can_be_changed_and_is_let_go_when_the_report_is_not_on_one(
    make_report, caseworker, complaint
):
    first, second = complaint("SC-2019-0002"), complaint("SC-2019-0003")
    report = make_report(source=Report.Source.SUPER_COMPLAINT, super_complaint=first)

    services.report_update(report=report, updated_by=caseworker, super_complaint=second)
    assert Report.casework.get(pk=report.pk).super_complaint == second

    services.report_update(report=report, updated_by=caseworker, source=Report.Source.INSPECTION)
    report = Report.casework.get(pk=report.pk)
    assert report.source == Report.Source.INSPECTION and report.super_complaint is None


def test_a_super_complaint_that_already_has_a_report_is_refused_on_its_field(make_report, caseworker, complaint):
    taken = complaint("SC-2019-0002")
    make_report(title="The first report", source=Report.Source.SUPER_COMPLAINT, super_complaint=taken)
    other = make_report(title="Another report", source=Report.Source.SUPER_COMPLAINT, super_complaint=None)
    with pytest.raises(ValidationError) as error:
        services.report_update(report=other, updated_by=caseworker, super_complaint=taken)
    assert error.value.message_dict["super_complaint"] == [
        "That super-complaint already has a report. Select a different one"
    ]


def test_a_changed_response_rule_is_the_one_publication_uses(draft, caseworker, publish):
    services.report_update(
        report=draft,
        updated_by=caseworker,
        response_count=3,
        response_unit=Report.ResponseUnit.MONTHS,
        response_applies_to=Report.ResponseAppliesTo.EVERY_ADDRESSEE,
    )
    assert draft.events.first().note == "Changed: response period, who must publish a response."
    publish(Report.casework.get(pk=draft.pk))
    home_office = Obligation.casework.get(recommendation__report=draft, organisation__code="home-office")
    assert home_office.response_deadline.due == datetime.date(2021, 8, 26)  # 3 months from 26 May 2021


# Changing and removing a draft's recommendations --------------------------------------------------------------------


def test_a_draft_recommendations_wording_points_and_due_date_are_replaced(draft, caseworker):
    rec = recommendation(draft, 4)
    services.recommendation_update(
        recommendation=rec,
        updated_by=caseworker,
        text="  New words.  ",
        is_summary=True,
        points=["only point", "  "],
        due_rule=DueRule.FIXED_DATE,
        due_count=6,
        due_date=datetime.date(2022, 3, 31),
    )
    rec = recommendation(draft, 4)
    assert rec.text == "New words." and rec.is_summary
    assert rec.points_list() == ["only point"]
    assert (rec.due_rule, rec.due_count, rec.due_date) == (DueRule.FIXED_DATE, None, datetime.date(2022, 3, 31))
    event = draft.events.first()
    assert event.title == "Recommendation 4 changed" and not event.is_public
    assert event.note == "Changed: wording, whether it is a summary, points, when it is due."


def test_a_draft_recommendations_points_are_replaced_not_added_to(draft, caseworker):
    rec = recommendation(draft, 2)
    services.recommendation_update(recommendation=rec, updated_by=caseworker, points=["second point", "third point"])
    assert recommendation(draft, 2).points_list() == ["second point", "third point"]
    assert RecommendationPoint.objects.filter(recommendation=rec).count() == 2


def test_a_draft_recommendations_addressees_are_replaced(draft, caseworker, group, organisation):
    rec = recommendation(draft, 2)
    services.recommendation_update(
        recommendation=rec,
        updated_by=caseworker,
        groups=[group("local-policing-bodies")],
        organisations=[organisation("home-office")],
        jointly=True,
    )
    rec = recommendation(draft, 2)
    assert [g.code for g in rec.groups.all()] == ["local-policing-bodies"]
    assert [o.code for o in rec.organisations.all()] == ["home-office"]
    assert rec.jointly
    assert draft.events.first().note == "Changed: who it is addressed to."


def test_a_recommendation_must_stay_addressed_to_someone(draft, caseworker):
    rec = recommendation(draft, 2)
    with pytest.raises(ValidationError) as error:
        services.recommendation_update(recommendation=rec, updated_by=caseworker, groups=[], organisations=[])
    assert error.value.message_dict["groups"] == ["Select who it is addressed to"]
    assert recommendation(draft, 2).groups.count() == 1


def test_a_recommendation_can_be_renumbered_or_made_an_action(draft, caseworker):
    rec = recommendation(draft, 2)
    services.recommendation_update(recommendation=rec, updated_by=caseworker, kind=Recommendation.Kind.ACTION, number=3)
    moved = Recommendation.casework.get(pk=rec.pk)
    assert (moved.kind, moved.number) == (Recommendation.Kind.ACTION, 3)
    assert moved.points_list() == ["first point", "second point"]
    event = draft.events.first()
    assert event.title == "Recommendation 2 changed"
    assert event.note == "Changed: whether it is a recommendation or an action. It is now Action 3."


def test_a_number_already_in_the_report_is_refused_on_the_number_field(draft, caseworker):
    rec = recommendation(draft, 2)
    with pytest.raises(ValidationError) as error:
        services.recommendation_update(recommendation=rec, updated_by=caseworker, number=4, text="Changed too.")
    assert error.value.message_dict["number"] == [
        "Recommendation 4 is already in this report. Enter a different number"
    ]
    assert recommendation(draft, 2).text == "The words of recommendation 2."


def test_a_recommendation_keeps_its_own_number_when_other_things_change(draft, caseworker):
    rec = recommendation(draft, 2)
    services.recommendation_update(recommendation=rec, updated_by=caseworker, number=2, text="Other words.")
    assert recommendation(draft, 2).text == "Other words."


def test_changing_a_recommendation_is_audited_with_before_and_after(draft, caseworker):
    rec = recommendation(draft, 2)
    services.recommendation_update(recommendation=rec, updated_by=caseworker, text="Other words.", points=[])
    entry = AuditEntry.objects.for_object(rec).filter(action=AuditEntry.Action.UPDATED).get()
    assert entry.actor == caseworker
    assert entry.before["text"] == "The words of recommendation 2."
    assert entry.before["points"] == ["first point", "second point"]
    assert entry.after["text"] == "Other words." and entry.after["points"] == []


def test_a_recommendation_change_that_changes_nothing_records_nothing(draft, caseworker, group):
    rec = recommendation(draft, 2)
    events = draft.events.count()
    services.recommendation_update(
        recommendation=rec,
        updated_by=caseworker,
        text=rec.text,
        points=["first point", "second point"],
        groups=[group("territorial-chief-constables")],
        organisations=[],
        due_rule=DueRule.NONE,
    )
    assert draft.events.count() == events
    assert not AuditEntry.objects.for_object(rec).filter(action=AuditEntry.Action.UPDATED).exists()


def test_removing_a_draft_recommendation_removes_its_points_and_is_audited(draft, caseworker):
    rec = recommendation(draft, 2)
    pk = rec.pk
    services.recommendation_remove(recommendation=rec, removed_by=caseworker)

    assert not Recommendation.casework.filter(pk=pk).exists()
    assert not RecommendationPoint.objects.filter(recommendation_id=pk).exists()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.DELETED, object_id=str(pk))
    assert entry.actor == caseworker
    assert entry.before["text"] == "The words of recommendation 2."
    assert entry.before["points"] == ["first point", "second point"]
    assert entry.after is None
    event = draft.events.first()
    assert event.title == "Recommendation 2 removed" and not event.is_public
    assert "The words of recommendation 2." in event.note


def test_a_removed_recommendations_number_can_be_used_again(draft, caseworker, add_recommendation):
    services.recommendation_remove(recommendation=recommendation(draft, 2), removed_by=caseworker)
    add_recommendation(draft, 2, groups=["home-office"])
    assert recommendation(draft, 2).text == "The words of recommendation 2."


def test_a_published_reports_recommendations_cannot_be_changed_or_removed(hestia_like, caseworker):
    rec = recommendation(hestia_like, 2)
    with pytest.raises(ValidationError) as error:
        services.recommendation_update(recommendation=rec, updated_by=caseworker, text="Rewritten.")
    assert "Correct one instead" in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.recommendation_remove(recommendation=rec, removed_by=caseworker)
    rec = recommendation(hestia_like, 2)
    assert rec.text == "The words of recommendation 2."
    assert rec.obligations.count() == 43
    assert not AuditEntry.objects.for_object(rec).filter(action=AuditEntry.Action.DELETED).exists()


# Pages --------------------------------------------------------------------------------------------------------------


def report_form(report, **changes):
    """The change form's answers for `report`, as a browser sends them."""
    data = {
        "title": report.title,
        "source": report.source,
        "planned_on-day": str(report.planned_on.day),
        "planned_on-month": str(report.planned_on.month),
        "planned_on-year": str(report.planned_on.year),
        "findings": report.findings,
        "response_count": str(report.response_count),
        "response_unit": report.response_unit,
        "response_applies_to": report.response_applies_to,
        "progress_return_months": str(report.progress_return_months),
    }
    return {**data, **changes}


def recommendation_form(**changes):
    chief_constables = AddresseeGroup.objects.get(code="territorial-chief-constables")
    data = {
        "kind": "recommendation",
        "number": "2",
        "text": "Changed words.",
        "points": "first point\nthird point",
        "groups": [chief_constables.pk],
        "jointly": "no",
        "due_rule": "none",
    }
    return {**data, **changes}


def checked(document, name):
    return [i.get("value") for i in document.iter("input") if i.get("name") == name and i.get("checked") is not None]


def test_the_change_report_page_shows_the_draft_as_it_stands(draft, signed_in_client, caseworker):
    document = assert_good_page(signed_in_client(caseworker).get(f"/casework/reports/{draft.slug}/edit"))
    assert document.find(".//input[@name='title']").get("value") == "Stolen freedom"
    assert document.find(".//textarea[@name='findings']").text.strip() == "The first findings."
    assert document.find(".//input[@name='planned_on-day']").get("value") == "26"
    assert document.find(".//input[@name='response_count']").get("value") == "56"
    assert checked(document, "source") == ["inspection"]


def test_a_caseworker_changes_a_draft_reports_details(draft, signed_in_client, caseworker):
    response = signed_in_client(caseworker).post(
        f"/casework/reports/{draft.slug}/edit",
        report_form(draft, title="Stolen freedom, revised", **{"planned_on-year": "2017"}),
    )
    assert response.status_code == 302 and response["Location"] == f"/casework/reports/{draft.slug}"
    report = Report.casework.get(pk=draft.pk)
    assert report.title == "Stolen freedom, revised" and report.slug == draft.slug
    assert report.planned_on == datetime.date(2017, 5, 26)


def test_bad_report_details_show_the_error_summary_and_keep_what_was_typed(draft, signed_in_client, caseworker):
    response = signed_in_client(caseworker).post(
        f"/casework/reports/{draft.slug}/edit",
        report_form(draft, title="", findings="Typed findings", response_count="many"),
    )
    document = assert_good_page(response)
    links = error_summary_links(document)
    assert ("Enter the title of the report", "#id_title") in links
    assert ("The response period must be a whole number, like 56", "#id_response_count") in links
    assert document.find(".//textarea[@name='findings']").text.strip() == "Typed findings"
    assert document.find(".//input[@name='response_count']").get("value") == "many"
    assert document.find(".//title").text.startswith("Error:")
    assert Report.casework.get(pk=draft.pk).findings == "The first findings."


def test_saving_the_report_without_a_new_upload_keeps_the_document(uploads, make_report, signed_in_client, caseworker):
    report = make_report(document_file=pdf())
    stored = report.document_file.name
    client = signed_in_client(caseworker)
    form = assert_good_page(client.get(f"/casework/reports/{report.slug}/edit"))
    assert "Leave this empty to keep the document uploaded already" in text_of(form)

    response = client.post(f"/casework/reports/{report.slug}/edit", report_form(report, title="Retitled"))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.document_file.name == stored and report.title == "Retitled"


def test_a_draft_on_a_super_complaint_keeps_its_complaint_as_a_choice(
    make_report, signed_in_client, caseworker, complaint
):
    linked = complaint("SC-2019-0002")
    report = make_report(source=Report.Source.SUPER_COMPLAINT, super_complaint=linked)
    client = signed_in_client(caseworker)
    document = assert_good_page(client.get(f"/casework/reports/{report.slug}/edit"))
    selected = [o.get("value") for o in document.iter("option") if o.get("selected") is not None]
    assert selected == [str(linked.pk)]

    response = client.post(
        f"/casework/reports/{report.slug}/edit", report_form(report, super_complaint=str(linked.pk), title="Renamed")
    )
    assert response.status_code == 302
    assert Report.casework.get(pk=report.pk).super_complaint == linked


def test_the_change_recommendation_page_shows_it_as_it_stands(draft, signed_in_client, caseworker):
    path = f"/casework/reports/{draft.slug}/recommendations/4/edit"
    document = assert_good_page(signed_in_client(caseworker).get(path))
    assert document.find(".//input[@name='number']").get("value") == "4"
    assert document.find(".//textarea[@name='text']").text.strip() == "The words of recommendation 4."
    assert checked(document, "kind") == ["recommendation"]
    assert checked(document, "groups") == [str(AddresseeGroup.objects.get(code="home-office").pk)]
    assert checked(document, "due_rule") == ["within-months"]
    assert document.find(".//input[@name='due_months']").get("value") == "6"


def test_a_caseworker_changes_a_draft_recommendation(draft, signed_in_client, caseworker):
    response = signed_in_client(caseworker).post(
        f"/casework/reports/{draft.slug}/recommendations/2/edit", recommendation_form()
    )
    assert response.status_code == 302 and response["Location"] == f"/casework/reports/{draft.slug}"
    rec = recommendation(draft, 2)
    assert rec.text == "Changed words." and rec.points_list() == ["first point", "third point"]


def test_bad_recommendation_changes_show_the_error_summary_and_keep_what_was_typed(draft, signed_in_client, caseworker):
    response = signed_in_client(caseworker).post(
        f"/casework/reports/{draft.slug}/recommendations/2/edit",
        recommendation_form(number="4", text="Typed words", groups=[]),
    )
    document = assert_good_page(response)
    links = dict(error_summary_links(document))
    assert links["Recommendation 4 is already in this report. Enter a different number"] == "#id_number"
    assert links["Select who it is addressed to"] == "#groups"
    assert document.find(".//textarea[@name='text']").text.strip() == "Typed words"
    assert document.find(".//input[@name='number']").get("value") == "4"
    assert recommendation(draft, 2).text == "The words of recommendation 2."


def test_an_action_is_changed_and_removed_at_its_own_addresses(draft, add_recommendation, signed_in_client, caseworker):
    add_recommendation(draft, 1, organisations=["college-of-policing"], kind=Recommendation.Kind.ACTION)
    client = signed_in_client(caseworker)
    assert_good_page(client.get(f"/casework/reports/{draft.slug}/actions/1/edit"))
    assert client.get(f"/casework/reports/{draft.slug}/actions/2/edit").status_code == 404
    assert client.post(f"/casework/reports/{draft.slug}/actions/1/remove").status_code == 302
    assert not draft.recommendations.actions().exists()
    assert draft.recommendations.recommendations().count() == 2


def test_the_remove_page_asks_first_and_removes_only_on_confirmation(draft, signed_in_client, caseworker):
    path = f"/casework/reports/{draft.slug}/recommendations/2/remove"
    client = signed_in_client(caseworker)
    document = assert_good_page(client.get(path))
    assert document.find(".//h1").text == "Are you sure you want to remove Recommendation 2?"
    assert "You cannot undo this." in text_of(document)
    form = document.find(".//main//form")
    assert form.get("method") == "post"
    assert [" ".join("".join(b.itertext()).split()) for b in form.iter("button")] == ["Remove"]
    assert recommendation(draft, 2)

    response = client.post(path)
    assert response.status_code == 302 and response["Location"] == f"/casework/reports/{draft.slug}"
    assert list(draft.recommendations.values_list("number", flat=True)) == [4]


def test_the_draft_page_links_to_change_and_remove_and_the_published_page_does_not(
    draft, hestia_like, signed_in_client, caseworker
):
    client = signed_in_client(caseworker)
    hrefs = {a.get("href") for a in assert_good_page(client.get(f"/casework/reports/{draft.slug}")).iter("a")}
    assert f"/casework/reports/{draft.slug}/edit" in hrefs
    assert f"/casework/reports/{draft.slug}/edit#planned_on-day" in hrefs
    assert f"/casework/reports/{draft.slug}/recommendations/2/edit" in hrefs
    assert f"/casework/reports/{draft.slug}/recommendations/4/remove" in hrefs

    published = assert_good_page(client.get(f"/casework/reports/{hestia_like.slug}"))
    hrefs = {a.get("href") for a in published.iter("a")}
    assert not [h for h in hrefs if h and (h.split("#")[0].endswith("/edit") or h.endswith("/remove"))]
    assert f"/casework/reports/{hestia_like.slug}/recommendations/2/correct" in hrefs


def test_only_a_drafts_summary_rows_on_the_casework_page_offer_change_links(draft, hestia_like):
    rows = ReportPresenter(draft, public=False).summary_rows()
    links = {row["key"]["text"]: row["actions"]["items"][0] for row in rows}
    assert links["Published"]["href"] == f"/casework/reports/{draft.slug}/edit#planned_on-day"
    assert links["Published"]["visuallyHiddenText"] == "planned publication date"
    assert set(links) == {"Published", "By", "Source", "Responses due", "Progress reported"}
    for presenter in (ReportPresenter(draft), ReportPresenter(hestia_like, public=False)):
        assert not [row for row in presenter.summary_rows() if "actions" in row]


@pytest.fixture
def editing_paths(draft):
    return [
        f"/casework/reports/{draft.slug}/edit",
        f"/casework/reports/{draft.slug}/recommendations/2/edit",
        f"/casework/reports/{draft.slug}/recommendations/2/remove",
    ]


def test_editing_pages_refuse_an_organisation_editor(editing_paths, draft, signed_in_client, editor):
    client = signed_in_client(editor)
    for path in editing_paths:
        assert_good_page(client.get(path), status=403)
        assert client.post(path, report_form(draft, title="Not allowed")).status_code == 403
    assert Report.casework.get(pk=draft.pk).title == "Stolen freedom"
    assert draft.recommendations.count() == 2


def test_editing_pages_send_anonymous_visitors_to_sign_in(editing_paths, draft):
    for path in editing_paths:
        response = Client().post(path)
        assert response.status_code == 302
        assert response["Location"].startswith(f"/sign-in?next={path}")
    assert draft.recommendations.count() == 2


def test_a_published_reports_editing_pages_are_not_found(hestia_like, signed_in_client, caseworker):
    client = signed_in_client(caseworker)
    for path in [
        f"/casework/reports/{hestia_like.slug}/edit",
        f"/casework/reports/{hestia_like.slug}/recommendations/2/edit",
        f"/casework/reports/{hestia_like.slug}/recommendations/2/remove",
        f"/casework/reports/{hestia_like.slug}/actions/1/remove",
    ]:
        assert_good_page(client.get(path), status=404)
        assert client.post(path, recommendation_form(title="Rewritten")).status_code == 404
    assert Report.casework.get(pk=hestia_like.pk).title == "The hidden victims"
    assert hestia_like.recommendations.count() == 5
