from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.module_loading import import_string
from django_otp.plugins.otp_email.models import EmailDevice

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


class EmailCodeDevice(EmailDevice):
    """django-otp's email device, whose codes go through the service's outbox rather than straight to the mail server.

    The device keeps the code, when it expires and how many wrong tries have been made; the outbox sends it through
    GOV.UK Notify and records it (ADR 0019). A proxy: django-otp lists the same rows as its own EmailDevice when it
    checks a code, and only sending differs.
    """

    class Meta:
        proxy = True

    def get_subject(self):
        return f"Your {settings.SERVICE_NAME} security code"

    def send_mail(self, body, **kwargs):
        # Each code is a new message: its expiry, to the microsecond, names it in the outbox.
        import_string(settings.SECURITY_CODE_EMAIL)(
            key=f"security-code:{self.pk}:{self.valid_until.isoformat()}",
            to=self.email or self.user.email,
            subject=self.get_subject(),
            body=body,
            user=self.user,
        )
