"""Demonstration accounts, one for each kind of user. For `make run` only: never load these in production."""

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from followthrough.organisations.models import Membership, Organisation, Role

from .models import User

DEMO_PASSWORD = "follow-through-demo"  # noqa: S105 - demonstration accounts on a local machine only

DEMO_USERS = [
    ("admin@example.gov.uk", "Alex Administrator", "hmicfrs", [Role.ADMINISTRATOR]),
    ("caseworker@example.gov.uk", "Casey Caseworker", "hmicfrs", [Role.CASEWORKER]),
    # A second caseworker, so a letter recorded by one is cleared by the other (four eyes, ADR 0009 and ADR 0018).
    ("second.caseworker@example.gov.uk", "Sam Second-Caseworker", "hmicfrs", [Role.CASEWORKER]),
    ("hestia@example.org.uk", "Harper Hestia", "hestia", [Role.DESIGNATED_BODY_USER]),
    ("editor@warwickshire.example.police.uk", "Eden Editor", "warwickshire-police", [Role.EDITOR]),
    ("approver@warwickshire.example.police.uk", "April Approver", "warwickshire-police", [Role.APPROVER]),
    ("collator@npcc.example.police.uk", "Colin Collator", "npcc", [Role.COLLATOR]),
]

DEMO_BACKUP_CODE_COUNT = 5


def demo_backup_codes(email):
    """Fixed backup codes, so a demonstration can sign in without an authenticator app: "caseworker-1" and so on."""
    # A token is at most 16 characters (django-otp's column; SQLite does not enforce it, PostgreSQL does), so a long
    # address such as second.caseworker@ is shortened to fit: "secondcasewor-1".
    room = StaticToken._meta.get_field("token").max_length - len(f"-{DEMO_BACKUP_CODE_COUNT}")
    name = email.split("@")[0].replace(".", "")[:room]
    return [f"{name}-{n}" for n in range(1, DEMO_BACKUP_CODE_COUNT + 1)]


def load(out):
    lines = []
    for email, name, code, roles in DEMO_USERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, DEMO_PASSWORD, full_name=name)
        organisation = Organisation.objects.get(code=code)
        for role in roles:
            Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
        lines.append(f"  {email:<42} {', '.join(r.label for r in roles)} at {organisation.name}")
        if user.requires_two_factor:
            # Loading again gives the same codes back, so each `make run` starts with all of them unused.
            codes = demo_backup_codes(email)
            device, _ = StaticDevice.objects.get_or_create(user=user, name="Backup codes", defaults={"confirmed": True})
            device.token_set.all().delete()
            StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
            lines.append(f"  {'':<42} backup codes: {', '.join(codes)}")
    out.write(
        f"\nDemo sign-ins (password for all: {DEMO_PASSWORD}).\n"
        "Everyone who can change the record is asked for a security code after their password: enter one of their\n"
        "backup codes. Each backup code works once; the next `make run` makes them all work again.\n"
        + "\n".join(lines)
        + "\n"
    )
