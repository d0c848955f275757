"""Factories for tests. Reference organisations come from the data migration; these make extra ones."""

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from followthrough.accounts.models import User
from followthrough.organisations.models import Kind, Membership, Organisation


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"test-organisation-{n}")
    name = factory.Sequence(lambda n: f"Test organisation {n}")
    kind = Kind.NATIONAL_BODY


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.gov.uk")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def member(role, organisation=None, **user_fields):
    """A user with `role` in `organisation` (a new national body if none is given)."""
    user = UserFactory(**user_fields)
    Membership.objects.create(user=user, organisation=organisation or OrganisationFactory(), role=role)
    return user


def confirmed_totp_device(user):
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
