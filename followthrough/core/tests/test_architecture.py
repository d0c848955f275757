"""Rules about the whole codebase that a reviewer should not have to check by eye (ADR 0003)."""

import re

from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp.admin import OTPAdminSite

KEBAB_SEGMENT = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(\.json)?$")
# Django's own admin brings its own URLs and protections; it is checked separately below.
ADMIN_PREFIX = "django-admin/"


# Every view anyone may use without signing in, by route name. A view newly marked `@public` fails
# test_only_the_views_listed_here_are_public until it is added here, on purpose, in a change a reviewer can see.
PUBLIC_VIEWS = {
    "core:home",
    "core:accessibility",
    "core:privacy",
    "accounts:sign-in",
    "accounts:sign-out",
    "calendar:deadline-calculator",
    "organisations:directory",
    "organisations:detail",
    "complaints:public-list",
    "complaints:public-detail",
    "reports:list",
    "reports:detail",
    "reports:recommendation",
    "reports:action",
    "reports:document",
    "responses:organisation-response",
    "responses:matrix",
    "responses:national-responses",
    "responses:evidence",
    "responses:organisation-record",
    "correspondence:list",
    "correspondence:detail",
    "correspondence:file",
    "api:api-root",
    "api:openapi-json",
    "api:deadlines",
    "api:reports",
    "api:report-obligations",
}


def walk(resolver, prefix="", namespaces=()):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from walk(entry, route, namespaces + ((entry.namespace,) if entry.namespace else ()))
        elif isinstance(entry, URLPattern):
            yield route, ":".join((*namespaces, entry.name or route)), entry


def our_patterns():
    return [(route, p) for route, _, p in walk(get_resolver()) if not route.startswith(ADMIN_PREFIX)]


def access_of(pattern):
    callback = pattern.callback
    view = getattr(callback, "view_class", callback)
    return getattr(callback, "access", None) or getattr(view, "access", None)


def test_every_view_states_its_permission_or_is_marked_public():
    unmarked = [route or "/" for route, pattern in our_patterns() if not access_of(pattern)]
    assert unmarked == [], f"Views without a permission check or public marker: {unmarked}"


def test_only_the_views_listed_here_are_public():
    public = {
        name
        for route, name, pattern in walk(get_resolver())
        if not route.startswith(ADMIN_PREFIX) and access_of(pattern) == "public"
    }
    assert sorted(public - PUBLIC_VIEWS) == [], "Views newly marked public: add them to PUBLIC_VIEWS if that is meant"
    assert sorted(PUBLIC_VIEWS - public) == [], "Views listed as public that are not: take them out of PUBLIC_VIEWS"


def test_every_url_path_is_kebab_case():
    bad = []
    for route, _ in our_patterns():
        literal = re.sub(r"<[^>]+>", "x", route).strip("^$")
        for segment in filter(None, literal.split("/")):
            if not KEBAB_SEGMENT.match(segment):
                bad.append(route)
    assert bad == [], f"URL paths that are not kebab-case: {bad}"


def test_the_api_only_reads():
    from followthrough.api.views import api

    methods = set()
    for _, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                methods.update(operation.methods)
    assert methods == {"GET"}


def test_django_admin_needs_a_verified_second_factor():
    assert isinstance(admin.site, OTPAdminSite)


def test_the_walk_finds_views_so_the_checks_above_mean_something():
    routes = {route for route, _ in our_patterns()}
    assert {"", "sign-in", "deadline-calculator", "organisations/"} <= routes
