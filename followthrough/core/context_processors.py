from django.conf import settings


def govuk_template(request):
    """Variables the page template reads: the CSP nonce for GOV.UK Frontend's inline script, and whether this is a
    demonstration site (settings.DEMO_SITE), which every page then says.

    django-csp's nonce is lazy and counts as false until first used, so it is turned into text here.
    """
    nonce = getattr(request, "csp_nonce", None)
    return {"cspNonce": str(nonce) if nonce is not None else "", "demo_site": settings.DEMO_SITE}
