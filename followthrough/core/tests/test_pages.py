import pytest
from django.test import Client

from followthrough.testing.pages import assert_good_page, text_of

PUBLIC_PAGES = ["/", "/organisations/", "/deadline-calculator", "/sign-in", "/accessibility", "/privacy", "/sign-out"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_is_valid_html_with_title_and_nonce(path):
    assert_good_page(Client().get(path))


@pytest.mark.django_db
def test_landing_page_says_what_the_service_is_for_and_links_to_directory_and_calculator():
    document = assert_good_page(Client().get("/"))
    assert "super-complaint" in text_of(document)
    hrefs = {a.get("href") for a in document.iter("a")}
    assert {"/organisations/", "/deadline-calculator"} <= hrefs


@pytest.mark.django_db
def test_every_page_has_skip_link_header_beta_banner_with_feedback_and_footer():
    document = assert_good_page(Client().get("/"))
    html = Client().get("/").content.decode()
    assert 'href="#main-content"' in html
    assert "Follow Through" in "".join(document.find(".//header").itertext())
    assert "Beta" in html and "give your feedback" in html
    assert document.find(".//footer") is not None


@pytest.mark.django_db
def test_unknown_address_shows_govuk_page_not_found():
    document = assert_good_page(Client().get("/no-such-page"), status=404)
    assert "Page not found" in text_of(document)


@pytest.mark.django_db
def test_private_page_refuses_a_signed_in_user_without_the_role_with_govuk_403(signed_in_client):
    from followthrough.testing.factories import UserFactory

    document = assert_good_page(signed_in_client(UserFactory()).get("/audit"), status=403)
    assert "You do not have permission" in text_of(document)


@pytest.mark.django_db
def test_private_page_sends_anonymous_visitors_to_sign_in():
    response = Client().get("/audit")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in?next=/audit")


def test_server_error_page_is_govuk_styled(rf):
    from followthrough.core.views import server_error

    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    request.csp_nonce = "abc"
    response = server_error(request)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


@pytest.mark.django_db
def test_content_security_policy_allows_only_our_own_origin_and_nonced_scripts():
    policy = Client().get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_pages_load_no_third_party_assets():
    html = Client().get("/").content.decode()
    import re

    sources = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    # Links to other websites are fine (the licence in the footer); nothing may be loaded from them.
    loaded = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', html)
    assert loaded == [], loaded
    assert sources is not None


def test_a_demonstration_site_says_so_on_every_page(client, settings):
    settings.DEMO_SITE = True
    assert "This site holds demonstration data" in client.get("/").content.decode()
    settings.DEMO_SITE = False
    assert "This site holds demonstration data" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_accessibility_statement_follows_the_govuk_sample(settings):
    settings.FEEDBACK_EMAIL = "access@example.gov.uk"
    text = text_of(assert_good_page(Client().get("/accessibility")))
    for heading in [
        "How accessible this service is",
        "Feedback and contact information",
        "Reporting accessibility problems with this service",
        "Enforcement procedure",
        "Technical information about this service’s accessibility",
        "Content that is not accessible",
        "How we tested this service",
        "Preparation of this accessibility statement",
    ]:
        assert heading in text
    assert "Web Content Accessibility Guidelines version 2.2 AA standard" in text
    assert "Equality and Human Rights Commission (EHRC)" in text
    assert "Equality Advisory and Support Service (EASS)" in text
    assert "axe" in text and "keyboard" in text and "320 pixels" in text
    assert "last tested this way on" in text


@pytest.mark.django_db
def test_the_feedback_address_comes_from_one_setting_wherever_it_appears(settings):
    settings.FEEDBACK_EMAIL = "access@example.gov.uk"
    statement = Client().get("/accessibility").content.decode()
    assert statement.count('href="mailto:access@example.gov.uk"') == 3  # the phase banner and the statement twice
    assert "access@example.gov.uk" in text_of(assert_good_page(Client().get("/accessibility")))
    home = Client().get("/").content.decode()
    assert 'href="mailto:access@example.gov.uk">give your feedback' in home
    assert "feedback@follow-through.service.gov.uk" not in statement + home


def test_make_run_shows_the_services_own_error_pages_unless_debug_is_asked_for(monkeypatch):
    """Local settings leave DEBUG off, so an unknown address gets the service's "Page not found" page under `make run`
    (Django's debug pages would replace it), while WhiteNoise still serves the assets and templates still reload."""
    import importlib

    monkeypatch.delenv("DEBUG", raising=False)
    from followthrough.settings import local

    local = importlib.reload(local)
    assert local.DEBUG is False
    assert local.WHITENOISE_USE_FINDERS is True
    assert local.TEMPLATES[0]["OPTIONS"]["auto_reload"] is True
