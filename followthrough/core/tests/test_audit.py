import datetime

import pytest
from django.db import DatabaseError, connection, transaction

from followthrough.core import audit
from followthrough.core.models import AppendOnlyError, AuditEntry
from followthrough.organisations import services
from followthrough.organisations.models import Organisation, Role
from followthrough.testing.factories import OrganisationFactory, UserFactory
from followthrough.testing.pages import assert_good_page, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(administrator):
    organisation = OrganisationFactory()
    return audit.record(actor=administrator, instance=organisation, action=AuditEntry.Action.CREATED, reason="Test")


def test_an_audit_entry_cannot_be_changed_or_deleted_through_the_application(entry):
    entry.reason = "Rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="Rewritten")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


def test_the_database_refuses_to_change_an_audit_entry(entry):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditentry SET reason = 'Rewritten' WHERE id = %s", [entry.pk])
    entry.refresh_from_db()
    assert entry.reason == "Test"


def test_membership_changes_are_audited_with_who_when_what_and_why(administrator):
    user = UserFactory()
    organisation = OrganisationFactory()
    membership = services.membership_add(
        user=user, organisation=organisation, role=Role.EDITOR, added_by=administrator, reason="Joined"
    )
    services.membership_remove(membership=membership, removed_by=administrator, reason="Left")
    created, deleted = AuditEntry.objects.order_by("pk").filter(content_type__model="membership")
    assert (created.action, created.reason, created.actor) == ("created", "Joined", administrator)
    assert (deleted.action, deleted.reason, deleted.before["role"]) == ("deleted", "Left", Role.EDITOR)


def test_oversight_change_ends_the_current_period_and_is_audited(administrator):
    import datetime

    from followthrough.organisations.models import Kind, Oversight

    force = Organisation.objects.create(code="test-force", name="Test Force", kind=Kind.TERRITORIAL_FORCE)
    pcc = Organisation.objects.create(code="test-pcc", name="Test PCC", kind=Kind.LOCAL_POLICING_BODY)
    mayor = Organisation.objects.create(code="test-mayor", name="Test Mayor", kind=Kind.LOCAL_POLICING_BODY)
    services.oversight_record(
        force=force, body=pcc, starts_on=datetime.date(2012, 11, 22), recorded_by=administrator, reason="PCCs"
    )
    services.oversight_record(
        force=force, body=mayor, starts_on=datetime.date(2024, 5, 7), recorded_by=administrator, reason="Mayor"
    )
    assert Oversight.objects.get(body=pcc).ends_on == datetime.date(2024, 5, 6)
    assert force.overseen_by_on(datetime.date(2024, 5, 6)) == pcc
    assert force.overseen_by_on(datetime.date(2024, 5, 7)) == mayor
    assert AuditEntry.objects.filter(content_type__model="oversight").count() == 3


def test_administrators_see_the_audit_trail_and_others_do_not(signed_in_client, administrator, entry):
    text = text_of(assert_good_page(signed_in_client(administrator).get("/audit")))
    assert "Created" in text and administrator.email in text
    assert signed_in_client(UserFactory()).get("/audit").status_code == 403


def test_a_snapshot_records_a_file_by_its_stored_name():
    from followthrough.reports.models import Report

    report = Report(title="A report", slug="a-report", source="inspection", planned_on=datetime.date(2021, 5, 26))
    assert audit.snapshot(report)["document_file"] == ""
    report.document_file.name = "reports/abc123.pdf"
    assert audit.snapshot(report)["document_file"] == "reports/abc123.pdf"
