"""Who exists, who answers to whom and when, and who works where.

Oversight of a force by its local policing body is dated, because it changes: West Yorkshire's commissioner was
replaced by its mayor in 2021 and South Yorkshire's in 2024 (ADR 0006). The non-territorial forces are overseen by
bodies of their own (the British Transport Police Authority, for one), dated the same way, with the source of each
date beside it, and no date where no source gives one.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from followthrough.core.provenance import SourceNamed


class Kind(models.TextChoices):
    TERRITORIAL_FORCE = "territorial-force", "Territorial police force"
    OTHER_FORCE = "other-force", "Non-territorial police force"
    LOCAL_POLICING_BODY = "local-policing-body", "Local policing body"
    OVERSIGHT_BODY = "oversight-body", "Oversight body of a non-territorial force"
    NATIONAL_BODY = "national-body", "National body"
    DESIGNATED_BODY = "designated-body", "Designated body"
    SUPPORT_ORGANISATION = "support-organisation", "Support organisation"


FORCE_KINDS = (Kind.TERRITORIAL_FORCE, Kind.OTHER_FORCE)

# Who may oversee whom: a territorial force answers to a local policing body (Police Reform and Social Responsibility
# Act 2011), a non-territorial force to the body its own Act sets up (ADR 0006).
OVERSEER_KIND = {Kind.TERRITORIAL_FORCE: Kind.LOCAL_POLICING_BODY, Kind.OTHER_FORCE: Kind.OVERSIGHT_BODY}


class OrganisationQuerySet(models.QuerySet):
    def territorial_forces(self):
        return self.filter(kind=Kind.TERRITORIAL_FORCE)

    def section_29a_forces(self):
        """Forces a super-complaint can be about: the 43 territorial forces and the 4 others (s.29A)."""
        return self.filter(kind__in=FORCE_KINDS)

    def local_policing_bodies_on(self, on):
        """The local policing bodies overseeing a territorial force on the date `on`. The bodies that oversee the
        non-territorial forces are not local policing bodies, so a recommendation to local policing bodies never
        reaches them."""
        return self.filter(kind=Kind.LOCAL_POLICING_BODY, oversees__in=Oversight.objects.current_on(on)).distinct()

    def where_user_holds(self, user, *roles):
        """The organisations where `user` holds one of `roles`. The role is matched on the user's own membership,
        never on another member's, which chained filters on `memberships` would do."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(pk__in=Membership.objects.filter(user=user, role__in=roles).values("organisation"))


class Organisation(models.Model):
    code = models.SlugField(max_length=80, unique=True, help_text="Short, stable code used in web addresses.")
    name = models.CharField(max_length=255)
    kind = models.CharField(max_length=30, choices=Kind.choices, db_index=True)
    is_welsh = models.BooleanField(default=False, help_text="Welsh bodies publish in Welsh and English.")
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    designated_on = models.DateField(null=True, blank=True, help_text="For designated bodies: date designated.")
    designation_revoked_on = models.DateField(null=True, blank=True)
    allows_self_approval = models.BooleanField(
        default=False,
        help_text="Whether the person who drafted a response may also approve it. Most organisations need two people.",
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_force(self):
        return self.kind in FORCE_KINDS

    def overseen_by_on(self, on):
        """The body that oversaw this force on `on`, or None."""
        oversight = Oversight.objects.current_on(on).filter(force=self).select_related("body").first()
        return oversight.body if oversight else None


class OversightQuerySet(models.QuerySet):
    def current_on(self, on):
        """Periods running on `on`. A period whose start no source dates counts as running since before any date
        asked about (ADR 0006)."""
        return self.filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=on), Q(ends_on__isnull=True) | Q(ends_on__gte=on)
        )


class Oversight(SourceNamed):
    """A body's oversight of a force, from `starts_on` to `ends_on` inclusive: a local policing body's of a territorial
    force, or an oversight body's of a non-territorial force. The source named is where the start date comes from."""

    force = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="overseen_by",
        limit_choices_to={"kind__in": list(OVERSEER_KIND)},
    )
    body = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="oversees",
        limit_choices_to={"kind__in": list(OVERSEER_KIND.values())},
    )
    starts_on = models.DateField(
        null=True,
        blank=True,
        help_text="First day of oversight. Empty only for a non-territorial force's body whose start no source dates.",
    )
    ends_on = models.DateField(null=True, blank=True, help_text="Last day of oversight. Empty while it continues.")

    objects = OversightQuerySet.as_manager()

    class Meta:
        ordering = ["force__name", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="oversight_ends_after_start",
            )
        ]

    def __str__(self):
        since = self.starts_on or "a date not known"
        return f"{self.body} oversees {self.force} from {since}"

    def clean(self):
        if not self.force_id or not self.body_id:
            return
        overseer = OVERSEER_KIND.get(self.force.kind)
        if overseer is None:
            raise ValidationError({"force": "Choose a police force"})
        if self.body.kind != overseer:
            label = "local policing body" if overseer == Kind.LOCAL_POLICING_BODY else "non-territorial force's body"
            raise ValidationError({"body": f"Choose a {label}: {self.force} is overseen by one"})
        if self.starts_on is None and overseer == Kind.LOCAL_POLICING_BODY:
            # Every local policing body's start is known: commissioners took office on 22 November 2012.
            raise ValidationError({"starts_on": "Enter the date the oversight started"})
        if self.starts_on is None and self.ends_on is not None:
            raise ValidationError({"starts_on": "Enter the date the oversight started, as it has ended"})
        start = self.starts_on or datetime.date.min
        end = self.ends_on or datetime.date.max
        overlapping = Oversight.objects.filter(force_id=self.force_id).exclude(pk=self.pk)
        overlapping = overlapping.filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=start), Q(starts_on__isnull=True) | Q(starts_on__lte=end)
        )
        if overlapping.exists():
            raise ValidationError("This period overlaps another period of oversight for the same force")


class AddresseeGroup(models.Model):
    """A description of who a recommendation is for, resolved to organisations as of a date."""

    class Rule(models.TextChoices):
        TERRITORIAL_CHIEF_CONSTABLES = "territorial-chief-constables", "Chief constables of the territorial forces"
        LOCAL_POLICING_BODIES = "local-policing-bodies", "Local policing bodies"
        SECTION_29A_FORCES = "section-29a-forces", "All forces within section 29A"
        CHOSEN = "chosen", "Chosen organisations"

    code = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=255)
    rule = models.CharField(max_length=40, choices=Rule.choices)
    members = models.ManyToManyField(Organisation, blank=True, related_name="addressee_groups")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def resolve(self, on):
        """The concrete organisations this group meant on the date `on`."""
        organisations = Organisation.objects.all()
        if self.rule == self.Rule.TERRITORIAL_CHIEF_CONSTABLES:
            return organisations.territorial_forces()
        if self.rule == self.Rule.LOCAL_POLICING_BODIES:
            return organisations.local_policing_bodies_on(on)
        if self.rule == self.Rule.SECTION_29A_FORCES:
            return organisations.section_29a_forces()
        return self.members.all()


class Role(models.TextChoices):
    DESIGNATED_BODY_USER = "designated-body-user", "Designated body user"
    CASEWORKER = "caseworker", "Inspectorate caseworker"
    EDITOR = "editor", "Organisation editor"
    APPROVER = "approver", "Organisation approver"
    COLLATOR = "collator", "Collator"
    SUPPORT = "support", "Support organisation user"
    ANALYST = "analyst", "Analyst"
    ADMINISTRATOR = "administrator", "Administrator"


# The inspectorate, by its code: caseworkers act for it, whatever else they belong to (ADR 0016).
INSPECTORATE = "hmicfrs"

# Roles whose holders can change the public record, so must sign in with a second factor (ADR 0003, ADR 0019):
# inspectorate staff, organisations' editors and approvers, designated bodies' users and collators. Support and analyst
# users read; they are asked for a second factor only if they have set one up.
TWO_FACTOR_ROLES = {
    Role.CASEWORKER,
    Role.ADMINISTRATOR,
    Role.EDITOR,
    Role.APPROVER,
    Role.DESIGNATED_BODY_USER,
    Role.COLLATOR,
}


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=30, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "role"]
        constraints = [models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role")]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} at {self.organisation}"
