"""What the account pages show, worked out once so templates only lay it out (ADR 0011)."""

from django.urls import reverse
from django.utils.html import format_html


def account_rows(user, *, has_two_factor):
    """The signed-in person's name, email address and whether two-factor authentication is set up."""
    return [
        {"key": {"text": "Name"}, "value": {"text": user.full_name}},
        {"key": {"text": "Email address"}, "value": {"text": user.email}},
        {"key": {"text": "Two-factor authentication"}, "value": {"text": "Set up" if has_two_factor else "Not set up"}},
    ]


def role_items(memberships):
    """Each role as "Approver at <a>Kent Police</a>", linked to the organisation's page."""
    return [
        format_html(
            '{} at <a class="govuk-link" href="{}">{}</a>',
            m.get_role_display(),
            reverse("organisations:detail", kwargs={"code": m.organisation.code}),
            m.organisation.name,
        )
        for m in memberships
    ]
