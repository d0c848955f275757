from django.conf import settings

from .once import FormInputs
from .presenters import tag, tag_html

DEMO_TAG = tag_html(tag("Demonstration", "yellow"))


def govuk_template(request):
    """Variables the page template reads: the CSP nonce for GOV.UK Frontend's inline script, whether this is a
    demonstration site (settings.DEMO_SITE), which every page then says, and the one feedback address
    (settings.FEEDBACK_EMAIL), which the phase banner and the accessibility statement give.

    django-csp's nonce is lazy and counts as false until first used, so it is turned into text here.
    """
    nonce = getattr(request, "csp_nonce", None)
    return {
        "cspNonce": str(nonce) if nonce is not None else "",
        "demo_site": settings.DEMO_SITE,
        "demo_tag": DEMO_TAG,
        "feedback_email": settings.FEEDBACK_EMAIL,
        "feedback_url": f"mailto:{settings.FEEDBACK_EMAIL}",
    }


def form_inputs(request):
    """Every form's hidden inputs: the CSRF token and a one-time submission key (ADR 0014).

    Django's Jinja2 backend puts its own `csrf_input` in the context before context processors run, so this one
    replaces it: every form already writes `{{ csrf_input }}`, and now sends a key as well without having to remember.
    """
    return {"csrf_input": FormInputs(request)}
