"""Who oversaw each territorial force, and when: continuous dated oversight from 22 November 2012."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from followthrough.organisations.models import AddresseeGroup, Organisation, Oversight

COMMISSIONERS_BEGAN = datetime.date(2012, 11, 22)
TODAY = datetime.date(2026, 11, 23)
HESTIA_REPORT_PUBLISHED = datetime.date(2021, 5, 26)
ONE_DAY = datetime.timedelta(days=1)


def force(code):
    return Organisation.objects.get(code=code)


def overseer_code(force_code, on):
    body = force(force_code).overseen_by_on(on)
    return body.code if body else None


def codes(queryset):
    return set(queryset.values_list("code", flat=True))


@pytest.mark.django_db
def test_every_territorial_force_has_continuous_non_overlapping_oversight_from_22_november_2012_to_today():
    for territorial_force in Organisation.objects.territorial_forces():
        periods = list(Oversight.objects.filter(force=territorial_force).order_by("starts_on"))
        assert periods, territorial_force.code
        assert periods[0].starts_on == COMMISSIONERS_BEGAN, territorial_force.code
        for earlier, later in zip(periods, periods[1:], strict=False):
            assert earlier.ends_on is not None, territorial_force.code
            assert later.starts_on == earlier.ends_on + ONE_DAY, territorial_force.code
        assert periods[-1].ends_on is None or periods[-1].ends_on >= TODAY, territorial_force.code


@pytest.mark.django_db
def test_on_the_first_and_last_day_of_every_period_exactly_one_body_oversees_the_force():
    for period in Oversight.objects.filter(starts_on__isnull=False):
        for day in {
            period.starts_on,
            period.starts_on - ONE_DAY,
            period.ends_on or TODAY,
            (period.ends_on or TODAY) + ONE_DAY,
        }:
            if day < COMMISSIONERS_BEGAN:
                continue
            assert Oversight.objects.current_on(day).filter(force=period.force).count() == 1, (period, day)


@pytest.mark.django_db
def test_territorial_forces_are_overseen_by_local_policing_bodies_and_the_others_by_their_own_bodies():
    pairs = set(Oversight.objects.values_list("force__kind", "body__kind"))
    assert pairs == {("territorial-force", "local-policing-body"), ("other-force", "oversight-body")}


@pytest.mark.django_db
def test_no_body_oversees_more_than_one_force():
    for body in Organisation.objects.filter(kind="local-policing-body"):
        assert body.oversees.values("force").distinct().count() <= 1, body.code


@pytest.mark.django_db
def test_nobody_is_recorded_as_overseeing_a_force_before_commissioners_began():
    assert overseer_code("warwickshire-police", COMMISSIONERS_BEGAN - ONE_DAY) is None
    assert overseer_code("warwickshire-police", COMMISSIONERS_BEGAN) == "warwickshire-pcc"


@pytest.mark.django_db
def test_south_yorkshire_police_was_overseen_by_its_commissioner_in_2021_and_is_by_the_mayor_today():
    assert overseer_code("south-yorkshire-police", datetime.date(2021, 6, 1)) == "south-yorkshire-pcc"
    assert overseer_code("south-yorkshire-police", TODAY) == "south-yorkshire-mayor"
    assert force("south-yorkshire-police").overseen_by_on(TODAY).name == "Mayor of South Yorkshire"


@pytest.mark.django_db
def test_south_yorkshire_passed_from_commissioner_to_mayor_on_7_may_2024():
    assert overseer_code("south-yorkshire-police", datetime.date(2024, 5, 6)) == "south-yorkshire-pcc"
    assert overseer_code("south-yorkshire-police", datetime.date(2024, 5, 7)) == "south-yorkshire-mayor"


@pytest.mark.django_db
def test_west_yorkshire_police_had_a_commissioner_on_1_may_2021_and_the_mayor_on_1_june_2021():
    assert overseer_code("west-yorkshire-police", datetime.date(2021, 5, 1)) == "west-yorkshire-pcc"
    assert overseer_code("west-yorkshire-police", datetime.date(2021, 6, 1)) == "west-yorkshire-mayor"
    assert overseer_code("west-yorkshire-police", datetime.date(2021, 5, 9)) == "west-yorkshire-pcc"
    assert overseer_code("west-yorkshire-police", datetime.date(2021, 5, 10)) == "west-yorkshire-mayor"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("force_code", "last_day_before", "body_before", "body_after"),
    [
        ("essex-police", datetime.date(2017, 9, 30), "essex-pcc", "essex-pfcc"),
        ("staffordshire-police", datetime.date(2018, 7, 31), "staffordshire-pcc", "staffordshire-pfcc"),
        ("northamptonshire-police", datetime.date(2018, 12, 31), "northamptonshire-pcc", "northamptonshire-pfcc"),
        ("north-yorkshire-police", datetime.date(2018, 11, 14), "north-yorkshire-pcc", "north-yorkshire-pfcc"),
        ("north-yorkshire-police", datetime.date(2024, 5, 6), "north-yorkshire-pfcc", "york-and-north-yorkshire-mayor"),
        ("cumbria-constabulary", datetime.date(2023, 3, 31), "cumbria-pcc", "cumbria-pfcc"),
        ("greater-manchester-police", datetime.date(2017, 5, 7), "greater-manchester-pcc", "greater-manchester-mayor"),
    ],
)
def test_oversight_changes_hands_on_the_day_after_the_last_day_of_the_old_body(
    force_code, last_day_before, body_before, body_after
):
    assert overseer_code(force_code, last_day_before) == body_before
    assert overseer_code(force_code, last_day_before + ONE_DAY) == body_after


@pytest.mark.django_db
def test_the_met_and_city_of_london_police_have_the_same_overseer_throughout():
    for day in [COMMISSIONERS_BEGAN, HESTIA_REPORT_PUBLISHED, TODAY]:
        assert overseer_code("metropolitan-police-service", day) == "mopac"
        assert overseer_code("city-of-london-police", day) == "city-of-london-corporation"


@pytest.mark.django_db
def test_the_chief_constables_group_resolves_to_the_43_territorial_forces():
    group = AddresseeGroup.objects.get(code="territorial-chief-constables")
    assert group.resolve(HESTIA_REPORT_PUBLISHED).count() == 43
    assert set(group.resolve(TODAY).values_list("kind", flat=True)) == {"territorial-force"}


@pytest.mark.django_db
def test_the_local_policing_bodies_group_resolves_to_43_distinct_bodies_on_26_may_2021():
    group = AddresseeGroup.objects.get(code="local-policing-bodies")
    assert group.resolve(HESTIA_REPORT_PUBLISHED).count() == 43


@pytest.mark.django_db
def test_the_local_policing_bodies_group_resolves_to_43_bodies_on_every_new_year_since_2013_and_today():
    group = AddresseeGroup.objects.get(code="local-policing-bodies")
    for day in [datetime.date(year, 1, 1) for year in range(2013, 2027)] + [TODAY]:
        assert group.resolve(day).count() == 43, day


@pytest.mark.django_db
def test_the_section_29a_group_resolves_to_47_forces():
    assert AddresseeGroup.objects.get(code="section-29a-forces").resolve(TODAY).count() == 47


@pytest.mark.django_db
def test_the_local_policing_bodies_on_26_may_2021_differ_from_those_today_by_exactly_the_three_changes():
    group = AddresseeGroup.objects.get(code="local-policing-bodies")
    then, now = codes(group.resolve(HESTIA_REPORT_PUBLISHED)), codes(group.resolve(TODAY))
    assert then - now == {"south-yorkshire-pcc", "north-yorkshire-pfcc", "cumbria-pcc"}
    assert now - then == {"south-yorkshire-mayor", "york-and-north-yorkshire-mayor", "cumbria-pfcc"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("force_code", "body_code", "starts_on"),
    [
        ("south-yorkshire-police", "south-yorkshire-pcc", datetime.date(2020, 1, 1)),
        # The Committee's open period has no known start, so it overlaps any later one.
        ("ministry-of-defence-police", "ministry-of-defence-police-committee", datetime.date(1990, 1, 1)),
    ],
)
def test_oversight_clean_refuses_a_period_that_overlaps_an_existing_one(force_code, body_code, starts_on):
    overlapping = Oversight(
        force=force(force_code),
        body=Organisation.objects.get(code=body_code),
        starts_on=starts_on,
        ends_on=starts_on.replace(month=12, day=31),
    )
    with pytest.raises(ValidationError, match="overlaps"):
        overlapping.full_clean()


@pytest.mark.django_db
def test_oversight_clean_accepts_a_period_that_ends_before_the_first_one_begins():
    earlier = Oversight(
        force=force("south-yorkshire-police"),
        body=Organisation.objects.get(code="south-yorkshire-pcc"),
        starts_on=datetime.date(2012, 1, 1),
        ends_on=COMMISSIONERS_BEGAN - ONE_DAY,
    )
    earlier.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("force_code", "body_code", "field", "words"),
    [
        ("home-office", "mopac", "force", "Choose a police force"),
        ("british-transport-police", "mopac", "body", "Choose a non-territorial force's body"),
        ("kent-police", "british-transport-police-authority", "body", "Choose a local policing body"),
    ],
)
def test_oversight_clean_accepts_only_a_force_with_the_kind_of_body_that_oversees_it(
    force_code, body_code, field, words
):
    wrong = Oversight(
        force=force(force_code),
        body=Organisation.objects.get(code=body_code),
        starts_on=datetime.date(2001, 1, 1),
        ends_on=datetime.date(2001, 1, 31),
    )
    with pytest.raises(ValidationError) as refused:
        wrong.full_clean()
    assert any(message.startswith(words) for message in refused.value.message_dict[field])


@pytest.mark.django_db
def test_a_local_policing_bodys_oversight_needs_a_start_date():
    undated = Oversight(
        force=force("kent-police"),
        body=Organisation.objects.get(code="kent-pcc"),
        starts_on=None,
        ends_on=None,
    )
    with pytest.raises(ValidationError) as refused:
        undated.full_clean()
    assert refused.value.message_dict["starts_on"] == ["Enter the date the oversight started"]


# --- The non-territorial forces -------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("force_code", "body_code", "starts_on", "source_starts"),
    [
        (
            "british-transport-police",
            "british-transport-police-authority",
            datetime.date(2004, 7, 1),
            "The Railways and Transport Safety Act 2003 (Commencement No. 3) Order 2004",
        ),
        ("civil-nuclear-constabulary", "civil-nuclear-police-authority", datetime.date(2005, 4, 1), "Energy Act 2004"),
        ("ministry-of-defence-police", "ministry-of-defence-police-committee", None, "Ministry of Defence Police Act"),
    ],
)
def test_each_non_territorial_force_is_overseen_by_its_own_body_from_the_date_its_source_gives(
    force_code, body_code, starts_on, source_starts
):
    period = Oversight.objects.get(force__code=force_code)
    assert period.body.code == body_code
    assert period.body.kind == "oversight-body"
    assert period.starts_on == starts_on
    assert period.ends_on is None
    assert period.source_title.startswith(source_starts)
    assert period.source_url.startswith("https://")
    assert overseer_code(force_code, TODAY) == body_code


@pytest.mark.django_db
def test_nobody_is_recorded_as_overseeing_british_transport_police_before_its_authority_was_set_up():
    assert overseer_code("british-transport-police", datetime.date(2004, 6, 30)) is None
    assert overseer_code("british-transport-police", datetime.date(2004, 7, 1)) == "british-transport-police-authority"


@pytest.mark.django_db
def test_the_national_crime_agency_has_no_oversight_body_recorded():
    assert not Oversight.objects.filter(force__code="national-crime-agency").exists()


@pytest.mark.django_db
def test_the_non_territorial_forces_bodies_are_not_local_policing_bodies_for_addressee_groups():
    group = AddresseeGroup.objects.get(code="local-policing-bodies")
    resolved = codes(group.resolve(TODAY))
    assert len(resolved) == 43
    assert not resolved & {"british-transport-police-authority", "civil-nuclear-police-authority"}


@pytest.mark.django_db
def test_loading_the_non_territorial_oversight_again_changes_nothing():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("followthrough.organisations.migrations.0005_load_non_territorial_oversight")
    before = list(Oversight.objects.order_by("pk").values())
    organisations = Organisation.objects.count()
    migration.load(apps, None)
    assert list(Oversight.objects.order_by("pk").values()) == before
    assert Organisation.objects.count() == organisations
