"""Settings shared by every environment. Environment-specific files import from here.

Every variable read from the environment is described in `.env.example`.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PACKAGE_DIR = BASE_DIR / "followthrough"
GOVUK_FRONTEND_DIR = BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

SERVICE_NAME = "Follow Through"
# A site loaded with demonstration data says so on every page: its statuses for real organisations are not real.
DEMO_SITE = env_bool("DEMO_SITE", False)
# The one address for feedback and for reporting accessibility problems: every page that gives it reads this setting.
FEEDBACK_EMAIL = os.environ.get("FEEDBACK_EMAIL", "feedback@follow-through.service.gov.uk")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_email",
    "axes",
    "rules.apps.AutodiscoverRulesConfig",
    "csp",
    # Background work: django-tasks (Django's tasks API) with its database backend (ADR 0010).
    "django_tasks",
    "django_tasks_db",
    "followthrough.core",
    "followthrough.accounts",
    "followthrough.organisations",
    "followthrough.calendar",
    "followthrough.complaints",
    "followthrough.reports",
    "followthrough.responses",
    "followthrough.correspondence",
    "followthrough.notifications",
    "followthrough.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "followthrough.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Axes must be last: it turns lockouts raised by authentication into responses.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "followthrough.urls"
WSGI_APPLICATION = "followthrough.wsgi.application"

# Jinja2 renders every page of the service (ADR 0002); the Django backend is kept only for Django admin.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "followthrough.jinja2.environment",
            "autoescape": True,
            "context_processors": [
                "followthrough.core.context_processors.govuk_template",
                "followthrough.core.context_processors.form_inputs",
            ],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
FORM_RENDERER = "django.forms.renderers.DjangoTemplates"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's SQLite, letting a whole-database flush pass the history triggers (core/db/sqlite3, ADR 0004).
    DATABASES["default"]["ENGINE"] = "followthrough.core.db.sqlite3"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "accounts:your-account"

# Lock an account and address out after repeated failures (ADR 0003).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "email"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "followthrough.accounts.views.locked_out"

OTP_TOTP_ISSUER = SERVICE_NAME
# Security codes by email, for people who cannot use an authenticator app (ADR 0019). django-otp's email device keeps
# the code, its expiry and its throttle; the message goes through the outbox (`SECURITY_CODE_EMAIL`), not send_mail.
OTP_EMAIL_TOKEN_VALIDITY = 15 * 60  # seconds: long enough for an email to arrive, too short for an old code to help
OTP_EMAIL_COOLDOWN_DURATION = 30  # seconds before another code can be sent
OTP_EMAIL_THROTTLE_FACTOR = 1  # after each wrong code, wait 1, 2, 4... seconds before the next try counts
SECURITY_CODE_EMAIL = "followthrough.notifications.services.email_send_soon"
OTP_EMAIL_BODY_TEMPLATE = (
    "{{ token }} is your " + SERVICE_NAME + " security code.\n\n"
    f"It works once, for {OTP_EMAIL_TOKEN_VALIDITY // 60} minutes.\n\n"
    "If you did not just try to sign in, someone else may know your password: change it, and tell your administrator."
)

SESSION_COOKIE_HTTPONLY = True
# How long a form's one-time submission key can be sent (ADR 0014): as long as Django's default session lasts, so a
# page open for longer would have been signed out anyway. The daily sweep forgets submissions older than this.
SUBMISSION_KEY_MAX_AGE = 14 * 24 * 60 * 60
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "followthrough.core.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content Security Policy: only our own origin, and scripts only with the per-request nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# GOV.UK Frontend's stylesheet refers to /assets/fonts and /assets/images, so static files live under /assets/.
STATIC_URL = "/assets/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    GOVUK_FRONTEND_DIR / "assets",
    ("govuk", GOVUK_FRONTEND_DIR),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploaded files are kept outside the web root and are only ever served through a permission-checked view.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "uploads"))

# What each kind of upload accepts (followthrough/core/files.py reads this; ADR 0012). For each use: the content types
# it accepts, found from a file's first bytes, each with the name endings a file of that type may have; whether a
# file called "*.csv" that is readable text is accepted too; the largest size in bytes; and the words for no file
# and for a file of the wrong type.
_DOCUMENTS_AND_IMAGES = {
    "application/pdf": [".pdf"],
    "application/msword": [".doc"],
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
    "application/vnd.oasis.opendocument.text": [".odt"],
    "image/png": [".png"],
    "image/jpeg": [".jpg", ".jpeg"],
}
_EVIDENCE_TYPES = {
    **_DOCUMENTS_AND_IMAGES,
    "application/vnd.oasis.opendocument.spreadsheet": [".ods"],
    "application/vnd.ms-excel": [".xls"],
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
}
_EVIDENCE_WRONG_TYPE = "The selected file must be a PDF, Word, OpenDocument, spreadsheet, CSV, PNG or JPEG"
UPLOAD_RULES = {
    "complaint-evidence": {
        "types": _EVIDENCE_TYPES,
        "csv": True,
        "max_bytes": int(os.environ.get("SUPER_COMPLAINT_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024))),
        "choose": "Select a file",
        "wrong_type": _EVIDENCE_WRONG_TYPE,
    },
    "response-evidence": {
        "types": _EVIDENCE_TYPES,
        "csv": True,
        "max_bytes": int(os.environ.get("RESPONSE_EVIDENCE_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024))),
        "choose": "Select a file",
        "wrong_type": _EVIDENCE_WRONG_TYPE,
    },
    "letter": {
        "types": _DOCUMENTS_AND_IMAGES,
        "csv": False,
        "max_bytes": int(os.environ.get("LETTER_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024))),
        "choose": "Select the letter's file",
        "wrong_type": "The selected file must be a PDF, Word document, OpenDocument text, PNG or JPEG",
    },
}

# Email leaves through the outbox (followthrough/notifications, ADR 0010): through GOV.UK Notify when NOTIFY_API_KEY
# is set, otherwise through Django's email backend from DEFAULT_FROM_EMAIL.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@follow-through.service.gov.uk")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_TEMPLATE_ID = os.environ.get("NOTIFY_TEMPLATE_ID", "")
# How many times the outbox tries a message before it gives up and leaves it for an administrator to see.
OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "5"))

# Background tasks are rows in the database, run by `manage.py db_worker` (`make worker`): no broker (ADR 0010).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# The daily sweep (`manage.py sweep_deadlines`) runs these callables, in this order, each `run(*, on) -> counts`.
# An app with deadlines to watch, or old records to forget, adds its dotted path here.
SWEEPERS = [
    "followthrough.responses.sweep.run",
    "followthrough.correspondence.sweep.run",
    "followthrough.core.once.sweep",
]
# The report pages list the letters about a report or recommendation. Correspondence sits above reports (ADR 0015), so
# reports calls this `(*, report, recommendation=None) -> letters` by name rather than importing it.
REPORT_PAGE_LETTERS = "followthrough.correspondence.presenters.public_letters_about"
# How many days before something is due its reminder goes to the organisation's editors and approvers.
REMINDER_DAYS_BEFORE = int(os.environ.get("REMINDER_DAYS_BEFORE", "14"))
# How many days after something became overdue its "overdue" email may still go, if the sweep missed the day itself.
REMINDER_OVERDUE_CATCH_UP_DAYS = int(os.environ.get("REMINDER_OVERDUE_CATCH_UP_DAYS", "7"))
# The service's own address, for links in emails.
SERVICE_URL = os.environ.get("SERVICE_URL", "http://localhost:8000")

# Which part of the United Kingdom the working-day calendar follows (ADR 0005).
CALENDAR_HOLIDAY_YEARS = (2015, 2035)

# Super-complaints (followthrough/complaints/conf.py reads these). Eligibility has no statutory time limit: the
# target is a service target, never shown as a legal deadline. The progress report cadence is not fixed in law.
SUPER_COMPLAINT_ELIGIBILITY_TARGET_DAYS = int(os.environ.get("SUPER_COMPLAINT_ELIGIBILITY_TARGET_DAYS", "90"))
SUPER_COMPLAINT_PROGRESS_REPORT_MONTHS = int(os.environ.get("SUPER_COMPLAINT_PROGRESS_REPORT_MONTHS", "3"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
