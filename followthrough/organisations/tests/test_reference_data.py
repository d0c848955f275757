"""The reference organisations loaded by migration 0002 are complete, well formed and safe to load again."""

import datetime
import importlib
import re

import pytest
from django.apps import apps

from followthrough.organisations import reference_data
from followthrough.organisations.models import AddresseeGroup, Kind, Organisation, Oversight

KEBAB_CASE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WELSH_FORCES = {"dyfed-powys-police", "gwent-police", "north-wales-police", "south-wales-police"}
WELSH_COMMISSIONERS = {"dyfed-powys-pcc", "gwent-pcc", "north-wales-pcc", "south-wales-pcc"}

migration = importlib.import_module("followthrough.organisations.migrations.0002_load_reference_data")
later_migration = importlib.import_module("followthrough.organisations.migrations.0005_load_non_territorial_oversight")


def codes(queryset):
    return set(queryset.values_list("code", flat=True))


@pytest.mark.django_db
def test_there_are_exactly_43_territorial_forces():
    assert Organisation.objects.territorial_forces().count() == 43


@pytest.mark.django_db
def test_exactly_the_four_welsh_territorial_forces_are_marked_welsh():
    assert codes(Organisation.objects.territorial_forces().filter(is_welsh=True)) == WELSH_FORCES


@pytest.mark.django_db
def test_exactly_the_four_welsh_commissioners_are_marked_welsh():
    welsh_bodies = Organisation.objects.filter(kind=Kind.LOCAL_POLICING_BODY, is_welsh=True)
    assert codes(welsh_bodies) == WELSH_COMMISSIONERS


@pytest.mark.django_db
def test_there_are_47_forces_within_section_29a():
    assert Organisation.objects.section_29a_forces().count() == 47


@pytest.mark.django_db
def test_the_forces_outside_the_territorial_43_are_the_nca_btp_mod_police_and_cnc():
    assert codes(Organisation.objects.filter(kind=Kind.OTHER_FORCE)) == {
        "national-crime-agency",
        "british-transport-police",
        "ministry-of-defence-police",
        "civil-nuclear-constabulary",
    }


@pytest.mark.django_db
def test_forces_are_named_by_their_public_names():
    names = dict(Organisation.objects.territorial_forces().values_list("code", "name"))
    assert names["warwickshire-police"] == "Warwickshire Police"
    assert names["avon-and-somerset-police"] == "Avon and Somerset Police"
    assert names["metropolitan-police-service"] == "Metropolitan Police Service"
    assert names["hampshire-and-isle-of-wight-constabulary"] == "Hampshire and Isle of Wight Constabulary"
    assert names["dyfed-powys-police"] == "Dyfed-Powys Police"


@pytest.mark.django_db
def test_every_code_is_kebab_case():
    bad = [code for code in Organisation.objects.values_list("code", flat=True) if not KEBAB_CASE.match(code)]
    bad += [code for code in AddresseeGroup.objects.values_list("code", flat=True) if not KEBAB_CASE.match(code)]
    assert bad == []


def test_every_code_in_the_reference_data_is_unique():
    organisation_codes = [row["code"] for row in reference_data.ORGANISATIONS]
    group_codes = [row["code"] for row in reference_data.ADDRESSEE_GROUPS]
    assert len(organisation_codes) == len(set(organisation_codes))
    assert len(group_codes) == len(set(group_codes))


@pytest.mark.django_db
def test_every_reference_organisation_is_in_the_database():
    assert codes(Organisation.objects.all()) >= {row["code"] for row in reference_data.ORGANISATIONS}


@pytest.mark.django_db
def test_every_reference_organisation_has_a_one_line_description():
    for organisation in Organisation.objects.filter(code__in=[row["code"] for row in reference_data.ORGANISATIONS]):
        assert organisation.description.strip(), organisation.code
        assert "\n" not in organisation.description, organisation.code


@pytest.mark.django_db
def test_a_police_fire_and_crime_commissioner_is_a_different_body_from_the_commissioner_it_replaced():
    pcc = Organisation.objects.get(code="essex-pcc")
    pfcc = Organisation.objects.get(code="essex-pfcc")
    assert pcc.pk != pfcc.pk
    assert pcc.name == "Police and Crime Commissioner for Essex"
    assert pfcc.name == "Police, Fire and Crime Commissioner for Essex"


@pytest.mark.django_db
def test_the_national_bodies_that_receive_recommendations_are_present():
    assert codes(Organisation.objects.filter(kind=Kind.NATIONAL_BODY)) >= {
        "home-office",
        "npcc",
        "apcc",
        "college-of-policing",
        "iopc",
        "hmicfrs",
        "ministry-of-justice",
        "cps",
        "independent-anti-slavery-commissioner",
        "victims-commissioner",
    }


@pytest.mark.django_db
def test_the_bodies_known_to_be_designated_in_2018_are_designated_on_1_november_2018():
    known = {
        "liberty",
        "southall-black-sisters",
        "centre-for-womens-justice",
        "criminal-justice-alliance",
        "hestia",
        "tees-valley-inclusion-project",
        "suzy-lamplugh-trust",
    }
    designated = Organisation.objects.filter(code__in=known)
    assert codes(designated.filter(kind=Kind.DESIGNATED_BODY)) == known
    assert set(designated.values_list("designated_on", flat=True)) == {datetime.date(2018, 11, 1)}
    assert not designated.filter(designation_revoked_on__isnull=False).exists()


@pytest.mark.django_db
def test_the_rule_based_addressee_groups_use_their_rules_and_have_no_chosen_members():
    groups = {group.code: group for group in AddresseeGroup.objects.all()}
    for code in ["territorial-chief-constables", "local-policing-bodies", "section-29a-forces"]:
        assert groups[code].rule == code
        assert not groups[code].members.exists()
    assert groups["territorial-chief-constables"].name == "Chief constables of the territorial forces"
    assert groups["local-policing-bodies"].name == "Local policing bodies"
    assert groups["section-29a-forces"].name == "All forces within section 29A"


@pytest.mark.django_db
def test_the_chosen_addressee_groups_resolve_to_their_members():
    on = datetime.date(2026, 11, 23)
    home_office = AddresseeGroup.objects.get(code="home-office")
    npcc_and_apcc = AddresseeGroup.objects.get(code="npcc-and-apcc")
    assert home_office.rule == npcc_and_apcc.rule == AddresseeGroup.Rule.CHOSEN
    assert codes(home_office.resolve(on)) == {"home-office"}
    assert codes(npcc_and_apcc.resolve(on)) == {"npcc", "apcc"}


@pytest.mark.django_db
def test_loading_the_reference_data_again_changes_nothing():
    def state():
        return (
            list(Organisation.objects.order_by("code").values()),
            list(Oversight.objects.order_by("pk").values()),
            list(AddresseeGroup.objects.order_by("code").values("code", "name", "rule", "members__code")),
        )

    before = state()
    migration.load(apps, None)
    assert state() == before


@pytest.mark.django_db
def test_loading_again_puts_back_a_name_that_was_changed():
    Organisation.objects.filter(code="warwickshire-police").update(name="Something else")
    migration.load(apps, None)
    assert Organisation.objects.get(code="warwickshire-police").name == "Warwickshire Police"


@pytest.mark.django_db
def test_reversing_the_migrations_removes_the_reference_data_and_nothing_else():
    Organisation.objects.create(code="not-reference-data", name="Not reference data", kind=Kind.NATIONAL_BODY)
    later_migration.unload(apps, None)
    assert not Organisation.objects.filter(kind=Kind.OVERSIGHT_BODY).exists()
    assert Oversight.objects.filter(force__kind=Kind.OTHER_FORCE).count() == 0
    migration.unload(apps, None)
    assert codes(Organisation.objects.all()) == {"not-reference-data"}
    assert not Oversight.objects.exists()
    assert not AddresseeGroup.objects.exists()
