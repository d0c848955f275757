"""Roles are held at an organisation: holding one somewhere else counts for nothing there."""

import pytest
from django.contrib.auth.models import AnonymousUser

from followthrough.organisations.models import Membership, Organisation, Role
from followthrough.testing.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def warwickshire():
    return Organisation.objects.get(code="warwickshire-police")


@pytest.fixture
def west_mercia():
    return Organisation.objects.get(code="west-mercia-police")


def test_a_role_counts_only_at_the_organisation_it_is_held_at(warwickshire, west_mercia):
    editor = member(Role.EDITOR, warwickshire)
    assert editor.has_role_at(warwickshire, Role.EDITOR, Role.APPROVER)
    assert editor.has_role_at(warwickshire.pk, Role.EDITOR)
    assert not editor.has_role_at(warwickshire, Role.APPROVER)
    assert not editor.has_role_at(west_mercia, Role.EDITOR)


def test_organisations_where_a_user_holds_a_role_ignore_other_members_roles(warwickshire, west_mercia):
    editor = member(Role.EDITOR, warwickshire)
    Membership.objects.create(user=editor, organisation=west_mercia, role=Role.SUPPORT)
    member(Role.EDITOR, west_mercia)  # someone else is an editor there
    assert list(Organisation.objects.where_user_holds(editor, Role.EDITOR, Role.APPROVER)) == [warwickshire]
    assert set(Organisation.objects.where_user_holds(editor, Role.EDITOR, Role.SUPPORT)) == {warwickshire, west_mercia}
    assert not Organisation.objects.where_user_holds(AnonymousUser(), Role.EDITOR).exists()
