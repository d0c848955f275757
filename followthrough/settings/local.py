"""Settings for running the service on your own machine with `make run`."""

from .base import *  # noqa: F403
from .base import os

DEBUG = env_bool("DEBUG", True)  # noqa: F405
SECRET_KEY = os.environ.get("SECRET_KEY") or "local-only-secret-key-not-for-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
DEMO_SITE = env_bool("DEMO_SITE", True)  # noqa: F405  (`make run` loads the demonstration data)
