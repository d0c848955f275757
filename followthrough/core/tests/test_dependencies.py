import json
from importlib.metadata import version
from pathlib import Path

from django.conf import settings

# govuk-frontend-jinja's major version N supports govuk-frontend's major version N + 2 (its compatibility table).
JINJA_TO_FRONTEND_MAJOR = {4: 6, 3: 5, 2: 4}


def test_govuk_frontend_jinja_and_govuk_frontend_major_versions_match():
    jinja_major = int(version("govuk-frontend-jinja").split(".")[0])
    lock = json.loads((Path(settings.BASE_DIR) / "package-lock.json").read_text())
    frontend_version = lock["packages"]["node_modules/govuk-frontend"]["version"]
    assert int(frontend_version.split(".")[0]) == JINJA_TO_FRONTEND_MAJOR[jinja_major]


def test_the_installed_govuk_frontend_is_the_locked_one():
    lock = json.loads((Path(settings.BASE_DIR) / "package-lock.json").read_text())
    installed = json.loads((settings.GOVUK_FRONTEND_DIR.parent.parent / "package.json").read_text())
    assert installed["version"] == lock["packages"]["node_modules/govuk-frontend"]["version"]


def test_production_settings_fail_fast_without_secret_key_and_database_url():
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"}}
    env["DJANGO_SETTINGS_MODULE"] = "followthrough.settings.production"
    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr
