import re

from django.urls import URLPattern

from ..urls import urlpatterns

KEBAB_SEGMENT = re.compile(r"^([a-z0-9]+(-[a-z0-9]+)*|<[a-z]+:[a-z_]+>)$")


def test_every_complaints_view_states_its_permission_or_is_marked_public():
    undeclared = [p.name for p in urlpatterns if isinstance(p, URLPattern) and not hasattr(p.callback, "access")]
    assert undeclared == []


def test_every_complaints_path_is_kebab_case():
    for pattern in urlpatterns:
        segments = [s for s in str(pattern.pattern).split("/") if s]
        assert all(KEBAB_SEGMENT.match(s) for s in segments), str(pattern.pattern)


def test_only_the_two_public_pages_are_public():
    public = sorted(p.name for p in urlpatterns if getattr(p.callback, "access", None) == "public")
    assert public == ["public-detail", "public-list"]
