"""The Jinja2 environment every page is rendered with (ADR 0002).

GOV.UK Frontend Jinja's macros are loaded under their own prefix, so templates import them exactly as the
package's documentation shows: `{% from "govuk_frontend_jinja/components/button/macro.html" import govukButton %}`.
"""

from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

from followthrough.core import formatting
from followthrough.core.forms import date_input_params, error_summary, field_params


def url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options):
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja", "templates")}),
        ]
    )
    options.setdefault("extensions", []).append("jinja2.ext.do")
    env = Environment(**options)  # noqa: S701 - autoescape is on in settings.TEMPLATES
    env.globals.update(
        {
            "url": url,
            "static": static,
            "get_messages": get_messages,
            "field_params": field_params,
            "date_input_params": date_input_params,
            "error_summary": error_summary,
            "service_name": settings.SERVICE_NAME,
        }
    )
    env.filters.update(
        {
            "paragraphs": formatting.paragraphs,
        }
    )
    return env
