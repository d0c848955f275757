"""Settings for the test suite. DATABASE_URL selects PostgreSQL; otherwise SQLite."""

from .base import *  # noqa: F403
from .base import BASE_DIR, os

SECRET_KEY = "test-only-secret-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed: hashing strength is not under test
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
NOTIFY_API_KEY = ""  # tests that send through GOV.UK Notify set a key themselves and intercept the client
NOTIFY_TEMPLATE_ID = ""
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}  # tasks run as they are enqueued
SWEEPERS = []
MEDIA_ROOT = BASE_DIR / "var" / "test-uploads"
AXES_FAILURE_LIMIT = 5
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": os.environ.get("LOG_LEVEL", "ERROR")}}
