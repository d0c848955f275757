def govuk_template(request):
    """Variables GOV.UK Frontend's page template reads: the CSP nonce for its inline script.

    django-csp's nonce is lazy and counts as false until first used, so it is turned into text here.
    """
    nonce = getattr(request, "csp_nonce", None)
    return {"cspNonce": str(nonce) if nonce is not None else ""}
