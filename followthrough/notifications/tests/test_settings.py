"""Production refuses to start with half of GOV.UK Notify's settings."""

import os
import subprocess
import sys

from django.conf import settings


def start_production(**environment):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NOTIFY_")}
    env.update(
        DJANGO_SETTINGS_MODULE="followthrough.settings.production",
        SECRET_KEY="a-production-like-secret",
        DATABASE_URL="sqlite:///unused.sqlite3",
        ALLOWED_HOSTS="follow-through.service.gov.uk",
        **environment,
    )
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )


def test_production_will_not_start_with_a_notify_key_but_no_template():
    result = start_production(NOTIFY_API_KEY="follow_through-key")
    assert result.returncode != 0
    assert "Set the NOTIFY_TEMPLATE_ID environment variable" in result.stderr


def test_production_starts_with_both_notify_settings_or_neither():
    assert start_production(NOTIFY_API_KEY="follow_through-key", NOTIFY_TEMPLATE_ID="a-template").returncode == 0
    assert start_production().returncode == 0
