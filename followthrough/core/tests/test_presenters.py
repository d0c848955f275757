"""The presenter base: an allow-list, tags chosen in Python, one timeline entry, and the guard against records."""

import datetime

import pytest
from django import forms
from django.core.paginator import Paginator
from django.utils import timezone

from followthrough.core import presenters
from followthrough.core.models import AuditEntry
from followthrough.organisations.models import Organisation
from followthrough.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


class OrganisationNamePresenter(presenters.Presenter):
    fields = ("name",)


def test_a_presenter_shows_only_the_fields_it_names():
    organisation = OrganisationFactory(name="Kent Police")
    shown = OrganisationNamePresenter(organisation)
    assert shown.name == "Kent Police"
    with pytest.raises(AttributeError):
        shown.code  # noqa: B018 - reading a field the presenter did not name fails


def test_a_tag_is_text_and_a_colour_govuk_frontend_has():
    assert presenters.tag("Overdue", "red") == {"text": "Overdue", "classes": "govuk-tag--red"}
    with pytest.raises(ValueError, match="no 'scarlet' tag"):
        presenters.tag("Overdue", "scarlet")


def test_state_tags_refuse_a_table_that_misses_a_state():
    with pytest.raises(ValueError, match="No tag for b"):
        presenters.StateTags({"a": ("A", "grey")}, states=["a", "b"])
    tags = presenters.StateTags({"a": ("A", "grey")}, states=["a"])
    assert tags["a"] == {"text": "A", "classes": "govuk-tag--grey"}
    assert tags.words("a") == "A"


def test_tag_html_escapes_the_words():
    html = presenters.tag_html(presenters.tag("<b>", "green"))
    assert html == '<strong class="govuk-tag govuk-tag--green">&lt;b&gt;</strong>'


def test_a_timeline_event_says_when_in_words_and_as_iso():
    at = timezone.make_aware(datetime.datetime(2026, 5, 26, 15, 4))
    event = presenters.TimelineEvent.recorded(title="Published", at=at, actor_label="Ann")
    assert event.when == "26 May 2026 at 3:04pm"
    assert event.when_iso == at.isoformat()
    day = presenters.TimelineEvent.on_day(title="Received", on=datetime.date(2021, 5, 26))
    assert (day.when, day.when_iso) == ("26 May 2021", "2021-05-26")


def test_the_guard_finds_records_wherever_a_context_holds_them():
    organisation = OrganisationFactory()
    context = {
        "plain": ["words", 1, None, {"deep": ("still", "fine")}],
        "record": organisation,
        "rows": [{"organisation": organisation}],
        "queryset": Organisation.objects.all(),
        "manager": Organisation.objects,
        "page": Paginator(Organisation.objects.order_by("pk"), 10).get_page(1),
    }
    found = presenters.find_records(context)
    queryset, manager = type(context["queryset"]).__name__, type(context["manager"]).__name__
    assert found == [
        "context['record'] (Organisation)",
        "context['rows'][0]['organisation'] (Organisation)",
        f"context['queryset'] ({queryset})",
        f"context['manager'] ({manager})",
        f"context['page'].object_list ({queryset})",
    ]


def test_the_guard_looks_inside_presenters_but_not_at_their_record():
    organisation = OrganisationFactory()
    assert presenters.find_records(OrganisationNamePresenter(organisation)) == []

    class Leaky(presenters.Presenter):
        def __init__(self, record):
            super().__init__(record)
            self.organisation = record

    assert presenters.find_records({"p": Leaky(organisation)}) == ["context['p'].organisation (Organisation)"]


def test_the_guard_allows_forms_which_carry_their_instance():
    class Form(forms.Form):
        pass

    form = Form()
    form.instance = OrganisationFactory()
    assert presenters.find_records({"form": form, "forms": [form]}) == []


def test_refusing_a_record_names_the_template_where_it_was_and_what_to_do():
    with pytest.raises(presenters.RecordInContext) as refused:
        presenters.refuse_records("reports/detail.jinja", {"report": OrganisationFactory()})
    message = str(refused.value)
    assert "reports/detail.jinja was given database records at context['report'] (Organisation)" in message
    assert "Pass a presenter" in message
    assert "0011" in message


def test_the_audit_table_says_what_changed_without_the_record():
    AuditEntry.objects.create(
        actor_label="Ann",
        action=AuditEntry.Action.UPDATED,
        content_type_id=_any_content_type(),
        object_id="1",
        object_repr="Kent Police",
        before={"name": "Kent"},
        after={"name": "<Kent Police>"},
        reason="Renamed",
    )
    table = presenters.audit_table(AuditEntry.objects.all())
    assert presenters.find_records(table) == []
    (row,) = table["rows"]
    assert row[1] == {"text": "Ann"}
    assert "name: Kent → &lt;Kent Police&gt;" in row[3]["html"]
    empty = presenters.audit_table([])
    assert empty["rows"] == [[{"text": "No changes have been recorded yet.", "colspan": 5}]]


def _any_content_type():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Organisation).pk


def test_a_page_given_a_record_is_refused_before_it_renders(rf):
    from followthrough.core.views import page

    request = rf.get("/")
    with pytest.raises(presenters.RecordInContext, match=r"core/home.jinja was given database records at"):
        page(request, "core/home.jinja", "Home", organisation=OrganisationFactory())
    assert page(request, "core/home.jinja", "Home", organisation={"name": "Kent Police"}).status_code == 200
