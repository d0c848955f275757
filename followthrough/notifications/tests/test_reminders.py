"""Reminders go to the editors and approvers of the organisation that owes something, once each."""

import datetime

import pytest

from followthrough.notifications.models import Email
from followthrough.notifications.reminders import DUE_SOON, OVERDUE, reminder_stage
from followthrough.notifications.services import reminders_queue
from followthrough.organisations.models import Membership, Role
from followthrough.testing.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

EDITORS_AND_APPROVERS = [Role.EDITOR, Role.APPROVER]


def remind(organisation, key="response-due:7:due-soon", roles=EDITORS_AND_APPROVERS):
    return reminders_queue(
        organisation=organisation,
        roles=roles,
        key=key,
        subject="Your response is due in 14 days",
        body="Your response to recommendation 2 is due by 20 July 2021.",
    )


@pytest.fixture
def force():
    return OrganisationFactory(name="Warwickshire Police")


def test_only_the_organisations_editors_and_approvers_are_reminded(force):
    editor = member(Role.EDITOR, force)
    approver = member(Role.APPROVER, force)
    member(Role.COLLATOR, force)
    member(Role.ADMINISTRATOR, force)
    member(Role.EDITOR, OrganisationFactory(name="Another force"))
    assert remind(force) == 2
    assert sorted(Email.objects.values_list("to", flat=True)) == sorted([editor.email, approver.email])
    assert set(Email.objects.values_list("key", flat=True)) == {
        f"response-due:7:due-soon:user:{editor.pk}",
        f"response-due:7:due-soon:user:{approver.pk}",
    }
    assert {e.user for e in Email.objects.all()} == {editor, approver}


def test_someone_who_is_both_editor_and_approver_gets_one_message(force):
    both = member(Role.EDITOR, force)
    Membership.objects.create(user=both, organisation=force, role=Role.APPROVER)
    assert remind(force) == 1
    assert Email.objects.get().to == both.email


def test_people_who_cannot_sign_in_are_not_reminded(force):
    member(Role.EDITOR, force, is_active=False)
    assert remind(force) == 0
    assert not Email.objects.exists()


def test_reminding_again_queues_nothing_new_but_reaches_someone_given_the_role_since(force):
    member(Role.EDITOR, force)
    assert remind(force) == 1
    assert remind(force) == 0
    newcomer = member(Role.APPROVER, force)
    assert remind(force) == 1
    assert Email.objects.count() == 2
    assert Email.objects.filter(user=newcomer).count() == 1


def test_a_single_role_may_be_given_on_its_own(force):
    member(Role.EDITOR, force)
    member(Role.APPROVER, force)
    assert remind(force, roles=Role.APPROVER) == 1


DUE = datetime.date(2021, 7, 20)


@pytest.mark.parametrize(
    ("on", "stage"),
    [
        (datetime.date(2021, 7, 5), None),
        (datetime.date(2021, 7, 6), DUE_SOON),
        (datetime.date(2021, 7, 19), DUE_SOON),
        (DUE, DUE_SOON),
        (datetime.date(2021, 7, 21), OVERDUE),
        (datetime.date(2022, 1, 1), OVERDUE),
    ],
)
def test_a_reminder_is_owed_from_14_days_before_the_due_date_and_again_once_it_is_overdue(on, stage, settings):
    settings.REMINDER_DAYS_BEFORE = 14
    assert reminder_stage(due_on=DUE, on=on) == stage


def test_the_days_before_can_be_given_for_one_kind_of_deadline():
    assert reminder_stage(due_on=DUE, on=datetime.date(2021, 7, 13), days_before=7) == DUE_SOON
    assert reminder_stage(due_on=DUE, on=datetime.date(2021, 7, 12), days_before=7) is None
