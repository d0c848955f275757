"""Every choice and number is checked at the edge (ADR 0013).

Whatever a person or a script sends, the service answers with a page, a message or a refusal, never a server error,
and a request it refuses leaves no row and no file behind. The walk below finds the pages from the URL resolver and
the links between them, as the people who may use each page, so a page added later is tried without anyone listing
it; then it throws generated values at every field of every form it found, at every whole number in a URL, and at
every parameter of the API.
"""

import datetime
import os
import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import html5lib
import pytest
from django import forms
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from followthrough.core.forms import (
    GovukChoiceField,
    GovukModelChoiceField,
    GovukModelMultipleChoiceField,
    GovukMultipleChoiceField,
)
from followthrough.core.tests.test_architecture import our_patterns
from followthrough.organisations.models import AddresseeGroup, Organisation, Role
from followthrough.reports.models import Obligation
from followthrough.responses import services as response_services
from followthrough.testing.factories import member
from followthrough.testing.files import pdf_bytes
from followthrough.testing.pages import error_summary_links

TOO_BIG = "999999999999999999999999"  # the value in issue 8: larger than any integer column

# The core fields ------------------------------------------------------------------------------------------------------


@pytest.fixture
def organisations_form(db):
    class OrganisationsForm(forms.Form):
        organisation = GovukModelChoiceField(
            queryset=Organisation.objects.all(),
            error_messages={"required": "Select the organisation the letter is from"},
        )
        others = GovukModelMultipleChoiceField(
            queryset=Organisation.objects.all(),
            required=False,
            error_messages={"invalid_choice": "Select organisations from the list"},
        )
        code = GovukModelChoiceField(queryset=Organisation.objects.all(), to_field_name="code", required=False)

    return OrganisationsForm


@pytest.mark.parametrize(
    "value",
    [TOO_BIG, str(2**63), str(-(2**63) - 1), "1.5", "one", "9" * 5000, "\x00", "1\x00"],
    ids=lambda value: repr(value)[:30],
)
def test_a_key_no_record_could_have_is_refused_with_the_fields_words_before_any_query(
    organisations_form, django_assert_num_queries, value
):
    home_office = Organisation.objects.get(code="home-office")
    with django_assert_num_queries(0):
        form = organisations_form({"organisation": value, "others": [str(home_office.pk), value]})
        assert not form.is_valid()
    assert form.errors == {
        "organisation": ["Select the organisation the letter is from"],
        "others": ["Select organisations from the list"],
    }


def test_keys_of_records_on_the_list_are_accepted(organisations_form):
    home_office, npcc = Organisation.objects.filter(code__in=["home-office", "npcc"]).order_by("code")
    form = organisations_form({"organisation": f" {npcc.pk} ", "others": [str(home_office.pk)], "code": "npcc"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["organisation"] == npcc and list(form.cleaned_data["others"]) == [home_office]
    assert form.cleaned_data["code"] == npcc


def test_a_key_in_range_that_no_record_has_is_an_unknown_choice(organisations_form):
    form = organisations_form({"organisation": str(2**31 - 1), "others": [str(2**31 - 1)], "code": TOO_BIG})
    assert not form.is_valid()
    assert form.errors["others"] == ["Select organisations from the list"]
    assert form.errors["code"] == ["Select an option from the list"]


def test_an_unknown_choice_gets_the_words_for_no_choice_unless_the_field_has_its_own():
    class ReplyForm(forms.Form):
        rule = GovukChoiceField(
            choices=[("none", "No reply")], error_messages={"required": "Select when a reply is due"}
        )
        kinds = GovukMultipleChoiceField(choices=[("a", "A")], error_messages={"invalid_choice": "Select kinds"})

    form = ReplyForm({"rule": TOO_BIG, "kinds": ["a", "b"]})
    assert form.errors == {"rule": ["Select when a reply is due"], "kinds": ["Select kinds"]}


def project_forms():
    """Every form class the apps declare, found by importing each app's forms."""
    for config in apps.get_app_configs():
        if config.name.startswith("followthrough."):
            for module in ("forms", "forms_casework"):
                try:
                    __import__(f"{config.name}.{module}")
                except ModuleNotFoundError as missing:
                    if missing.name != f"{config.name}.{module}":
                        raise

    def subclasses(cls):
        for subclass in cls.__subclasses__():
            yield subclass
            yield from subclasses(subclass)

    return {
        f for f in subclasses(forms.Form) if f.__module__.startswith("followthrough.") and ".tests" not in f.__module__
    }


# Whole numbers with no bounds of their own, because their form checks them against bounds that depend on another
# answer. Listed by name, so a new unbounded number fails below until someone has thought about it.
BOUNDED_BY_THEIR_FORM = {"DeadlineQueryForm.count", "DeadlineCalculatorForm.count"}


def test_every_choice_and_number_on_every_form_is_checked_at_the_edge():
    found = project_forms()
    assert {"LetterForm", "RecommendationForm", "ReportForm", "ResponseForm", "EligibilityForm"} <= {
        f.__name__ for f in found
    }
    own = (GovukChoiceField, GovukMultipleChoiceField, GovukModelChoiceField, GovukModelMultipleChoiceField)
    unchecked, unbounded = [], []
    for form in found:
        for name, form_field in form.base_fields.items():
            label = f"{form.__name__}.{name}"
            if isinstance(form_field, forms.ChoiceField) and not isinstance(form_field, own):
                unchecked.append(label)
            whole_number = isinstance(form_field, forms.IntegerField) and label not in BOUNDED_BY_THEIR_FORM
            if whole_number and (form_field.min_value is None or form_field.max_value is None):
                unbounded.append(label)
    assert unchecked == [], f"Choices that are not GOV.UK choice fields from core.forms: {unchecked}"
    assert unbounded == [], f"Whole numbers without a smallest and largest value: {unbounded}"


def test_no_page_address_takes_free_text():
    """Django's `str` and `path` converters let through characters a database cannot read (PostgreSQL refuses NUL):
    a page's address names a record by a number or a slug. (The API's parameters are tried by the last test.)"""
    routes = [route for route, _ in our_patterns() if not route.startswith("api/")]
    assert len(routes) > 50
    free = [route for route in routes if re.search(r"<(str|path):|<[a-z_]+>", route)]
    assert free == [], f"Addresses that take any text: {free}"


# Pages: reading forms as a browser sees them --------------------------------------------------------------------------


@dataclass
class Form:
    """A form as a page shows it: what a browser sends if the person presses its button at once."""

    who: str
    page: str
    action: str
    method: str
    multipart: bool
    values: dict = field(default_factory=dict)  # name -> the values the page filled in, chose or checked
    files: list = field(default_factory=list)  # names of file inputs
    buttons: list = field(default_factory=list)  # (name, value) of each named button

    def data(self, answers=None, button=None):
        data = {name: list(values) for name, values in self.values.items()}
        button = button or (self.buttons[0] if self.buttons else None)
        if button is not None:
            data[button[0]] = [button[1]]
        for name, value in (answers or {}).items():
            data[name] = value if isinstance(value, list) else [value]
        return data

    @property
    def route(self):
        return route_of(self.action)


def link_as_form(who, page, href):
    """A link with a query (`?report=…`) is a form too: its parameters are fields anyone can change."""
    parts = urlsplit(href)
    return Form(who=who, page=page, action=parts.path, method="get", multipart=False, values=parse_qs(parts.query))


def parse_page(who, url, html):
    """The forms on a page and the links it offers."""
    document = html5lib.parse(html, namespaceHTMLElements=False)
    found = []
    for element in document.iter("form"):
        form = Form(
            who=who,
            page=url,
            action=local_path(element.get("action") or url) or url,
            method=(element.get("method") or "get").lower(),
            multipart=element.get("enctype") == "multipart/form-data",
        )
        for tag in element.iter():
            name = tag.get("name")
            if not name or tag.tag not in ("input", "select", "textarea", "button"):
                continue
            kind = tag.get("type", "text") if tag.tag == "input" else tag.tag
            if tag.tag == "button" or kind == "submit":
                form.buttons.append((name, tag.get("value", "")))
            elif kind == "file":
                form.files.append(name)
            else:
                values = form.values.setdefault(name, [])
                if kind in ("radio", "checkbox"):
                    if tag.get("checked") is not None:
                        values.append(tag.get("value", "on"))
                elif tag.tag == "select":
                    options = list(tag.iter("option"))
                    chosen = [o for o in options if o.get("selected") is not None] or options[:1]
                    values.extend(o.get("value", o.text or "") for o in chosen)
                elif tag.tag == "textarea":
                    values.append(tag.text or "")
                else:
                    values.append(tag.get("value", ""))
        found.append(form)
    return found, [a.get("href") for a in document.iter("a") if a.get("href")]


def local_path(href):
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def view_of(url):
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


def route_of(url):
    try:
        return resolve(urlsplit(url).path).route
    except Resolver404:
        return None


def encoded(data):
    """A form body as a browser sends it, byte for byte, so a value can be bytes that are not UTF-8."""
    pairs = [(name, value) for name, values in data.items() for value in values]
    return urlencode(pairs, encoding="utf-8", errors="surrogatepass")


def as_text(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value.encode("utf-8", "replace").decode()


def send(client, form, data, files=None, action=None):
    action = action or form.action
    if form.method == "get":
        return client.get(f"{urlsplit(action).path}?{encoded(data)}")
    if form.multipart:  # the test client writes multipart bodies itself, as UTF-8
        return client.post(
            action, {name: [as_text(v) for v in values] for name, values in data.items()} | (files or {})
        )
    return client.post(action, encoded(data), content_type="application/x-www-form-urlencoded")


# Values a person or a script might send -------------------------------------------------------------------------------

numbers = st.one_of(
    st.sampled_from([TOO_BIG, str(2**63), str(2**31), str(-(2**63) - 1), "-1", "0", "1e400", "9" * 5000]),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
)
odd_text = st.one_of(
    st.text(max_size=30),  # any Unicode, NUL included
    st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3),  # lone surrogates: not UTF-8 once sent
    st.binary(max_size=12),  # bytes that need not be text at all
    st.sampled_from(["", " ", "\x00", "a\x00b", "NaN", "１２", "٣", "1.5", "0x10", "on", "../../etc/passwd"]),
    st.integers(min_value=1000, max_value=60_000).map(lambda n: "x" * n),  # very long
)
values = st.lists(st.one_of(numbers, odd_text), max_size=3)  # no value at all is a field left out
uploads = st.builds(
    SimpleUploadedFile,
    st.one_of(st.sampled_from(["a.pdf", "a.png", "a.docx", "noextension", "a" * 300 + ".pdf"]), st.text(min_size=1)),
    st.one_of(st.sampled_from([b"", pdf_bytes(), b"\x89PNG\r\n\x1a\n", b"MZ\x90\x00"]), st.binary(max_size=64)),
)

EXAMPLES = hypothesis_settings(
    max_examples=3,  # for each of about 65 forms and links with a query, so the walk stays under a minute
    deadline=None,
    derandomize=True,  # the same values on every run, so CI is reproducible
    database=None,
    suppress_health_check=list(HealthCheck),
)

# Django's own words for a bad choice or number, which a GOV.UK page never shows.
STOCK_WORDS = re.compile(
    r"Select a valid choice|is not one of the available choices|is not a valid value|Enter a whole number"
    r"|Enter a list of values|Ensure this value is (less|greater) than"
)

# Signing out ends the visitor's session, and its form has nothing to fill in.
NOT_VISITED = {"sign-out"}

# A refused sign-in is recorded on purpose, so that guessing is locked out (ADR 0003).
NOT_COUNTED = {"axes_accessattempt", "axes_accessfailurelog", "axes_accesslog"}


def table_counts():
    """Rows in every table of every model, in one query."""
    tables = sorted({m._meta.db_table for m in apps.get_models(include_auto_created=True)} - NOT_COUNTED)
    counts = ", ".join(f"(SELECT COUNT(*) FROM {connection.ops.quote_name(table)})" for table in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + counts)  # the table names come from the app registry, quoted
        return dict(zip(tables, cursor.fetchone(), strict=True))


def files_under(root):
    return sorted(os.path.join(folder, name) for folder, _, names in os.walk(root) for name in names)


def finish(response):
    """Read a download to its end, which closes it as a server would (closing a response by hand would also close
    the test's database connection)."""
    if response.streaming:
        b"".join(response.streaming_content)


def access(pattern):
    return getattr(pattern.callback, "access", None)


# The visitor: opens pages as people, and throws values at every form it meets ---------------------------------------


class Visitor:
    """Signed-in people who open pages, fill in forms and follow links. At each form met for the first time, the
    visitor first throws values at it as the person who met it (each request rolled back afterwards, so every one
    starts from the same records), then carries on."""

    def __init__(self, signed_in_client, caseworker, administrator, media_root, on_commit):
        self.on_commit = on_commit

        def at(code):
            return Organisation.objects.get(code=code)

        self.people = {
            "caseworker": caseworker,
            "second caseworker": member(Role.CASEWORKER, at("hmicfrs"), full_name="Sam Second"),
            "administrator": administrator,
            "designated body": member(Role.DESIGNATED_BODY_USER, at("hestia")),
            "editor": member(Role.EDITOR, at("warwickshire-police")),
            "approver": member(Role.APPROVER, at("warwickshire-police")),
            "collator": member(Role.COLLATOR, at("npcc")),
        }
        self.clients = {"anyone": Client()} | {who: signed_in_client(user) for who, user in self.people.items()}
        self.media_root = media_root
        self.pages = {}  # route -> (who, url) of the first page of that route opened
        self.forms = {}  # (method, route) -> the first form met that sends there
        self.links = []  # (who, url) of every link seen
        self.requests = 0

    # Opening pages and filling in forms

    def open(self, who, url):
        """Open `url` as `who`: its forms are checked, and its links remembered for the walk."""
        response = self.clients[who].get(url)
        route = route_of(url)
        finish(response)
        if response.status_code != 200:
            return None
        self.pages.setdefault(route, (who, url))
        if not response["Content-Type"].startswith("text/html"):
            return []
        found, links = parse_page(who, url, response.content.decode())
        paths = [path for path in map(local_path, links) if path]
        self.links.extend((who, path) for path in paths)
        for form in found + [link_as_form(who, url, path) for path in paths if "?" in path]:
            self.throw_at(form)
        return found

    def meet(self, who, url):
        assert self.open(who, url) is not None, f"{who} cannot open {url}"

    def fill_in(self, who, url, answers=None, *, button=None, files=None):
        """Fill in the form on `url` as `who`, changing only `answers`, and press `button`: it must be accepted."""
        found = self.open(who, url)
        assert found, f"{who} finds no form on {url}"
        form = next(f for f in found if f.method == "post")
        if button is not None:
            button = next(b for b in form.buttons if b[1] == button)
        # A file is written when its transaction commits (ADR 0012): run those writes, as a real request's commit does.
        with self.on_commit(execute=True):
            response = send(self.clients[who], form, form.data(answers, button), files)
        if response.status_code != 302:
            document = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
            pytest.fail(f"{who} filled in {url}, which was refused: {error_summary_links(document)}")
        return response["Location"]

    def follow(self, who, url, view_name):
        """Open the first link on `url` to a page named `view_name`, and return its address."""
        self.meet(who, url)
        link = next(link for person, link in reversed(self.links) if person == who and view_of(link) == view_name)
        self.meet(who, link)
        return link

    def walk(self):
        """Every other page each person reaches: from the pages without parameters they may use and the links seen
        so far, following links, one page of each route, opened by whoever reaches it first. Public pages are the
        same for everyone, so only someone not signed in walks them."""
        patterns = [(route, p) for route, p in our_patterns() if not route.startswith("api/")]
        public = {route for route, p in patterns if access(p) == "public"}
        for who in self.clients:
            user = self.people.get(who)
            starts = [
                "/" + route
                for route, p in patterns
                if "<" not in route
                and (route in public) == (user is None)
                and (user is None or user.has_perm(access(p).removeprefix("permission:")))
            ]
            queue, seen = deque([url for person, url in self.links if person == who] + starts), set()
            while queue:
                url = queue.popleft()
                route = route_of(url)
                if url in seen or route is None or route in NOT_VISITED or route in self.pages:
                    continue
                seen.add(url)
                if (route in public) != (user is None):
                    continue
                before = len(self.links)
                self.open(who, url)
                queue.extend(link for _, link in self.links[before:])

    # Checking what comes back

    def check(self, who, label, request):
        """Send `request` as `who`: no server error, none of Django's own words for a bad choice or number, and a
        request refused (answered without a redirect) leaves no row and no file behind."""
        with transaction.atomic():
            rows, files = table_counts(), files_under(self.media_root)
            try:
                response = request(self.clients[who])
            except Exception as error:
                raise AssertionError(f"{label} as {who} raised {error!r}") from error
            self.requests += 1
            finish(response)
            status = response.status_code
            assert status < 500, f"{label} as {who} answered {status}"
            if not 300 <= status < 400:
                after = table_counts()
                changed = {table: (rows[table], after[table]) for table in rows if rows[table] != after[table]}
                assert changed == {}, f"{label} as {who} was refused ({status}) but changed rows: {changed}"
                assert files_under(self.media_root) == files, f"{label} as {who} was refused but left a file"
                if response["Content-Type"].startswith("text/html"):
                    stock = STOCK_WORDS.search(response.content.decode())
                    assert stock is None, f"{label} as {who} shows Django's words: {stock.group(0)!r}"
            transaction.set_rollback(True)

    def throw_at(self, form):
        """Every field at once too large for any column, then every field with a NUL character in it, then generated
        values for any of its fields and files."""
        if (form.method, form.route) in self.forms or form.route in NOT_VISITED:
            return
        self.forms[form.method, form.route] = form
        label = f"{form.method.upper()} {form.action}"
        names = sorted(set(form.values) | {name for name, _ in form.buttons})
        for value in (TOO_BIG, "a\x00b"):
            self.check(form.who, label, lambda c, v=value: send(c, form, form.data(dict.fromkeys(form.values, v))))

        @EXAMPLES
        @given(
            answers=st.fixed_dictionaries({}, optional=dict.fromkeys(names, values)),
            button=st.sampled_from(form.buttons) if form.buttons else st.none(),
            files=st.fixed_dictionaries({}, optional=dict.fromkeys(form.files, uploads)),
        )
        def example(answers, button, files):
            self.check(form.who, label, lambda c: send(c, form, form.data(answers, button), files))

        example()

    def try_numbers_too_big_in_addresses(self):
        """Each page found whose address holds whole numbers, with each too large for any column: its form sent
        there, or the page opened."""
        for route, (who, url) in sorted(self.pages.items()):
            names = re.findall(r"<int:(\w+)>", route)
            if not names:
                continue
            match = resolve(urlsplit(url).path)
            address = reverse(match.view_name, kwargs=match.kwargs | dict.fromkeys(names, int(TOO_BIG)))
            form = self.forms.get(("post", route))
            if form is not None:
                self.check(form.who, f"POST {address}", lambda c, f=form, a=address: send(c, f, f.data(), action=a))
            else:
                self.check(who, f"GET {address}", lambda c, a=address: c.get(a))


# The journey: records in every state a page serves, made through the pages ------------------------------------------


def date(prefix, day):
    return {f"{prefix}-day": str(day.day), f"{prefix}-month": str(day.month), f"{prefix}-year": str(day.year)}


def journey(visitor):
    """A super-complaint, a report, a response and its return, and a letter, each taken through its pages by the
    people who do it, so that every form is met while its record is in the state the form is for."""
    v = visitor
    today = timezone.localdate()
    published = datetime.date(2021, 5, 26)
    pk = {code: str(pk) for code, pk in Organisation.objects.values_list("code", "pk")}

    # A super-complaint, from its first question to the authorities' investigation.
    first = v.fill_in("designated body", "/your-super-complaints/new/title", {"title": "Victims of slavery"})
    own = "/your-super-complaints/{}".format(resolve(urlsplit(first).path).kwargs["complaint_id"])
    v.fill_in("designated body", f"{own}/title", {"title": "Victims of modern slavery"})
    v.fill_in("designated body", f"{own}/features", {"features_of_policing": "Stop and search"})
    v.fill_in("designated body", f"{own}/forces", {"scope": "all"})
    v.fill_in("designated body", f"{own}/harm", {"public_interest_harm": "Harm to victims"})
    v.fill_in("designated body", f"{own}/evidence", {"evidence_description": "Our survey"})
    v.fill_in("designated body", f"{own}/evidence-files", files={"file": SimpleUploadedFile("a.pdf", pdf_bytes())})
    v.follow("designated body", f"{own}/evidence-files", "complaints:evidence-file-remove")
    v.fill_in("designated body", f"{own}/contact", {"contact_name": "Jo", "contact_email": "jo@example.org"})
    v.fill_in("designated body", f"{own}/check-your-answers")
    case = v.follow("caseworker", "/casework/super-complaints", "complaints:casework-detail")
    v.fill_in("caseworker", f"{case}/acknowledge", date("on", today))
    agreed = ["hmicfrs", "iopc", "college-of-policing"]
    v.fill_in("caseworker", f"{case}/eligibility", {"decision": "eligible", "reasons": "Met", "agreed_by": agreed})
    v.meet("caseworker", f"{case}/investigation")
    v.meet("caseworker", f"{case}/progress-report")
    v.meet("designated body", f"{own}/withdraw")

    # A report: drafted with a recommendation and an action for Warwickshire Police, the NPCC and the Home Office,
    # each changed and removed while it is a draft, then published and corrected.
    report = v.fill_in(
        "caseworker",
        "/casework/reports/new",
        {"title": "Stolen freedom", "source": "inspection", **date("planned_on", published)},
    )
    for kind in ("recommendation", "action"):
        v.fill_in(
            "caseworker",
            f"{report}/recommendations/new",
            {
                "kind": kind,
                "number": "1",
                "text": f"The words of {kind} 1",
                "points": "First point\nSecond point",
                "organisations": [pk["warwickshire-police"], pk["npcc"]],
                "groups": [str(AddresseeGroup.objects.get(code="home-office").pk)],
                "jointly": "no",
                "due_rule": "none",
            },
        )
        v.meet("caseworker", f"{report}/{kind}s/1/edit")
        v.meet("caseworker", f"{report}/{kind}s/1/remove")
    v.meet("caseworker", f"{report}/edit")
    v.fill_in("caseworker", f"{report}/publish")
    v.meet("caseworker", f"{report}/recommendations/1/correct")
    v.meet("caseworker", f"{report}/actions/1/correct")

    # Warwickshire Police's response: written with an action and evidence, signed off and published; then its first
    # progress return, claiming the recommendation is implemented, signed off and published for assessment.
    own = v.follow("editor", "/your-obligations", "responses:obligation")
    answers = {"acceptance": "accepted", "done": "Training", "point_1": "Done", "point_2": "Done"}
    v.fill_in("editor", f"{own}/response", answers)
    target = date("target_date", today)
    v.fill_in("editor", f"{own}/response/actions/new", {"description": "Train", "owner_role": "Head", **target})
    v.follow("editor", own, "responses:action-change")
    v.follow("editor", own, "responses:action-remove")
    v.fill_in("editor", f"{own}/response/evidence/new", {"title": "Plan", "url": "https://example.org/plan"})
    v.follow("editor", own, "responses:response-evidence-remove")
    v.fill_in("editor", f"{own}/response/submit")
    v.meet("approver", f"{own}/response/send-back")
    v.fill_in("approver", f"{own}/response/approve")
    v.fill_in("approver", f"{own}/response/publish")
    obligation = Obligation.public.filter(pk=resolve(own).kwargs["obligation_id"])
    response_services.returns_schedule(obligations=obligation, until=today)
    v.fill_in("editor", f"{own}/returns/1", {"status": "implemented", "narrative": "Done"})
    upload = {"upload": SimpleUploadedFile("report.pdf", pdf_bytes())}
    v.fill_in("editor", f"{own}/returns/1/evidence/new", {"title": "Report"}, files=upload)
    v.follow("editor", own, "responses:return-evidence-remove")
    v.fill_in("editor", f"{own}/returns/1/submit")
    v.meet("approver", f"{own}/returns/1/send-back")
    v.fill_in("approver", f"{own}/returns/1/approve")
    v.fill_in("approver", f"{own}/returns/1/publish")

    # A letter: recorded with its file, cleared by someone else, then published.
    letter = {
        **date("sent_on", published),
        "from_organisation": pk["home-office"],
        "from_office_holder": "Minister",
        "to_organisation": pk["npcc"],
        "to_office_holder": "Chair",
        "subject": "Recommendation 1",
        "body": "Dear Chair",
        "reply_rule": "none",
    }
    letter = v.fill_in("caseworker", "/casework/correspondence/new", letter, button="save")
    v.meet("caseworker", f"{letter}/change")
    v.fill_in("caseworker", f"{letter}/upload", files={"file": SimpleUploadedFile("letter.pdf", pdf_bytes())})
    v.fill_in("second caseworker", f"{letter}/clear", {"decision": "clear", "publish_file": "yes"})
    v.meet("second caseworker", f"{letter}/withhold")
    v.fill_in("caseworker", f"{letter}/publish")


@pytest.mark.django_db
def test_no_value_sent_to_any_page_gives_a_server_error_or_leaves_a_row_or_a_file_behind(
    signed_in_client, caseworker, administrator, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path / "media"
    visitor = Visitor(
        signed_in_client, caseworker, administrator, settings.MEDIA_ROOT, django_capture_on_commit_callbacks
    )
    journey(visitor)
    visitor.walk()
    visitor.try_numbers_too_big_in_addresses()

    # The visitor found the pages and their forms, so the checks above mean something.
    sent_to = {route for method, route in visitor.forms if method == "post"}
    assert {
        "casework/correspondence/new",
        "casework/reports/<slug:slug>/recommendations/new",
        "casework/reports/<slug:slug>/recommendations/<int:number>/edit",
        "casework/reports/<slug:slug>/recommendations/<int:number>/correct",
        "your-obligations/<int:obligation_id>/response",
        "casework/super-complaints/<slug:reference>/eligibility",
        "casework/assessments/<int:return_id>",
        "sign-in",
    } <= sent_to
    assert len(sent_to) >= 50, sorted(sent_to)
    assert len(visitor.pages) >= 80
    assert visitor.requests >= 300


API_VALUES = st.one_of(numbers, odd_text.filter(lambda v: v != ""))


@pytest.mark.django_db
def test_no_value_sent_to_any_api_parameter_gives_a_server_error():
    from followthrough.api.views import api

    client = Client()
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    operations = [(path, operation) for path, methods in schema["paths"].items() for operation in methods.values()]
    parameters = {p["name"] for _, operation in operations for p in operation.get("parameters", [])}
    assert {"rule", "count", "start", "slug"} <= parameters and len(operations) >= 3
    statuses = set()
    for path, operation in operations:
        throw_at_operation(client, path, operation, statuses)
    assert {200, 400, 404} <= statuses  # answers, refusals and unknown slugs: the values reached the code


def throw_at_operation(client, path, operation, statuses):
    in_query = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
    in_path = [p["name"] for p in operation.get("parameters", []) if p["in"] == "path"]

    @hypothesis_settings(EXAMPLES, max_examples=30)
    @given(
        query=st.fixed_dictionaries({}, optional=dict.fromkeys(in_query, st.lists(API_VALUES, max_size=2))),
        inside=st.fixed_dictionaries(dict.fromkeys(in_path, API_VALUES)),
    )
    def example(query, inside):
        url = path
        for name, value in inside.items():
            text = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
            url = url.replace("{" + name + "}", quote(text, safe=""))
        response = client.get(f"{url}?{encoded(query)}")
        statuses.add(response.status_code)
        assert response.status_code < 500, f"GET {url} with {query!r} answered {response.status_code}"

    example()
