"""Settings for running the service on your own machine with `make run`."""

from .base import *  # noqa: F403
from .base import os

# Off unless asked for, so `make run` answers an unknown address with the service's own "Page not found" page (and a
# failure with its own error page) as production does; tracebacks still go to the console through LOGGING. Static
# files are served by WhiteNoise from the finders, with or without DEBUG. Set DEBUG=true for Django's debug pages.
DEBUG = env_bool("DEBUG", False)  # noqa: F405
SECRET_KEY = os.environ.get("SECRET_KEY") or "local-only-secret-key-not-for-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
DEMO_SITE = env_bool("DEMO_SITE", True)  # noqa: F405  (`make run` loads the demonstration data)
# Templates are read again when they change, as they would be with DEBUG on.
TEMPLATES = [  # a copy, so base's setting is left as it is
    {**TEMPLATES[0], "OPTIONS": {**TEMPLATES[0]["OPTIONS"], "auto_reload": True}},  # noqa: F405
    *TEMPLATES[1:],  # noqa: F405
]
