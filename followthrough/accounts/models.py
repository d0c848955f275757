from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone

from followthrough.organisations.models import TWO_FACTOR_ROLES


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("Enter an email address")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """Someone who signs in: they act for organisations through their memberships."""

    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=255)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="May use the Django admin for reference data.")
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.full_name or self.email

    def has_role(self, *roles):
        return self.memberships.filter(role__in=roles).exists()

    def has_role_at(self, organisation, *roles):
        """Whether this user holds one of `roles` at `organisation` (an instance or its id), not just anywhere."""
        organisation_id = getattr(organisation, "pk", organisation)
        return self.memberships.filter(organisation_id=organisation_id, role__in=roles).exists()

    @property
    def requires_two_factor(self):
        return self.is_superuser or self.is_staff or self.has_role(*TWO_FACTOR_ROLES)
